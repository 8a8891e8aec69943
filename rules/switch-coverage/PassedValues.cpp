#include "rules/switch-coverage/PassedValues.h"

#include "rules/switch-coverage/CallerDefaults.h"
#include "rules/switch-coverage/SwitchedValue.h"
#include "rules/utils/ReturnsIn.h"
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
#include <llvm/ADT/STLExtras.h>

#include <map>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

// The enumerators E may be: one named through parentheses and casts, a default argument, or a
// choice between such (`c ? A : B`), all of one enum. False for anything else (a variable, a
// call, a number).
bool enumeratorsOf(const Expr *E, std::vector<const EnumConstantDecl *> &Out) {
  if (!E)
    return false;
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
    return enumeratorsOf(Default->getExpr(), Out);
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return enumeratorsOf(Cast->getSubExpr(), Out);
  if (const auto *Choice = dyn_cast<ConditionalOperator>(E))
    return enumeratorsOf(Choice->getTrueExpr(), Out) && enumeratorsOf(Choice->getFalseExpr(), Out);
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Enumerator = Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
  if (!Enumerator ||
      (!Out.empty() && Out.front()->getDeclContext() != Enumerator->getDeclContext()))
    return false;
  Out.push_back(Enumerator);
  return true;
}

// Every name of the values of Enumerators (aliases: one value, several names), by USR, sorted.
std::vector<std::string> namesOfValues(const std::vector<const EnumConstantDecl *> &Enumerators) {
  std::set<std::string> Names;
  for (const EnumConstantDecl *E : Enumerators)
    for (const EnumConstantDecl *Other : cast<EnumDecl>(E->getDeclContext())->enumerators())
      if (llvm::APSInt::isSameValue(Other->getInitVal(), E->getInitVal()))
        if (std::string Usr = usrOf(*Other); !Usr.empty())
          Names.insert(std::move(Usr));
  return {Names.begin(), Names.end()};
}

std::string enumUsrOf(const EnumConstantDecl &E) {
  return usrOf(*cast<EnumDecl>(E.getDeclContext())->getCanonicalDecl());
}

bool isVirtual(const FunctionDecl &F) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&F);
  return Method && Method->isVirtual();
}

} // namespace

void PassedValues::registerMatchers(MatchFinder *Finder, MatchFinder::MatchCallback *Callback,
                                    const HeaderSearch *const *Headers) {
  // Calls of the project's functions (a library's function is never the switch's): wherever
  // they are spelled, as a library template may call the project's function.
  auto InLibrary = isExpansionInALibrarysHeader(Headers);
  Finder->addMatcher(callExpr(unless(cxxOperatorCallExpr()), callee(functionDecl(unless(InLibrary))))
                         .bind("passing-call"),
                     Callback);
}

bool PassedValues::record(const MatchFinder::MatchResult &Result, DefaultCalls &Refs) {
  const auto *Found = Result.Nodes.getNodeAs<CallExpr>("passing-call");
  if (!Found)
    return false;
  const FunctionDecl *Callee = Found->getDirectCallee();
  const Expr *CalleeRef = Found->getCallee()->IgnoreParenImpCasts();
  if (!Callee || !isa<DeclRefExpr, MemberExpr>(CalleeRef))
    return true;
  Call C{Callee, CalleeRef, Found->getBeginLoc(), {}};
  for (unsigned I = 0; I < Found->getNumArgs() && I < Callee->getNumParams(); ++I) {
    std::vector<const EnumConstantDecl *> Enumerators;
    if (enumeratorsOf(Found->getArg(I), Enumerators))
      C.Arguments.emplace_back(I, std::move(Enumerators));
  }
  if (C.Arguments.empty())
    return true;
  Refs.describedElsewhere(*CalleeRef);
  Calls.push_back(std::move(C));
  return true;
}

void PassedValues::recordFunction(const FunctionDecl &Function) {
  if (isVirtual(Function) || Function.isDependentContext() || Function.isTemplateInstantiation() ||
      !Function.getReturnType()->isEnumeralType())
    return;
  std::vector<const ReturnStmt *> Returns;
  returnsIn(Function.getBody(), Returns);
  std::vector<const EnumConstantDecl *> Values;
  for (const ReturnStmt *Return : Returns)
    if (!enumeratorsOf(Return->getRetValue(), Values))
      return;
  if (!Values.empty())
    Returning.emplace_back(&Function, std::move(Values));
}

std::vector<ConstantCallFact> PassedValues::callFacts(const SourceManager &SM,
                                                      const DefaultCalls &Defaults) const {
  std::map<std::string, ConstantCallFact> Facts;
  for (const Call &C : Calls) {
    if (Defaults.passesTheSwitchedValue(*C.CalleeRef))
      continue;
    ConstantCallFact Fact{positionOf(SM.getFileLoc(C.Loc), SM), usrOf(*C.Callee), {}};
    if (Fact.Where.File.empty() || Fact.Callee.empty())
      continue;
    for (const auto &[Index, Enumerators] : C.Arguments)
      Fact.Arguments.push_back({Index, enumUsrOf(*Enumerators.front()), namesOfValues(Enumerators)});
    Facts.emplace(Fact.key(), std::move(Fact));
  }
  std::vector<ConstantCallFact> Sorted;
  for (auto &[Key, Fact] : Facts)
    Sorted.push_back(std::move(Fact));
  return Sorted;
}

std::vector<ReturnedValuesFact> PassedValues::returnFacts() const {
  std::map<std::string, ReturnedValuesFact> Facts;
  for (const auto &[Function, Values] : Returning) {
    ReturnedValuesFact Fact{usrOf(*Function->getCanonicalDecl()), enumUsrOf(*Values.front()),
                            namesOfValues(Values)};
    if (!Fact.Function.empty())
      Facts.emplace(Fact.key(), std::move(Fact));
  }
  std::vector<ReturnedValuesFact> Sorted;
  for (auto &[Key, Fact] : Facts)
    Sorted.push_back(std::move(Fact));
  return Sorted;
}

void PassedValues::clear() {
  Calls.clear();
  Returning.clear();
}

const FunctionDecl *returnerOf(const SwitchStmt &Switch, const SourceManager &SM,
                               const HeaderSearch *Headers) {
  const Expr *Source = Switch.getCond();
  if (variableNamedBy(*Source)) {
    std::vector<const VarDecl *> Vars = variablesHoldingCondition(*Source);
    if (Vars.empty() || isa<ParmVarDecl>(Vars.back()) || !Vars.back()->getInit())
      return nullptr;
    Source = Vars.back()->getInit();
  }
  const auto *Call = dyn_cast<CallExpr>(Source->IgnoreImplicit()->IgnoreParenCasts());
  if (!Call || isa<CXXOperatorCallExpr>(Call))
    return nullptr;
  const FunctionDecl *Function = Call->getDirectCallee();
  if (!Function || isVirtual(*Function) ||
      inALibrarysHeader(Function->getLocation(), SM, Headers))
    return nullptr;
  return Function;
}

} // namespace contractcheck
