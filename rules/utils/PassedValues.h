// Values that reach a parameter (passed-values). texstudio's `LatexLogModel::returnString(LogType)`
// is called only as `returnString(LT_ERROR)`, `(LT_WARNING)` and `(LT_BADBOX)`; cantata's
// `DynamicPlaylists::remoteResponse` switches on `Command msgCmd = toCommand(cmd)`, and
// `toCommand` returns List, Status, Save, Del, SetActive, Control or Unknown, never Ping: the
// enumerators no call passes, or no return gives, never reach the switch, and its `default:`
// does not hide them. This records, per TU, the calls of project functions that pass enumerator
// constants (or a bit-field's few values, or the caller's own parameter on) and the functions
// whose every `return` returns one; the CLI's global steps judge by every TU's
// (PassedValueIndex.h), clang-tidy by its own TU's. contract-switch-coverage reads them for a
// switch on a parameter, contract-enum-table for an array read at one (valhalla's
// `kTripLegRoadClass[road_class]` in `GetRoadClass(RoadClass road_class)`, called only with a
// 3-bit field).
#pragma once

#include "rules/utils/PassedValueFacts.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <llvm/ADT/STLFunctionalExtras.h>

#include <vector>

// The declarations it names: what ASTMatchFinder.h does not bring.
namespace clang {
class EnumConstantDecl;
class HeaderSearch;
class ParmVarDecl;
} // namespace clang

namespace contractcheck {

class FunctionRefs; // FunctionRefs.h

// An argument is described when it is an enumerator constant (or a choice of them), a
// bit-field's read (the enumerators its width holds) or the caller's own parameter passed on.
// One reading for both rules: what reaches a switch on a parameter reaches an array read at one
// the same way.
class PassedValues {
public:
  // Headers: where the rule keeps the TU's header search (LibraryHeaders.h), read at match time.
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder,
                        clang::ast_matchers::MatchFinder::MatchCallback *Callback,
                        const clang::HeaderSearch *const *Headers);
  // True when the match was one of this class's (then it has been recorded). The callee
  // reference of a call that passes a constant is no longer one of Refs' other references.
  bool record(const clang::ast_matchers::MatchFinder::MatchResult &Result, FunctionRefs &Refs);
  // A function definition of the project: its returns, when each is an enumerator constant.
  void recordFunction(const clang::FunctionDecl &Function);

  // What this TU recorded, sorted; a call whose callee reference DescribedOtherwise says another
  // fact describes (contract-switch-coverage's call passing a switched value on from a
  // `default:`) is not a constant call.
  std::vector<ConstantCallFact>
  callFacts(const clang::SourceManager &SM,
            llvm::function_ref<bool(const clang::Expr &)> DescribedOtherwise) const;
  std::vector<ReturnedValuesFact> returnFacts() const;
  void clear();

private:
  // An argument: the enumerators it may be, or the caller's parameter it passes on.
  struct Argument {
    unsigned Index;
    std::vector<const clang::EnumConstantDecl *> Enumerators;
    const clang::ParmVarDecl *Forwarded = nullptr;
  };
  struct Call {
    const clang::FunctionDecl *Callee;
    const clang::Expr *CalleeRef;
    clang::SourceLocation Loc;
    std::vector<Argument> Arguments;
  };
  std::vector<Call> Calls;
  std::vector<std::pair<const clang::FunctionDecl *, std::vector<const clang::EnumConstantDecl *>>>
      Returning;
};

} // namespace contractcheck
