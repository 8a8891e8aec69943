// A string-to-enum function written as a chain of comparisons, the table of a parser spelled as
// code: `if (type == "m.key") return EventType::Key; else if (type == "m.mac") ...`.
#pragma once

#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class ParmVarDecl;
class Stmt;
class StringLiteral;
} // namespace clang

namespace contractcheck {

// A literal the chain tests the argument against a second time: that test never succeeds, and
// the branch behind it never runs when every literal its condition tests is such a repeat
// (DeadBranch; null otherwise). A literal repeated within one condition is no repeat.
struct RepeatedTest {
  const clang::StringLiteral *First;
  const clang::StringLiteral *Second;
  const clang::Stmt *DeadBranch;
};

// The repeated tests of Param in Parser's body: within one if/else-if chain, and between the
// chains and ifs of its outermost statements when the earlier test's branch always leaves the
// function (returns or throws). Only tests of the argument's exact equality with a literal
// count (testedLiteral); none when the function writes to Param or has a label (a goto may enter
// below a test), since the first test then says nothing of the second.
std::vector<RepeatedTest> repeatedTests(const clang::FunctionDecl &Parser,
                                        const clang::ParmVarDecl &Param, clang::ASTContext &Ctx);

} // namespace contractcheck
