#include "rules/utils/LibraryEnums.h"

#include "LibraryHeaders.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>

using namespace clang;

namespace contractcheck {

bool declaredByALibrary(const EnumDecl &Enum, const HeaderSearch *Headers) {
  return inALibrarysHeader(Enum.getLocation(), Enum.getASTContext().getSourceManager(), Headers);
}

} // namespace contractcheck
