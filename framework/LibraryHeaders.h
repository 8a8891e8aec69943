// Whether code is a library's or the project's, by the file it is written in: the one test the
// rules that leave a library's enums alone (LibraryEnums.h), the enumerator uses they read
// (EnumeratorUses.h), and the CLI's walk and parse of the TU (TraversalScope.h,
// BodySkipPolicy.h) apply alike, so that a file is the project's for all of them or for none.
#pragma once

#include <clang/AST/ASTContext.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/SourceLocation.h>

namespace clang {
class HeaderSearch;
class SourceManager;
} // namespace clang

namespace contractcheck {

// The file Loc is expanded in is a system header (-isystem, /usr/include, an imported CMake
// target's include directories), by the directory it was found in or by a `#pragma GCC
// system_header` of its own. A project header that is a system header of the TU only because a
// system header included it is not a library's: CMake's precompiled-header wrapper
// (`cmake_pch.hxx`) says `#pragma GCC system_header` and includes the project's own headers
// (found in user directories, or by their paths). A header installed under a system directory
// of the TU is a library's whatever directory it was found in: qmake and pkg-config name
// `-I/usr/include/x86_64-linux-gnu/qt5`, and the project is never installed there. Headers: the
// TU's header search (what directory each file was found in, and the TU's system directories);
// without it, every system header counts and no other header.
bool inALibrarysHeader(clang::SourceLocation Loc, const clang::SourceManager &SM,
                       const clang::HeaderSearch *Headers);

// isExpansionInSystemHeader() by that test. Headers is read when a node is matched: the front
// end gives the TU's header search after the matchers are registered (clang-tidy's
// registerPPCallbacks), and anew for each TU.
AST_POLYMORPHIC_MATCHER_P(isExpansionInALibrarysHeader,
                          AST_POLYMORPHIC_SUPPORTED_TYPES(clang::Decl, clang::Stmt, clang::TypeLoc),
                          const clang::HeaderSearch *const *, Headers) {
  return inALibrarysHeader(Node.getBeginLoc(), Finder->getASTContext().getSourceManager(),
                           *Headers);
}

} // namespace contractcheck
