// The `default:` label of a switch, wherever it stands among the cases (clang keeps no direct
// link to it), and the labels stacked with it.
#pragma once

#include <vector>

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

// The statements `default:` runs, in order, to the end of the switch's block: its own statement
// under the labels stacked with it (`case X: default:`, `default: case X:`), then those after
// its top label's statement (other cases' entries included). Empty when the default does not
// stand in the switch's braces.
std::vector<const clang::Stmt *> statementsFromDefault(const clang::SwitchStmt &Switch,
                                                       const clang::DefaultStmt &Default);

// What `default:` runs leaves the switch, after nothing or after statements that only compute
// (ostinato's `default: srcPort = 0; // avoid the 'maybe used uninitialized' warning` before
// `break;`): up to a `break` or the end of the switch, without falling into another label,
// returning, throwing or jumping on the way. A value it takes goes on with the code after the
// switch.
bool defaultLeavesTheSwitch(const clang::SwitchStmt &Switch, const clang::DefaultStmt &Default);

} // namespace contractcheck
