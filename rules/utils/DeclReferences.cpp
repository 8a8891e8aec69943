#include "rules/utils/DeclReferences.h"

#include <clang/AST/Expr.h>
#include <clang/AST/Stmt.h>
#include <llvm/ADT/STLExtras.h>

using namespace clang;

namespace contractcheck {

bool mentionsDecl(const Stmt *S, const Decl *D) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && Ref->getDecl() == D)
    return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) { return mentionsDecl(Child, D); });
}

} // namespace contractcheck
