// Whether an enum is a library's (declared in a system header), for the rules that hold code to
// naming every enumerator: a library's enum grows on the library's release schedule, and the
// code that switches on it is built against several of its versions.
#pragma once

namespace clang {
class EnumDecl;
class HeaderSearch;
} // namespace clang

namespace contractcheck {

// The enum's definition is in a system header (-isystem, /usr/include, an imported CMake
// target's include directories), by the directory it was found in or by a `#pragma GCC
// system_header` of its own file. A project header that is a system header of the TU only
// because a system header included it is not a library's: CMake's precompiled-header wrapper
// (`cmake_pch.hxx`) says `#pragma GCC system_header` and includes the project's own headers.
// Headers: the TU's header search (what directory each file was found in); without it, every
// system header counts.
bool declaredByALibrary(const clang::EnumDecl &Enum, const clang::HeaderSearch *Headers);

} // namespace contractcheck
