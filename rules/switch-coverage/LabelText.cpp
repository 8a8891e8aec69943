#include "rules/switch-coverage/LabelText.h"

#include "rules/utils/LabelReturns.h"

#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>

using namespace clang;

namespace contractcheck {

const StringLiteral *textIn(const Stmt *S) {
  if (!S)
    return nullptr;
  if (const auto *Literal = dyn_cast<StringLiteral>(S))
    return Literal;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
    return textIn(Lambda->getBody());
  for (const Stmt *Child : S->children())
    if (const StringLiteral *Literal = textIn(Child))
      return Literal;
  return nullptr;
}

const StringLiteral *returnedText(const SwitchCase &Label) {
  const ReturnStmt *Return = labelReturn(Label);
  return Return ? textIn(Return->getRetValue()) : nullptr;
}

} // namespace contractcheck
