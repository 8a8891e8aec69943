// Whether a statement runs and goes on to the next one: the test that what stands between a
// switch and the code it leads to cannot leave on the way.
#pragma once

namespace clang {
class Stmt;
} // namespace clang

namespace contractcheck {

// No return, throw, goto, break, continue, case label or call to a function that does not
// return anywhere inside S (an `if` with a `break` in it may leave early: not straight). Null
// runs straight through.
bool runsStraightThrough(const clang::Stmt *S);

} // namespace contractcheck
