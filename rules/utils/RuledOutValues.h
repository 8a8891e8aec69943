// The enum values a switch (or any other read of an enum variable) cannot see because the code
// on every path to it already dealt with them: a guard that exits (`if (v == E::Off) return;`), a
// guard that reassigns the variable (`if (t == E::kDefault) t = fallback();`) or an enclosing
// branch that excludes them (`if (v != E::Off)`, `if (!isOff())` with `bool isOff() const {
// return v == E::Off; }`), a read from a constant table whose initializer never writes them
// (`v = it->second;` after `auto it = KeywordMap.find(text);`, see TableReadValues.h), or a copy
// of another variable or member path that such code dealt with (`if (code == E::Unknown)
// throw ...; m_code = code;`). And the values the code right after a switch deals with itself
// (`switch (mScope) { ... default: break; } if (mScope == FilesScope) { ... } else { ... }`).
#pragma once

#include <llvm/ADT/APSInt.h>

#include <vector>

namespace clang {
class ASTContext;
class Expr;
class ParentMap;
class Stmt;
class SwitchStmt;
} // namespace clang

namespace contractcheck {

// Walks only the statements that dominate the switch inside its function: the earlier siblings
// of the switch and of each enclosing block, up to the nearest loop, label, case or function
// boundary. Anything it cannot follow (a later assignment, a label a goto may jump to) drops
// what it had ruled out, so the answer only ever errs towards reporting.
// Parents holds the parents of the function body's statements only.
std::vector<llvm::APSInt> valuesRuledOutBefore(const clang::SwitchStmt &Switch,
                                               const clang::ParentMap &Parents,
                                               const clang::ASTContext &Ctx);

// The same for a read of Var (a variable, member path or getter) inside the statement At, which
// stands in a block or a branch of `if` of the function whose statements Parents holds: the
// index of an array read (solarus's `second_directions[subtype]` under
// `if (!is_inside_floor())`).
std::vector<llvm::APSInt> valuesRuledOutAt(const clang::Stmt &At, const clang::Expr &Var,
                                           const clang::ParentMap &Parents,
                                           const clang::ASTContext &Ctx);

// The enumerators of Var's enum that Cond excludes where it is known to hold (Holds) or to fail:
// the condition of a conditional operator around a read, or the left side of the `&&` (`||`)
// whose right side the read is. Comparisons of Var with constants, `==`, `!=` and the relational
// ones, joined by `&&` (holding) or `||` (failing), `!` read through: kid3's `type <=
// Frame::FT_LastFrame ? names[type] : "UNKNOWN"` excludes every frame type after FT_LastFrame.
// A term about anything else excludes nothing.
std::vector<llvm::APSInt> valuesRuledOutWhere(const clang::Expr &Cond, bool Holds,
                                              const clang::Expr &Var,
                                              const clang::ASTContext &Ctx);

// The values the code after Switch sends down a path of their own, having tested the switched
// variable (or member path, or getter path) for equality with them: an `if (v == A || v == B)`
// with an `else`, or whose branch always leaves, or an `if (v != A)` with an `else`, along an
// `else if` chain of such tests. The `if` stands after the switch in its block, or after a block
// or branch of `if` that ends with it, up to the nearest loop, label, case or function
// boundary. Only statements that run straight through (no jump in them) and leave the variable
// alone stand between: no assignment, no address or non-const reference taken, no non-const
// method called on it or on an object its path goes through (a member's `this`: i2pd's
// `EnterState(READY)` inside the switch sets `m_state`), and the switch's own body likewise.
// Whether a value gets past the switch is the caller's business (its `default:` must leave the
// switch); texstudio's SearchQuery::run collects the open documents for the in-memory scopes
// and then tests `mScope == FilesScope`, whose branch searches the files on disk.
std::vector<llvm::APSInt> valuesHandledAfter(const clang::SwitchStmt &Switch,
                                             const clang::ParentMap &Parents,
                                             const clang::ASTContext &Ctx);

// Whether Var (a variable or member path, as the guards above read it) is assigned, incremented
// or decremented anywhere inside S: contract-switch-coverage's delegating default asks it of a
// whole function body.
bool assignedAnywhereIn(const clang::Stmt *S, const clang::Expr &Var);

} // namespace contractcheck
