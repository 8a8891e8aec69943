#include "rules/switch-coverage/CatchAllDefault.h"

#include "rules/switch-coverage/SwitchDefault.h"
#include "rules/utils/Sentinels.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/Stmt.h>

using namespace clang;

namespace contractcheck {

namespace {

const EnumConstantDecl *enumeratorOf(const CaseStmt &Case) {
  if (Case.caseStmtIsGNURange() || !Case.getLHS())
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(Case.getLHS()->IgnoreParenImpCasts());
  return Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
}

} // namespace

bool defaultJoinsACatchAll(const SwitchStmt &Switch, const DefaultStmt &Default,
                           const std::vector<std::string> &CatchAllWords) {
  for (const SwitchCase *Label = Switch.getSwitchCaseList(); Label;
       Label = Label->getNextSwitchCase()) {
    const auto *Case = dyn_cast<CaseStmt>(Label);
    if (!Case || !(labelsLeadTo(*Case, Default) || labelsLeadTo(Default, *Case)))
      continue;
    if (const EnumConstantDecl *Enumerator = enumeratorOf(*Case);
        Enumerator && namesACatchAll(*Enumerator, CatchAllWords))
      return true;
  }
  return false;
}

} // namespace contractcheck
