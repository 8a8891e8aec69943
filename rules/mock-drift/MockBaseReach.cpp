#include "rules/mock-drift/MockBaseReach.h"

#include "rules/mock-drift/MockDriftMethods.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/SmallPtrSet.h>

using namespace clang;

namespace contractcheck {

namespace {

// The class a value of type T is or points to, through every pointer and reference.
const CXXRecordDecl *classOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  while (const auto *Pointer = T->getAs<PointerType>())
    T = Pointer->getPointeeType();
  const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
  return Class && Class->getDefinition() ? Class->getDefinition() : Class;
}

// std's and gMock's own templates and functions (isGMockOwn: a project's own `testing`
// namespace is not gMock): what they do with a mock is known (hold it, forward it, register it
// with gMock), and what matters of it is seen where the project converts.
bool inStdOrTesting(const Decl &D) {
  const DeclContext *Ctx = D.getDeclContext();
  const NamespaceDecl *Outermost = nullptr;
  for (; Ctx && !Ctx->isTranslationUnit(); Ctx = Ctx->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(Ctx))
      Outermost = NS;
  return (Outermost && Outermost->getIdentifier() && Outermost->getName() == "std") ||
         isGMockOwn(D);
}

class ConversionWalk : public RecursiveASTVisitor<ConversionWalk> {
public:
  using Pairs = std::vector<std::pair<const CXXRecordDecl *, const CXXRecordDecl *>>;

  ConversionWalk(const SourceManager &SM, Pairs &Out) : SM(SM), Out(Out) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  // The library's code is not the project's: what it does with a mock is seen at the project's
  // call (its template arguments, its converting constructors). Both front ends walk the same.
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitCallExpr(CallExpr *E) {
    const FunctionDecl *Callee = E->getDirectCallee();
    if (!Callee)
      return true;
    // gMock registers a mock by address (`SetOwnerAndName(this, ...)`, `Mock::AllowLeak(&m)`).
    if (inStdOrTesting(*Callee)) {
      for (const Expr *Arg : E->arguments())
        GMockArguments.insert(Arg);
      // `static_pointer_cast<Base>(mock)` converts in the library's body.
      if (const TemplateArgumentList *Args = Callee->getTemplateSpecializationArgs();
          Args && Callee->getIdentifier() && Callee->getName().ends_with("_pointer_cast"))
        addTemplateArguments(Args->asArray());
      return true;
    }
    if (const TemplateArgumentList *Args = Callee->getTemplateSpecializationArgs())
      addTemplateArguments(Args->asArray());
    return true;
  }

  bool VisitClassTemplateSpecializationDecl(ClassTemplateSpecializationDecl *D) {
    if (!inStdOrTesting(*D))
      addTemplateArguments(D->getTemplateArgs().asArray());
    return true;
  }

  // `shared_ptr<Base>` from `shared_ptr<Mock>`: the conversion is in the library's body.
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    QualType Built = E->getType().getCanonicalType().getUnqualifiedType();
    for (const Expr *Arg : E->arguments()) {
      QualType Given = Arg->getType().getNonReferenceType().getCanonicalType().getUnqualifiedType();
      if (Given == Built)
        continue;
      if (const auto *Spec =
              dyn_cast_or_null<ClassTemplateSpecializationDecl>(Given->getAsCXXRecordDecl()))
        addTemplateArguments(Spec->getTemplateArgs().asArray());
    }
    return true;
  }

  bool VisitCastExpr(CastExpr *E) {
    switch (E->getCastKind()) {
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
    case CK_Dynamic:
      break;
    case CK_BitCast:
    case CK_LValueBitCast:
    case CK_LValueToRValueBitCast:
    case CK_PointerToIntegral:
    case CK_ReinterpretMemberPointer:
      if (GMockArguments.contains(E))
        return true;
      break;
    default:
      return true;
    }
    if (const CXXRecordDecl *From = classOf(E->getSubExpr()->getType()))
      Out.emplace_back(From, E->getCastKind() == CK_PointerToIntegral ? nullptr
                                                                       : classOf(E->getType()));
    return true;
  }

private:
  void addTemplateArguments(llvm::ArrayRef<TemplateArgument> Args) {
    for (const TemplateArgument &Arg : Args) {
      if (Arg.getKind() == TemplateArgument::Pack) {
        addTemplateArguments(Arg.pack_elements());
        continue;
      }
      if (Arg.getKind() == TemplateArgument::Type)
        if (const CXXRecordDecl *Class = classOf(Arg.getAsType()))
          Out.emplace_back(Class, nullptr);
    }
  }

  const SourceManager &SM;
  Pairs &Out;
  llvm::SmallPtrSet<const Expr *, 16> GMockArguments;
};

bool sameOrDerived(const CXXRecordDecl &Class, const CXXRecordDecl &Mock) {
  if (Class.getCanonicalDecl() == Mock.getCanonicalDecl())
    return true;
  const CXXRecordDecl *Definition = Class.getDefinition();
  return Definition && Definition->isDerivedFrom(&Mock);
}

} // namespace

bool MockBaseReach::reachesBase(const CXXRecordDecl &Mock) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!SM.isInMainFile(SM.getExpansionLoc(Mock.getLocation())))
    return true;
  collect();
  for (const auto &[From, To] : Conversions)
    if (sameOrDerived(*From, Mock) && !(To && sameOrDerived(*To, Mock)))
      return true;
  return false;
}

void MockBaseReach::collect() {
  if (Collected)
    return;
  Collected = true;
  ConversionWalk Walk(Ctx.getSourceManager(), Conversions);
  for (Decl *D : Ctx.getTraversalScope())
    Walk.TraverseDecl(D);
}

} // namespace contractcheck
