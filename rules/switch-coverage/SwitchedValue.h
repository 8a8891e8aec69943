// The variables that hold the value a switch is over, and keep it: what a call may pass on as
// "the switched value" (CallerDefaults.h), on both sides of a call.
#pragma once

#include <vector>

namespace clang {
class Expr;
class FunctionDecl;
class HeaderSearch;
class SourceManager;
class SwitchStmt;
class VarDecl;
} // namespace clang

namespace contractcheck {

// The variable E names through parentheses and casts, implicit or explicit (`(E)cmdType`,
// `static_cast<E>(num)`); null for anything else (a member, a call).
const clang::VarDecl *variableNamedBy(const clang::Expr &E);

// The switched variable (a local or a parameter of integer or enum type), then the variable its
// initializer copies, and so on: cockatrice's `const auto commandType =
// static_cast<SessionCommand::SessionCommandType>(num);` holds the value of `const int num`.
// Only variables whose value never changes in their function are listed (const, or never
// written, incremented, bound to a reference or taken the address of); empty when the switched
// variable itself may change.
std::vector<const clang::VarDecl *> variablesHoldingCondition(const clang::Expr &Cond);

// passed-values (PassedValues.h): the function (not virtual, not a library's) a call of which
// gives the switched value: `switch (f(x))`, or a switch on a local that keeps the value it was
// initialised with from `f(x)`. Null for anything else.
const clang::FunctionDecl *returnerOf(const clang::SwitchStmt &Switch,
                                      const clang::SourceManager &SM,
                                      const clang::HeaderSearch *Headers);

} // namespace contractcheck
