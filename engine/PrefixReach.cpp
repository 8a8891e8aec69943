#include "PrefixReach.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringMap.h>
#include <llvm/Support/FileSystem.h>

#include <optional>

namespace contractcheck {

using namespace clang;

class OwnInclusions {
public:
  llvm::DenseMap<const FileEntry *, SourceLocation> First; // the #include's hash
};

namespace {

class InclusionRecorder : public PPCallbacks {
public:
  InclusionRecorder(const SourceManager &SM, std::shared_ptr<OwnInclusions> Out)
      : SM(SM), Out(std::move(Out)) {}

  void InclusionDirective(SourceLocation HashLoc, const Token &, StringRef, bool,
                          CharSourceRange, OptionalFileEntryRef File, StringRef, StringRef,
                          const Module *, bool, SrcMgr::CharacteristicKind) override {
    if (File && !SM.isInSystemHeader(HashLoc))
      Out->First.try_emplace(&File->getFileEntry(), HashLoc);
  }

private:
  const SourceManager &SM;
  std::shared_ptr<OwnInclusions> Out;
};

// What a use refers to, as the text that declares it: a template's instantiation is declared
// where its pattern is.
const Decl *declaredAs(const Decl *D) {
  if (const auto *F = dyn_cast<FunctionDecl>(D))
    if (const FunctionDecl *Pattern = F->getTemplateInstantiationPattern(false))
      return Pattern;
  if (const auto *S = dyn_cast<ClassTemplateSpecializationDecl>(D))
    if (S->getSpecializationKind() == TSK_ImplicitInstantiation)
      return S->getSpecializedTemplate();
  if (const auto *R = dyn_cast<CXXRecordDecl>(D))
    if (const CXXRecordDecl *Pattern = R->getTemplateInstantiationPattern())
      return Pattern;
  if (const auto *V = dyn_cast<VarDecl>(D))
    if (const VarDecl *Pattern = V->getTemplateInstantiationPattern())
      return Pattern;
  return D;
}

class UseBeforeInclude : public RecursiveASTVisitor<UseBeforeInclude> {
public:
  UseBeforeInclude(ASTContext &Ctx, const SystemHeaderRoots &Scan, const OwnInclusions &Inclusions)
      : SM(Ctx.getSourceManager()), Scan(Scan), Inclusions(Inclusions) {
    for (size_t R = 0; R < Scan.Entered.size(); ++R)
      for (const std::string &File : Scan.Entered[R])
        RootOf.try_emplace(File, R);
  }

  bool found() const { return Found; }

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  bool VisitDeclRefExpr(DeclRefExpr *E) { return use(E->getDecl(), E->getLocation()); }
  bool VisitMemberExpr(MemberExpr *E) { return use(E->getMemberDecl(), E->getMemberLoc()); }
  bool VisitTagTypeLoc(TagTypeLoc TL) { return use(TL.getDecl(), TL.getNameLoc()); }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    return use(TL.getTypedefNameDecl(), TL.getNameLoc());
  }
  bool VisitUsingTypeLoc(UsingTypeLoc TL) { return use(TL.getFoundDecl(), TL.getNameLoc()); }
  bool VisitTemplateSpecializationTypeLoc(TemplateSpecializationTypeLoc TL) {
    const TemplateDecl *T = TL.getTypePtr()->getTemplateName().getAsTemplateDecl();
    return !T || use(T, TL.getTemplateNameLoc());
  }
  bool VisitDeducedTemplateSpecializationTypeLoc(DeducedTemplateSpecializationTypeLoc TL) {
    const TemplateDecl *T = TL.getTypePtr()->getTemplateName().getAsTemplateDecl();
    return !T || use(T, TL.getTemplateNameLoc());
  }
  // An overload set found by name: as written, lookup there finds the declarations visible
  // there; one of them is enough (argument-dependent lookup looks again where it is used).
  bool VisitUnresolvedLookupExpr(UnresolvedLookupExpr *E) {
    if (E->requiresADL() || E->getNumDecls() == 0)
      return true;
    return anyUse(E->decls(), E->getNameLoc());
  }
  bool VisitUsingDecl(UsingDecl *D) {
    if (D->shadow_size() == 0)
      return true;
    llvm::SmallVector<NamedDecl *, 4> Targets;
    for (const UsingShadowDecl *Shadow : D->shadows())
      Targets.push_back(Shadow->getTargetDecl());
    return anyUse(Targets, D->getLocation());
  }

