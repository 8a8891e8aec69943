#include "rules/inactive-code/PointScope.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>
#include <clang/Basic/SourceManager.h>

using namespace clang;

namespace contractcheck {

PointScope::PointScope(ASTContext &Ctx, SourceLocation Point)
    : Ctx(Ctx), Point(Point), File(Ctx.getSourceManager().getFileID(Point)) {
  Context = Ctx.getTranslationUnitDecl();
  descend(*Context);
  if (Function && !Unclear) {
    if (Function->isTemplated() || Function->isDependentContext())
      Unclear = true;
    else if (const Stmt *Body = Function->getBody())
      collectLocals(*Body);
  }
}

bool PointScope::before(SourceLocation Loc) const {
  const SourceManager &SM = Ctx.getSourceManager();
  return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Loc), Point);
}

bool PointScope::contains(SourceRange Range) const {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Begin = SM.getExpansionLoc(Range.getBegin());
  SourceLocation End = SM.getExpansionRange(Range.getEnd()).getEnd();
  return Begin.isValid() && End.isValid() && SM.isBeforeInTranslationUnit(Begin, Point) &&
         SM.isBeforeInTranslationUnit(Point, End);
}

void PointScope::descend(const DeclContext &DC) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Decl *D : DC.decls()) {
    if (D->isImplicit() || SM.getFileID(SM.getExpansionLoc(D->getBeginLoc())) != File ||
        !contains(D->getSourceRange()))
      continue;
    if (isa<ClassTemplateDecl, FunctionTemplateDecl, ClassTemplatePartialSpecializationDecl,
            VarTemplateDecl, TypeAliasTemplateDecl>(D)) {
      Unclear = true;
      return;
    }
    if (const auto *Record = dyn_cast<CXXRecordDecl>(D)) {
      if (Record->isDependentContext() || isa<ClassTemplateSpecializationDecl>(Record)) {
        Unclear = true;
        return;
      }
      Context = Record;
      return descend(*Record);
    }
    if (isa<NamespaceDecl, LinkageSpecDecl>(D)) {
      Context = cast<DeclContext>(D);
      return descend(*Context);
    }
    if (const auto *F = dyn_cast<FunctionDecl>(D)) {
      if (F->getBody() && contains(F->getBody()->getSourceRange()))
        Function = F;
      else
        Unclear = true; // in a signature, an initializer list, a default argument
      return;
    }
    // Inside a variable's initializer, an enum's body, ...: not a place for calls to judge.
    Unclear = true;
    return;
  }
}

void PointScope::collectLocals(const Stmt &S) {
  for (const Stmt *Child : S.children()) {
    if (!Child)
      continue;
    if (contains(Child->getSourceRange())) {
      if (isa<LambdaExpr, BlockExpr>(Child)) {
        Unclear = true; // the lambda's parameters and captures are not read
        return;
      }
      collectLocals(*Child);
      continue;
    }
    const auto *Declaration = dyn_cast<DeclStmt>(Child);
    if (!Declaration || !before(Child->getEndLoc()))
      continue;
    for (const Decl *D : Declaration->decls())
      if (const auto *Named = dyn_cast<NamedDecl>(D))
        Locals.push_back(Named);
  }
}

const NamedDecl *PointScope::single(llvm::ArrayRef<NamedDecl *> Found) const {
  const NamedDecl *Result = nullptr;
  for (const NamedDecl *D : Found) {
    if (!before(D->getLocation()))
      continue;
    const NamedDecl *Canonical = cast<NamedDecl>(D->getCanonicalDecl());
    if (Result && Result != Canonical)
      return nullptr; // overloads, or a name with two meanings
    Result = Canonical;
  }
  return Result;
}

const NamedDecl *PointScope::lookup(llvm::StringRef Name) const {
  if (Unclear)
    return nullptr;
  for (auto It = Locals.rbegin(); It != Locals.rend(); ++It)
    if ((*It)->getIdentifier() && (*It)->getName() == Name)
      return *It;
  if (Function)
    for (const ParmVarDecl *Param : Function->parameters())
      if (Param->getIdentifier() && Param->getName() == Name)
        return Param;
  DeclarationName Declared(&Ctx.Idents.get(Name));
  for (const DeclContext *DC = Function ? Function->getParent() : Context; DC;
       DC = DC->getParent()) {
    if (const auto *Record = dyn_cast<CXXRecordDecl>(DC)) {
      std::vector<std::string> Ignored;
      MemberLookup Member = findMember(*Record, Name, Ignored);
      if (Member == MemberLookup::Unknown)
        return nullptr;
      if (Member == MemberLookup::Found) {
        // Only a member of the class itself is resolved; one inherited is left alone.
        DeclContextLookupResult Own = Record->lookup(Declared);
        return single(llvm::SmallVector<NamedDecl *, 4>(Own.begin(), Own.end()));
      }
      continue;
    }
    DeclContextLookupResult Found = DC->lookup(Declared);
    if (!Found.empty())
      return single(llvm::SmallVector<NamedDecl *, 4>(Found.begin(), Found.end()));
    // `using namespace io;` before the point makes io's names visible here.
    for (const UsingDirectiveDecl *Using : DC->using_directives()) {
      const NamespaceDecl *Nominated = Using->getNominatedNamespace();
      if (!Nominated || !before(Using->getLocation()))
        continue;
      DeclContextLookupResult Used = Nominated->lookup(Declared);
      if (!Used.empty())
        return single(llvm::SmallVector<NamedDecl *, 4>(Used.begin(), Used.end()));
    }
  }
  return nullptr;
}

