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

// A mock class template is judged in its specializations, and a class template of the project
// instantiated with a mock and with a real class pairs them; a library body (gtest's
// TYPED_TEST machinery) may be what forms those specializations. A TU without mocks, or
// without class templates of its own, has nothing of the kind.
bool MockDriftRule::needsInstantiations(llvm::ArrayRef<Decl *> TopLevel) const {
  if (TopLevel.empty())
    return false;
  if (!Pairs.empty())
    return true;
  if (!projectCodeHas(TopLevel, {}, [](const Decl &D) { return isa<ClassTemplateDecl>(D); }))
    return false;
  return declaresGMock(TopLevel.front()->getASTContext()) ||
         projectCodeHas(TopLevel, {}, [this](const Decl &D) {
           const auto *Record = dyn_cast<CXXRecordDecl>(&D);
           return Record && Record->getIdentifier() &&
                  !realNamesFor(Record->getName(), Patterns).empty();
         });
}

} // namespace contractcheck
