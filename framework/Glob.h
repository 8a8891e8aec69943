// Shell-style globs for paths ('**' crosses directories, '*' does not) and for qualified names
// ('*' matches anything, '::' included). Both know '?', '[a-z]', '[!a]' or '[^a]', and '\' to
// take the next character literally. A name glob is an llvm::GlobPattern (no brace expansion),
// which matches in time linear in the name whatever the number of '*'.
#pragma once

#include <llvm/Support/GlobPattern.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contractcheck {

class Glob {
public:
  enum class Kind { Path, Name };

  // Returns nullopt and sets Error when the pattern is malformed (e.g. an unclosed '[').
  static std::optional<Glob> parse(std::string_view Pattern, Kind K, std::string *Error = nullptr);

  bool matches(std::string_view Text) const;
  const std::string &pattern() const { return Compiled->Text; }

private:
  // A GlobPattern keeps a StringRef into the text it was created from, so the text lives beside
  // it, on the heap, never moved: a Glob copied or moved shares both, and no GlobPattern can
  // outlive its text (or point into a moved-from string's inline buffer).
  // A name glob's GlobPattern is created when the glob is first matched, unless the text has a
  // '[' (the only thing GlobPattern::create can refuse that parse does not check first): a rule
  // compiles its option's default globs for every TU, and most TUs never match them (the
  // sentinel names of enum-table and switch-coverage, schema-sync's files: 0.2 M instructions of
  // a one-file run whose TU declares no enum).
  struct Pattern {
    explicit Pattern(std::string Text) : Text(std::move(Text)) {}
    Pattern(const Pattern &) = delete;
    Pattern &operator=(const Pattern &) = delete;
    const llvm::GlobPattern &name() const;
    const std::string Text;
    mutable std::once_flag Created;
    mutable std::optional<llvm::GlobPattern> Name; // for Kind::Name, created from Text
  };

  Glob(std::shared_ptr<const Pattern> Compiled, Kind K) : Compiled(std::move(Compiled)), K(K) {}
  bool matchFrom(size_t P, std::string_view Text) const;
  std::shared_ptr<const Pattern> Compiled;
  Kind K;
};

// True when any glob matches; an empty list matches nothing.
bool matchesAny(const std::vector<Glob> &Globs, std::string_view Text);

} // namespace contractcheck
