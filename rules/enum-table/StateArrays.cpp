#include "rules/enum-table/StateArrays.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/SmallPtrSet.h>

#include <optional>

using namespace clang;

namespace contractcheck {

bool readsTheCall(const Stmt *E) {
  if (!E)
    return false;
  if (isa<CXXThisExpr>(E))
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()); Var && Var->hasLocalStorage())
      return true;
  return llvm::any_of(E->children(), readsTheCall);
}

namespace {

// A number a constant expression evaluates to, int or floating.
std::optional<APValue> constantNumber(const Expr &E, const ASTContext &Ctx) {
  if (E.isValueDependent() || E.isTypeDependent())
    return std::nullopt;
  Expr::EvalResult Value;
  if (!E.EvaluateAsRValue(Value, Ctx) || Value.HasSideEffects ||
      !(Value.Val.isInt() || Value.Val.isFloat()))
    return std::nullopt;
  return Value.Val;
}

bool sameNumber(const APValue &A, const APValue &B) {
  if (A.isInt())
    return B.isInt() && llvm::APSInt::isSameValue(A.getInt(), B.getInt());
  return B.isFloat() && A.getFloat().bitwiseIsEqual(B.getFloat());
}

// The subscripts of one local array at constant indexes, and the constants stored through them.
class ConstantSubscriptFinder : public RecursiveASTVisitor<ConstantSubscriptFinder> {
public:
  ConstantSubscriptFinder(const VarDecl &Array, const ASTContext &Ctx) : Array(Array), Ctx(Ctx) {}
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *Subscript) {
    slotOf(*Subscript);
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    slotOf(*Call);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->getOpcode() == BO_Assign && slotOf(*Op->getLHS()))
      if (std::optional<APValue> Value = constantNumber(*Op->getRHS(), Ctx))
        Stored.push_back(*Value);
    return true;
  }
  std::vector<llvm::APSInt> Indexes;
  std::vector<APValue> Stored;

private:
  // The constant index of a subscript of the array (recorded once per subscript), if E is one.
  bool slotOf(const Expr &E) {
    const Expr *Base = nullptr, *Index = nullptr;
    const Expr *Peeled = E.IgnoreParenImpCasts();
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(Peeled)) {
      Base = Subscript->getBase();
      Index = Subscript->getIdx();
    } else if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(Peeled);
               Call && Call->getOperator() == OO_Subscript && Call->getNumArgs() == 2) {
      Base = Call->getArg(0);
      Index = Call->getArg(1);
    }
    const auto *Ref = Base ? dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts()) : nullptr;
    if (!Ref || Ref->getDecl() != &Array)
      return false;
    Expr::EvalResult Value;
    if (Index->isValueDependent() || !Index->EvaluateAsInt(Value, Ctx))
      return false;
    if (Seen.insert(Peeled).second)
      Indexes.push_back(Value.Val.getInt());
    return true;
  }
  const VarDecl &Array;
  const ASTContext &Ctx;
  llvm::SmallPtrSet<const Expr *, 8> Seen;
};

// Whether every entry is the same constant number: one start value for every member.
bool repeatsOneConstant(const InitListExpr &Init, const ASTContext &Ctx) {
  if (Init.hasArrayFiller()) // the slots after the list hold zero, another value
    return false;
  std::optional<APValue> First;
  for (const Expr *Entry : Init.inits()) {
    std::optional<APValue> Value =
        isa<ImplicitValueInitExpr>(Entry) ? std::nullopt : constantNumber(*Entry, Ctx);
    if (!Value || (First && !sameNumber(*First, *Value)))
      return false;
    if (!First)
      First = Value;
  }
  return First.has_value();
}

} // namespace

bool keepsStatePerMember(const VarDecl &Var, const InitListExpr *Init, bool IsTable,
                         const ASTContext &Ctx) {
  if (!IsTable || !Init)
    return true;
  if (Var.hasLocalStorage() && llvm::any_of(Init->inits(), readsTheCall))
    return true;
  return !Ctx.getBaseElementType(Var.getType()).isConstQualified() &&
         Init->getNumInits() > 1 && repeatsOneConstant(*Init, Ctx);
}

ConstantSubscripts constantSubscripts(const VarDecl &Var, const ASTContext &Ctx) {
  ConstantSubscripts Result;
  const auto *Function = dyn_cast_or_null<FunctionDecl>(Var.getParentFunctionOrMethod());
  Stmt *Body = Function && Var.hasLocalStorage() ? Function->getBody() : nullptr;
  if (!Body)
    return Result;
  ConstantSubscriptFinder Finder(Var, Ctx);
  Finder.TraverseStmt(Body);
  Result.Indexes = std::move(Finder.Indexes);
  Result.FillsATable = llvm::any_of(Finder.Stored, [&](const APValue &V) {
    return !sameNumber(V, Finder.Stored.front());
  });
  return Result;
}

} // namespace contractcheck
