#include "rules/utils/FunctionRefs.h"

#include "rules/utils/Usr.h"
#include "LibraryHeaders.h"
#include "SourcePositions.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/STLExtras.h>

#include <map>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

// A function a value of an enum could be passed to: one of its parameters holds an integer or an
// enum. References to any other function are not worth a fact.
bool takesASwitchableValue(const FunctionDecl &F) {
  return llvm::any_of(F.parameters(), [](const ParmVarDecl *P) {
    return P->getType().getNonReferenceType()->isIntegralOrEnumerationType();
  });
}

void collectOverridden(const CXXMethodDecl &Method, std::vector<const FunctionDecl *> &Out) {
  for (const CXXMethodDecl *Base : Method.getCanonicalDecl()->overridden_methods())
    if (!llvm::is_contained(Out, Base->getCanonicalDecl())) {
      Out.push_back(Base->getCanonicalDecl());
      collectOverridden(*Base, Out);
    }
}

} // namespace

std::optional<std::vector<std::string>> calleesOf(const FunctionDecl &Function,
                                                  const SourceManager &SM,
                                                  const HeaderSearch *Headers) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
  if ((Method && Method->getParent()->isLambda()) || Function.isDependentContext() ||
      Function.isTemplateInstantiation())
    return std::nullopt;
  std::vector<const FunctionDecl *> Functions{Function.getCanonicalDecl()};
  if (Method)
    collectOverridden(*Method, Functions);
  std::vector<std::string> Usrs;
  for (const FunctionDecl *Callee : Functions) {
    std::string Usr = usrOf(*Callee);
    if (Usr.empty() || inALibrarysHeader(Callee->getLocation(), SM, Headers))
      return std::nullopt;
    Usrs.push_back(std::move(Usr));
  }
  return Usrs;
}

void FunctionRefs::registerMatchers(MatchFinder *Finder, MatchFinder::MatchCallback *Callback,
                                    const HeaderSearch *const *Headers) {
  // References spelled in the project's code, and those in a library's headers to functions that
  // are not the library's (a library template's call of the project's function). A project
  // header that CMake's precompiled-header wrapper makes a system header is the project's
  // (LibraryHeaders.h), as its functions are when they are hooks (switchHookOf).
  auto InLibrary = isExpansionInALibrarysHeader(Headers);
  auto Spelled = unless(allOf(InLibrary, to(decl(InLibrary))));
  Finder->addMatcher(declRefExpr(to(functionDecl()), Spelled).bind("function-ref"), Callback);
  Finder->addMatcher(
      memberExpr(member(cxxMethodDecl()), unless(allOf(InLibrary, member(decl(InLibrary)))))
          .bind("method-ref"),
      Callback);
}

bool FunctionRefs::record(const MatchFinder::MatchResult &Result) {
  const Expr *Ref = nullptr;
  const FunctionDecl *Function = nullptr;
  if (const auto *DeclRef = Result.Nodes.getNodeAs<DeclRefExpr>("function-ref")) {
    Ref = DeclRef;
    Function = dyn_cast<FunctionDecl>(DeclRef->getDecl());
  } else if (const auto *Member = Result.Nodes.getNodeAs<MemberExpr>("method-ref")) {
    Ref = Member;
    Function = dyn_cast<FunctionDecl>(Member->getMemberDecl());
  } else {
    return false;
  }
  if (Function && takesASwitchableValue(*Function))
    Refs.emplace_back(Ref, Function);
  return true;
}

std::vector<FunctionRefsFact> FunctionRefs::refFacts(const SourceManager &SM) const {
  llvm::DenseMap<FileID, llvm::DenseSet<const FunctionDecl *>> ByFile;
  for (const auto &[Ref, Function] : Refs)
    if (!DescribedRefs.contains(Ref))
      ByFile[fileContaining(*Ref, SM)].insert(Function->getCanonicalDecl());
  std::map<std::string, std::set<std::string>> Files;
  for (const auto &[File, Functions] : ByFile) {
    std::string Path = positionOf(SM.getLocForStartOfFile(File), SM).File;
    if (Path.empty())
      continue;
    std::set<std::string> &Usrs = Files[Path];
    for (const FunctionDecl *Function : Functions)
      if (std::string Usr = usrOf(*Function); !Usr.empty())
        Usrs.insert(std::move(Usr));
  }
  std::vector<FunctionRefsFact> Facts;
  for (auto &[Path, Usrs] : Files)
    Facts.push_back({Path, {Usrs.begin(), Usrs.end()}});
  return Facts;
}

void FunctionRefs::clear() {
  DescribedRefs.clear();
  Refs.clear();
}

} // namespace contractcheck
