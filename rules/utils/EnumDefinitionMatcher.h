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

} // namespace contractcheck
