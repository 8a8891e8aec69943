// Calls a test passes invalid input on purpose: the statement of an assertion that expects a
// throw (gtest's EXPECT_THROW, ASSERT_ANY_THROW, ...), and the call an assertion expects to come
// back empty (EXPECT_FALSE(parse("x")), EXPECT_EQ(std::nullopt, parse("x")), ...). Recognised by
// what the assertion macros expand to, not by their names: a try statement or an
// `if (result) ; else fail` written by a macro's body around code from its arguments.
#pragma once

#include <llvm/ADT/SmallPtrSet.h>

namespace clang {
class CallExpr;
class CXXTryStmt;
class IfStmt;
class SourceManager;
} // namespace clang

namespace contractcheck {

using CallSet = llvm::SmallPtrSet<const clang::CallExpr *, 8>;

// The calls in the try block of a macro-written try statement that one of its handlers counts
// as a pass: a handler that records the catch and carries on (gtest's
// `catch (E const &) { gtest_caught_expected = true; }`), where a handler that jumps to the
// failure, rethrows or reports an unexpected exception means the statement must not throw
// (EXPECT_NO_THROW).
void addCallsExpectedToThrow(const clang::CXXTryStmt &Try, const clang::SourceManager &SM,
                             CallSet &Calls);

// The calls a macro-written `if (cond) ; else fail` (gtest's EXPECT_FALSE, EXPECT_EQ, ...
// through GTEST_TEST_BOOLEAN_ and GTEST_ASSERT_) asserts come back empty or false: `!call`,
// `!call.has_value()`, and an equality of the call with std::nullopt.
void addCallsExpectedToFail(const clang::IfStmt &If, const clang::SourceManager &SM,
                            CallSet &Calls);

} // namespace contractcheck
