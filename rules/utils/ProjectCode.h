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

// Whether a declaration of the TU's own code outside function bodies and other statements
// satisfies Match: what a search for class templates and their partial specializations needs,
// since no statement can hold one (a template is declared at namespace or class scope, a local
// class has no member templates, and a closure type's only one is a generic lambda's call
// operator). Not walking the bodies saves the statements' walk, most of the search.
bool projectTemplatesHave(llvm::ArrayRef<clang::Decl *> TopLevel,
                          llvm::function_ref<bool(const clang::Decl &)> MatchDecl);

// How many searches (of either kind) this process has run (tests).
unsigned long projectCodeSearches();

} // namespace contractcheck
