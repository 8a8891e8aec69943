// Whether a switch's `default:` is written as the handling of one of the enum's own members.
#pragma once

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class DefaultStmt;
class SwitchStmt;
} // namespace clang

namespace contractcheck {

// `default: case Case::kSnake: ... break;` (flatbuffers' ConvertCase: any other input is read
// as snake case), `case o1: default: return constant;` (google/benchmark's FittingCurve),
// `case MSL_SHADER_VARIABLE_FORMAT_ANY32: default:` (SPIRV-Cross): the default label stands
// with the case label of a member of the enum, with no statement between them, so the author
// wrote what the values it takes are: handled as that member. Not when what they share reports
// an error: a throw, a call that does not return (with assertions on, `LOG(DFATAL)`'s
// temporary), or the standard `assert` anywhere in the statements the default runs up to the
// `break` that leaves the switch (re2's `default: case kRegexpRepeat: LOG(DFATAL) << "Bad
// regexp op"; ...` hid kRegexpAnyByte for eight years: there the member is an "impossible"
// one, the shared body an error). A catch-all's case (`case Unknown: default:`) is
// defaultJoinsACatchAll's, whatever the body.
bool defaultSharesAMembersCase(const clang::SwitchStmt &Switch, const clang::DefaultStmt &Default,
                               const std::vector<std::string> &CatchAllWords,
                               const clang::ASTContext &Ctx);

} // namespace contractcheck
