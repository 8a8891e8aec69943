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

} // namespace contractcheck
