// What the rules' matchers walk in a TU (ASTContext::setTraversalScope): the top-level
// declarations of the project's code, whichever way the parse read them. A library's headers are
// not walked in any mode: no rule reports there, and what a rule needs from them is looked up
// (docs/performance.md, "Not walking the library").
#pragma once

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>

#include <vector>

namespace clang {
class ASTContext;
class ASTReader;
class Decl;
class HeaderSearch;
} // namespace clang

namespace contractcheck {

// Parsed: the top-level declarations the parse handed to its consumer, in order. Reader: what
// loaded the TU's precompiled files, if any; PrefixHeader: the header of the shared prefix
// (PrecompiledPrefix.h) among them, "" when none. Headers: the TU's header search, which tells
// a library's header from a project header that a system header included (LibraryHeaders.h:
// CMake's precompiled-header wrapper includes the project's own headers); null: every system
// header is a library's.
//
// The scope is every declaration of Parsed located outside a library's headers, and every
// top-level declaration of a precompiled file located outside them when one holds the project's
// code (a header of the project's own other than the prefix's, which is only #include lines of
// system headers), except the implicit instantiations of function templates that the walk
// reaches from their template anyway: Sema hands each instantiated function over as a
// top-level declaration too, and walked from both the rules would see it twice.
std::vector<clang::Decl *> projectTraversalScope(llvm::ArrayRef<clang::Decl *> Parsed,
                                                 clang::ASTContext &Ctx,
                                                 clang::ASTReader *Reader,
                                                 llvm::StringRef PrefixHeader,
                                                 const clang::HeaderSearch *Headers);

} // namespace contractcheck
