// Whether code names a declaration: the test that a local or parameter is left alone by some
// statements before reading what they do.
#pragma once

namespace clang {
class Decl;
class Stmt;
} // namespace clang

namespace contractcheck {

// Whether S, or any statement or expression under it, refers to D by name.
bool mentionsDecl(const clang::Stmt *S, const clang::Decl *D);

} // namespace contractcheck
