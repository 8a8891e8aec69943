#include "rules/enum-table/OffsetEnumerators.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>

#include <set>

using namespace clang;

namespace contractcheck {

namespace {

// The enumerator an operand names through parentheses, casts and a call of a one-argument
// function returning an integer (std::to_underlying, a project's own to_underlying).
const DeclRefExpr *namedThroughConversions(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E);
        Call && !isa<CXXMemberCallExpr>(Call) && !isa<CXXOperatorCallExpr>(Call) &&
        Call->getNumArgs() == 1 && Call->getType()->isIntegralOrEnumerationType() &&
        !Call->getType()->isEnumeralType()) {
      E = Call->getArg(0);
      continue;
    }
    return dyn_cast<DeclRefExpr>(E);
  }
  return nullptr;
}

class OffsetUses : public RecursiveASTVisitor<OffsetUses> {
public:
  OffsetUses(const EnumConstantDecl &Enumerator, const Expr &Table)
      : Enumerator(Enumerator), Table(Table) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseStmt(Stmt *S) {
    // The table's own entries are not uses.
    if (S == &Table)
      return true;
    return RecursiveASTVisitor::TraverseStmt(S);
  }

  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isAdditiveOp())
      for (const Expr *Side : {Op->getLHS(), Op->getRHS()})
        if (const DeclRefExpr *Ref = namedThroughConversions(Side);
            Ref && Ref->getDecl() == &Enumerator)
          AsOffset.insert(Ref);
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl() == &Enumerator)
      All.insert(Ref);
    return true;
  }

  std::set<const DeclRefExpr *> All, AsOffset;

private:
  const EnumConstantDecl &Enumerator;
  const Expr &Table;
};

} // namespace

bool usedOnlyAsAnOffset(const EnumConstantDecl &Enumerator, const Expr &Table, ASTContext &Ctx) {
  OffsetUses Uses(Enumerator, Table);
  Uses.TraverseDecl(Ctx.getTranslationUnitDecl());
  return !Uses.All.empty() && Uses.All == Uses.AsOffset;
}

} // namespace contractcheck
