// The definitions of the enums a rule's options name by qualified name (bindings, data-file
// keys): matched by their unqualified name, then compared as the options spell them
// (enumQualifiedName), so inline and anonymous namespaces do not get in the way.
#pragma once

#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <set>
#include <string>

namespace contractcheck {

using EnumNameSet = std::set<std::string, std::less<>>;

clang::ast_matchers::DeclarationMatcher enumDefinitionNamed(const EnumNameSet &QualifiedNames);

// The enum the matcher above bound, when its qualified name is one of QualifiedNames.
const clang::EnumDecl *
boundEnumDefinition(const clang::ast_matchers::MatchFinder::MatchResult &Result,
                    const EnumNameSet &QualifiedNames);

// The definition of an enum by its qualified name, looked up from the translation unit (inline
// namespaces are looked through as the name omits them): for the names the matcher bound
// nothing for. The rules' walk does not enter system headers (a library's enum, bound by a
// project that checks its names), whose declarations a precompiled prefix holds in one mode
// and the parse in the other; a lookup reads either.
const clang::EnumDecl *lookupEnumDefinition(clang::ASTContext &Ctx,
                                            llvm::StringRef QualifiedName);

} // namespace contractcheck
