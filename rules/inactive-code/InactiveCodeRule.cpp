#include "rules/inactive-code/InactiveCodeRule.h"

#include "rules/inactive-code/PointScope.h"
#include "rules/utils/EnumNames.h"
#include "rules/utils/NameSpelling.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <llvm/ADT/StringExtras.h>

#include <map>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

constexpr OptionSpec Options[] = {
    {"include-if-0", OptionType::Bool, "false",
     "Also check branches whose condition is a literal ('#if 0', and the '#else' of '#if 1'): "
     "code disabled on purpose, often for good."},
    {"include-version-branches", OptionType::Bool, "false",
     "Also check branches whose condition compares a version macro ('#if QWT_VERSION >= "
     "0x050200', its '#else'): code written for another version of a library, whose names "
     "this build cannot know."},
};

// A condition that compares a version with a number (`QWT_VERSION >= 0x050200`, `QT_VERSION <
// QT_VERSION_CHECK(5, 0, 0)`, `_MSC_VER < 1900`): its other branch is code for another version
// of a library, written against the names that version has. SciDAVis's `#else` for Qwt before
// 5.2 calls `lBound()`, which the vendored Qwt 5.2 renamed `lowerBound()`.
bool isVersionTest(llvm::StringRef Text) {
  if (!Text.contains('<') && !Text.contains('>'))
    return false;
  for (size_t I = 0; I < Text.size();) {
    char C = Text[I];
    if (!llvm::isAlnum(C) && C != '_') {
      ++I;
      continue;
    }
    size_t End = I;
    while (End < Text.size() && (llvm::isAlnum(Text[End]) || Text[End] == '_'))
      ++End;
    std::string Word = Text.slice(I, End).upper();
    if (!llvm::isDigit(C) &&
        (llvm::StringRef(Word).contains("VERSION") || llvm::StringRef(Word).ends_with("_VER")))
      return true;
    I = End;
  }
  return false;
}

// Records the branches the preprocessor skips, and which conditional groups have a literal
// condition or a version test.
class SkippedRangeRecorder : public PPCallbacks {
public:
  SkippedRangeRecorder(const SourceManager &SM, const LangOptions &LangOpts,
                       std::vector<InactiveCodeRule::Skipped> &Out, llvm::StringSet<> &Tested)
      : SM(SM), LangOpts(LangOpts), Out(Out), Tested(Tested) {}

  void If(SourceLocation Loc, SourceRange Condition, ConditionValueKind) override {
    GroupLines[lineOf(Loc)] = kindOf(Condition);
  }
  void Elif(SourceLocation Loc, SourceRange Condition, ConditionValueKind,
            SourceLocation IfLoc) override {
    Group If = GroupLines[lineOf(IfLoc)];
    Group Here = kindOf(Condition);
    GroupLines[lineOf(Loc)] = {If.Literal || Here.Literal, If.Version || Here.Version};
  }
  void Else(SourceLocation Loc, SourceLocation IfLoc) override {
    GroupLines[lineOf(Loc)] = GroupLines[lineOf(IfLoc)];
  }
  // What a condition tests is a macro in the configuration it is written for, defined or not
  // here: `#ifdef ACTS_LOG_FAILURE_THRESHOLD` guards `Level::ACTS_LOG_FAILURE_THRESHOLD`, which
  // expands to an enumerator's name where the branch is active.
  void Ifdef(SourceLocation, const Token &Name, const MacroDefinition &) override {
    tested(Name);
  }
  void Ifndef(SourceLocation, const Token &Name, const MacroDefinition &) override {
    tested(Name);
  }
  void Elifdef(SourceLocation, const Token &Name, const MacroDefinition &) override {
    tested(Name);
  }
  void Elifndef(SourceLocation, const Token &Name, const MacroDefinition &) override {
    tested(Name);
  }
  void Defined(const Token &Name, const MacroDefinition &, SourceRange) override { tested(Name); }
  void SourceRangeSkipped(SourceRange Range, SourceLocation) override {
    if (Range.getBegin().isInvalid() || SM.isInSystemHeader(Range.getBegin()))
      return;
    auto It = GroupLines.find(lineOf(Range.getBegin()));
    Out.push_back({Range, It != GroupLines.end() ? It->second : Group()});
  }

private:
  using Group = InactiveCodeRule::GroupCondition;