const CXXRecordDecl *PointScope::thisClass() const {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Function);
  if (Unclear || !Method || Method->isStatic())
    return nullptr;
  return Method->getParent();
}

const NamedDecl *PointScope::lookupIn(const Decl &Scope, llvm::StringRef Name) const {
  const auto *DC = dyn_cast<DeclContext>(&Scope);
  if (!DC || isa<EnumDecl>(DC))
    return nullptr;
  DeclContextLookupResult Found = DC->lookup(DeclarationName(&Ctx.Idents.get(Name)));
  return single(llvm::SmallVector<NamedDecl *, 4>(Found.begin(), Found.end()));
}

MemberLookup findMember(const CXXRecordDecl &Class, llvm::StringRef Name,
                        std::vector<std::string> &MethodNames) {
  const CXXRecordDecl *Definition = Class.getDefinition();
  if (!Definition || Definition->isDependentContext())
    return MemberLookup::Unknown;
  bool Found = false;
  const SourceManager &SM = Definition->getASTContext().getSourceManager();
  for (const Decl *D : Definition->decls()) {
    // A project's macro may declare other members in the other configuration; one a library's
    // header defines (Qt's Q_OBJECT, Q_DECLARE_PRIVATE) declares the same ones in every build.
    if (!D->isImplicit() && D->getLocation().isMacroID() &&
        !SM.isInSystemHeader(SM.getSpellingLoc(D->getLocation())))
      return MemberLookup::Unknown;
    const auto *Named = dyn_cast<NamedDecl>(D);
    if (!Named || !Named->getIdentifier())
      continue;
    if (Named->getName() == Name)
      Found = true;
    if (isa<CXXMethodDecl, FunctionTemplateDecl>(Named))
      MethodNames.push_back(Named->getName().str());
  }
  if (Found)
    return MemberLookup::Found;
  for (const CXXBaseSpecifier &Base : Definition->bases()) {
    const CXXRecordDecl *BaseClass = Base.getType()->getAsCXXRecordDecl();
    if (!BaseClass || Base.getType()->isDependentType())
      return MemberLookup::Unknown;
    MemberLookup InBase = findMember(*BaseClass, Name, MethodNames);
    if (InBase != MemberLookup::Missing)
      return InBase;
  }
  return MemberLookup::Missing;
}

const Decl *asScope(const NamedDecl &D) {
  // `using trading::EventType;` names what it brings in.
  if (const auto *Shadow = dyn_cast<UsingShadowDecl>(&D))
    return asScope(*Shadow->getTargetDecl());
  if (const auto *Using = dyn_cast<UsingDecl>(&D))
    return Using->shadow_size() == 1 ? asScope(**Using->shadow_begin()) : nullptr;
  if (const auto *Alias = dyn_cast<NamespaceAliasDecl>(&D))
    return Alias->getNamespace();
  if (const auto *Namespace = dyn_cast<NamespaceDecl>(&D))
    return Namespace;
  QualType Type;
  if (const auto *Typedef = dyn_cast<TypedefNameDecl>(&D))
    Type = Typedef->getUnderlyingType();
  else if (const auto *TypeD = dyn_cast<TypeDecl>(&D); TypeD && TypeD->getTypeForDecl())
    Type = QualType(TypeD->getTypeForDecl(), 0);
  if (Type.isNull() || Type->isDependentType())
    return nullptr;
  Type = Type.getCanonicalType();
  if (const auto *Enum = Type->getAs<EnumType>())
    return Enum->getDecl()->getDefinition();
  if (const CXXRecordDecl *Record = Type->getAsCXXRecordDecl())
    if (!isa<ClassTemplateSpecializationDecl>(Record))
      return Record->getDefinition();
  return nullptr;
}

} // namespace contractcheck
