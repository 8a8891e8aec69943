#include "rules/utils/LabelReturns.h"

#include <clang/AST/Stmt.h>

using namespace clang;

namespace contractcheck {

const ReturnStmt *labelReturn(const SwitchCase &Label) {
  const Stmt *Body = Label.getSubStmt();
  while (const auto *Nested = dyn_cast_or_null<SwitchCase>(Body))
    Body = Nested->getSubStmt();
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Body))
    Body = Block->body_empty() ? nullptr : Block->body_front();
  return dyn_cast_or_null<ReturnStmt>(Body);
}

} // namespace contractcheck
