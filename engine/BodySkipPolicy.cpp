#include "BodySkipPolicy.h"

#include "Config.h"
#include "LibraryHeaders.h"
#include "Rule.h"
#include "SourcePositions.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclFriend.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Type.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/MacroArgs.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>

using namespace clang;

namespace contractcheck {

bool BodySkipPolicy::shouldSkip(const Decl &D) {
  if (M != Mode::Skip && D.isTemplated())
    return false;
  return nobodyReportsIn(D) || (!D.isTemplated() && writtenByALibraryMacro(D));
}

namespace {

// A token the project may pass a library's macro that writes a function for its body to stay
// the library's: what spells a type (MOCK_METHOD's return and parameter types, its name, its
// qualifiers), never a literal, an operator or a statement.
bool spellsAType(const Token &T) {
  return T.isOneOf(tok::identifier, tok::coloncolon, tok::less, tok::greater, tok::greatergreater,
                   tok::comma, tok::star, tok::amp, tok::ampamp) ||
         T.isOneOf(tok::l_paren, tok::r_paren, tok::l_square, tok::r_square, tok::ellipsis,
                   tok::kw_const, tok::kw_volatile, tok::kw_unsigned, tok::kw_signed) ||
         T.isOneOf(tok::kw_int, tok::kw_char, tok::kw_bool, tok::kw_double, tok::kw_float,
                   tok::kw_long, tok::kw_short, tok::kw_void, tok::kw_auto, tok::kw_typename) ||
         T.isOneOf(tok::kw_char8_t, tok::kw_char16_t, tok::kw_char32_t, tok::kw_wchar_t,
                   tok::kw_struct, tok::kw_class, tok::kw_enum, tok::kw_template) ||
         T.isOneOf(tok::kw_noexcept, tok::kw_virtual, tok::kw_static, tok::kw_inline,
                   tok::kw_decltype, tok::kw_typeof, tok::eof);
}

// Records each expansion in the TU's own code of a macro a library header defines whose
// arguments only spell types: once per outermost expansion, one look-up of the macro's header.
class TypesOnlyExpansionRecorder : public PPCallbacks {
public:
  TypesOnlyExpansionRecorder(const SourceManager &SM,
                             std::shared_ptr<llvm::DenseSet<unsigned>> Expansions)
      : SM(SM), Expansions(std::move(Expansions)) {}

