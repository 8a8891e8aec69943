#include "rules/utils/EnumDefinitionMatcher.h"

#include "rules/utils/EnumNames.h"
#include "rules/utils/NameSpelling.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <llvm/ADT/SmallVector.h>

#include <vector>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {
constexpr llvm::StringLiteral BoundEnum = "bound-enum-definition";
} // namespace

DeclarationMatcher enumDefinitionNamed(const EnumNameSet &QualifiedNames) {
  std::vector<llvm::StringRef> Unqualified;
  for (const std::string &Name : QualifiedNames)
    Unqualified.push_back(unqualifiedName(Name));
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

const EnumDecl *lookupEnumDefinition(ASTContext &Ctx, llvm::StringRef QualifiedName) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  QualifiedName.ltrim(':').split(Parts, "::");
  const DeclContext *Scope = Ctx.getTranslationUnitDecl();
  for (size_t I = 0; I < Parts.size(); ++I) {
    const DeclContext *Next = nullptr;
    for (const NamedDecl *Found : Scope->lookup(&Ctx.Idents.get(Parts[I]))) {
      if (I + 1 == Parts.size()) {
        if (const auto *Enum = dyn_cast<EnumDecl>(Found))
          if (const EnumDecl *Definition = Enum->getDefinition();
              Definition && enumQualifiedName(*Definition) == QualifiedName.ltrim(':'))
            return Definition;
      } else if (const auto *Namespace = dyn_cast<NamespaceDecl>(Found)) {
        Next = Namespace;
      } else if (const auto *Record = dyn_cast<CXXRecordDecl>(Found);
                 Record && Record->getDefinition()) {
        Next = Record->getDefinition();
      }
    }
    if (!Next)
      return nullptr;
    Scope = Next;
  }
  return nullptr;
}

} // namespace contractcheck
