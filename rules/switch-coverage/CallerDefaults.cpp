#include "rules/switch-coverage/CallerDefaults.h"

#include "rules/switch-coverage/SwitchDefault.h"
#include "rules/switch-coverage/SwitchedValue.h"
#include "rules/utils/Usr.h"
#include "LibraryHeaders.h"
#include "SourcePositions.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/STLExtras.h>

#include <map>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

// What the statement before a label runs may go on into the label: anything but a jump.
bool mayFallThrough(const Stmt *S) {
  while (true) {
    if (const auto *Label = dyn_cast_or_null<SwitchCase>(S))
      S = Label->getSubStmt();
    else if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
      S = Block->body_empty() ? nullptr : Block->body_back();
    else
      break;
  }
  return !isa_and_nonnull<BreakStmt, ReturnStmt, ContinueStmt, GotoStmt, CXXThrowExpr>(S);
}

// A label inside S through which control may enter other than from the top: a case of the switch
// S stands in (not of a switch nested in S), or a goto's target.
bool holdsAnEntry(const Stmt *S) {
  if (!S)
    return false;
  if (isa<SwitchCase, LabelStmt>(S))
    return true;
  if (isa<SwitchStmt>(S))
    return false;
  return llvm::any_of(S->children(), holdsAnEntry);
}

std::optional<llvm::APSInt> valueOf(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult Result;
  if (!E || E->isValueDependent() || !E->EvaluateAsInt(Result, Ctx))
    return std::nullopt;
  return Result.Val.getInt();
}

// Every call inside S (not inside a lambda, which may run anywhere), in order.
void callsIn(const Stmt *S, std::vector<const CallExpr *> &Found) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    Found.push_back(Call);
  for (const Stmt *Child : S->children())
    callsIn(Child, Found);
}

} // namespace

void DefaultCalls::registerMatchers(MatchFinder *Finder, MatchFinder::MatchCallback *Callback,
                                    const HeaderSearch *const *Headers) {
  References.registerMatchers(Finder, Callback, Headers);
}

bool DefaultCalls::record(const MatchFinder::MatchResult &Result) {
  return References.record(Result);
}

void DefaultCalls::recordSwitch(const SwitchStmt &Switch, const DefaultStmt &Default,
                                const EnumDecl &Enum, const ASTContext &Ctx) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Switch.getBody());
  if (!Body)
    return;
  const auto *Top =
      llvm::find_if(Body->body(), [&](const Stmt *S) { return S && labelsLeadTo(*S, Default); });
  if (Top == Body->body_end() || (Top != Body->body_begin() && mayFallThrough(*(Top - 1))))
    return;
  std::vector<const VarDecl *> Vars = variablesHoldingCondition(*Switch.getCond());
  if (Vars.empty())
    return;
  // The labels stacked with `default:` (`case X: default:`) lead to its calls too.
  std::vector<const SwitchCase *> Stacked;
  const Stmt *First = *Top;
  while (const auto *Label = dyn_cast_or_null<SwitchCase>(First)) {
    Stacked.push_back(Label);
    First = Label->getSubStmt();
  }
  // What only `default:` runs: up to the next label of the switch, with no other way in.
  const auto *End = std::find_if(Top + 1, Body->body_end(),
                                 [](const Stmt *S) { return isa_and_nonnull<SwitchCase>(S); });
  if (holdsAnEntry(First) || std::any_of(Top + 1, End, holdsAnEntry))
    return;
  std::vector<const EnumConstantDecl *> Filtered;
  for (const SwitchCase *SC = Switch.getSwitchCaseList(); SC; SC = SC->getNextSwitchCase()) {
    const auto *Case = dyn_cast<CaseStmt>(SC);
    if (!Case || llvm::is_contained(Stacked, SC))
      continue;
    std::optional<llvm::APSInt> Low = valueOf(Case->getLHS(), Ctx);
    std::optional<llvm::APSInt> High = Case->caseStmtIsGNURange() ? valueOf(Case->getRHS(), Ctx) : Low;
    if (!Low || !High)
      return;
    for (const EnumConstantDecl *E : Enum.enumerators())
      if (llvm::APSInt::compareValues(*Low, E->getInitVal()) <= 0 &&
          llvm::APSInt::compareValues(E->getInitVal(), *High) <= 0)
        Filtered.push_back(E);
  }
  if (Filtered.empty())
    return;
  std::vector<const CallExpr *> Found;
  callsIn(First, Found);
  for (const Stmt *S : llvm::make_range(Top + 1, End))
    callsIn(S, Found);
  for (const CallExpr *Call : Found) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const Expr *CalleeRef = Call->getCallee()->IgnoreParenImpCasts();
    // An overloaded operator's arguments count its object: not a call of this shape.
    if (!Callee || isa<CXXOperatorCallExpr>(Call) || !isa<DeclRefExpr, MemberExpr>(CalleeRef))
      continue;
    bool Passes = false;
    for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams(); ++I)
      if (const VarDecl *Var = variableNamedBy(*Call->getArg(I)); Var && llvm::is_contained(Vars, Var)) {
        Calls.push_back({Callee, I, Filtered, Call->getBeginLoc()});
        Passes = true;
      }
    if (Passes) {
      FilteredRefs.insert(CalleeRef);
      References.describedElsewhere(*CalleeRef);
    }
  }
}

std::vector<DefaultCallFact> DefaultCalls::callFacts(const SourceManager &SM) const {
  std::map<std::string, DefaultCallFact> Facts;
  llvm::DenseMap<const Decl *, std::string> Usrs;
  auto UsrOf = [&](const Decl &D) -> const std::string & {
    auto [It, New] = Usrs.try_emplace(&D);
    if (New)
      It->second = usrOf(D);
    return It->second;
  };
  for (const Call &C : Calls) {
    DefaultCallFact Fact{positionOf(SM.getFileLoc(C.Loc), SM), UsrOf(*C.Callee), C.Argument, {}};
    for (const EnumConstantDecl *E : C.Filtered)
      if (const std::string &Usr = UsrOf(*E); !Usr.empty())
        Fact.Filtered.push_back(Usr);
    if (Fact.Where.File.empty() || Fact.Callee.empty())
      continue;
    std::sort(Fact.Filtered.begin(), Fact.Filtered.end());
    Facts.emplace(Fact.key(), std::move(Fact));
  }
  std::vector<DefaultCallFact> Sorted;
  for (auto &[Key, Fact] : Facts)
    Sorted.push_back(std::move(Fact));
  return Sorted;
}

void DefaultCalls::clear() {
  Calls.clear();
  FilteredRefs.clear();
  References.clear();
}

std::optional<SwitchHookFact> switchHookOf(const SwitchStmt &Switch, const FunctionDecl &Function,
                                           const SourceManager &SM, const HeaderSearch *Headers) {
  const ParmVarDecl *Param = nullptr;
  for (const VarDecl *Var : variablesHoldingCondition(*Switch.getCond()))
    if (const auto *P = dyn_cast<ParmVarDecl>(Var); P && P->getDeclContext() == &Function)
      Param = P;
  if (!Param)
    return std::nullopt;
  std::optional<std::vector<std::string>> Callees = calleesOf(Function, SM, Headers);
  if (!Callees)
    return std::nullopt;
  SwitchHookFact Hook;
  Hook.Parameter = Param->getFunctionScopeIndex();
  Hook.Callees = std::move(*Callees);
  return Hook;
}

} // namespace contractcheck