  Group kindOf(SourceRange Condition) const {
    llvm::StringRef Text = Lexer::getSourceText(CharSourceRange::getTokenRange(Condition), SM,
                                                LangOpts)
                               .trim();
    return {Text == "0" || Text == "1" || Text == "false" || Text == "true",
            isVersionTest(Text)};
  }
  void tested(const Token &Name) {
    if (const IdentifierInfo *Info = Name.getIdentifierInfo())
      Tested.insert(Info->getName());
  }
  std::pair<unsigned, unsigned> lineOf(SourceLocation Loc) const {
    Loc = SM.getExpansionLoc(Loc);
    return {SM.getFileID(Loc).getHashValue(), SM.getSpellingLineNumber(Loc)};
  }
  const SourceManager &SM;
  const LangOptions &LangOpts;
  std::vector<InactiveCodeRule::Skipped> &Out;
  llvm::StringSet<> &Tested;
  std::map<std::pair<unsigned, unsigned>, Group> GroupLines;
};

std::string suggestion(llvm::StringRef Name, const std::vector<std::string> &Candidates) {
  std::optional<std::string> Close = closestName(Name, Candidates);
  return Close ? " (did you mean '" + *Close + "'?)" : std::string();
}

// The class's operator-> (const and non-const ones return the same class), inherited or its own.
const CXXMethodDecl *arrowOperator(const CXXRecordDecl &Class) {
  DeclarationName Arrow = Class.getASTContext().DeclarationNames.getCXXOperatorName(OO_Arrow);
  for (const NamedDecl *Found : Class.lookup(Arrow))
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Found))
      return Method;
  for (const CXXBaseSpecifier &Base : Class.bases())
    if (const CXXRecordDecl *BaseClass = Base.getType()->getAsCXXRecordDecl())
      if (const CXXRecordDecl *Definition = BaseClass->getDefinition())
        if (const CXXMethodDecl *Method = arrowOperator(*Definition))
          return Method;
  return nullptr;
}

// The typedef and alias names a declaration's type is written with, outward in: `Handle &h`
// with `using Handle = PosixHandle` gives Handle.
std::vector<llvm::StringRef> aliasesWritten(QualType Type, const ASTContext &Ctx) {
  std::vector<llvm::StringRef> Names;
  for (int Steps = 0; !Type.isNull() && Steps < 32; ++Steps) {
    if (const auto *Typedef = dyn_cast<TypedefType>(Type.getTypePtr()))
      Names.push_back(Typedef->getDecl()->getName());
    if (const auto *Pointer = dyn_cast<PointerType>(Type.getTypePtr())) {
      Type = Pointer->getPointeeType();
      continue;
    }
    if (const auto *Reference = dyn_cast<ReferenceType>(Type.getTypePtr())) {
      Type = Reference->getPointeeTypeAsWritten();
      continue;
    }
    QualType Next = Type.getSingleStepDesugaredType(Ctx);
    if (Next == Type)
      break;
    Type = Next;
  }
  return Names;
}

bool inSystemHeader(const Decl &D) {
  return D.getASTContext().getSourceManager().isInSystemHeader(D.getLocation());
}

} // namespace

InactiveCodeRule::InactiveCodeRule(RuleContext &Context)
    : Rule(Context), IncludeLiteralConditions(options().getBool("include-if-0")),
      IncludeVersionBranches(options().getBool("include-version-branches")) {}

void InactiveCodeRule::registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                                           Preprocessor *) {
  PP->addPPCallbacks(
      std::make_unique<SkippedRangeRecorder>(SM, PP->getLangOpts(), SkippedRanges, TestedMacros));
}

