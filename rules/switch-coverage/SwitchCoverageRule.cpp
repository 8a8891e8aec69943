#include "SwitchCoverageRule.h"

#include "EnumNames.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Stmt.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Lex/Lexer.h>
#include <llvm/ADT/APSInt.h>

#include <optional>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

constexpr OptionSpec Options[] = {
    {"enums", OptionType::NameGlobList, "*",
     "Qualified-name globs of the enums held to coverage (e.g. 'trading::*')."},
    {"sentinels", OptionType::NameGlobList,
     "*Count;*_COUNT;kMax*;*_LAST;*_MAX;NUM_*;MAX_*;kNum*",
     "Name globs of sentinel enumerators, exempt when they are the last enumerator or alias "
     "another one."},
    {"report-without-default", OptionType::Bool, "false",
     "Also report enum switches without 'default:' (-Wswitch already does)."},
    {"min-coverage", OptionType::Percent, "75",
     "Percentage of the enumerators a switch must name to be held to full coverage; below it "
     "the switch is a deliberate partial dispatch. 0 reports every switch."},
};

struct CaseRange {
  llvm::APSInt Low, High;
  bool contains(const llvm::APSInt &V) const {
    return llvm::APSInt::compareValues(Low, V) <= 0 && llvm::APSInt::compareValues(V, High) <= 0;
  }
};

// Enumerators that share a value: naming any one of them covers all.
struct ValueGroup {
  llvm::APSInt Value;
  std::vector<const EnumConstantDecl *> Members;
};

std::vector<ValueGroup> groupByValue(const EnumDecl &Enum) {
  std::vector<ValueGroup> Groups;
  for (const EnumConstantDecl *Enumerator : Enum.enumerators()) {
    auto It = std::find_if(Groups.begin(), Groups.end(), [&](const ValueGroup &G) {
      return llvm::APSInt::isSameValue(G.Value, Enumerator->getInitVal());
    });
    if (It == Groups.end())
      Groups.push_back({Enumerator->getInitVal(), {Enumerator}});
    else
      It->Members.push_back(Enumerator);
  }
  return Groups;
}

// Collects the values the case labels name; nullopt when one cannot be evaluated (a dependent
// label in a template pattern), in which case the switch is not judged.
// Scoped-enum labels are not "integer constant expressions" to Clang, so evaluate them directly.
std::optional<llvm::APSInt> constantValue(const Expr &E, const ASTContext &Ctx) {
  Expr::EvalResult Result;
  if (E.isValueDependent() || !E.EvaluateAsInt(Result, Ctx))
    return std::nullopt;
  return Result.Val.getInt();
}

std::optional<std::vector<CaseRange>> caseRanges(const SwitchStmt &Switch, const ASTContext &Ctx) {
  std::vector<CaseRange> Ranges;
  for (const SwitchCase *SC = Switch.getSwitchCaseList(); SC; SC = SC->getNextSwitchCase()) {
    const auto *Case = dyn_cast<CaseStmt>(SC);
    if (!Case)
      continue;
    std::optional<llvm::APSInt> Low = constantValue(*Case->getLHS(), Ctx);
    if (!Low)
      return std::nullopt;
    std::optional<llvm::APSInt> High = Low;
    if (Case->caseStmtIsGNURange())
      High = constantValue(*Case->getRHS(), Ctx);
    if (!High)
      return std::nullopt;
    Ranges.push_back({*Low, *High});
  }
  return Ranges;
}

const DefaultStmt *findDefault(const SwitchStmt &Switch) {
  for (const SwitchCase *SC = Switch.getSwitchCaseList(); SC; SC = SC->getNextSwitchCase())
    if (const auto *Default = dyn_cast<DefaultStmt>(SC))
      return Default;
  return nullptr;
}

// The labels go right before `default:` so the new cases fall into the default body exactly as
// the values did before: behaviour is preserved, the switch now names them.
std::optional<FixItHint> insertLabelsBefore(const DefaultStmt &Default,
                                            const std::vector<std::string> &Labels,
                                            const SourceManager &SM) {
  SourceLocation Loc = Default.getKeywordLoc();
  if (Loc.isMacroID())
    return std::nullopt;
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return std::nullopt;
  size_t LineStart = Buffer.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Indent = Buffer.slice(LineStart, Offset);
  bool OwnLine = Indent.find_first_not_of(" \t") == llvm::StringRef::npos;
  std::string Text;
  for (const std::string &Label : Labels)
    Text += "case " + Label + ":" + (OwnLine ? "\n" + Indent.str() : std::string(" "));
  return FixItHint::CreateInsertion(Loc, Text);
}

} // namespace

SwitchCoverageRule::SwitchCoverageRule(RuleContext &Context)
    : Rule(Context), Enums(options().getGlobs("enums")),
      Sentinels(options().getGlobs("sentinels")),
      ReportWithoutDefault(options().getBool("report-without-default")),
      MinCoveragePercent(options().getUnsigned("min-coverage")) {}

