// The name a name table's `default:` gives what it takes, when it gives one.
#pragma once

#include <string>
#include <vector>

namespace clang {
class DefaultStmt;
class StringLiteral;
class SwitchStmt;
} // namespace clang

namespace contractcheck {

// google/benchmark's GetBigOString returns each complexity's name ("N", "N^2", "lgN", ...) and
// ends `default: return "f(N)";`, the name every reporter prints for a lambda complexity, the
// one enumerator (oLambda) it leaves to the default. The name a default gives: the text that is
// the whole returned value (through conversions and a call of that one argument: `tr("x")`,
// `std::string("x")`), with a word with a letter in it, no catch-all word (`CatchAllWords`:
// "none", "unknown", ...) nor a word of a text that names no value ("error", "unsupported",
// "bad", "n/a", ...), and the text of no case: a name, not a refusal or a placeholder. Null when
// the default gives none. Whose name it is (one hidden enumerator, there when the text was
// written) is the caller's to ask.
const clang::StringLiteral *nameGivenByDefault(const clang::SwitchStmt &Switch,
                                               const clang::DefaultStmt &Default,
                                               const std::vector<std::string> &CatchAllWords);

} // namespace contractcheck
