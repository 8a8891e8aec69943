// Whether an enum is a library's (declared in a system header), for the rules that hold code to
// naming every enumerator: a library's enum grows on the library's release schedule, and the
// code that switches on it is built against several of its versions.
#pragma once

namespace clang {
class EnumDecl;
class HeaderSearch;
} // namespace clang

namespace contractcheck {

// The enum's definition is in a library's header (inALibrarysHeader, LibraryHeaders.h: a
// system header other than a project header that a system header included, as CMake's
// precompiled-header wrapper `cmake_pch.hxx` includes the project's own). Headers: the TU's
// header search; without it, every system header counts.
bool declaredByALibrary(const clang::EnumDecl &Enum, const clang::HeaderSearch *Headers);

} // namespace contractcheck
