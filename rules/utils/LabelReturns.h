// The `return` a switch label leads straight to: `case X: return "x";`, `case X: { return "x"; }`,
// through labels stacked on one statement. Shared by the name tables of contract-switch-coverage
// and the round trips of contract-enum-name.
#pragma once

namespace clang {
class ReturnStmt;
class SwitchCase;
} // namespace clang

namespace contractcheck {

// Null when the label's first statement is anything but a return.
const clang::ReturnStmt *labelReturn(const clang::SwitchCase &Label);

} // namespace contractcheck
