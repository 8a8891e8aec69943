#include "rules/switch-coverage/CatchAllDefault.h"

#include "rules/switch-coverage/CaseLabels.h"
#include "rules/switch-coverage/SwitchDefault.h"
#include "rules/utils/Sentinels.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Stmt.h>

using namespace clang;

namespace contractcheck {

bool defaultJoinsACatchAll(const SwitchStmt &Switch, const DefaultStmt &Default,
                           const std::vector<std::string> &CatchAllWords) {
  for (const SwitchCase *Label = Switch.getSwitchCaseList(); Label;
       Label = Label->getNextSwitchCase()) {
    const auto *Case = dyn_cast<CaseStmt>(Label);
    if (!Case || !(labelsLeadTo(*Case, Default) || labelsLeadTo(Default, *Case)))
      continue;
    if (const EnumConstantDecl *Enumerator = caseLabelEnumerator(*Case);
        Enumerator && namesACatchAll(*Enumerator, CatchAllWords))
      return true;
  }
  return false;
}

} // namespace contractcheck
