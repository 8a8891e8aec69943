#include "SwitchCoverageRule.h"

#include "EnumNames.h"
#include "EnumValues.h"
#include "ProjectCode.h"
#include "RuledOutValues.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
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
    {"sentinels", OptionType::NameGlobList, DefaultSentinelGlobs, SentinelsHelp},
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
  // inserted into the shared pattern, so those switches get no fix-it. isInTemplateInstantiation()
  // would tell them apart, but it asks for the parents of every node, and the parent map of a
  // whole TU costs clang-tidy half as much memory again as the AST itself. The traversal kind
  // tells them apart for free: a matcher that ignores what is not spelled in source never sees
  // an instantiation, and for a switch spelled in source it runs before the second matcher
  // (matchers run in the order they were added), which then skips that switch.
  Finder->addMatcher(traverse(TK_IgnoreUnlessSpelledInSource,
                              switchStmt(unless(isExpansionInSystemHeader())).bind("switch")),
                     this);
  Finder->addMatcher(switchStmt(unless(isExpansionInSystemHeader())).bind("any"), this);
  // Function bodies, met before their statements, for the walk over what precedes a switch.
  Finder->addMatcher(functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                                  hasBody(compoundStmt()))
                         .bind("function"),
                     this);
  Finder->addMatcher(lambdaExpr(unless(isExpansionInSystemHeader())).bind("lambda"), this);
}

bool SwitchCoverageRule::needsInstantiations(const SkippedInstantiations &Skipped) const {
  return projectCodeHas(Skipped.TopLevel, [](const Stmt &S) {
    if (const auto *Switch = dyn_cast<SwitchStmt>(&S))
      return !Switch->getCond() || Switch->getCond()->isTypeDependent();
    if (const auto *Case = dyn_cast<CaseStmt>(&S))
      return Case->getLHS() && Case->getLHS()->isValueDependent();
    return false;
  });
}

void SwitchCoverageRule::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function")) {
    Bodies.record(*Function->getBody(), *Result.SourceManager);
    return;
  }
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda")) {
    Bodies.record(*Lambda->getBody(), *Result.SourceManager);
    return;
  }
  const SwitchStmt *Switch = Result.Nodes.getNodeAs<SwitchStmt>("switch");
  const bool Instantiated = Switch == nullptr;
  if (Switch) {
    SpelledInSource.insert(Switch);
  } else {
    Switch = Result.Nodes.getNodeAs<SwitchStmt>("any");
    if (SpelledInSource.erase(Switch))
      return; // judged by the first matcher
  }
  const ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  const Expr *Cond = Switch->getCond();
  // A condition whose enum the pattern already knows (a member of a class template: `this` is
  // dependent, its type is not) is judged in the pattern, as long as the labels are known too.
  if (!Cond || Cond->isTypeDependent())
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

  // Sentinels count, they are not states to handle; aliases are one value.
  const std::vector<HeldValue> Held = heldValues(*Enum, Sentinels);
  std::vector<const EnumConstantDecl *> Missing;
  for (const HeldValue &Value : Held)
    if (std::none_of(Ranges->begin(), Ranges->end(),
                     [&](const CaseRange &R) { return R.contains(Value.Value); }))
      Missing.push_back(Value.Named);
  // A oneof's "nothing set", and an enumerator that names the default, are what `default:` is
  // for.
  if (Default)
    llvm::erase_if(Missing, [](const EnumConstantDecl *E) {
      return isProtobufOneofNotSet(*E) || namesTheDefault(*E);
    });
  if (Missing.empty())
    return;
  // "Handle these few, let default: take the rest" is a design, not drift: only switches that
  // name most of the enum are held to naming all of it.
  if ((Held.size() - Missing.size()) * 100 < MinCoveragePercent * Held.size())
    return;
  // Values the function already dealt with on every path to the switch (a guard that returns,
  // a fallback assigned to the variable) cannot reach it: they are not hidden by `default:`.
  // Only switches about to be reported pay for this walk, over their own function's body.
  for (const Stmt *Body : Bodies.candidatesFor(*Switch, SM)) {
    ParentMap Parents(const_cast<Stmt *>(Body));
    if (!Parents.hasParent(Switch))
      continue;
    std::vector<llvm::APSInt> RuledOut = valuesRuledOutBefore(*Switch, Parents, Ctx);
    llvm::erase_if(Missing, [&](const EnumConstantDecl *E) {
      return llvm::any_of(RuledOut, [&](const llvm::APSInt &V) {
        return llvm::APSInt::isSameValue(V, E->getInitVal());
      });
    });
    break;
  }
  if (Missing.empty())
    return;

  SourceLocation Loc = SM.getExpansionLoc(Switch->getSwitchLoc());
  if (!Reported.insert({Loc.getRawEncoding(), Enum}).second)
    return;

  std::vector<std::string> Labels;
  std::string List;
  for (const EnumConstantDecl *E : Missing) {
    Labels.push_back(enumeratorSpelling(*E, Ctx.getLangOpts()));
    List += (List.empty() ? "" : ", ") + Labels.back();
  }
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
      if (std::optional<FixItHint> Fix = insertLabelsBefore(*Default, Labels, SM))
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