void SwitchCoverageRule::registerMatchers(MatchFinder *Finder) {
  // In a template instantiation the labels would be spelled for one instantiation's enum and
  // inserted into the shared pattern, so those switches get no fix-it.
  Finder->addMatcher(
      switchStmt(unless(isExpansionInSystemHeader()), unless(isInTemplateInstantiation()))
          .bind("switch"),
      this);
  Finder->addMatcher(
      switchStmt(unless(isExpansionInSystemHeader()), isInTemplateInstantiation()).bind("instance"),
      this);
}

void SwitchCoverageRule::check(const MatchFinder::MatchResult &Result) {
  const auto *Switch = Result.Nodes.getNodeAs<SwitchStmt>("switch");
  const bool Instantiated = Switch == nullptr;
  if (Instantiated)
    Switch = Result.Nodes.getNodeAs<SwitchStmt>("instance");
  const ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  const Expr *Cond = Switch->getCond();
  if (!Cond || Cond->isTypeDependent() || Cond->isValueDependent())
    return; // judged in each instantiation instead
  // Only implicit conversions are looked through: `switch (static_cast<int>(e))` is a switch
  // over an integer by the author's choice.
  const auto *Type = Cond->IgnoreParenImpCasts()->getType().getCanonicalType()->getAs<EnumType>();
  if (!Type)
    return;
  const EnumDecl *Enum = Type->getDecl()->getDefinition();
  if (!Enum || Enum->enumerators().empty())
    return;
  if (!matchesAny(Enums, enumQualifiedName(*Enum)))
    return;

  const DefaultStmt *Default = findDefault(*Switch);
  if (!Default && !ReportWithoutDefault)
    return;
  std::optional<std::vector<CaseRange>> Ranges = caseRanges(*Switch, Ctx);
  if (!Ranges)
    return;

  const EnumConstantDecl *Last = nullptr;
  for (const EnumConstantDecl *Enumerator : Enum->enumerators())
    Last = Enumerator;
  std::vector<std::string> Missing;
  size_t Held = 0; // value groups the switch is expected to name
  for (const ValueGroup &Group : groupByValue(*Enum)) {
    // A sentinel counts, it is not a state to handle: exempt when it ends the enum or aliases
    // another enumerator; a sentinel-looking name in the middle is an ordinary member.
    auto IsSentinel = [&](const EnumConstantDecl *E) {
      return (E == Last || Group.Members.size() > 1) &&
             matchesAny(Sentinels, E->getName());
    };
    auto Named = std::find_if_not(Group.Members.begin(), Group.Members.end(), IsSentinel);
    if (Named == Group.Members.end())
      continue;
    ++Held;
    bool Covered = std::any_of(Ranges->begin(), Ranges->end(),
                               [&](const CaseRange &R) { return R.contains(Group.Value); });
    if (!Covered)
      Missing.push_back(enumeratorSpelling(**Named, Ctx.getLangOpts()));
  }
  if (Missing.empty())
    return;
  // "Handle these few, let default: take the rest" is a design, not drift: only switches that
  // name most of the enum are held to naming all of it.
  if ((Held - Missing.size()) * 100 < MinCoveragePercent * Held)
    return;

  SourceLocation Loc = SM.getExpansionLoc(Switch->getSwitchLoc());
  if (!Reported.insert({Loc.getRawEncoding(), Enum}).second)
    return;

  std::string List;
  for (size_t I = 0; I < Missing.size(); ++I)
    List += (I ? ", " : "") + Missing[I];
  std::string EnumName = enumQualifiedName(*Enum);
  std::string Message =
      Default ? "switch on '" + EnumName + "' has a 'default' label that hides " +
                    std::to_string(Missing.size()) +
                    (Missing.size() == 1 ? " unhandled enumerator: " : " unhandled enumerators: ") +
                    List
              : "switch on '" + EnumName + "' does not handle " + std::to_string(Missing.size()) +
                    (Missing.size() == 1 ? " enumerator: " : " enumerators: ") + List;
  {
    DiagnosticBuilder Diag = diag(Loc, Message);
    if (Default && !Instantiated)
      if (std::optional<FixItHint> Fix = insertLabelsBefore(*Default, Missing, SM))
        Diag << *Fix;
  }
  diag(Enum->getLocation(), "enum '" + EnumName + "' is defined here", DiagnosticIDs::Note);
}

const RuleInfo &SwitchCoverageRuleInfo() {
  static const RuleInfo Info{
      .Id = "contract-switch-coverage",
      .Summary = "switch over an enum whose 'default:' hides enumerators it never names",
      .Description =
          "A switch over an enum that has a 'default:' label is silent under -Wswitch when a new "
          "enumerator is added: the new value quietly takes the default path. This rule lists "
          "the enumerators the switch does not name (aliases count once, trailing sentinels "
          "such as 'kCount' are exempt) and offers a fix-it that inserts their case labels "
          "just before 'default:', preserving behaviour.",
      .Scope = RuleScope::TranslationUnit,
      .Options = Options,
      .FixDescription = "insert the missing case labels before 'default:'",
      .CreateTURule = [](RuleContext &Context) -> std::unique_ptr<Rule> {
        return std::make_unique<SwitchCoverageRule>(Context);
      },
  };
  return Info;
}

} // namespace contractcheck
