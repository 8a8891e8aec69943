// Looking through the TU's own code (not its system headers) for what makes a rule need
// template instantiations (Rule::needsInstantiations).
#pragma once

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/STLFunctionalExtras.h>

namespace clang {
class Decl;
class Stmt;
} // namespace clang

namespace contractcheck {

// Whether a statement or declaration of the TU's own code, templates included, satisfies Match
// (either predicate may be empty). TopLevel: the declarations the parse read.
bool projectCodeHas(llvm::ArrayRef<clang::Decl *> TopLevel,
                    llvm::function_ref<bool(const clang::Stmt &)> MatchStmt,
                    llvm::function_ref<bool(const clang::Decl &)> MatchDecl = {});

} // namespace contractcheck
