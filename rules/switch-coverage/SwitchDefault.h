// The `default:` label of a switch, wherever it stands among the cases (clang keeps no direct
// link to it), and the labels stacked with it.
#pragma once

namespace clang {
class DefaultStmt;
class Stmt;
class SwitchCase;
class SwitchStmt;
} // namespace clang

namespace contractcheck {

// Null when the switch has no `default:`.
const clang::DefaultStmt *findDefault(const clang::SwitchStmt &Switch);

// Whether the label To is From itself or stands under it through nothing but labels (`case A:
// case B: default:` nests each label in the one before it).
bool labelsLeadTo(const clang::Stmt &From, const clang::SwitchCase &To);

} // namespace contractcheck
