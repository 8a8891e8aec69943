// How enums and enumerators are spelled in diagnostics, in fix-its and for name globs: qualified
// the way the user would write them, without anonymous or inline namespaces.
#pragma once

#include <string>

namespace clang {
class EnumDecl;
class EnumConstantDecl;
class LangOptions;
} // namespace clang

namespace contractcheck {

std::string enumQualifiedName(const clang::EnumDecl &Enum);
std::string enumeratorSpelling(const clang::EnumConstantDecl &Enumerator,
                               const clang::LangOptions &LangOpts);

} // namespace contractcheck