void InactiveCodeRule::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void InactiveCodeRule::check(const MatchFinder::MatchResult &Result) {
  // Preprocessing is over and the AST complete: every branch is judged here, once.
  Ctx = Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  for (const Skipped &S : SkippedRanges)
    Branches.push_back(lexInactiveBranch(S.Range, SM, Ctx->getLangOpts()));
  for (size_t I = 0; I < Branches.size(); ++I) {
    const InactiveBranch &Branch = Branches[I];
    const GroupCondition &Group = SkippedRanges[I].Group;
    if ((Group.Literal && !IncludeLiteralConditions) ||
        (Group.Version && !IncludeVersionBranches) ||
        (Branch.Qualified.empty() && Branch.Calls.empty()))
      continue;
    PointScope Scope(*Ctx, SM.getExpansionLoc(Branch.Range.getBegin()));
    if (Scope.unclear())
      continue;
    for (const QualifiedReference &Ref : Branch.Qualified)
      checkQualified(Branch, Ref, Scope);
    for (const MemberCall &Call : Branch.Calls)
      checkCall(Branch, Call, Scope);
  }
}

// A name some inactive branch may declare or #define, or that is a macro here: what it means
// in the other configuration is unknown.
bool InactiveCodeRule::ambiguousName(llvm::StringRef Name) const {
  if (Ctx->Idents.get(Name).hadMacroDefinition())
    return true;
  return std::any_of(Branches.begin(), Branches.end(), [&](const InactiveBranch &B) {
    return B.Declared.contains(Name) || B.Macros.contains(Name) || B.Tested.contains(Name);
  }) || TestedMacros.contains(Name);
}

// Whether an inactive branch inside D's definition names Name: an enumerator or a method
// that exists only in the other configuration.
bool InactiveCodeRule::mentionedInactive(const Decl &D, llvm::StringRef Name) const {
  const SourceManager &SM = Ctx->getSourceManager();
  SourceLocation Begin = SM.getExpansionLoc(D.getBeginLoc());
  SourceLocation End = SM.getExpansionRange(D.getEndLoc()).getEnd();
  return std::any_of(Branches.begin(), Branches.end(), [&](const InactiveBranch &B) {
    SourceLocation At = B.Range.getBegin();
    return SM.isBeforeInTranslationUnit(Begin, At) && SM.isBeforeInTranslationUnit(At, End) &&
           B.Identifiers.contains(Name);
  });
}

void InactiveCodeRule::checkQualified(const InactiveBranch &Branch, const QualifiedReference &Ref,
                                      const PointScope &Scope) {
  for (const std::string &Name : Ref.Names)
    if (ambiguousName(Name))
      return;
  const NamedDecl *First = Scope.lookup(Ref.Names.front());
  const Decl *Container = First ? asScope(*First) : nullptr;
  for (size_t I = 1; Container && I + 1 < Ref.Names.size(); ++I) {
    const NamedDecl *Next = Scope.lookupIn(*Container, Ref.Names[I]);
    Container = Next ? asScope(*Next) : nullptr;
  }
  if (!Container || inSystemHeader(*Container))
    return;
  const std::string &Member = Ref.Names.back();
  std::string Written;
  for (size_t I = 0; I + 1 < Ref.Names.size(); ++I)
    Written += Ref.Names[I] + "::";

  if (const auto *Enum = dyn_cast<EnumDecl>(Container)) {
    if (Ref.Called)
      return;
    std::vector<std::string> Names;
    for (const EnumConstantDecl *Enumerator : Enum->enumerators()) {
      if (Enumerator->getLocation().isMacroID())
        return; // enumerators a macro writes may differ in the other configuration
      if (Enumerator->getName() == Member)
        return;
      Names.push_back(Enumerator->getNameAsString());
    }
    if (mentionedInactive(*Enum, Member))
      return;
    report(Ref.Loc, Ref.Directive,
           "'" + Written + Member + "' names no enumerator of '" + enumQualifiedName(*Enum) +
               "'" + suggestion(Member, Names),
           *Enum, "enum '" + enumQualifiedName(*Enum) + "' is defined here");
    return;
  }
  if (const auto *Class = dyn_cast<CXXRecordDecl>(Container); Class && Ref.Called) {
    std::vector<std::string> Methods;
    if (findMember(*Class, Member, Methods) != MemberLookup::Missing ||
        mentionedInactive(*Class, Member))
      return;
    std::string ClassName = Class->getQualifiedNameAsString();
    report(Ref.Loc, Ref.Directive,
           "'" + Written + Member +
               (Ref.Defined ? "' defines a method '" + ClassName + "' does not declare"
                            : "' calls a method '" + ClassName + "' does not have") +
               suggestion(Member, Methods),
           *Class, "class '" + Class->getQualifiedNameAsString() + "' is defined here");
  }
}