  // What needs a class complete needs its definition, which the header declaring it in advance
  // (<iosfwd>, <bits/stringfwd.h>) does not give: a member, a variable defined, a base, a
  // constructor called.
  bool VisitFieldDecl(FieldDecl *D) { return complete(D->getType(), D->getLocation()); }
  bool VisitVarDecl(VarDecl *D) {
    if (isa<ParmVarDecl>(D) || D->isThisDeclarationADefinition() != VarDecl::Definition)
      return true;
    return complete(D->getType(), D->getLocation());
  }
  bool VisitCXXRecordDecl(CXXRecordDecl *D) {
    if (!D->isThisDeclarationADefinition())
      return true;
    for (const CXXBaseSpecifier &Base : D->bases())
      if (!complete(Base.getType(), Base.getBeginLoc()))
        return false;
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    return use(E->getConstructor(), E->getLocation());
  }

private:
  bool complete(QualType Type, SourceLocation At) {
    if (Type.isNull() || Type->isDependentType())
      return true;
    const auto *Record = Type->getBaseElementTypeUnsafe()->getAsCXXRecordDecl();
    const CXXRecordDecl *Definition = Record ? Record->getDefinition() : nullptr;
    if (!Definition)
      return true;
    if (const CXXRecordDecl *Pattern = Definition->getTemplateInstantiationPattern())
      Definition = Pattern;
    SourceLocation Use = SM.getExpansionLoc(At);
    if (!ownCode(Use) || !Definition->isFromASTFile() || Definition->getLocation().isInvalid())
      return true;
    SourceLocation Included =
        includedAt(SM.getFileID(SM.getExpansionLoc(Definition->getLocation())));
    if (Included.isValid() && SM.isBeforeInTranslationUnit(Included, Use))
      return true;
    Found = true;
    return false;
  }

  template <typename Range> bool anyUse(const Range &Decls, SourceLocation At) {
    SourceLocation Use = SM.getExpansionLoc(At);
    if (!ownCode(Use))
      return true;
    for (const NamedDecl *D : Decls)
      if (visibleAt(D, Use))
        return true;
    Found = true;
    return false;
  }

  bool use(const Decl *D, SourceLocation At) {
    if (!D)
      return true;
    SourceLocation Use = SM.getExpansionLoc(At);
    if (!ownCode(Use) || visibleAt(D, Use))
      return true;
    Found = true;
    return false; // found: the walk stops
  }

  bool ownCode(SourceLocation Use) const { return Use.isValid() && !SM.isInSystemHeader(Use); }

  bool visibleAt(const Decl *D, SourceLocation Use) {
    std::optional<SourceLocation> From = visibleFrom(declaredAs(D));
    return !From || (From->isValid() && SM.isBeforeInTranslationUnit(*From, Use));
  }

  // Nothing: visible wherever the TU's code is (not read from the prefix: parsed from text, or
  // implicit). Else the earliest #include of the TU's own code that reads one of its
  // declarations, invalid when none does.
  std::optional<SourceLocation> visibleFrom(const Decl *D) {
    const Decl *Canonical = D->getCanonicalDecl();
    auto [It, Inserted] = Visible.try_emplace(Canonical);
    if (!Inserted)
      return It->second;
    std::optional<SourceLocation> Earliest = SourceLocation();
    for (const Decl *Redecl : Canonical->redecls()) {
      SourceLocation Loc = Redecl->getLocation();
      if (!Redecl->isFromASTFile() || Loc.isInvalid()) {
        Earliest = std::nullopt;
        break;
      }
      SourceLocation Included = includedAt(SM.getFileID(SM.getExpansionLoc(Loc)));
      if (Included.isValid() &&
          (Earliest->isInvalid() || SM.isBeforeInTranslationUnit(Included, *Earliest)))
        Earliest = Included;
    }
    return Visible[Canonical] = Earliest;
  }

