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

std::vector<const Stmt *> statementsFromDefault(const SwitchStmt &Switch,
                                                const DefaultStmt &Default) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Switch.getBody());
  if (!Body)
    return {};
  // The default's label may stand under others (`case X: default:`): find its top statement.
  const auto *Top = llvm::find_if(Body->body(),
                                  [&](const Stmt *S) { return S && labelsLeadTo(*S, Default); });
  if (Top == Body->body_end())
    return {};
  const Stmt *First = Default.getSubStmt();
  while (const auto *Label = dyn_cast_or_null<SwitchCase>(First))
    First = Label->getSubStmt();
  std::vector<const Stmt *> Statements{First};
  Statements.insert(Statements.end(), Top + 1, Body->body_end());
  return Statements;
}

bool defaultLeavesTheSwitch(const SwitchStmt &Switch, const DefaultStmt &Default) {
  std::vector<const Stmt *> Statements = statementsFromDefault(Switch, Default);
  if (Statements.empty())
    return false;
  if (isa_and_nonnull<BreakStmt>(Statements.front()))
    return true;
  if (!runsStraightThrough(Statements.front()))
    return false;
  for (const Stmt *Next : llvm::drop_begin(Statements)) {
    if (isa<BreakStmt>(Next))
      return true;
    if (!runsStraightThrough(Next))
      return false;
  }
  return true;
}

} // namespace contractcheck
