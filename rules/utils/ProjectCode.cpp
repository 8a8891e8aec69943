#include "rules/utils/ProjectCode.h"

#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>

#include <atomic>

using namespace clang;

namespace contractcheck {

namespace {

std::atomic<unsigned long> Searches{0};

class ProjectCodeSearch : public RecursiveASTVisitor<ProjectCodeSearch> {
public:
  ProjectCodeSearch(llvm::function_ref<bool(const Stmt &)> MatchStmt,
                    llvm::function_ref<bool(const Decl &)> MatchDecl, bool WalkStatements)
      : MatchStmt(MatchStmt), MatchDecl(MatchDecl), WalkStatements(WalkStatements) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBodies() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D || Found)
      return !Found;
    const SourceManager &SM = D->getASTContext().getSourceManager();
    SourceLocation Loc = SM.getExpansionLoc(D->getLocation());
    if (Loc.isValid() && SM.isInSystemHeader(Loc))
      return true;
    if (MatchDecl && MatchDecl(*D))
      Found = true;
    return !Found && RecursiveASTVisitor::TraverseDecl(D);
  }
  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    return !WalkStatements || RecursiveASTVisitor::TraverseStmt(S, Queue);
  }
  // Without statements, what the type locations hold (template arguments, qualifiers, the
  // types of every parameter and member) declares nothing the search could find: a declaration
  // in a type is either in its declaration context too (a tag defined in a declarator) or
  // reached through an expression (a lambda's closure class). They were nine tenths of the
  // walk of a gMock test's mocks, whose MOCK_METHODs write long types.
  bool TraverseTypeLoc(TypeLoc TL) {
    return !WalkStatements || RecursiveASTVisitor::TraverseTypeLoc(TL);
  }
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc NNS) {
    return !WalkStatements || RecursiveASTVisitor::TraverseNestedNameSpecifierLoc(NNS);
  }
  bool TraverseTemplateArgumentLoc(const TemplateArgumentLoc &Arg) {
    return !WalkStatements || RecursiveASTVisitor::TraverseTemplateArgumentLoc(Arg);
  }
  bool VisitStmt(Stmt *S) {
    if (MatchStmt && MatchStmt(*S))
      Found = true;
    return !Found;
  }

  bool Found = false;

private:
  llvm::function_ref<bool(const Stmt &)> MatchStmt;
  llvm::function_ref<bool(const Decl &)> MatchDecl;
  const bool WalkStatements;
};

bool search(llvm::ArrayRef<Decl *> TopLevel, ProjectCodeSearch &Search) {
  ++Searches;
  for (Decl *D : TopLevel)
    if (!Search.TraverseDecl(D) || Search.Found)
      break;
  return Search.Found;
}

} // namespace

unsigned long projectCodeSearches() { return Searches.load(); }

bool projectCodeHas(llvm::ArrayRef<Decl *> TopLevel,
                    llvm::function_ref<bool(const Stmt &)> MatchStmt,
                    llvm::function_ref<bool(const Decl &)> MatchDecl) {
  ProjectCodeSearch Search(MatchStmt, MatchDecl, /*WalkStatements=*/true);
  return search(TopLevel, Search);
}

bool projectTemplatesHave(llvm::ArrayRef<Decl *> TopLevel,
                          llvm::function_ref<bool(const Decl &)> MatchDecl) {
  ProjectCodeSearch Search({}, MatchDecl, /*WalkStatements=*/false);
  return search(TopLevel, Search);
}

} // namespace contractcheck
