// The text a switch label returns: what makes a switch a name table (`case Tool::Pen: return
// "pen";`) and what its `default:` calls a value it takes.
#pragma once

namespace clang {
class Stmt;
class StringLiteral;
class SwitchCase;
} // namespace clang

namespace contractcheck {

// The first string literal in the statement, a lambda's body included (Qt 5's
// QStringLiteral("x") is an immediately called lambda); null when there is none.
const clang::StringLiteral *textIn(const clang::Stmt *S);

// The text a label leads straight to: `case X: return "x";`, `default: { return "number"; }`
// (the first literal of the returned expression); null when the label does not start with a
// return of one.
const clang::StringLiteral *returnedText(const clang::SwitchCase &Label);

} // namespace contractcheck
