#include "rules/utils/StraightLine.h"

#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>
#include <clang/AST/StmtCXX.h>
#include <llvm/ADT/STLExtras.h>

using namespace clang;

namespace contractcheck {

bool runsStraightThrough(const Stmt *S) {
  if (!S)
    return true;
  if (isa<ReturnStmt, GotoStmt, IndirectGotoStmt, BreakStmt, ContinueStmt, CXXThrowExpr,
          CoreturnStmt, SwitchCase>(S))
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee(); Callee && Callee->isNoReturn())
      return false; // a refusal (`qFatal`), which report-refusing-default judges
  return llvm::all_of(S->children(), [](const Stmt *Child) { return runsStraightThrough(Child); });
}

} // namespace contractcheck