  // The TU's own #include of the root its scan entered File under; invalid when none.
  SourceLocation includedAt(FileID File) {
    auto [It, Inserted] = IncludedAt.try_emplace(File);
    if (!Inserted)
      return It->second;
    SourceLocation At;
    if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File))
      if (std::optional<size_t> Root = rootOf(*Entry))
        if (OptionalFileEntryRef RootFile =
                SM.getFileManager().getOptionalFileRef(Scan.Roots[*Root].Path)) {
          auto Own = Inclusions.First.find(&RootFile->getFileEntry());
          if (Own != Inclusions.First.end())
            At = Own->second;
        }
    return IncludedAt[File] = At;
  }

  std::optional<size_t> rootOf(FileEntryRef File) {
    auto It = RootOf.find(File.getName());
    if (It != RootOf.end())
      return It->second;
    // Named otherwise (another spelling of its directory): by its real path.
    if (!RealRootOf) {
      RealRootOf.emplace();
      llvm::SmallString<256> Real;
      for (const auto &[Name, Root] : RootOf)
        if (!llvm::sys::fs::real_path(Name, Real))
          RealRootOf->try_emplace(Real, Root);
    }
    llvm::StringRef Real = File.getFileEntry().tryGetRealPathName();
    auto RealIt = Real.empty() ? RealRootOf->end() : RealRootOf->find(Real);
    if (RealIt == RealRootOf->end())
      return std::nullopt;
    return RealIt->second;
  }

  const SourceManager &SM;
  const SystemHeaderRoots &Scan;
  const OwnInclusions &Inclusions;
  llvm::StringMap<size_t> RootOf;
  std::optional<llvm::StringMap<size_t>> RealRootOf;
  llvm::DenseMap<const Decl *, std::optional<SourceLocation>> Visible;
  llvm::DenseMap<FileID, SourceLocation> IncludedAt;
  bool Found = false;
};

} // namespace

std::shared_ptr<const OwnInclusions> recordOwnInclusions(Preprocessor &PP) {
  auto Inclusions = std::make_shared<OwnInclusions>();
  PP.addPPCallbacks(std::make_unique<InclusionRecorder>(PP.getSourceManager(), Inclusions));
  return Inclusions;
}

bool usesPrefixBeforeIncluding(ASTContext &Ctx, llvm::ArrayRef<Decl *> Scope,
                               const SystemHeaderRoots &Scan, const OwnInclusions &Inclusions) {
  // After the TU's own #include of its last root, its code sees every file its roots entered:
  // only what comes before needs a look (the project's headers, not the main file's code).
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation LastRoot;
  for (const SystemHeaderRoot &Root : Scan.Roots)
    if (OptionalFileEntryRef File = SM.getFileManager().getOptionalFileRef(Root.Path)) {
      auto Own = Inclusions.First.find(&File->getFileEntry());
      if (Own != Inclusions.First.end() &&
          (LastRoot.isInvalid() || SM.isBeforeInTranslationUnit(LastRoot, Own->second)))
        LastRoot = Own->second;
    }
  UseBeforeInclude Walk(Ctx, Scan, Inclusions);
  for (Decl *D : Scope) {
    SourceLocation Begin = SM.getExpansionLoc(D->getBeginLoc());
    if (LastRoot.isValid() && Begin.isValid() && SM.isBeforeInTranslationUnit(LastRoot, Begin))
      continue;
    if (!Walk.TraverseDecl(D))
      break;
  }
  return Walk.found();
}

} // namespace contractcheck
