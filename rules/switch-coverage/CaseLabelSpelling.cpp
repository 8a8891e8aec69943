#include "rules/switch-coverage/CaseLabelSpelling.h"

#include "rules/switch-coverage/CaseLabels.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/Stmt.h>
#include <clang/Lex/Lexer.h>

using namespace clang;

namespace contractcheck {

std::optional<std::string> caseLabelQualifier(const SwitchStmt &Switch, const EnumDecl &Enum,
                                              const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const EnumDecl *Canonical = Enum.getCanonicalDecl();
  for (const SwitchCase *SC = Switch.getSwitchCaseList(); SC; SC = SC->getNextSwitchCase()) {
    const auto *Case = dyn_cast<CaseStmt>(SC);
    const EnumConstantDecl *Constant = Case ? caseLabelEnumerator(*Case) : nullptr;
    if (!Constant || cast<EnumDecl>(Constant->getDeclContext())->getCanonicalDecl() != Canonical)
      continue;
    const DeclRefExpr *Ref = caseLabelName(*Case);
    if (Ref->getBeginLoc().isMacroID() || Ref->getEndLoc().isMacroID())
      continue;
    NestedNameSpecifierLoc Qualifier = Ref->getQualifierLoc();
    if (!Qualifier)
      return std::string();
    StringRef Text = Lexer::getSourceText(
        CharSourceRange::getTokenRange(Qualifier.getSourceRange()), SM, Ctx.getLangOpts());
    std::string Spelling;
    for (char C : Text) // "EventType ::" is written "EventType::"
      if (!isspace(static_cast<unsigned char>(C)))
        Spelling += C;
    if (!Spelling.empty() && StringRef(Spelling).ends_with("::"))
      return Spelling;
  }
  return std::nullopt;
}

} // namespace contractcheck
