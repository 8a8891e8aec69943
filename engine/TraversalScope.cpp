#include "TraversalScope.h"

#include "LibraryHeaders.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Serialization/ASTReader.h>
#include <clang/Serialization/ModuleFile.h>
#include <llvm/ADT/DenseSet.h>
#include <llvm/Support/Path.h>

using namespace clang;

namespace contractcheck {

namespace {

// Whether a precompiled file the TU loaded holds code of a file outside system headers, other
// than the prefix's header. Its list of input files says, without reading its declarations.
bool loadsProjectCode(ASTReader &Reader, llvm::StringRef PrefixHeader) {
  // The prefix's header, or that of a lower prefix it was built on, which lives beside it.
  llvm::StringRef Place = llvm::sys::path::parent_path(PrefixHeader);
  auto isPrefixHeader = [&](llvm::StringRef File) {
    return File == PrefixHeader || (!Place.empty() && llvm::sys::path::parent_path(File) == Place);
  };
  bool Project = false;
  for (serialization::ModuleFile &File : Reader.getModuleManager())
    Reader.visitInputFileInfos(
        File, /*IncludeSystem=*/false,
        [&](const serialization::InputFileInfo &Input, bool IsSystem) {
          Project |= !IsSystem && !Input.ModuleMap && !isPrefixHeader(Input.Filename) &&
                     !isPrefixHeader(Input.FilenameAsRequested);
        });
  return Project;
}

// Whether the matchers' walk of the scope (a RecursiveASTVisitor that visits template
// instantiations) visits D; false where not sure. The walk enters a declaration context's own
// declarations (DeclContext::containsDecl), a class template's implicit instantiations from its
// first declaration, and a function template's from its first declaration too.
class WalkedFromScope {
public:
  explicit WalkedFromScope(const llvm::DenseSet<const Decl *> &Scope) : Scope(Scope) {}

  bool operator()(const Decl *D, unsigned Depth = 0) const {
    if (Depth > 64)
      return false;
    if (const auto *F = dyn_cast<FunctionDecl>(D))
      if (F->getTemplateSpecializationKind() == TSK_ImplicitInstantiation)
        if (FunctionTemplateDecl *Template = F->getPrimaryTemplate()) {
          void *InsertPos = nullptr;
          const TemplateArgumentList *Args = F->getTemplateSpecializationArgs();
          return Args && Template->findSpecialization(Args->asArray(), InsertPos) == F &&
                 (*this)(Template->getCanonicalDecl(), Depth + 1);
        }
    const DeclContext *Context = D->getLexicalDeclContext();
    if (!Context || !Context->containsDecl(const_cast<Decl *>(D)))
      return false;
    if (isa<TranslationUnitDecl>(Context))
      return Scope.contains(D);
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Context))
      return Spec->getSpecializationKind() == TSK_ImplicitInstantiation &&
             (*this)(Spec->getSpecializedTemplate()->getCanonicalDecl(), Depth + 1);
    if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(Context))
      return (*this)(cast<Decl>(Context), Depth + 1);
    if (const auto *Record = dyn_cast<CXXRecordDecl>(Context)) {
      if (Record->isLambda()) // the walk enters a lambda's body, not its class's members
        return false;
      if (const ClassTemplateDecl *Template = Record->getDescribedClassTemplate())
        return (*this)(Template, Depth + 1);
      return (*this)(Record, Depth + 1);
    }
    return false; // inside a function, a block, ...: not followed
  }

private:
  const llvm::DenseSet<const Decl *> &Scope;
};

} // namespace

std::vector<Decl *> projectTraversalScope(llvm::ArrayRef<Decl *> Parsed, ASTContext &Ctx,
                                          ASTReader *Reader, llvm::StringRef PrefixHeader,
                                          const HeaderSearch *Headers) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<Decl *> Kept;
  // A precompiled file's declarations come first in the TU, and the parse handed none of them
  // over. Listing the TU's declarations reads every top-level one of the file back, which is why
  // it is done only when the file holds the project's code.
  if (Reader && loadsProjectCode(*Reader, PrefixHeader))
    for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (D->isFromASTFile() && D->getLocation().isValid() &&
          !inALibrarysHeader(D->getLocation(), SM, Headers))
        Kept.push_back(D);
  for (Decl *D : Parsed)
    if (!inALibrarysHeader(D->getLocation(), SM, Headers))
      Kept.push_back(D);
  llvm::DenseSet<const Decl *> Scope(Kept.begin(), Kept.end());
  WalkedFromScope Walked(Scope);
  std::erase_if(Kept, [&](const Decl *D) {
    const auto *F = dyn_cast<FunctionDecl>(D);
    return F && F->getTemplateSpecializationKind() == TSK_ImplicitInstantiation && Walked(F);
  });
  return Kept;
}

} // namespace contractcheck
