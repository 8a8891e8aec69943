#include "rules/utils/EnumDefinitionMatcher.h"

#include "rules/utils/EnumNames.h"

#include <vector>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {
constexpr llvm::StringLiteral BoundEnum = "bound-enum-definition";
} // namespace

DeclarationMatcher enumDefinitionNamed(const EnumNameSet &QualifiedNames) {
  std::vector<llvm::StringRef> Unqualified;
  for (const std::string &Name : QualifiedNames) {
    size_t Colon = Name.rfind("::");
    Unqualified.push_back(llvm::StringRef(Name).substr(Colon == std::string::npos ? 0 : Colon + 2));
  }
  return enumDecl(isDefinition(), hasAnyName(llvm::ArrayRef<llvm::StringRef>(Unqualified)))
      .bind(BoundEnum);
}

const EnumDecl *boundEnumDefinition(const MatchFinder::MatchResult &Result,
                                    const EnumNameSet &QualifiedNames) {
  const auto *Enum = Result.Nodes.getNodeAs<EnumDecl>(BoundEnum);
  if (!Enum || !QualifiedNames.count(enumQualifiedName(*Enum)))
    return nullptr;
  return Enum;
}

} // namespace contractcheck
