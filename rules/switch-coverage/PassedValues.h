// Values that reach a switch (passed-values). texstudio's `LatexLogModel::returnString(LogType)`
// is called only as `returnString(LT_ERROR)`, `(LT_WARNING)` and `(LT_BADBOX)`; cantata's
// `DynamicPlaylists::remoteResponse` switches on `Command msgCmd = toCommand(cmd)`, and
// `toCommand` returns List, Status, Save, Del, SetActive, Control or Unknown, never Ping: the
// enumerators no call passes, or no return gives, never reach the switch, and its `default:`
// does not hide them. This records, per TU, the calls of project functions that pass enumerator
// constants and the functions whose every `return` returns one; the CLI's global step judges by
// every TU's (RangeMarkerGlobal.h), clang-tidy by its own TU's.
#pragma once

#include "rules/switch-coverage/PassedValueFacts.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <llvm/ADT/DenseSet.h>

#include <vector>

// The declarations it names: what ASTMatchFinder.h does not bring.
namespace clang {
class EnumConstantDecl;
class HeaderSearch;
class SwitchStmt;
} // namespace clang

namespace contractcheck {

class DefaultCalls; // CallerDefaults.h

class PassedValues {
public:
  // Headers: where the rule keeps the TU's header search (LibraryHeaders.h), read at match time.
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder,
                        clang::ast_matchers::MatchFinder::MatchCallback *Callback,
                        const clang::HeaderSearch *const *Headers);
  // True when the match was one of this class's (then it has been recorded). The callee
  // reference of a call that passes a constant is no longer one of Refs' other references.
  bool record(const clang::ast_matchers::MatchFinder::MatchResult &Result, DefaultCalls &Refs);
  // A function definition of the project: its returns, when each is an enumerator constant.
  void recordFunction(const clang::FunctionDecl &Function);

  // What this TU recorded, sorted; a call that also passes a switched value on from a
  // `default:` is the caller-defaults fact's (Defaults), not a constant call.
  std::vector<ConstantCallFact> callFacts(const clang::SourceManager &SM,
                                          const DefaultCalls &Defaults) const;
  std::vector<ReturnedValuesFact> returnFacts() const;
  void clear();

private:
  struct Call {
    const clang::FunctionDecl *Callee;
    const clang::Expr *CalleeRef;
    clang::SourceLocation Loc;
    std::vector<std::pair<unsigned, std::vector<const clang::EnumConstantDecl *>>> Arguments;
  };
  std::vector<Call> Calls;
  std::vector<std::pair<const clang::FunctionDecl *, std::vector<const clang::EnumConstantDecl *>>>
      Returning;
};

// The function (not virtual, not a library's) a call of which gives the switched value:
// `switch (f(x))`, or a switch on a local that keeps the value it was initialised with from
// `f(x)`. Null for anything else.
const clang::FunctionDecl *returnerOf(const clang::SwitchStmt &Switch,
                                      const clang::SourceManager &SM,
                                      const clang::HeaderSearch *Headers);

} // namespace contractcheck
