#include "rules/utils/PassedValues.h"

#include "rules/utils/BitFieldRanges.h"
#include "rules/utils/FunctionRefs.h"
#include "rules/utils/ReturnsIn.h"
#include "rules/utils/TableReadValues.h"
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

const EnumDecl *enumOfType(QualType Type) {
  const auto *Enum = Type.getNonReferenceType().getCanonicalType()->getAs<EnumType>();
  return Enum ? Enum->getDecl()->getDefinition() : nullptr;
}

// valhalla's `GetRoadClass(edge->classification())`, whose accessor returns a 3-bit field: the
// enumerators of Param's enum the field's width can hold (BitFieldRanges.h). False when E is no
// bit-field read or holds none of them.
bool enumeratorsOfBitField(const Expr &E, const ParmVarDecl &Param, const ASTContext &Ctx,
                           std::vector<const EnumConstantDecl *> &Out) {
  const EnumDecl *Enum = enumOfType(Param.getType());
  if (!Enum)
    return false;
  std::optional<HeldRange> Range = bitFieldRange(E, Ctx);
  if (!Range)
    return false;
  for (const EnumConstantDecl *Enumerator : Enum->enumerators())
    if (Range->holds(Enumerator->getInitVal()))
      Out.push_back(Enumerator);
  return !Out.empty();
}

// NanoBoyAdvance's `void SetEEPROMSizeHint(EEPROM::Size size) { ...->SetSizeHint(size); }`: the
// caller's own parameter of the callee's enum, passed on as it came (nothing in the caller
// assigns it, takes its address or binds a reference to it), in a function whose every call
// says what it passes: not virtual (a call of a method it overrides runs it too), not a
// template's, not a lambda's, not a library's. Null for anything else.
const ParmVarDecl *forwardedParameter(const Expr &E, const ParmVarDecl &Param) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E.IgnoreParenImpCasts());
  const auto *Forwarded = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  const auto *Caller = Forwarded ? dyn_cast<FunctionDecl>(Forwarded->getDeclContext()) : nullptr;
  if (!Caller || Forwarded->getType()->isReferenceType() || isVirtual(*Caller) ||
      Caller->isDependentContext() || Caller->isTemplateInstantiation() || !Caller->getBody())
    return nullptr;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Caller); Method && Method->getParent()->isLambda())
    return nullptr;
  const EnumDecl *Enum = enumOfType(Param.getType());
  if (!Enum || enumOfType(Forwarded->getType()) != Enum || assigns(Caller->getBody(), *Forwarded))
    return nullptr;
  return Forwarded;
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

bool PassedValues::record(const MatchFinder::MatchResult &Result, FunctionRefs &Refs) {
  const auto *Found = Result.Nodes.getNodeAs<CallExpr>("passing-call");
  if (!Found)
    return false;
  const FunctionDecl *Callee = Found->getDirectCallee();
  const Expr *CalleeRef = Found->getCallee()->IgnoreParenImpCasts();
  if (!Callee || !isa<DeclRefExpr, MemberExpr>(CalleeRef))
    return true;
  Call C{Callee, CalleeRef, Found->getBeginLoc(), {}};
  for (unsigned I = 0; I < Found->getNumArgs() && I < Callee->getNumParams(); ++I) {
    const Expr &Arg = *Found->getArg(I);
    const ParmVarDecl &Param = *Callee->getParamDecl(I);
    std::vector<const EnumConstantDecl *> Enumerators;
    if (enumeratorsOf(&Arg, Enumerators))
      C.Arguments.push_back({I, std::move(Enumerators)});
    else if (Enumerators.clear(); enumeratorsOfBitField(Arg, Param, *Result.Context, Enumerators))
      C.Arguments.push_back({I, std::move(Enumerators)});
    else if (const ParmVarDecl *Forwarded = forwardedParameter(Arg, Param))
      C.Arguments.push_back({I, {}, Forwarded});
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

std::vector<ConstantCallFact>
PassedValues::callFacts(const SourceManager &SM,
                        llvm::function_ref<bool(const Expr &)> DescribedOtherwise) const {
  std::map<std::string, ConstantCallFact> Facts;
  for (const Call &C : Calls) {
    if (DescribedOtherwise(*C.CalleeRef))
      continue;
    ConstantCallFact Fact{positionOf(SM.getFileLoc(C.Loc), SM), usrOf(*C.Callee), {}};
    if (Fact.Where.File.empty() || Fact.Callee.empty())
      continue;
    for (const Argument &A : C.Arguments) {
      if (!A.Forwarded) {
        Fact.Arguments.push_back(
            {A.Index, enumUsrOf(*A.Enumerators.front()), namesOfValues(A.Enumerators)});
        continue;
      }
      const auto &Caller = *cast<FunctionDecl>(A.Forwarded->getDeclContext());
      PassedArgument Passed{A.Index, usrOf(*enumOfType(A.Forwarded->getType())->getCanonicalDecl()),
                            {}, usrOf(*Caller.getCanonicalDecl()),
                            A.Forwarded->getFunctionScopeIndex()};
      // Without a name to follow, the argument says nothing: whatever reaches that parameter
      // is unknown.
      if (!Passed.Enum.empty() && !Passed.From.empty())
        Fact.Arguments.push_back(std::move(Passed));
    }
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

} // namespace contractcheck
