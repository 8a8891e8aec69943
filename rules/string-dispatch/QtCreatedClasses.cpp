#include "rules/string-dispatch/QtCreatedClasses.h"

#include "rules/string-dispatch/QtSignature.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <algorithm>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

bool localOnlyRead(const VarDecl &Var, ASTContext &Context) {
  if (Var.getType().isConstQualified())
    return true;
  const auto *Function = dyn_cast<FunctionDecl>(Var.getDeclContext());
  const Stmt *Body = Function ? Function->getBody() : nullptr;
  if (!Body)
    return false;
  // Every use reads the value; any other (assigned, incremented, its address taken, bound to a
  // reference) may change it.
  auto Changed = declRefExpr(to(varDecl(equalsNode(&Var))),
                             unless(hasParent(implicitCastExpr(hasCastKind(CK_LValueToRValue)))));
  return match(stmt(hasDescendant(Changed)), *Body, Context).empty();
}

namespace {

constexpr unsigned MaxDepth = 4;

bool isNull(const Expr &E, ASTContext &Context) {
  return E.IgnoreParenImpCasts()->isNullPointerConstant(Context,
                                                        Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

QtCreation creation(const Expr &Object, ASTContext &Context, unsigned Depth);

// Every class the values can be made as (a null value makes none): Made only when each value's
// making is known and one is made at least.
QtCreation madeByAll(const std::vector<const Expr *> &Values, ASTContext &Context,
                     unsigned Depth) {
  QtCreation Result;
  for (const Expr *Value : Values) {
    if (!Value)
      return {};
    if (isNull(*Value, Context))
      continue; // connect() on null warns about the null, not about a name
    QtCreation One = creation(*Value, Context, Depth + 1);
    if (One.Is != QtCreation::State::Made)
      return {};
    for (const CXXRecordDecl *Class : One.Classes)
      if (std::find(Result.Classes.begin(), Result.Classes.end(), Class) == Result.Classes.end())
        Result.Classes.push_back(Class);
  }
  if (!Result.Classes.empty())
    Result.Is = QtCreation::State::Made;
  return Result;
}

// The return statements of a body, not those of the lambdas inside it (a local class's methods
// are not statements of the body).
void returnsIn(const Stmt *S, std::vector<const ReturnStmt *> &Into) {
  if (!S || isa<LambdaExpr>(S) || isa<BlockExpr>(S))
    return;
  if (const auto *Return = dyn_cast<ReturnStmt>(S))
    Into.push_back(Return);
  for (const Stmt *Child : S->children())
    returnsIn(Child, Into);
}

QtCreation factoryCreation(const FunctionDecl &Definition, ASTContext &Context, unsigned Depth) {
  std::vector<const ReturnStmt *> Returns;
  returnsIn(Definition.getBody(), Returns);
  std::vector<const Expr *> Values;
  for (const ReturnStmt *Return : Returns)
    Values.push_back(Return->getRetValue());
  return madeByAll(Values, Context, Depth);
}

QtCreation creation(const Expr &Object, ASTContext &Context, unsigned Depth) {
  if (Depth > MaxDepth)
    return {};
  const Expr *E = Object.IgnoreParenImpCasts();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    E = Cleanups->getSubExpr()->IgnoreParenImpCasts();
  // static_cast<Peer *>(new LegacyPeer): a cast to a base is still the object made.
  while (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
    if (Cast->getCastKind() != CK_DerivedToBase && Cast->getCastKind() != CK_UncheckedDerivedToBase &&
        Cast->getCastKind() != CK_NoOp)
      break;
    E = Cast->getSubExpr()->IgnoreParenImpCasts();
  }
  if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    const CXXRecordDecl *Class = New->getAllocatedType()->getAsCXXRecordDecl();
    if (New->isArray() || !Class || !Class->hasDefinition())
      return {};
    return {QtCreation::State::Made, {Class->getDefinition()}, nullptr};
  }
  if (const auto *Choice = dyn_cast<ConditionalOperator>(E))
    return madeByAll({Choice->getTrueExpr(), Choice->getFalseExpr()}, Context, Depth);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() || !Var->getInit() ||
        Var->getType()->isReferenceType() || !Var->getType()->isPointerType() ||
        !localOnlyRead(*Var, Context))
      return {};
    return creation(*Var->getInit(), Context, Depth + 1);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || isa<CXXOperatorCallExpr>(Call) || !Callee->getReturnType()->isPointerType())
      return {};
    // A virtual call runs whichever override the object has: one this TU may never see.
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee); Method && Method->isVirtual())
      return {};
    const FunctionDecl *Definition = nullptr;
    if (Callee->getBody(Definition) && Definition)
      return factoryCreation(*Definition, Context, Depth);
    if (Callee->isTemplateInstantiation() || Callee->getPrimaryTemplate())
      return {};
    QtCreation Result;
    Result.Is = QtCreation::State::Elsewhere;
    Result.Factory = Callee->getCanonicalDecl();
    return Result;
  }
  return {};
}

} // namespace

QtCreation qtCreation(const Expr &Object, ASTContext &Context) {
  return creation(Object, Context, 0);
}

QtCreation qtFactoryCreation(const FunctionDecl &Definition, ASTContext &Context) {
  return factoryCreation(Definition, Context, 0);
}

QtMadeClass qtMadeClass(const CXXRecordDecl &Class) {
  QtMadeClass Made;
  Made.Name = Class.getQualifiedNameAsString();
  for (const QtMetaMethod &Method : qtMetaMethods(Class))
    Made.Methods.push_back({Method.Name, qtMethodKindName(Method.Kind), Method.Parameters,
                            Method.CanonicalParameters, Method.RequiredParameters,
                            Method.AnyParameters});
  return Made;
}

bool qtMadeMethodMatches(const QtMadeMethod &Method, const std::string &Wanted,
                         const std::string &Name,
                         const std::vector<std::vector<std::string>> &Arguments,
                         bool NameOnly) {
  const std::string Signal = qtMethodKindName(QtMethodKind::Signal);
  if (Method.Name != Name || (Wanted == "signal" && Method.Kind != Signal) ||
      (Wanted == "slot" && Method.Kind == Signal))
    return false;
  if (NameOnly || Method.AnyParameters)
    return true;
  if (Arguments.size() < Method.Required || Arguments.size() > Method.Parameters.size())
    return false;
  for (size_t I = 0; I < Arguments.size(); ++I) {
    const auto &Spellings = Method.Parameters[I];
    bool Found = false;
    for (size_t J = 0; J < Arguments[I].size() && !Found; ++J) {
      std::string Key = qtTypeKey(Arguments[I][J]);
      // The string's own spelling matches a declared one; its resolved type, the canonical one.
      Found = J == 0 ? std::any_of(Spellings.begin(), Spellings.end(),
                                   [&](const std::string &Spelling) {
                                     return qtTypeKey(Spelling) == Key;
                                   })
                     : I < Method.Canonical.size() && qtTypeKey(Method.Canonical[I]) == Key;
    }
    if (!Found)
      return false;
  }
  return true;
}

} // namespace contractcheck
