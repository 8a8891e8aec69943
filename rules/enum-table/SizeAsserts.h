// A table whose number of entries a static_assert ties to its enum: ccache's
// `static_assert(std::size(k_statistics_fields) == static_cast<size_t>(Statistic::END) -
// (/*none*/ 1 + /*subdir files*/ 16 + /*subdir size*/ 16))`. The compiler keeps the table in step
// with the enum (a statistic added without its row fails the build), and the values it lacks are
// the ones the assertion counts out on purpose.
#pragma once

namespace clang {
class ASTContext;
class EnumDecl;
class VarDecl;
} // namespace clang

namespace contractcheck {

// Whether a static_assert of the TU names both Table (in any expression: `std::size(T)`,
// `sizeof(T) / sizeof(T[0])`) and an enumerator of Enum in its condition.
bool sizeAssertedAgainstItsEnum(const clang::VarDecl &Table, const clang::EnumDecl &Enum,
                                clang::ASTContext &Ctx);

} // namespace contractcheck
