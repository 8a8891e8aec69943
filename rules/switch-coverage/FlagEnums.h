// Enums whose values are bits to combine rather than cases to dispatch on: a switch over one
// (`switch (alignment)`) is not expected to name every bit, and a flag bit OR-ed onto the values
// of an ordinary enum (`FTYPE_GUESSED = 1024` beside 0..20) is not a case of it either.
#pragma once

#include "Glob.h"
#include "rules/utils/FlagsShape.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <llvm/ADT/SmallPtrSet.h>

#include <vector>

namespace clang {
class ASTContext;
class EnumConstantDecl;
class EnumDecl;
class HeaderSearch;
} // namespace clang

namespace contractcheck {

// The enumerators of an ordinary enum that are flag bits set above its cases: single bits,
// larger than every other value by more than 8 times (`FTYPE_GUESSED = 1024` beside values
// 0..20), with at least three values below them.
std::vector<const clang::EnumConstantDecl *> flagBitsAboveCases(const clang::EnumDecl &Enum);

// What the translation unit says about enums being used as flags, gathered over the whole TU
// (the evidence may follow the switch), asked at its end.
class FlagUses {
public:
  explicit FlagUses(std::vector<Glob> FlagTemplates) : FlagTemplates(std::move(FlagTemplates)) {}

  // Headers: where the rule keeps the TU's header search (LibraryHeaders.h), read at match time
  // and when an enum is judged.
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder,
                        clang::ast_matchers::MatchFinder::MatchCallback *Callback,
                        const clang::HeaderSearch *const *Headers);
  // True when the result was one of this class's matches.
  bool record(const clang::ast_matchers::MatchFinder::MatchResult &Result);

  // `QFlags<E>` (Q_DECLARE_FLAGS) or another template named in `flag-templates` takes E, a
  // user `operator|` takes E (Q_DECLARE_OPERATORS_FOR_FLAGS, DEFINE_ENUM_FLAG_OPERATORS), or
  // two enumerators of E are OR-ed together.
  bool usedAsFlags(const clang::EnumDecl &Enum);
  // The enumerator is OR-ed onto something (`type | FTYPE_GUESSED`, `mode |= kForce`), is a
  // single bit, and is larger than every enumerator of its enum that is never OR-ed: a flag
  // bit set on the cases, not one of them (a case OR-ed into a packed word stays a case).
  bool isOredFlagBit(const clang::EnumConstantDecl &Enumerator) const;

private:
  void markEnum(clang::QualType Type);
  void markParameters(const clang::FunctionDecl &Operator);
  void markOperatorsIn(const clang::DeclContext &Scope);
  void markTemplateArguments(const clang::ASTContext &Ctx);

  std::vector<Glob> FlagTemplates;
  const clang::HeaderSearch *const *Headers = nullptr;
  llvm::SmallPtrSet<const clang::EnumDecl *, 16> FlagEnums;
  llvm::SmallPtrSet<const clang::EnumConstantDecl *, 16> Ored;
  // The enums whose enclosing scopes were searched for a library's operator|.
  llvm::SmallPtrSet<const clang::EnumDecl *, 16> LookedUp;
  bool TemplateArgumentsMarked = false; // once per TU, when the first switch is judged
};

} // namespace contractcheck
