// A TU parsed with a shared prefix loaded (SharedHeaders.h) sees every declaration of the prefix
// from its first line; as written, it sees each from its own #include of the header declaring it
// (or of the root that includes that header) on. A TU whose code names a declaration of the
// prefix before that point does not compile as written, nor with the compiler, but parses with
// the prefix loaded: cmakesl's sema_builder_ast_visitor_test.cpp reads std::numeric_limits in a
// project header before anything it includes brings <limits>, and was analysed in a whole run
// (where its group's prefix holds <limits>) and not alone. What such a TU reports must not
// depend on the TUs it shares a run with: this finds the use, and the TU parses its own text.
#pragma once

#include "SystemHeaderRoots.h"

#include <llvm/ADT/ArrayRef.h>

#include <memory>

namespace clang {
class ASTContext;
class Decl;
class Preprocessor;
} // namespace clang

namespace contractcheck {

// Where the TU's own code (outside system headers) first #includes each file, as the parse
// reads it: with the prefix loaded, the #include of a root finds its guard defined and enters
// nothing, but its directive is still where the TU's own text reads the root.
class OwnInclusions;

// Starts recording them on the parse's preprocessor; read once the TU is parsed.
std::shared_ptr<const OwnInclusions> recordOwnInclusions(clang::Preprocessor &PP);

// Whether the TU's own code (Scope, the project's top-level declarations: TraversalScope.h)
// names a declaration read from the prefix before the TU's own #include of the root its scan
// (Scan) entered that declaration's file under, or a declaration of a file the scan never
// entered: what only the prefix made visible there. A use of a macro of the prefix before its
// root is the scan's to find (it ends the roots that may move there).
bool usesPrefixBeforeIncluding(clang::ASTContext &Ctx, llvm::ArrayRef<clang::Decl *> Scope,
                               const SystemHeaderRoots &Scan, const OwnInclusions &Inclusions);

} // namespace contractcheck
