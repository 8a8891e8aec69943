#include "rules/switch-coverage/CaseLabels.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/Stmt.h>

using namespace clang;

namespace contractcheck {

const DeclRefExpr *caseLabelName(const CaseStmt &Case) {
  const Expr *Value = Case.getLHS();
  return Value ? dyn_cast<DeclRefExpr>(Value->IgnoreParenImpCasts()) : nullptr;
}

const EnumConstantDecl *caseLabelEnumerator(const CaseStmt &Case) {
  if (Case.caseStmtIsGNURange())
    return nullptr;
  const DeclRefExpr *Name = caseLabelName(Case);
  return Name ? dyn_cast<EnumConstantDecl>(Name->getDecl()) : nullptr;
}

} // namespace contractcheck
