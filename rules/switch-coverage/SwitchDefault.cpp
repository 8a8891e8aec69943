#include "rules/switch-coverage/SwitchDefault.h"

#include <clang/AST/Stmt.h>

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

} // namespace contractcheck
