// The values an enum read out of a constant table can hold: those its initializer writes.
#pragma once

#include <llvm/ADT/APSInt.h>

#include <optional>
#include <vector>

namespace clang {
class EnumDecl;
class Expr;
class Stmt;
class VarDecl;
} // namespace clang

namespace contractcheck {

// Whether S assigns Var, steps it (++, +=) or takes its address.
bool assigns(const clang::Stmt *S, const clang::VarDecl &Var);

// glslang's `auto it = KeywordMap.find(tokenText); ... keyword = it->second;`: Read is
// `it->second` of a local iterator initialised by `M.find(k)` and never reassigned, or
// `M.at(k)`, where M is a const variable (a map that cannot change) with an initializer, or a
// call of a function the TU defines whose every return returns one such variable. The
// values of Enum that initializer names (keys and values alike: a superset is safe); nullopt
// when Read is no such read, or the initializer holds a value of Enum that is not an enumerator
// written out (a call, a cast, a variable), which could be anything.
std::optional<std::vector<llvm::APSInt>> valuesReadFromConstTable(const clang::Expr &Read,
                                                                  const clang::EnumDecl &Enum);

// The same for a value that is such a read, or a local variable initialised by one that is const
// or that its function never changes (recc's
// `const DigestFunction_Value digestValue = stringToDigestFunctionMap().at(name);`).
std::optional<std::vector<llvm::APSInt>> valuesHeldFromConstTable(const clang::Expr &Value,
                                                                  const clang::EnumDecl &Enum);

} // namespace contractcheck
