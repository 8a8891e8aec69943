#include "rules/utils/ReturnsIn.h"

#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>

using namespace clang;

namespace contractcheck {

void returnsIn(const Stmt *S, std::vector<const ReturnStmt *> &Into) {
  if (!S || isa<LambdaExpr>(S) || isa<BlockExpr>(S))
    return;
  if (const auto *Return = dyn_cast<ReturnStmt>(S))
    Into.push_back(Return);
  for (const Stmt *Child : S->children())
    returnsIn(Child, Into);
}

} // namespace contractcheck
