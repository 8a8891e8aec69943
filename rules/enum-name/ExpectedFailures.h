// Calls a test passes invalid input on purpose: the statement of an assertion that expects a
// throw (gtest's EXPECT_THROW, ASSERT_ANY_THROW, ...), and the call an assertion expects to come
// back empty or as the parser's "no such name" value (EXPECT_FALSE(parse("x")),
// EXPECT_EQ(std::nullopt, parse("x")), EXPECT_EQ(parse("x"), Method::Unknown), ...). Recognised
// by what the assertion macros expand to, not by their names: a try statement, an
// `if (result) ; else fail` or an `if (actual != expected) { fail; return; }` written by a
// macro's body around code from its arguments.
#pragma once

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SmallPtrSet.h>

#include <string>
#include <vector>

namespace clang {
class CallExpr;
class CXXTryStmt;
class Expr;
class IfStmt;
class SourceManager;
} // namespace clang

namespace contractcheck {

using CallSet = llvm::SmallPtrSet<const clang::CallExpr *, 8>;
// Calls an assertion expects to equal a value, with the expression of that value (the macro's
// locals followed): `EXPECT_EQ(parse("x"), E::Y)` maps the call to `E::Y`. Whether that value is
// the parser's fallback, which makes the name invalid on purpose, is the rule's to judge: the
// parser's body may be in another TU.
using ComparedCalls = llvm::DenseMap<const clang::CallExpr *, const clang::Expr *>;

// Both are given only statements a macro's body writes (the rule's matchers select them).

// The calls in the try block of a macro-written try statement that one of its handlers counts
// as a pass: a handler that records the catch and carries on (gtest's
// `catch (E const &) { gtest_caught_expected = true; }`), where a handler that jumps to the
// failure, rethrows or reports an unexpected exception means the statement must not throw
// (EXPECT_NO_THROW).
void addCallsExpectedToThrow(const clang::CXXTryStmt &Try, CallSet &Calls);

// The calls a macro-written assertion expects to come back empty, false or as a catch-all
// enumerator (an enumerator CatchAllWords names: `Unknown`, `HttpMethodUnknown`, `kInvalid`,
// the value a parser returns for a name it does not know). Two shapes: gtest's
// `if (cond) ; else fail` (EXPECT_FALSE, EXPECT_EQ, ... through GTEST_TEST_BOOLEAN_ and
// GTEST_ASSERT_), which asserts `!call`, `!call.has_value()` or an equality of the call with
// std::nullopt or a catch-all; and `if (cond) { ...; return; }` with no else, whose then-branch
// is the failure (PcapPlusPlus's PTF_ASSERT_EQUAL: `auto a = actual; auto e = expected; if (a !=
// e) { ...; return; }`, and home-grown CHECK macros alike), which asserts that the call is not unequal
// to std::nullopt or a catch-all, the macro's own locals followed to what initialises them (a
// bare `if (call) { fail; return; }` may as well be a macro returning an error: not read).
// Calls the same shapes assert equal to any other value go to Compared.
void addCallsExpectedToFail(const clang::IfStmt &If, const clang::SourceManager &SM,
                            const std::vector<std::string> &CatchAllWords, CallSet &Calls,
                            ComparedCalls &Compared);

} // namespace contractcheck
