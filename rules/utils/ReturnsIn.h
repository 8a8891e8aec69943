// The return statements of a body, not those of the lambdas or blocks inside it, which return
// for themselves (a local class's methods are not statements of the body). Shared by the
// string-dispatch rule's factories and contract-switch-coverage's passed-values.
#pragma once

#include <vector>

namespace clang {
class ReturnStmt;
class Stmt;
} // namespace clang

namespace contractcheck {

void returnsIn(const clang::Stmt *S, std::vector<const clang::ReturnStmt *> &Into);

} // namespace contractcheck