  void MacroExpands(const Token &Name, const MacroDefinition &MD, SourceRange Range,
                    const MacroArgs *Args) override {
    SourceLocation At = Name.getLocation();
    const MacroInfo *Info = MD.getMacroInfo();
    if (!At.isFileID() || !Info || !SM.isInSystemHeader(Info->getDefinitionLoc()))
      return;
    if (Args)
      for (unsigned I = 0, N = Args->getNumMacroArguments(); I < N; ++I)
        for (const Token *T = Args->getUnexpArgument(I); T->isNot(tok::eof); ++T)
          if (!spellsAType(*T))
            return;
    Expansions->insert(At.getRawEncoding());
  }

private:
  const SourceManager &SM;
  std::shared_ptr<llvm::DenseSet<unsigned>> Expansions;
};

} // namespace

void BodySkipPolicy::setPreprocessor(Preprocessor &TUPreprocessor) {
  PP = &TUPreprocessor;
  TypesOnlyExpansions = std::make_shared<llvm::DenseSet<unsigned>>();
  PP->addPPCallbacks(std::make_unique<TypesOnlyExpansionRecorder>(SM, TypesOnlyExpansions));
}

// A function a library's macro writes whole, body included, into which the project passes only
// types: gMock's MOCK_METHOD (the method, and the gmock_ methods that EXPECT_CALL calls), whose
// bodies hold gMock's plumbing and the project's types. No rule reports in the library's code,
// and what the rules judge of a mock is its declarations; its body is the library's, as a
// function template a library macro writes is (NLOHMANN_JSON_SERIALIZE_ENUM's,
// hasProjectFunctionTemplates). The declaration must begin in the expansion of a macro a
// library header defines, given no literal, operator or statement of the project's (gTest's
// EXPECT_FATAL_FAILURE writes a function around the statement it is given: that body is the
// project's); asked when Clang is about to parse the body, the body is read ahead (tokens the
// parser then reads from the preprocessor's cache), and its first token and the brace that
// closes it must come from that expansion (TEST declares a body the project writes after it).
// Not a template: the instantiations of a template's body are what Decide mode judges.
bool BodySkipPolicy::writtenByALibraryMacro(const Decl &D) {
  if (!PP || D.isTemplated() || !isa<FunctionDecl>(D))
    return false;
  SourceLocation Begin = D.getBeginLoc();
  if (!Begin.isMacroID())
    return false;
  const SourceLocation Expansion = SM.getExpansionLoc(Begin);
  if (!TypesOnlyExpansions->count(Expansion.getRawEncoding()))
    return false;
  // The parser is at the body's opening brace: what follows, to the brace that closes it.
  auto InTheExpansion = [&](const Token &T) {
    return T.getLocation().isMacroID() && SM.getExpansionLoc(T.getLocation()) == Expansion;
  };
  if (!InTheExpansion(PP->LookAhead(0)))
    return false;
  unsigned Depth = 1;
  for (unsigned Ahead = 0;; ++Ahead) {
    const Token &Next = PP->LookAhead(Ahead);
    if (Next.is(tok::eof))
      return false;
    if (Next.is(tok::l_brace))
      ++Depth;
    else if (Next.is(tok::r_brace) && --Depth == 0)
      return InTheExpansion(Next);
  }
}

bool BodySkipPolicy::dropsInstantiation(const FunctionDecl &F) {
  if (M == Mode::Skip)
    return false;
  const FunctionDecl *Pattern = F.getTemplateInstantiationPattern();
  return Pattern && nobodyReportsIn(*Pattern) && !givenTheProject(F);
}

bool BodySkipPolicy::nobodyReportsIn(const Decl &D) {
  SourceLocation Loc = SM.getExpansionLoc(D.getLocation());
  if (Loc.isInvalid())
    return false;
  if (inALibrarysHeader(Loc, SM, Headers))
    return true;
  return nobodyReportsIn(SM.getFileID(Loc));
}

bool BodySkipPolicy::nobodyReportsIn(FileID File) {
  auto [It, Inserted] = SilentFiles.try_emplace(File.getHashValue(), false);
  if (Inserted) {
    std::string Path = positionOf(SM.getLocForStartOfFile(File), SM).File;
    It->second = !Path.empty() && Cfg.isExcluded(Path);
  }
  return It->second;
}

bool BodySkipPolicy::defersInstantiation(const FunctionDecl &F) {
  if (M != Mode::Decide)
    return false;
  const FunctionDecl *Pattern = F.getTemplateInstantiationPattern();
  // What Sema::canSkipFunctionBody lets the first parse skip: not a constexpr body, nor one
  // whose return type is deduced from it.
  if (!Pattern || Pattern->isConstexpr() || Pattern->getReturnType()->getContainedDeducedType() ||
      !nobodyReportsIn(*Pattern) || !givenTheProject(F))
    return false;
  Skipped.push_back(&F);
  return true;
}

void BodySkipPolicy::noteInstantiation(const FunctionDecl &F) {
  if (M != Mode::Skip)
    return;
  const FunctionDecl *Pattern = F.getTemplateInstantiationPattern();
  if (!Pattern)
    return;
  const FunctionDecl *Definition = Pattern->getDefinition();
  if (Definition && Definition->hasSkippedBody())
    Skipped.push_back(&F);
}

bool BodySkipPolicy::givenTheProject(const FunctionDecl &F) {
  for (llvm::ArrayRef<TemplateArgument> Args : templateArgumentsGiven(F))
    for (const TemplateArgument &Arg : Args)
      if (reaches(Arg))
        return true;
  return false;
}

// Asked at the end of the TU, when every declaration a body could reach is parsed: what a
// namespace or class holds is known only then (a mock whose namespace declares a function
// template below it still reaches that template, from where bodies are instantiated, the end
// of the TU).
bool BodySkipPolicy::lostInstantiations() {
  if (M == Mode::Decide) // what was put aside is given the project
    return !Skipped.empty() && (!NeedsInstantiations || NeedsInstantiations(Skipped));
  std::vector<const FunctionDecl *> Reaching;
  for (const FunctionDecl *F : Skipped)
    if (givenTheProject(*F))
      Reaching.push_back(F);
  if (Reaching.empty())
    return false;
  return !NeedsInstantiations || NeedsInstantiations(Reaching);
}

std::vector<const FunctionDecl *> BodySkipPolicy::neededInstantiations() {
  return Needed ? Needed(Skipped) : Skipped;
}

bool BodySkipPolicy::mayLoseInstantiations() {
  // What is given a class of the project is known for good once the arguments are known.
  std::swap(TypeReaches, TypeGivesTheProject);
  std::swap(RecordReaches, RecordGivesTheProject);
  AnyProjectClassReaches = true;
  size_t Known = GivenTheProject.size();
  for (; Examined < Skipped.size(); ++Examined)
    if (givenTheProject(*Skipped[Examined]))
      GivenTheProject.push_back(Skipped[Examined]);
  AnyProjectClassReaches = false;
  std::swap(TypeReaches, TypeGivesTheProject);
  std::swap(RecordReaches, RecordGivesTheProject);
  if (GivenTheProject.size() == Known)
    return false; // asked already
  return !NeedsInstantiations ||
         NeedsInstantiations(llvm::ArrayRef(GivenTheProject).drop_front(Known));
}

bool BodySkipPolicy::inProject(const Decl &D) const {
  SourceLocation Loc = SM.getExpansionLoc(D.getLocation());
  return Loc.isValid() && !inALibrarysHeader(Loc, SM, Headers);
}

bool BodySkipPolicy::reaches(const TemplateArgument &Arg) {
  switch (Arg.getKind()) {
  case TemplateArgument::Type:
    return reaches(Arg.getAsType());
  case TemplateArgument::Template:
  case TemplateArgument::TemplateExpansion:
    if (const TemplateDecl *Template = Arg.getAsTemplateOrTemplatePattern().getAsTemplateDecl())
      return inProject(*Template);
    return false;
  case TemplateArgument::Declaration:
    return inProject(*Arg.getAsDecl());
  case TemplateArgument::NullPtr:
  case TemplateArgument::StructuralValue:
    return reaches(Arg.getNonTypeTemplateArgumentType());
  case TemplateArgument::Pack:
    for (const TemplateArgument &Element : Arg.pack_elements())
      if (reaches(Element))
        return true;
    return false;
  case TemplateArgument::Null:
  case TemplateArgument::Integral:
  case TemplateArgument::Expression:
    return false;
  }
  return false;
}

bool BodySkipPolicy::reaches(QualType T) {
  if (T.isNull())
    return false;
  const Type *Ty = T.getCanonicalType().getTypePtr();
  auto [It, Inserted] = TypeReaches.try_emplace(Ty, false);
  if (!Inserted)
    return It->second; // known, or being computed (a cycle adds nothing)
  bool Result = false;
  if (const TagDecl *Tag = Ty->getAsTagDecl())
    Result = reachesRecord(*Tag);
  else if (const auto *Member = dyn_cast<MemberPointerType>(Ty))
    Result = reaches(Member->getPointeeType()) || reaches(QualType(Member->getClass(), 0));
  else if (QualType Pointee = Ty->getPointeeType(); !Pointee.isNull())
    Result = reaches(Pointee);
  else if (const auto *Array = dyn_cast<ArrayType>(Ty))
    Result = reaches(Array->getElementType());
  else if (const auto *Function = dyn_cast<FunctionType>(Ty)) {
    Result = reaches(Function->getReturnType());
    if (const auto *Proto = dyn_cast<FunctionProtoType>(Function))
      for (QualType Param : Proto->param_types())
        Result = Result || reaches(Param);
  }
  TypeReaches[Ty] = Result;
  return Result;
}

// Whether a body given this class (or enum) could instantiate a template of the project.
bool BodySkipPolicy::reachesRecord(const Decl &Tag) {
  auto [It, Inserted] = RecordReaches.try_emplace(&Tag, false);
  if (!Inserted)
    return It->second;
  bool Result = false;
  const auto *Record = dyn_cast<CXXRecordDecl>(&Tag);
  if (AnyProjectClassReaches && inProject(Tag)) {
    Result = true;
  } else if (!inProject(Tag)) {
    // A library template given project types: std::vector<Widget<int>>.
    for (const DeclContext *DC = Tag.getDeclContext(); !Result && DC; DC = DC->getParent())
      if (const auto *Outer = dyn_cast<ClassTemplateSpecializationDecl>(DC))
        for (const TemplateArgument &Arg : Outer->getTemplateArgs().asArray())
          Result = Result || reaches(Arg);
    if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Record))
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        Result = Result || reaches(Arg);
  } else if (!Record) {
    Result = hasProjectFunctionTemplates(*Tag.getDeclContext()->getEnclosingNamespaceContext());
  } else if (isa<ClassTemplateSpecializationDecl>(Record) || Record->isTemplated() ||
             Record->getTemplateInstantiationPattern() || Record->isGenericLambda()) {
    Result = true;
  } else {
    Result = hasProjectFunctionTemplates(*Record->getEnclosingNamespaceContext());
    if (const CXXRecordDecl *Def = Record->getDefinition()) {
      for (const Decl *Member : Def->decls()) {
        if (isa<FunctionTemplateDecl, ClassTemplateDecl>(Member))
          Result = true;
        else if (const auto *Friend = dyn_cast<FriendDecl>(Member))
          Result = Result || isa_and_nonnull<FunctionTemplateDecl>(Friend->getFriendDecl());
        else if (const auto *Field = dyn_cast<FieldDecl>(Member))
          Result = Result || reaches(Field->getType());
        if (Result)
          break;
      }
      for (const CXXBaseSpecifier &Base : Def->bases())
        Result = Result || reaches(Base.getType());
    }
  }
  RecordReaches[&Tag] = Result;
  return Result;
}

