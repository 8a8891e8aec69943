// The name a name table's `default:` gives what it takes, when it gives one.
#pragma once

#include <string>
#include <vector>

namespace clang {
class DefaultStmt;
class EnumConstantDecl;
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
// "bad", "n/a", ...), the text of no case, and no other enumerator's name (every word of it a
// word of that name: nanoboyadvance's `default: return "EEPROM_64";` names EEPROM_64, and gives
// the EEPROM_DETECT it also takes that name): a name of Hidden's, not a refusal, a placeholder
// or a member's. Null when the default gives none. That Hidden is the one enumerator the
// default takes, and existed when the text was written, is the caller's to ask.
const clang::StringLiteral *nameGivenByDefault(const clang::SwitchStmt &Switch,
                                               const clang::DefaultStmt &Default,
                                               const clang::EnumConstantDecl &Hidden,
                                               const std::vector<std::string> &CatchAllWords);

} // namespace contractcheck
