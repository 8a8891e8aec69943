// The `default:` label of a switch, wherever it stands among the cases (clang keeps no direct
// link to it).
#pragma once

namespace clang {
class DefaultStmt;
class SwitchStmt;
} // namespace clang

namespace contractcheck {

// Null when the switch has no `default:`.
const clang::DefaultStmt *findDefault(const clang::SwitchStmt &Switch);

} // namespace contractcheck