// Argument-dependent lookup from a library body finds the function templates of the namespace
// of a project type (a templated operator<< that gtest's printers call).
bool BodySkipPolicy::hasProjectFunctionTemplates(const DeclContext &Namespace) {
  auto [It, Inserted] = NamespaceTemplates.try_emplace(Namespace.getPrimaryContext(), false);
  if (!Inserted)
    return It->second;
  // A function template a library macro wrote from its name to its closing brace
  // (NLOHMANN_JSON_SERIALIZE_ENUM's to_json/from_json) is the library's code: the rules judge
  // the macro's use, which is spelled in the project, not what instantiating it does. One whose
  // body the project spells after the macro (TYPED_TEST's) is the project's.
  auto WrittenByLibraryMacro = [&](const FunctionTemplateDecl &T) {
    SourceRange Range = T.getTemplatedDecl()->getSourceRange();
    return Range.getBegin().isMacroID() && Range.getEnd().isMacroID() &&
           SM.isInSystemMacro(Range.getBegin()) && SM.isInSystemMacro(Range.getEnd());
  };
  auto Scan = [&](const DeclContext &Block) {
    for (const Decl *D : Block.decls())
      if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
        if (inProject(*Template) && !WrittenByLibraryMacro(*Template))
          return true;
    return false;
  };
  bool Result = false;
  if (const auto *NS = dyn_cast<NamespaceDecl>(&Namespace)) {
    for (const NamespaceDecl *Block : NS->redecls())
      if ((Result = Scan(*Block)))
        break;
  } else {
    Result = Scan(Namespace);
  }
  NamespaceTemplates[Namespace.getPrimaryContext()] = Result;
  return Result;
}

} // namespace contractcheck