void InactiveCodeRule::checkCall(const InactiveBranch &Branch, const MemberCall &Call,
                                 const PointScope &Scope) {
  if (ambiguousName(Call.Method) || (Call.Object != "this" && ambiguousName(Call.Object)))
    return;
  const CXXRecordDecl *Class = nullptr;
  if (Call.Object == "this") {
    Class = Call.Arrow ? Scope.thisClass() : nullptr;
  } else {
    const auto *Object = dyn_cast_or_null<DeclaratorDecl>(Scope.lookup(Call.Object));
    if (!Object || !isa<VarDecl, FieldDecl>(Object))
      return;
    // A type an inactive branch declares too (`#else using FvBaseAspect = Utils::BaseAspect;`)
    // is another class in the other configuration, with other methods.
    for (llvm::StringRef Alias : aliasesWritten(Object->getType(), *Ctx))
      if (ambiguousName(Alias))
        return;
    QualType Type = Object->getType().getNonReferenceType().getCanonicalType();
    if (Type->isDependentType())
      return;
    if (Call.Arrow) {
      // Any class with operator-> (std::unique_ptr, QScopedPointer, a project's own handle):
      // what operator-> returns, followed as C++ does when it returns another such class.
      for (int Steps = 0; !Type->isPointerType(); ++Steps) {
        const CXXRecordDecl *Smart = Type->getAsCXXRecordDecl();
        if (!Smart || !(Smart = Smart->getDefinition()) || Steps == 4)
          return;
        const CXXMethodDecl *Operator = arrowOperator(*Smart);
        if (!Operator || Operator->getReturnType()->isDependentType())
          return;
        Type = Operator->getReturnType().getNonReferenceType().getCanonicalType();
      }
      Type = Type->getPointeeType();
    } else if (Type->isPointerType()) {
      return;
    }
    Class = Type->getAsCXXRecordDecl();
  }
  if (!Class || !(Class = Class->getDefinition()) || inSystemHeader(*Class) ||
      isa<ClassTemplateSpecializationDecl>(Class) || Class->isDependentContext() ||
      (Class->getIdentifier() && ambiguousName(Class->getName())))
    return;
  std::vector<std::string> Methods;
  if (findMember(*Class, Call.Method, Methods) != MemberLookup::Missing ||
      mentionedInactive(*Class, Call.Method))
    return;
  report(Call.Loc, Call.Directive,
         "'" + Call.Object + (Call.Arrow ? "->" : ".") + Call.Method + "' calls a method '" +
             Class->getQualifiedNameAsString() + "' does not have" +
             suggestion(Call.Method, Methods),
         *Class, "class '" + Class->getQualifiedNameAsString() + "' is defined here");
}

void InactiveCodeRule::report(SourceLocation Loc, llvm::StringRef Directive, std::string What,
                              const Decl &Definition, std::string DefinitionNote) {
  diag(Loc, "%0; this branch is inactive in this build ('%1'), so no compiler has checked it")
      << What << Directive;
  diag(Definition.getLocation(), "%0", DiagnosticIDs::Note) << DefinitionNote;
}

const RuleInfo &InactiveCodeRuleInfo() {
  static const RuleInfo Info{
      .Id = "contract-inactive-code",
      .Summary = "enumerator or method that does not exist, named in a preprocessor-inactive "
                 "branch",
      .Description =
          "Code in a branch the preprocessor skips in this configuration ('#ifdef _WIN32', "
          "'#ifdef LEGACY_PROTOCOL') is never compiled here, so an enumerator or method renamed "
          "since stays hidden until the other platform's build breaks. This rule lexes the "
          "skipped branches and checks 'Enum::Member' references and 'obj.method(', "
          "'ptr->method(', 'Class::method(' calls whose enum or class it can resolve at that "
          "point, with a did-you-mean. Anything ambiguous (templates, macros, names the branch "
          "may declare itself) is left alone; '#if 0' is ignored by default.",
      .Scope = RuleScope::TranslationUnit,
      .Options = Options,
      .CreateTURule = [](RuleContext &Context) -> std::unique_ptr<Rule> {
        return std::make_unique<InactiveCodeRule>(Context);
      },
  };
  return Info;
}

} // namespace contractcheck
