#include "rules/switch-coverage/SwitchDefault.h"

#include "rules/utils/StraightLine.h"

#include <clang/AST/Stmt.h>
#include <llvm/ADT/STLExtras.h>

using namespace clang;

namespace contractcheck {

const DefaultStmt *findDefault(const SwitchStmt &Switch) {
  for (const SwitchCase *SC = Switch.getSwitchCaseList(); SC; SC = SC->getNextSwitchCase())
    if (const auto *Default = dyn_cast<DefaultStmt>(SC))
      return Default;
  return nullptr;
}

bool labelsLeadTo(const Stmt &From, const SwitchCase &To) {
  for (const Stmt *S = &From; S;) {
    if (S == &To)
      return true;
    const auto *Label = dyn_cast<SwitchCase>(S);
    if (!Label)
      return false;
    S = Label->getSubStmt();
  }
  return false;
}

bool defaultLeavesTheSwitch(const SwitchStmt &Switch, const DefaultStmt &Default) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Switch.getBody());
  if (!Body)
    return false;
  // The default's label may stand under others (`case X: default:`): find its top statement.
  const auto *Top = llvm::find_if(Body->body(),
                                  [&](const Stmt *S) { return S && labelsLeadTo(*S, Default); });
  if (Top == Body->body_end())
    return false;
  const Stmt *First = Default.getSubStmt();
  while (const auto *Label = dyn_cast_or_null<SwitchCase>(First))
    First = Label->getSubStmt();
  if (isa_and_nonnull<BreakStmt>(First))
    return true;
  if (!runsStraightThrough(First))
    return false;
  for (const Stmt *Next : llvm::make_range(Top + 1, Body->body_end())) {
    if (isa<BreakStmt>(Next))
      return true;
    if (!runsStraightThrough(Next))
      return false;
  }
  return true;
}

} // namespace contractcheck
