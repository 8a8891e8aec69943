#include "rules/mock-drift/MockDriftMethods.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <map>

using namespace clang;

namespace contractcheck {

namespace {

// gMock names the mocker `gmock<const><arity>_<method>_<line>`; the method name is checked as a
// whole `_<name>_` segment so `Get` does not claim the mocker of `GetAll`.
bool mockerNames(const FieldDecl &Field, llvm::StringRef Method) {
  llvm::StringRef Name = Field.getName();
  if (!Name.starts_with("gmock"))
    return false;
  std::string Segment = "_" + Method.str() + "_";
  size_t Pos = Name.find(Segment);
  if (Pos == llvm::StringRef::npos)
    return false;
  llvm::StringRef Line = Name.substr(Pos + Segment.size());
  return !Line.empty() && Line.find_first_not_of("0123456789") == llvm::StringRef::npos;
}

} // namespace

std::vector<GMockMethod> gmockMethods(const CXXRecordDecl &Class, const SourceManager &SM) {
  std::vector<GMockMethod> Methods;
  // Mocker fields by the macro expansion that declared them.
  std::multimap<unsigned, const FieldDecl *> Mockers;
  for (const FieldDecl *Field : Class.fields())
    if (Field->getLocation().isMacroID() && Field->getName().starts_with("gmock"))
      Mockers.emplace(SM.getExpansionLoc(Field->getLocation()).getRawEncoding(), Field);
  if (Mockers.empty())
    return Methods;
  for (const CXXMethodDecl *Method : Class.methods()) {
    if (Method->isImplicit() || !Method->getIdentifier() || isGMockPlumbing(*Method) ||
        !Method->getLocation().isMacroID())
      continue;
    auto [Begin, End] =
        Mockers.equal_range(SM.getExpansionLoc(Method->getLocation()).getRawEncoding());
    for (auto It = Begin; It != End; ++It)
      if (mockerNames(*It->second, Method->getName())) {
        Methods.push_back({Method, It->second});
        break;
      }
  }
  return Methods;
}

bool isGMockPlumbing(const CXXMethodDecl &Method) {
  return Method.getIdentifier() && Method.getName().starts_with("gmock_");
}

bool isInTestingNamespace(const Decl &D) {
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      if (NS->getIdentifier() && NS->getName() == "testing" &&
          NS->getParent()->getRedeclContext()->isTranslationUnit())
        return true;
  return false;
}

bool isGMockOwn(const Decl &D) {
  if (!isInTestingNamespace(D))
    return false;
  const SourceManager &SM = D.getASTContext().getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(D.getLocation());
  if (Loc.isInvalid() || SM.isInSystemHeader(Loc))
    return true;
  // googletest's headers live in include/gmock/... and include/gtest/...
  llvm::StringRef Path = SM.getFilename(Loc);
  for (auto It = llvm::sys::path::rbegin(Path), End = llvm::sys::path::rend(Path); It != End; ++It)
    if (It != llvm::sys::path::rbegin(Path) && (*It == "gmock" || *It == "gtest"))
      return true;
  return false;
}

bool isGTestTest(const CXXRecordDecl &Class) {
  const CXXRecordDecl *Def = Class.getDefinition();
  if (!Def)
    return false;
  std::vector<const CXXRecordDecl *> Classes{Def};
  for (size_t Next = 0; Next < Classes.size(); ++Next)
    for (const CXXBaseSpecifier &Base : Classes[Next]->bases()) {
      const CXXRecordDecl *Named = Base.getType()->getAsCXXRecordDecl();
      const CXXRecordDecl *BaseDef = Named ? Named->getDefinition() : nullptr;
      if (!BaseDef || std::find(Classes.begin(), Classes.end(), BaseDef) != Classes.end())
        continue;
      const auto *Namespace = dyn_cast<NamespaceDecl>(BaseDef->getDeclContext());
      if (BaseDef->getIdentifier() && BaseDef->getName() == "Test" && Namespace &&
          Namespace->getIdentifier() && Namespace->getName() == "testing" &&
          Namespace->getParent()->getRedeclContext()->isTranslationUnit())
        return true;
      Classes.push_back(BaseDef);
    }
  return false;
}

const CXXRecordDecl *unwrapGMockWrapper(const CXXRecordDecl *Class) {
  while (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Class)) {
    llvm::StringRef Name = Spec->getName();
    if (!isInTestingNamespace(*Spec) ||
        (Name != "NiceMock" && Name != "NaggyMock" && Name != "StrictMock"))
      break;
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Args.size() != 1 || Args[0].getKind() != TemplateArgument::Type)
      break;
    Class = Args[0].getAsType()->getAsCXXRecordDecl();
  }
  return Class;
}

} // namespace contractcheck
