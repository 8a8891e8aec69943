#include "rules/switch-coverage/SharedDefault.h"

#include "rules/switch-coverage/CaseLabels.h"
#include "rules/switch-coverage/StandardAssert.h"
#include "rules/switch-coverage/SwitchDefault.h"
#include "rules/utils/Sentinels.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>
#include <llvm/ADT/STLExtras.h>

using namespace clang;

namespace contractcheck {

namespace {

// Something in S reports an error the way a refusal does: a throw, a call that does not
// return, a temporary whose destructor does not return, the standard assert (read by its name,
// so that a build with NDEBUG judges alike). Lambda bodies are not run here.
bool reportsAnError(const Stmt *S, const ASTContext &Ctx) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return false;
  if (isa<CXXThrowExpr>(S) ||
      expandsFromStandardAssert(S->getBeginLoc(), Ctx.getSourceManager(), Ctx.getLangOpts()))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const auto *Callee = dyn_cast_or_null<FunctionDecl>(Call->getCalleeDecl());
        Callee && Callee->isNoReturn())
      return true;
  if (const auto *Bound = dyn_cast<CXXBindTemporaryExpr>(S))
    if (const CXXDestructorDecl *Destructor = Bound->getTemporary()->getDestructor();
        Destructor && Destructor->isNoReturn())
      return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) { return reportsAnError(Child, Ctx); });
}

} // namespace

bool defaultSharesAMembersCase(const SwitchStmt &Switch, const DefaultStmt &Default,
                               const std::vector<std::string> &CatchAllWords,
                               const ASTContext &Ctx) {
  bool Stacked = false;
  for (const SwitchCase *Label = Switch.getSwitchCaseList(); Label && !Stacked;
       Label = Label->getNextSwitchCase())
    if (const auto *Case = dyn_cast<CaseStmt>(Label))
      if (labelsLeadTo(*Case, Default) || labelsLeadTo(Default, *Case))
        if (const EnumConstantDecl *Member = caseLabelEnumerator(*Case))
          Stacked = !namesACatchAll(*Member, CatchAllWords);
  if (!Stacked)
    return false;
  // The statements the shared labels run, to the `break` that ends them or the next label.
  std::vector<const Stmt *> Statements = statementsFromDefault(Switch, Default);
  if (Statements.empty() || reportsAnError(Statements.front(), Ctx))
    return false;
  if (isa_and_nonnull<BreakStmt>(Statements.front()))
    return true;
  for (const Stmt *Next : llvm::drop_begin(Statements)) {
    if (!Next || isa<BreakStmt, SwitchCase>(Next))
      break;
    if (reportsAnError(Next, Ctx))
      return false;
  }
  return true;
}

} // namespace contractcheck
