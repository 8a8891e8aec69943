#include "rules/switch-coverage/CaseLabels.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/Stmt.h>

using namespace clang;

namespace contractcheck {

const DeclRefExpr *caseLabelName(const CaseStmt &Case) {
  const Expr *Value = Case.getLHS();
  if (!Value)
    return nullptr;
  Value = Value->IgnoreParenImpCasts();
  // `case static_cast<int>(Kind::A):`, `case (long)A:`, the labels of a switch over a cast.
  // Not a cast to another enum: that label names a value of the switched enum, not this name.
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Value))
    if (const auto *To = Cast->getType().getCanonicalType()->getAs<BuiltinType>();
        To && To->isInteger())
      Value = Cast->getSubExpr()->IgnoreParenImpCasts();
  return dyn_cast<DeclRefExpr>(Value);
}

const EnumConstantDecl *caseLabelEnumerator(const CaseStmt &Case) {
  if (Case.caseStmtIsGNURange())
    return nullptr;
  const DeclRefExpr *Name = caseLabelName(Case);
  return Name ? dyn_cast<EnumConstantDecl>(Name->getDecl()) : nullptr;
}

} // namespace contractcheck
