// What a `case` label names, read one way by every part of the rule.
#pragma once

namespace clang {
class CaseStmt;
class DeclRefExpr;
class EnumConstantDecl;
} // namespace clang

namespace contractcheck {

// The name a label's value is written as (`case Color::Red:`, `case kLimit:`), through
// parentheses, implicit conversions and an explicit one to an integer (`case
// static_cast<int>(Color::Red):`); null when the value is an expression of another kind.
// For a GNU range (`case A ... B:`) it is the range's low end.
const clang::DeclRefExpr *caseLabelName(const clang::CaseStmt &Case);

// The enumerator a label names, or null: another kind of value, or a GNU range, which names
// no single enumerator.
const clang::EnumConstantDecl *caseLabelEnumerator(const clang::CaseStmt &Case);

} // namespace contractcheck
