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

#include <algorithm>
#include <optional>

namespace contractcheck {

using namespace clang;

namespace {

// Where the TU's own code (outside system headers) first #includes each file: the hash.
struct OwnInclusions {
  llvm::DenseMap<const FileEntry *, SourceLocation> First;
};

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
  UseBeforeInclude(const SourceManager &SM, const SystemHeaderRoots &Scan,
                   const OwnInclusions &Inclusions)
      : SM(SM), Inclusions(Inclusions) {
    for (size_t R = 0; R < Scan.Entered.size(); ++R)
      for (const std::string &File : Scan.Entered[R])
        RootOf.try_emplace(File, R);
    for (const SystemHeaderRoot &Root : Scan.Roots) {
      OptionalFileEntryRef File = SM.getFileManager().getOptionalFileRef(Root.Path);
      RootFiles.push_back(File ? &File->getFileEntry() : nullptr);
    }
  }

  // The TU's own #include of the last root of the scan, once every root has been included
  // (the parser reads a token ahead: the #include after a declaration may be read before the
  // declaration is handed over); invalid before.
  SourceLocation lastRootIncluded() const {
    SourceLocation Last;
    for (const FileEntry *F : RootFiles) {
      auto Own = F ? Inclusions.First.find(F) : Inclusions.First.end();
      if (Own == Inclusions.First.end())
        return SourceLocation();
      if (Last.isInvalid() || SM.isBeforeInTranslationUnit(Last, Own->second))
        Last = Own->second;
    }
    return Last;
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
    if (includedBefore(rootOf(SM.getFileID(SM.getExpansionLoc(Definition->getLocation()))), Use))
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
    const RootsOf &From = declaringRoots(declaredAs(D));
    if (From.Anywhere)
      return true;
    return std::any_of(From.Roots.begin(), From.Roots.end(),
                       [&](size_t Root) { return includedBefore(Root, Use); });
  }

  // Whether the TU's own code included the Root-th root of its scan before Use: as the parse
  // goes, a root not included yet is included after what is being parsed.
  bool includedBefore(size_t Root, SourceLocation Use) {
    if (Root == NoRoot || !RootFiles[Root])
      return false;
    auto Own = Inclusions.First.find(RootFiles[Root]);
    return Own != Inclusions.First.end() && SM.isBeforeInTranslationUnit(Own->second, Use);
  }

  // Where D is declared: anywhere the TU's code is (not read from the prefix: parsed from
  // text, or implicit), or in the files these roots of the scan entered.
  struct RootsOf {
    bool Anywhere = false;
    llvm::SmallVector<size_t, 2> Roots;
  };
  const RootsOf &declaringRoots(const Decl *D) {
    const Decl *Canonical = D->getCanonicalDecl();
    auto [It, Inserted] = Declaring.try_emplace(Canonical);
    if (!Inserted)
      return It->second;
    RootsOf From;
    for (const Decl *Redecl : Canonical->redecls()) {
      SourceLocation Loc = Redecl->getLocation();
      if (!Redecl->isFromASTFile() || Loc.isInvalid()) {
        From = {true, {}};
        break;
      }
      From.Roots.push_back(rootOf(SM.getFileID(SM.getExpansionLoc(Loc))));
    }
    return Declaring[Canonical] = std::move(From);
  }

  // The root of the scan whose #include entered File, or NoRoot.
  size_t rootOf(FileID File) {
    auto [It, Inserted] = FileRoots.try_emplace(File, NoRoot);
    if (!Inserted)
      return It->second;
    size_t Root = NoRoot;
    if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File))
      if (std::optional<size_t> Found = rootOf(*Entry))
        Root = *Found;
    return FileRoots[File] = Root;
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
  const OwnInclusions &Inclusions;
  llvm::StringMap<size_t> RootOf;
  std::optional<llvm::StringMap<size_t>> RealRootOf;
  static constexpr size_t NoRoot = static_cast<size_t>(-1);
  std::vector<const FileEntry *> RootFiles; // per root of the scan, null when not found
  llvm::DenseMap<const Decl *, RootsOf> Declaring;
  llvm::DenseMap<FileID, size_t> FileRoots;
  bool Found = false;
};

} // namespace

struct PrefixUseCheck::State {
  State(const SystemHeaderRoots &Scan, Preprocessor &PP)
      : SM(PP.getSourceManager()), Inclusions(std::make_shared<OwnInclusions>()),
        Walk(SM, Scan, *Inclusions) {
    PP.addPPCallbacks(std::make_unique<InclusionRecorder>(SM, Inclusions));
  }
  const SourceManager &SM;
  std::shared_ptr<OwnInclusions> Inclusions;
  UseBeforeInclude Walk;
  bool Done = false; // past the TU's own #include of its last root: nothing left to check
};

PrefixUseCheck::PrefixUseCheck(const SystemHeaderRoots &Scan, Preprocessor &PP)
    : S(std::make_unique<State>(Scan, PP)) {}

PrefixUseCheck::~PrefixUseCheck() = default;

bool PrefixUseCheck::usesBeforeIncluding(llvm::ArrayRef<Decl *> Group) {
  if (S->Done)
    return false;
  SourceLocation LastRoot = S->Walk.lastRootIncluded();
  for (Decl *D : Group) {
    if (!D || D->isFromASTFile() || S->SM.isInSystemHeader(S->SM.getExpansionLoc(D->getLocation())))
      continue;
    SourceLocation Begin = S->SM.getExpansionLoc(D->getBeginLoc());
    if (LastRoot.isValid() && Begin.isValid() && S->SM.isBeforeInTranslationUnit(LastRoot, Begin)) {
      S->Done = true; // what follows comes later still
      continue;
    }
    if (!S->Walk.TraverseDecl(D))
      return true;
  }
  return false;
}

} // namespace contractcheck
