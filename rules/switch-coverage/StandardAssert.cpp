#include "rules/switch-coverage/StandardAssert.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

using namespace clang;

namespace contractcheck {

bool expandsFromStandardAssert(SourceLocation Loc, const SourceManager &SM,
                               const LangOptions &LangOpts) {
  for (; Loc.isMacroID(); Loc = SM.getImmediateMacroCallerLoc(Loc))
    if (Lexer::getImmediateMacroName(Loc, SM, LangOpts) == "assert")
      return true;
  return false;
}

} // namespace contractcheck
