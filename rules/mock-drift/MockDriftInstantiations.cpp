// Whether a TU may hold mocks that only template instantiations show (Rule::needsInstantiations).
#include "MockDriftRule.h"

#include "MockPairing.h"
#include "ProjectCode.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>

using namespace clang;

namespace contractcheck {

namespace {

const DeclContext *namespaceIn(const DeclContext &Scope, ASTContext &Ctx, llvm::StringRef Name) {
  for (const NamedDecl *Found : Scope.lookup(&Ctx.Idents.get(Name)))
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Found))
      return Namespace;
  return nullptr;
}

bool declaresGMock(ASTContext &Ctx) {
  const DeclContext *Testing = namespaceIn(*Ctx.getTranslationUnitDecl(), Ctx, "testing");
  if (!Testing)
    return false;
  const DeclContext *Internal = namespaceIn(*Testing, Ctx, "internal");
  IdentifierInfo &Mocker = Ctx.Idents.get("FunctionMocker");
  return !Testing->lookup(&Mocker).empty() || (Internal && !Internal->lookup(&Mocker).empty());
}

} // namespace

bool MockDriftRule::needsInstantiations(llvm::ArrayRef<Decl *> TopLevel) const {
  if (TopLevel.empty())
    return false;
  // With gMock or configured mocks in the TU, any class template may be a mock or be
  // instantiated with one.
  if (!Pairs.empty() || declaresGMock(TopLevel.front()->getASTContext()))
    return true;
  return projectCodeHas(TopLevel, {}, [this](const Decl &D) {
    const auto *Record = dyn_cast<CXXRecordDecl>(&D);
    return Record && Record->getIdentifier() && !realNamesFor(Record->getName(), Patterns).empty();
  });
}

} // namespace contractcheck
