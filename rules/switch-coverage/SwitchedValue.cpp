#include "rules/switch-coverage/SwitchedValue.h"

#include "LibraryHeaders.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Stmt.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <llvm/ADT/STLExtras.h>

using namespace clang;

namespace contractcheck {

namespace {

// Whether some use of Var inside S may change it: every use that is not a read (an lvalue to
// rvalue conversion) is one, so an assignment, `++`, `&var`, a non-const reference bound to it or
// a capture by reference written through all count, and so does anything unusual (`sizeof`).
bool mayChange(const Stmt *S, const VarDecl &Var, bool Read) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Ref->getDecl() == &Var && !Read;
  bool ChildRead = false;
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(S))
    ChildRead = Cast->getCastKind() == CK_LValueToRValue;
  else if (isa<ParenExpr>(S))
    ChildRead = Read;
  return llvm::any_of(S->children(),
                      [&](const Stmt *Child) { return mayChange(Child, Var, ChildRead); });
}

bool keepsItsValue(const VarDecl &Var) {
  if (!Var.hasLocalStorage() || !Var.getType()->isIntegralOrEnumerationType())
    return false;
  if (Var.getType().isConstQualified())
    return true;
  const auto *Function = dyn_cast<FunctionDecl>(Var.getDeclContext());
  return Function && Function->getBody() && !mayChange(Function->getBody(), Var, false);
}

} // namespace

const VarDecl *variableNamedBy(const Expr &E) {
  const Expr *Inner = E.IgnoreParens();
  while (const auto *Cast = dyn_cast<CastExpr>(Inner))
    Inner = Cast->getSubExpr()->IgnoreParens();
  const auto *Ref = dyn_cast<DeclRefExpr>(Inner);
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

std::vector<const VarDecl *> variablesHoldingCondition(const Expr &Cond) {
  std::vector<const VarDecl *> Vars;
  for (const VarDecl *Var = variableNamedBy(Cond); Var && keepsItsValue(*Var);) {
    if (llvm::is_contained(Vars, Var))
      break;
    Vars.push_back(Var);
    if (isa<ParmVarDecl>(Var) || !Var->getInit())
      break;
    Var = variableNamedBy(*Var->getInit());
  }
  return Vars;
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
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Function);
  if (!Function || (Method && Method->isVirtual()) ||
      inALibrarysHeader(Function->getLocation(), SM, Headers))
    return nullptr;
  return Function;
}


} // namespace contractcheck
