// Every reference to a function of the project that takes an integer or an enum, per file: a
// call whose arguments no passed-values fact describes, or its address taken, may give the
// function any value (PassedValueFacts.h's FunctionRefsFact). Used by contract-switch-coverage
// and contract-enum-table for what reaches a parameter.
#pragma once

#include "rules/utils/PassedValueFacts.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <llvm/ADT/DenseSet.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class FunctionDecl;
class HeaderSearch;
} // namespace clang

namespace contractcheck {

// The functions a call of any of which may run Function's body, by USR: Function and every method
// it overrides; what reaches its parameters comes from their calls. None for a lambda's or a
// template's function, or when one of them is declared in a library's header (inALibrarysHeader,
// LibraryHeaders.h), which the library may call with any value.
std::optional<std::vector<std::string>> calleesOf(const clang::FunctionDecl &Function,
                                                  const clang::SourceManager &SM,
                                                  const clang::HeaderSearch *Headers);

class FunctionRefs {
public:
  // Headers: where the rule keeps the TU's header search (LibraryHeaders.h), read at match time.
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder,
                        clang::ast_matchers::MatchFinder::MatchCallback *Callback,
                        const clang::HeaderSearch *const *Headers);
  // True when the match was one of this class's (then it has been recorded).
  bool record(const clang::ast_matchers::MatchFinder::MatchResult &Result);
  // A callee reference whose call another fact says what it passes: not one of refFacts'.
  void describedElsewhere(const clang::Expr &CalleeRef) { DescribedRefs.insert(&CalleeRef); }
  // What this TU recorded, as the global step reads it (sorted, so that a header's facts are the
  // same whichever TU saw it).
  std::vector<FunctionRefsFact> refFacts(const clang::SourceManager &SM) const;
  void clear();

private:
  llvm::DenseSet<const clang::Expr *> DescribedRefs;
  std::vector<std::pair<const clang::Expr *, const clang::FunctionDecl *>> Refs;
};

} // namespace contractcheck
