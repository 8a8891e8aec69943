// Shell-style globs for paths ('**' crosses directories, '*' does not) and for qualified names
// ('*' matches anything, '::' included).
#pragma once

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
  const std::string &pattern() const { return Pattern; }

private:
  Glob(std::string Pattern, Kind K) : Pattern(std::move(Pattern)), K(K) {}
  bool matchFrom(size_t P, std::string_view Text) const;
  std::string Pattern;
  Kind K;
};

// True when any glob matches; an empty list matches nothing.
bool matchesAny(const std::vector<Glob> &Globs, std::string_view Text);

} // namespace contractcheck
