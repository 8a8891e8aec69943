#include "rules/switch-coverage/SwitchCoverageRule.h"

#include "rules/utils/BitFieldRanges.h"
#include "rules/utils/LabelReturns.h"
#include "rules/utils/EnumNames.h"
#include "rules/utils/EnumValues.h"
#include "rules/utils/LibraryEnums.h"
#include "rules/utils/DriftHistory.h"
#include "rules/utils/NameSpelling.h"
#include "rules/utils/ProjectCode.h"
#include "rules/switch-coverage/CaseLabelSpelling.h"
#include "rules/switch-coverage/CaseLabels.h"
#include "rules/switch-coverage/CallerDefaultFacts.h"
#include "rules/switch-coverage/CatchAllDefault.h"
#include "rules/switch-coverage/DelegatingDefault.h"
#include "rules/switch-coverage/HiddenEnumeratorsText.h"
#include "rules/switch-coverage/LabelText.h"
#include "rules/switch-coverage/NamingDefault.h"
#include "rules/switch-coverage/RangeMarkerGlobal.h"
#include "rules/switch-coverage/RefusingDefault.h"
#include "rules/switch-coverage/SharedDefault.h"
#include "rules/switch-coverage/SwitchDefault.h"
#include "rules/switch-coverage/SwitchedValue.h"
#include "rules/switch-coverage/TranslatingDefault.h"
#include "rules/utils/RuledOutValues.h"
#include "rules/utils/Sentinels.h"
#include "rules/utils/Usr.h"
#include "rules/enum-table/TotalityEvidence.h"
#include "SourcePositions.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
#include <clang/AST/Stmt.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/Preprocessor.h>
#include <llvm/ADT/APSInt.h>

#include <algorithm>
#include <cctype>
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
    {"converter-coverage", OptionType::Percent, "50",
     "The same percentage for a switch in a function that converts the enum to text and "
     "whose every case returns a string: a name table is expected to be total."},
    {"size-sentinels", OptionType::Bool, "true",
     "A last enumerator at the top of a 32- or 64-bit range (`_Force32Bit = 0x7fffffff`, "
     "`VK_*_MAX_ENUM`) only forces the enum's size: a sentinel whatever its name."},
    {"catch-alls", OptionType::StringList, DefaultSwitchCatchAllWords,
     "Words that name a catch-all enumerator (None, kUnknown, FOO_INVALID, ...), which a "
     "switch may leave to 'default:'."},
    {"neutral-zero", OptionType::Bool, "true",
     "The first enumerator, when its value is 0 (what `E{}` holds: Off, Regular, Ok), left to "
     "'default:' is the enum's neutral state, not drift: enumerators are added at the end."},
    {"report-refusing-default", OptionType::Bool, "false",
     "Also report switches whose 'default:' refuses what reaches it (every path throws or calls "
     "a function that does not return, with nothing but 'break' after it): a value it does not "
     "handle announces itself there. A name table is reported whatever its default does."},
    {"report-delegating-default", OptionType::Bool, "false",
     "Also report switches in an override whose 'default: break;' leads to 'return "
     "Base::method(..., value, ...)', the implementation it overrides, called with the switched "
     "value: what the switch leaves to 'default:' is handled there, not hidden."},
    {"report-catch-all-default", OptionType::Bool, "false",
     "Also report switches whose 'default:' label stands with the case label of a catch-all "
     "enumerator ('case Unknown: default: break;'): the author wrote that what default: takes "
     "is handled as the catch-all. A name table is reported whatever its default does."},
    {"report-shared-default", OptionType::Bool, "false",
     "Also report switches whose 'default:' label stands with the case label of one of the "
     "enum's members ('default: case Case::kSnake: ... break;'), sharing one body that reports "
     "no error (no throw, no call that does not return, no assert): the author wrote that what "
     "default: takes is handled as that member. A name table is reported whatever its default "
     "does."},
    {"report-grouped-names", OptionType::Bool, "false",
     "Also report the enumerators a name table's 'default:' names as a group: its text is a word "
     "of each of their names ('default: return \"number\";' for number_integer and number_float)."},
    {"report-named-default", OptionType::Bool, "false",
     "Also report the one enumerator a name table leaves to a 'default:' that returns a name of "
     "its own: a text no case returns, no other enumerator's name, with no catch-all or error "
     "word in it ('default: return "
     "\"f(N)\";', the name every reporter prints for the one complexity left to it)."},
    {"report-system-enums", OptionType::Bool, "false",
     "Also report switches over an enum declared in a system header (a library's: Qt, FFmpeg, "
     "JACK, ...), whose 'default:' takes the values later versions of the library add: the "
     "code is built against several versions, and which values are new depends on the one "
     "installed where it is analysed."},
    {"history", OptionType::Choice, "git",
     "git: in a git work tree, an enumerator that existed when every case/default label of the "
     "switch was written was left to 'default:' by whoever wrote it, and is not reported; one "
     "added later (or not committed yet) is drift. off: every enumerator, as without git.",
     {}, HistoryChoices},
    {"history-same-commit", OptionType::Bool, "true",
     "With history: git, an enumerator written in the same commit as a label existed when the "
     "label was written (its author had it in front of them), except in a name table (every "
     "case returns the enumerator's name), where only an older one is excused. false: only "
     "enumerators older than every label are excused."},
    {"history-revisited", OptionType::Bool, "true",
     "With history: git, an enumerator older than some committed label (someone came back to "
     "the switch after it was added, wrote a case, and still left it to 'default:') is excused "
     "too, except in a name table. Labels and enumerators are dated by the change that wrote "
     "their names, so a reformatting is no revisit. false: a later label excuses nothing."},
    {"history-renames", OptionType::Bool, "true",
     "With history: git, a change that only renamed an enumerator's declaration or a label "
     "(the same tokens once names are mapped to their renamed words, qualifiers and 'enum "
     "class' aside: IMAGE_FORMAT::PNG_32 made ImageFormat::png32) is not where it came from: "
     "it is dated as the line it renamed. A line whose value changed is dated by that change. "
     "false: a rename dates the lines it rewrote."},
    {"range-markers", OptionType::Bool, "true",
     "An enumerator the project only ever compares as a bound ('format > ElfEsFloatGuard && "
     "format < ElfFloatGuard') and never uses as a value is a range marker, not a member: a "
     "switch need not name it; so is the enum's last value when the project sizes an array "
     "with it or runs a loop up to it ('for (int fm = 0; fm < kEnd; fm++)') and never gives "
     "it as a value: a count. The CLI asks every translation unit, clang-tidy the one it "
     "sees."},
    {"unproduced-values", OptionType::Bool, "true",
     "An enumerator the project never gives as a value (never assigned, returned, passed or "
     "initialised with: only declared, named in case labels, compared with == or !=, or "
     "converted to an integer), of an enum whose values it never makes from anything else (no "
     "cast or conversion from an integer, no bytes written into one, no library template "
     "returning one, no Q_ENUM), is no value a switch is given: a switch need not name it, "
     "unless the switch names such enumerators itself (a table of the whole enum). The CLI "
     "asks every translation unit, clang-tidy only about an enum its main file declares."},
    {"caller-defaults", OptionType::Bool, "true",
     "A switch on a parameter whose every call (of the function, or of the virtual methods it "
     "overrides) is made from the 'default:' of a switch over the same enum, with the switched "
     "value, is not given the values those switches handle in their cases: they never reach it. "
     "The CLI asks every translation unit, clang-tidy the one it sees."},
    {"passed-values", OptionType::Bool, "true",
     "A switch on a parameter whose every call (of the function, or of the virtual methods it "
     "overrides) passes an enumerator written as a constant ('f(Kind::A)', 'c ? A : B'), or on "
     "what a function returns whose every 'return' returns one, is given only those "
     "enumerators: the others are not hidden by its 'default:'. Not in a name table, nor in a "
     "switch naming an enumerator that does not reach it. A function "
     "whose address is taken, or with no call seen, is given any value. The CLI asks every "
     "translation unit, clang-tidy the one it sees."},
    {"skip-flags", OptionType::Bool, "true",
     "Flags enums (bits to combine: power-of-two values, QFlags, operator|, values OR-ed "
     "together) are not sets of cases: their switches are not checked, and a flag bit above "
     "an enum's cases is not one of them."},
    {"flag-templates", OptionType::NameGlobList,
     "*Flags;*flags;*FlagSet;*Flagset;*flag_set;*Bitmask;*BitMask;*bitmask;*EnumSet;*enum_set;"
     "*Bitset;*BitSet;*bitset",
     "Qualified-name globs of class templates that make their enum argument a flags enum "
     "(QFlags from Q_DECLARE_FLAGS, EnumSet, ...)."},
};

} // namespace

struct CaseRange {
  llvm::APSInt Low, High;
  bool contains(const llvm::APSInt &V) const {
    return llvm::APSInt::compareValues(Low, V) <= 0 && llvm::APSInt::compareValues(V, High) <= 0;
  }
};

namespace {

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

// `case Tool::Select: return "select";`, `case UNIT_PX: return "px";`: the text shares a word
// with the enumerator's name. A sentence's words count one by one: an error category's
// `case ControlErrc::parse_error: return "Parse error";` names its enumerator as much as a
// bare "parse_error" would (snapcast's control_error.cpp forgot one such message, 114fe2c).
bool textNames(const StringLiteral &Text, const CaseStmt &Case) {
  const EnumConstantDecl *Enumerator = caseLabelEnumerator(Case);
  if (!Enumerator || Text.getCharByteWidth() != 1)
    return false;
  std::vector<std::string> Words = enumeratorWords(std::string_view(Enumerator->getName()));
  for (const std::string &Word : textWords(std::string_view(Text.getString())))
    if (llvm::is_contained(Words, Word))
      return true;
  return false;
}

// Every case label leads straight to `return <text>;`, and in most of them the text is the
// enumerator's name: a name table (not a table of shortcuts or prefixes for a few values).
bool isNameTable(const SwitchStmt &Switch) {
  unsigned Cases = 0, Named = 0;
  for (const SwitchCase *SC = Switch.getSwitchCaseList(); SC; SC = SC->getNextSwitchCase()) {
    const auto *Case = dyn_cast<CaseStmt>(SC);
    if (!Case)
      continue;
    ++Cases;
    const StringLiteral *Text = returnedText(*SC);
    if (!Text)
      return false;
    Named += textNames(*Text, *Case);
  }
  return Cases > 0 && Named * 2 >= Cases;
}

// `switch (static_cast<int>(kind))`, `switch ((long)kind)`, `switch (int(kind))`: the enum an
// explicit conversion to an integer (not to bool) takes the switched value from; null for any
// other condition.
const EnumType *enumUnderIntegerCast(const Expr &Cond) {
  const auto *Cast = dyn_cast<ExplicitCastExpr>(Cond.IgnoreParenImpCasts());
  if (!Cast)
    return nullptr;
  const auto *To = Cast->getType().getCanonicalType()->getAs<BuiltinType>();
  if (!To || !To->isInteger() || To->getKind() == BuiltinType::Bool)
    return nullptr;
  return Cast->getSubExpr()->IgnoreParenImpCasts()->getType().getCanonicalType()->getAs<EnumType>();
}

// A switch over a cast of Enum that is still that enum's name table: every label names one of
// its enumerators (a raw number is a value the enum does not name, an integer switch), every
// case returns a name, and the enclosing function converts the enum to text.
bool castNameTable(const SwitchStmt &Switch, const EnumDecl &Enum,
                   const std::vector<EnclosingBodies::Body> &Candidates) {
  for (const SwitchCase *SC = Switch.getSwitchCaseList(); SC; SC = SC->getNextSwitchCase())
    if (const auto *Case = dyn_cast<CaseStmt>(SC)) {
      const EnumConstantDecl *Named = caseLabelEnumerator(*Case);
      const auto *Owner = Named ? dyn_cast<EnumDecl>(Named->getDeclContext()) : nullptr;
      if (!Owner || Owner->getCanonicalDecl() != Enum.getCanonicalDecl())
        return false;
    }
  return isNameTable(Switch) && !Candidates.empty() && Candidates.front().Function &&
         convertsBetweenEnumAndText(*Candidates.front().Function, Enum);
}

// nlohmann/json's type_name(): `case value_t::string: return "string"; ... default: return
// "number";` with number_integer and number_float (and, in later versions, number_unsigned) left
// to the default: in a name table, a default whose text is a word every one of them has in its
// name names them as a group, on purpose. The hidden enumerators of Missing it names that way;
// a default text that is no word of theirs ("unknown", "?") names none.
std::vector<const EnumConstantDecl *>
namedAsAGroupByDefault(const DefaultStmt &Default,
                       const std::vector<const EnumConstantDecl *> &Missing) {
  const StringLiteral *Text = returnedText(Default);
  if (!Text || Text->getCharByteWidth() != 1)
    return {};
  std::vector<std::string> TextWords = textWords(std::string_view(Text->getString()));
  if (TextWords.empty())
    return {};
  std::vector<const EnumConstantDecl *> Named;
  for (const EnumConstantDecl *E : Missing) {
    std::vector<std::string> Words = enumeratorWords(std::string_view(E->getName()));
    if (llvm::all_of(TextWords, [&](const std::string &W) { return llvm::is_contained(Words, W); }))
      Named.push_back(E);
  }
  return Named;
}

// `const axis_t axis = T::axis; switch (axis)`, `switch (N)` on a template parameter: in each
// instantiation the switch sees one value known at compile time (tag dispatch), so the values
// other instantiations pass cannot reach it and those no instantiation passes are not hidden.
bool switchesOnACompileTimeConstant(const Expr &Cond, const ASTContext &Ctx) {
  // IgnoreParenImpCasts would look through the template argument an instantiation put there.
  const Expr *E = &Cond;
  while (isa<ImplicitCastExpr, ParenExpr>(E))
    E = isa<ParenExpr>(E) ? cast<ParenExpr>(E)->getSubExpr()
                          : cast<ImplicitCastExpr>(E)->getSubExpr();
  if (isa<SubstNonTypeTemplateParmExpr>(E))
    return true;
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  if (!Ref)
    return false;
  if (isa<NonTypeTemplateParmDecl>(Ref->getDecl()))
    return true;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Var || isa<ParmVarDecl>(Var) || !Var->getType().isConstQualified())
    return false;
  const Expr *Init = Var->getAnyInitializer();
  if (!Init)
    return false;
  // In the template, the initializer names the template's parameters; in an instantiation it
  // is a constant. Only a template's switch is a dispatch: outside templates a constant
  // condition is written to be edited.
  if (Init->isValueDependent())
    return true;
  const auto *Function = dyn_cast<FunctionDecl>(Var->getDeclContext());
  const DeclContext *Owner = Function ? Function->getDeclContext() : Var->getDeclContext();
  bool InTemplate = (Function && (Function->isTemplateInstantiation() ||
                                  Function->getDescribedFunctionTemplate())) ||
                    (isa<CXXRecordDecl>(Owner) &&
                     (cast<CXXRecordDecl>(Owner)->getDescribedClassTemplate() ||
                      isa<ClassTemplateSpecializationDecl>(Owner)));
  return InTemplate && Var->isUsableInConstantExpressions(Ctx);
}

// `enum class Preset { OFF, RGB, SVIDEO, ... }`, `enum LogType { eLogStdout = 0, ... }`: the first
// enumerator, with value 0, is what a value-initialised variable holds, the enum's neutral state.
// A drift is an enumerator added later, and enumerators are added at the end (before a count):
// inserting one first renumbers every value. So a switch that names every other member and
// leaves this one to `default:` treats it as the idle case on purpose.
bool isNeutralZero(const EnumConstantDecl &Enumerator, const EnumDecl &Enum) {
  return Enumerator.getInitVal().isZero() && *Enum.enumerator_begin() == &Enumerator;
}

// Where a count stands: the enum's last value, above all the others. What makes it a count is
// how the project uses it (range-markers): it sizes an array or bounds a loop, and is never given
// as a value (mumble's `VoiceRecorderFormat::kEnd`, the number of formats, which no sentinel
// glob names).
bool placedAsACount(const EnumConstantDecl &Enumerator) {
  const auto *Enum = dyn_cast<EnumDecl>(Enumerator.getDeclContext());
  return Enum && lastValueAboveTheOthers(*Enum) == &Enumerator;
}

// The labels go right before `default:` so the new cases fall into the default body exactly as
// the values did before: behaviour is preserved, the switch now names them. When `default:`
// starts its line each label gets a line of its own, indented as it is; otherwise a space
// follows each. No separator (no fix-it) when the keyword comes from a macro.
std::optional<std::string> labelSeparatorBefore(const DefaultStmt &Default,
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
  return OwnLine ? "\n" + Indent.str() : std::string(" ");
}

} // namespace

SwitchCoverageRule::SwitchCoverageRule(RuleContext &Context)
    : Rule(Context), Enums(options().getGlobs("enums")),
      Sentinels(options().getGlobs("sentinels"), options().getBool("size-sentinels")),
      ReportWithoutDefault(options().getBool("report-without-default")),
      MinCoveragePercent(options().getUnsigned("min-coverage")),
      ConverterCoveragePercent(options().getUnsigned("converter-coverage")),
      CatchAllWords(catchAllWordsOf(options().getList("catch-alls"))),
      NeutralZero(options().getBool("neutral-zero")),
      ReportRefusingDefault(options().getBool("report-refusing-default")),
      ReportDelegatingDefault(options().getBool("report-delegating-default")),
      ReportCatchAllDefault(options().getBool("report-catch-all-default")),
      ReportSharedDefault(options().getBool("report-shared-default")),
      ReportGroupedNames(options().getBool("report-grouped-names")),
      ReportNamedDefault(options().getBool("report-named-default")),
      ReportSystemEnums(options().getBool("report-system-enums")),
      History(options().getString("history") == "git"),
      HistorySameCommit(options().getBool("history-same-commit")),
      HistoryRevisited(options().getBool("history-revisited")),
      HistoryRenames(options().getBool("history-renames")), SkipFlags(options().getBool("skip-flags")),
      RangeMarkers(options().getBool("range-markers")),
      CallerDefaults(options().getBool("caller-defaults")),
      JudgePassedValues(options().getBool("passed-values")),
      UnproducedValues(options().getBool("unproduced-values")),
      Flags(options().getGlobs("flag-templates")) {}

void SwitchCoverageRule::registerMatchers(MatchFinder *Finder) {
  if (SkipFlags)
    Flags.registerMatchers(Finder, this, &Headers);
  if (RangeMarkers || UnproducedValues)
    Uses = analysis<EnumeratorUses>(Finder);
  // passed-values needs every reference to a function too: one that passes no constant lets any
  // value through.
  if (CallerDefaults || JudgePassedValues)
    Callers.registerMatchers(Finder, this, &Headers);
  if (JudgePassedValues)
    Passed.registerMatchers(Finder, this, &Headers);
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

void SwitchCoverageRule::registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                                             Preprocessor *) {
  Headers = PP ? &PP->getHeaderSearchInfo() : nullptr;
}

void SwitchCoverageRule::check(const MatchFinder::MatchResult &Result) {
  TU = Result.Context;
  if (const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function")) {
    Bodies.record(*Function->getBody(), Function, *Result.SourceManager);
    if (JudgePassedValues)
      Passed.recordFunction(*Function);
    return;
  }
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda")) {
    Bodies.record(*Lambda->getBody(), Lambda->getCallOperator(), *Result.SourceManager);
    return;
  }
  if (Flags.record(Result))
    return;
  if (Callers.record(Result) || (JudgePassedValues && Passed.record(Result, Callers.refs())))
    return;
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
  // over an integer by the author's choice, unless it is a name table (below).
  const auto *Type = Cond->IgnoreParenImpCasts()->getType().getCanonicalType()->getAs<EnumType>();
  const bool ThroughCast = !Type && (Type = enumUnderIntegerCast(*Cond));
  if (!Type)
    return;
  const EnumDecl *Enum = Type->getDecl()->getDefinition();
  if (!Enum || Enum->enumerators().empty())
    return;
  if (!matchesAny(Enums, enumQualifiedName(*Enum)))
    return;
  if (switchesOnACompileTimeConstant(*Cond, Ctx))
    return;
  // A name table is meant to be total whatever its condition is written as: apache/orc casts
  // every enum it switches on to quiet -Wswitch-enum (it builds with -Weverything), and the cast
  // hid from the compiler that streamKindToString never learnt StreamKind_BLOOM_FILTER_UTF8, two
  // years after it was added. Only a table of that enum's names, in a function that converts
  // it to text; the code after a switch without `default:` is its default.
  if (ThroughCast && !castNameTable(*Switch, *Enum, Bodies.candidatesFor(*Switch, SM)))
    return;

  const DefaultStmt *Default = findDefault(*Switch);
  const bool Defaulted = Default || ThroughCast;
  // Whatever this switch's cases take never reaches a call only its default makes.
  if ((CallerDefaults || JudgePassedValues) && Default)
    Callers.recordSwitch(*Switch, *Default, *Enum, Ctx);
  if (!Defaulted && !ReportWithoutDefault && !keepsFacts())
    return;
  std::optional<std::vector<CaseRange>> Ranges = caseRanges(*Switch, Ctx);
  if (!Ranges)
    return;

  // Bits to combine are not cases to dispatch on.
  if (SkipFlags && hasFlagsShape(*Enum))
    return;
  // Sentinels count, they are not states to handle; aliases are one value; a flag bit set above
  // the cases is not one of them.
  std::vector<HeldValue> Held = heldValues(*Enum, Sentinels);
  // Every switch is a consumer on the enum's map, reported or not.
  if (keepsFacts())
    mapSwitch(*Switch, *Enum, Defaulted, *Ranges, Held, Ctx);
  if (!Defaulted && !ReportWithoutDefault)
    return;
  // A library's enum gains values on the library's release schedule, and code built against
  // several of its versions leaves the ones it does not know to 'default:' on purpose: its
  // forward-compatibility contract (hydrogen's JACK state switch says so in a comment). Which
  // values are missing depends on the version installed where the code is analysed. Measured
  // on the precision corpus (docs/precision.md, sys20): 13 debatable findings, 2 true ones.
  if (Defaulted && !ReportSystemEnums && declaredByALibrary(*Enum, Headers))
    return;
  if (SkipFlags)
    for (const EnumConstantDecl *Bit : flagBitsAboveCases(*Enum))
      llvm::erase_if(Held, [&](const HeldValue &H) {
        return llvm::APSInt::isSameValue(H.Value, Bit->getInitVal());
      });
  std::vector<const EnumConstantDecl *> Missing;
  for (const HeldValue &Value : Held)
    if (std::none_of(Ranges->begin(), Ranges->end(),
                     [&](const CaseRange &R) { return R.contains(Value.Value); }))
      Missing.push_back(Value.Named);
  // A count followed only by catch-alls is a count like a last one.
  size_t Total = Held.size();
  {
    size_t Before = Missing.size();
    llvm::erase_if(Missing, [&](const EnumConstantDecl *E) {
      return isCountBeforeCatchAlls(*E, Sentinels, CatchAllWords);
    });
    Total -= Before - Missing.size();
  }
  // A oneof's "nothing set", a catch-all (`None`, `kUnknown`, `FOO_INVALID`, `kDefault`) and
  // the neutral first value (`OFF`, `eLogStdout = 0`) are what `default:` is for. Real
  // enumerators it swallows beside them are still reported. They are left out of the share
  // below too: it is the share of the real members named.
  if (Defaulted) {
    size_t Before = Missing.size();
    llvm::erase_if(Missing, [&](const EnumConstantDecl *E) {
      return isProtobufOneofNotSet(*E) || namesACatchAll(*E, CatchAllWords) ||
             (NeutralZero && isNeutralZero(*E, *Enum));
    });
    Total -= Before - Missing.size();
  }
  // A switch on a bit-field never sees the values too wide for it, which count neither as named
  // nor as missing: valhalla's `uint64_t classification_ : 3`, read through `RoadClass
  // classification() const`, never holds `RoadClass::kInvalid = 8` (BitFieldRanges.h).
  if (std::optional<HeldRange> Range = bitFieldRange(*Switch->getCond(), Ctx)) {
    size_t Before = Missing.size();
    llvm::erase_if(Missing, [&](const EnumConstantDecl *E) { return !Range->holds(E->getInitVal()); });
    Total -= Before - Missing.size();
  }
  if (Missing.empty())
    return;
  const std::vector<EnclosingBodies::Body> Candidates = Bodies.candidatesFor(*Switch, SM);
  // "Handle these few, let default: take the rest" is a design, not drift: only switches that
  // name most of the enum are held to naming all of it. A name table (`to_string(E)` whose
  // every case returns a string) is meant to be total, and is held to it from a lower share.
  const size_t Named = Total - Missing.size();
  if (Named * 100 < MinCoveragePercent * Total) {
    bool NameTable = Defaulted && !Candidates.empty() && Candidates.front().Function &&
                     Named * 100 >= ConverterCoveragePercent * Total &&
                     (convertsBetweenEnumAndText(*Candidates.front().Function, *Enum) ||
                      convertsIntegerParameterToText(*Candidates.front().Function,
                                                     *Switch->getCond(), *Enum)) &&
                     isNameTable(*Switch);
    if (!NameTable)
      return;
  }
  // A default that throws or aborts, in every build, is the author saying "what I do not
  // handle is refused here": a new enumerator announces itself the first time it arrives, it
  // is not quietly swallowed. Measured on the precision corpus (docs/precision.md): such
  // defaults carried 10 of the 63 debatable switch findings and none of the true ones or of
  // the historical drifts found; a default that returns an error or logs one is no such
  // evidence (wabt's reloc drift returned Result::Error), nor one fatal in debug builds only
  // (re2's `LOG(DFATAL) << ...; info = EmptyString();`). A name table is meant to be total
  // whatever its default does.
  if (Default && !ReportRefusingDefault && defaultRefuses(*Switch, *Default, Ctx, Headers) &&
      !isNameTable(*Switch))
    return;
  // `case QSystemTrayIcon::Unknown: default: break;`: the author gave default: the catch-all's
  // handling, so what it takes is meant as "unknown" (qjackctl's and qsynth's tray activation,
  // flatbuffers' `case None: default: FLATBUFFERS_ASSERT(false)`: 3 debatable findings of the
  // corpus, none of its true ones or historical drifts). A name table still owes every name.
  if (Default && !ReportCatchAllDefault &&
      defaultJoinsACatchAll(*Switch, *Default, CatchAllWords) && !isNameTable(*Switch))
    return;
  // `default: case Case::kSnake: ... break;`, `case o1: default: return constant;`: the author
  // wrote that what default: takes is handled as that member (flatbuffers' ConvertCase reads
  // any other input as snake case). On the judged corpus (docs/precision.md, dispatch22): 1
  // wrong and 3 debatable findings, none of the 20 true ones or of the found drifts; a shared
  // body that reports an error is no such grouping (re2's `default: case kRegexpRepeat:
  // LOG(DFATAL) << "Bad regexp op"; ...`, a found drift). A name table owes every name.
  if (Default && !ReportSharedDefault && defaultSharesAMembersCase(*Switch, *Default, CatchAllWords, Ctx) &&
      !isNameTable(*Switch))
    return;
  if (Default && !ReportGroupedNames && isNameTable(*Switch))
    for (const EnumConstantDecl *Grouped : namedAsAGroupByDefault(*Default, Missing))
      llvm::erase(Missing, Grouped);
  // Values the function already dealt with on every path to the switch (a guard that returns,
  // a fallback assigned to the variable) cannot reach it: they are not hidden by `default:`.
  // Only switches about to be reported pay for this walk, over their own function's body.
  std::optional<SwitchHookFact> Hook;
  for (const EnclosingBodies::Body &Candidate : Candidates) {
    const Stmt *Body = Candidate.Root;
    ParentMap Parents(const_cast<Stmt *>(Body));
    if (!Parents.hasParent(Switch))
      continue;
    // `default: break;` on the way to `return Base::method(..., value, ...)`: the override
    // handles some values itself and leaves the rest to the implementation it overrides
    // (ostinato's 76 protocol `fieldData` switches leave `FieldBitSize` to
    // `AbstractProtocol::fieldData`, which computes it for all of them).
    if (Default && !ReportDelegatingDefault)
      if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Candidate.Function))
        if (defaultDelegatesToOverridden(*Switch, *Default, *Method, Parents))
          return;
    // `case GLSLANG_TARGET_VULKAN_1_1: return EShTargetVulkan_1_1; ... default: break; }
    // return EShTargetVulkan_1_0;`: a translation whose default produces the hidden value's own
    // counterpart is that value's case.
    if (Default)
      for (const EnumConstantDecl *Handled : translatedByDefault(*Switch, *Default, Missing, Parents))
        llvm::erase(Missing, Handled);
    // A switch on a parameter is given what the function's callers pass: the global step (or,
    // in clang-tidy, the end of the TU) takes out what every caller's default filtered.
    if ((CallerDefaults || JudgePassedValues) && Candidate.Function)
      Hook = switchHookOf(*Switch, *Candidate.Function, SM, Headers);
    std::vector<llvm::APSInt> RuledOut = valuesRuledOutBefore(*Switch, Parents, Ctx);
    // `default: break; } if (mScope == FilesScope) { ... } else { ... }`: a value the default
    // lets through and the code right after the switch tests for and handles on a path of its
    // own is handled there, not hidden (texstudio's SearchQuery::run, campaign 19a).
    if (Default && defaultLeavesTheSwitch(*Switch, *Default))
      llvm::append_range(RuledOut, valuesHandledAfter(*Switch, Parents, Ctx));
    llvm::erase_if(Missing, [&](const EnumConstantDecl *E) {
      return llvm::any_of(RuledOut, [&](const llvm::APSInt &V) {
        return llvm::APSInt::isSameValue(V, E->getInitVal());
      });
    });
    break;
  }
  if (Missing.empty())
    return;
  // What the calls pass, or the function returns, is all that reaches the switch. A name table
  // owes every name: the next call may pass any value.
  if (JudgePassedValues && !isNameTable(*Switch)) {
    if (const FunctionDecl *Returner = returnerOf(*Switch, SM, Headers)) {
      if (!Hook)
        Hook.emplace();
      Hook->Returner = usrOf(*Returner->getCanonicalDecl());
    }
    if (Hook) {
      Hook->Enum = usrOf(*Enum->getCanonicalDecl());
      for (const SwitchCase *SC = Switch->getSwitchCaseList(); SC; SC = SC->getNextSwitchCase())
        if (const auto *Case = dyn_cast<CaseStmt>(SC))
          if (const EnumConstantDecl *Named = caseLabelEnumerator(*Case))
            Hook->Named.push_back(usrOf(*Named));
    }
  }

  SourceLocation Loc = SM.getExpansionLoc(Switch->getSwitchLoc());
  if (!Reported.insert({Loc.getRawEncoding(), Enum}).second)
    return;
  Findings.push_back({Switch, Default, Enum, std::move(Missing), Loc, Instantiated, &Ctx, false,
                      std::move(Hook), ThroughCast});
}

void SwitchCoverageRule::mapSwitch(const SwitchStmt &Switch, const EnumDecl &Enum, bool HasDefault,
                                   const std::vector<CaseRange> &Ranges,
                                   const std::vector<HeldValue> &Held, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Switch.getSwitchLoc());
  if (!Mapped.insert({Loc.getRawEncoding(), &Enum}).second)
    return;
  EnumConsumer Consumer;
  Consumer.Enum = enumQualifiedName(Enum);
  Consumer.EnumAt = positionOf(SM.getExpansionLoc(Enum.getLocation()), SM);
  Consumer.Consumer = "switch";
  Consumer.At = positionOf(Loc, SM);
  CharSourceRange Cond = CharSourceRange::getTokenRange(
      SM.getExpansionRange(Switch.getCond()->getSourceRange()).getAsRange());
  StringRef Text = Lexer::getSourceText(Cond, SM, Ctx.getLangOpts());
  Consumer.Label = "switch (" + (Text.size() <= 60 ? Text.str() : Text.take_front(57).str() + "...") + ")";
  for (const EnumConstantDecl *E : Enum.enumerators()) {
    Consumer.Enumerators.push_back(E->getNameAsString());
    const llvm::APSInt &Value = E->getInitVal();
    bool Named = llvm::any_of(Ranges, [&](const CaseRange &R) { return R.contains(Value); });
    bool IsHeld = llvm::any_of(
        Held, [&](const HeldValue &H) { return llvm::APSInt::isSameValue(H.Value, Value); });
    Consumer.Cells.push_back({E->getNameAsString(),
                              Named     ? "handled"
                              : !IsHeld ? "sentinel"
                              : HasDefault ? "default"
                                           : "missing",
                              {}, {}});
  }
  Consumers.push_back({&Enum, Loc, std::move(Consumer)});
}

void SwitchCoverageRule::onEndOfTranslationUnit() {
  for (Pending &Finding : Findings) {
    if (SkipFlags) {
      if (Flags.usedAsFlags(*Finding.Enum))
        continue;
      llvm::erase_if(Finding.Missing,
                     [&](const EnumConstantDecl *E) { return Flags.isOredFlagBit(*E); });
    }
    // Where no global step follows (clang-tidy), this TU's uses are all there is to ask; the
    // CLI asks every TU's (RangeMarkerGlobal.h).
    if (RangeMarkers && !keepsFacts())
      llvm::erase_if(Finding.Missing, [&](const EnumConstantDecl *E) {
        return Uses->onlyBound(*E) || (placedAsACount(*E) && Uses->countNeverGiven(*E));
      });
    if (Finding.Hook && !keepsFacts())
      takeOutFilteredByCallers(Finding);
    // clang-tidy sees one TU: it judges only an enum that TU's main file declares, whose values
    // no other TU can give (the CLI asks every TU's uses in its global step).
    if (UnproducedValues && !keepsFacts()) {
      UnproducedInTU Unproduced = unproducedInTU(Finding);
      if (Unproduced.LocalEnum && Unproduced.Named.empty())
        llvm::erase_if(Finding.Missing, [&](const EnumConstantDecl *E) {
          return llvm::is_contained(Unproduced.Hidden, E);
        });
    }
    if (History && !Finding.Missing.empty())
      keepNewerThanLabels(Finding);
    if (!ReportNamedDefault && History && namedByItsDefault(Finding))
      continue;
    if (!Finding.Missing.empty()) {
      report(Finding);
      markDrift(Finding);
    }
  }
  Findings.clear();
  for (MappedSwitch &Switch : Consumers)
    if (!(SkipFlags && Flags.usedAsFlags(*Switch.Enum)))
      emitFact(Switch.Consumer);
  Consumers.clear();
  Mapped.clear();
  if ((CallerDefaults || JudgePassedValues) && TU && keepsFacts()) {
    for (const DefaultCallFact &Fact : Callers.callFacts(TU->getSourceManager()))
      emitFact(Fact);
    for (const FunctionRefsFact &Fact : Callers.refFacts(TU->getSourceManager()))
      emitFact(Fact);
    for (const ConstantCallFact &Fact : Passed.callFacts(TU->getSourceManager(), [&](const Expr &Ref) { return Callers.passesTheSwitchedValue(Ref); }))
      emitFact(Fact);
    for (const ReturnedValuesFact &Fact : Passed.returnFacts())
      emitFact(Fact);
  }
  Callers.clear();
  Passed.clear();
  CallersInTU.reset();
  TU = nullptr;
}

// An enumerator already committed when every label of the switch was written was left to
// `default:` by whoever wrote them (see newerThanHandlers). Labels are the `case` and `default`
// lines. An enumerator written in the same commit as a label existed when it was written: one
// commit that adds stella's `unmapped` region kind and the switches that leave it to their
// ERR_UNMAPPED default. Not in a name table (every case returns the enumerator's name): a name
// is never left out to dispatch differently, and whoever rewrites the table in the commit that
// adds an enumerator and prints it as `<type_index[..]>` forgot it (wabt's Type::GetName), so
// there only an older enumerator is excused. An enumerator older than a label written later
// (history-revisited) was in front of whoever came back to the switch to write that label, and
// left to `default:` again: measured on the precision corpus, 9 of 26 debatable findings (partial
// dispatches revisited, such as znc's IRC message switch) against 1 of 8 true ones. Not in a name
// table either: glslang's GetBuiltInVariableString gained names for years beside ones it lacks.
void SwitchCoverageRule::keepNewerThanLabels(Pending &Finding) {
  std::vector<Handler> Labels;
  for (const SwitchCase *SC = Finding.Switch->getSwitchCaseList(); SC;
       SC = SC->getNextSwitchCase()) {
    std::string Name = "default";
    if (const auto *Case = dyn_cast<CaseStmt>(SC)) {
      const DeclRefExpr *Ref = caseLabelName(*Case);
      Name = Ref ? Ref->getDecl()->getName().str() : std::string();
    }
    Labels.push_back({SC->getKeywordLoc(), std::move(Name)});
  }
  const bool NameTable = isNameTable(*Finding.Switch);
  Finding.Missing = newerThanHandlers(Finding.Ctx->getSourceManager(), Headers, Labels,
                                      HandlerSpelling::SwitchLabel, Finding.Missing,
                                      HistorySameCommit && !NameTable,
                                      HistoryRevisited && !NameTable,
                                      HistoryRenames,
                                      &Finding.BeforeShallowHistory);
}

// `default: return "f(N)";` in a name table that leaves one enumerator to it, written when that
// enumerator existed: the default is its name, written once (google/benchmark's GetBigOString
// and oLambda, added in the commit that wrote the text; judged wrong). Asked last, of what
// history and this TU's facts left: with two or more hidden, one name cannot be each one's. The
// text's line is dated like a label (same commit: existed); a text older than the enumerator
// named another value or none, and the enumerator came later: drift, reported. Where history
// cannot date them, reported.
bool SwitchCoverageRule::namedByItsDefault(const Pending &Finding) const {
  if (Finding.Missing.size() != 1 || !Finding.Default || !isNameTable(*Finding.Switch))
    return false;
  const StringLiteral *Name =
      nameGivenByDefault(*Finding.Switch, *Finding.Default, *Finding.Missing.front(), CatchAllWords);
  if (!Name)
    return false;
  const SourceManager &SM = Finding.Ctx->getSourceManager();
  const Handler Text{SM.getFileLoc(Name->getBeginLoc()), std::string()};
  return newerThanHandlers(SM, Headers, Text, HandlerSpelling::TableEntry, Finding.Missing,
                           /*SameCommitExisted=*/true, /*Revisited=*/false, HistoryRenames)
      .empty();
}

// clang-tidy: this TU's calls are all there is to ask (the CLI asks every TU's, in its global
// step). The index is built once per TU, and only when a finding needs it.
void SwitchCoverageRule::takeOutFilteredByCallers(Pending &Finding) {
  if (!CallersInTU) {
    CallersInTU.emplace();
    const SourceManager &SM = Finding.Ctx->getSourceManager();
    for (const DefaultCallFact &Fact : Callers.callFacts(SM))
      CallersInTU->add(Fact);
    for (const FunctionRefsFact &Fact : Callers.refFacts(SM))
      CallersInTU->add(Fact);
    for (const ConstantCallFact &Fact : Passed.callFacts(SM, [&](const Expr &Ref) { return Callers.passesTheSwitchedValue(Ref); }))
      CallersInTU->add(Fact);
    for (const ReturnedValuesFact &Fact : Passed.returnFacts())
      CallersInTU->add(Fact);
  }
  if (CallerDefaults) {
    std::set<std::string> Filtered = CallersInTU->filteredForEveryCall(*Finding.Hook);
    if (!Filtered.empty())
      llvm::erase_if(Finding.Missing,
                     [&](const EnumConstantDecl *E) { return Filtered.contains(usrOf(*E)); });
  }
  if (JudgePassedValues)
    if (std::optional<std::set<std::string>> Reaching = CallersInTU->reachingValues(*Finding.Hook))
      llvm::erase_if(Finding.Missing,
                     [&](const EnumConstantDecl *E) { return !Reaching->contains(usrOf(*E)); });
}

SwitchCoverageRule::UnproducedInTU
SwitchCoverageRule::unproducedInTU(const Pending &Finding) const {
  UnproducedInTU Result;
  const SourceManager &SM = Finding.Ctx->getSourceManager();
  const EnumDecl *Enum = Finding.Enum;
  SourceLocation EnumLoc = SM.getExpansionLoc(Enum->getLocation());
  if (declaredByALibrary(*Enum, Headers) || Uses->made(*Enum))
    return Result;
  Result.LocalEnum = SM.isInMainFile(EnumLoc);
  for (const EnumConstantDecl *E : Finding.Missing)
    if (!Uses->produced(*E))
      Result.Hidden.push_back(E);
  if (Result.Hidden.empty())
    return Result;
  bool NamesAny = false;
  for (const SwitchCase *SC = Finding.Switch->getSwitchCaseList(); SC;
       SC = SC->getNextSwitchCase())
    if (const auto *Case = dyn_cast<CaseStmt>(SC))
      if (const EnumConstantDecl *Named = caseLabelEnumerator(*Case);
          Named && Named->getDeclContext() == Enum) {
        NamesAny = true;
        if (!Uses->produced(*Named, false) && !llvm::is_contained(Result.Named, Named))
          Result.Named.push_back(Named);
      }
  // A switch that names no enumerator by name (`case E{}:`) says nothing of what it is given.
  if (!NamesAny)
    Result.Hidden.clear();
  return Result;
}

// The enumerators a reported switch hides are its drifted cells, linked to the finding.
void SwitchCoverageRule::markDrift(const Pending &Finding) {
  const SourceManager &SM = Finding.Ctx->getSourceManager();
  for (MappedSwitch &Switch : Consumers) {
    if (Switch.Loc != Finding.Loc || Switch.Enum != Finding.Enum)
      continue;
    for (MapCell &Cell : Switch.Consumer.Cells)
      if (llvm::any_of(Finding.Missing, [&](const EnumConstantDecl *E) {
            return E->getName() == Cell.Row;
          }))
        Cell.FindingAt = positionOf(Finding.Loc, SM);
  }
}

// What the global step needs to take range markers out of this finding: only when some enumerator
// it hides is no value in this TU (one that is cannot be a marker anywhere), or when its callers
// may have filtered some (a switch on a parameter).
void SwitchCoverageRule::emitHidden(const Pending &Finding, const std::string &Message,
                                    const std::vector<std::string> &Names,
                                    const std::vector<std::string> &Labels,
                                    const std::optional<std::string> &Separator) {
  // A value here may still be a count: `kEnd != 0` gives no value (countNeverGiven).
  const bool MayHideMarkers =
      RangeMarkers && !llvm::all_of(Finding.Missing, [&](const EnumConstantDecl *E) {
        return Uses->usedAsValue(*E) && !(placedAsACount(*E) && !Uses->produced(*E, false));
      });
  UnproducedInTU Unproduced;
  if (UnproducedValues)
    Unproduced = unproducedInTU(Finding);
  // An enum this TU's main file declares and a named enumerator it never gives: given nowhere.
  if (Unproduced.LocalEnum && !Unproduced.Named.empty())
    Unproduced.Hidden.clear();
  if (!MayHideMarkers && !Finding.Hook && Unproduced.Hidden.empty())
    return;
  const SourceManager &SM = Finding.Ctx->getSourceManager();
  SwitchHiddenFact Fact;
  Fact.Where = positionOf(SM.getFileLoc(Finding.Loc), SM);
  Fact.Message = Message;
  Fact.EnumName = enumQualifiedName(*Finding.Enum);
  Fact.HasDefault = Finding.Default != nullptr;
  for (size_t I = 0; I < Finding.Missing.size(); ++I)
    Fact.Hidden.push_back({usrOf(*Finding.Missing[I]), Finding.Missing[I]->getNameAsString(),
                           Names[I], Labels[I],
                           Separator ? caseLabelInsertion(Labels[I], *Separator) : std::string()});
  if (!Unproduced.Hidden.empty()) {
    Fact.EnumUsr = usrOf(*Finding.Enum);
    for (const EnumConstantDecl *E : Unproduced.Hidden)
      Fact.Unproduced.push_back(usrOf(*E));
    for (const EnumConstantDecl *E : Unproduced.Named)
      Fact.NamedUnproduced.push_back(usrOf(*E));
    Fact.LocalEnum = Unproduced.LocalEnum;
  }
  if (RangeMarkers)
    for (const EnumConstantDecl *E : Finding.Missing)
      if (placedAsACount(*E))
        Fact.CountPlaced.push_back(usrOf(*E));
  emitFact(Fact);
}

void SwitchCoverageRule::report(const Pending &Finding) {
  const ASTContext &Ctx = *Finding.Ctx;
  const SourceManager &SM = Ctx.getSourceManager();
  const EnumDecl *Enum = Finding.Enum;
  const DefaultStmt *Default = Finding.Default;
  const std::vector<const EnumConstantDecl *> &Missing = Finding.Missing;
  std::vector<std::string> Names;
  for (const EnumConstantDecl *E : Missing)
    Names.push_back(enumeratorSpelling(*E, Ctx.getLangOpts()));
  std::vector<std::string> Labels = Names;
  std::string EnumName = enumQualifiedName(*Enum);
  std::string Message = hiddenEnumeratorsMessage(EnumName, Default != nullptr, Names);
  // A name table's labels before 'default:' would clear the finding and keep printing the
  // default's "unknown" for them (Bear's to_string(CompilerFlagType) missing PLUGIN): the defect
  // is the missing name, which only its author can write, so no fix-it hides it.
  const bool NameTable = Default && isNameTable(*Finding.Switch);
  std::optional<FixItHint> Fix;
  std::optional<std::string> Separator;
  if (Default && !Finding.Instantiated && !NameTable) {
    // Spelled as the switch's own labels are, else fully qualified as in the message.
    if (std::optional<std::string> Qualifier = caseLabelQualifier(*Finding.Switch, *Enum, Ctx))
      for (size_t I = 0; I < Missing.size(); ++I)
        Labels[I] = *Qualifier + Missing[I]->getNameAsString();
    Separator = labelSeparatorBefore(*Default, SM);
  }
  if (Separator) {
    std::string Text;
    for (const std::string &Label : Labels)
      Text += caseLabelInsertion(Label, *Separator);
    Fix = FixItHint::CreateInsertion(Default->getKeywordLoc(), Text);
    describeNextFix(addCasesTitle(Labels));
  }
  if (keepsFacts()) {
    emitHidden(Finding, Message, Names, Labels, Separator);
    if (Finding.Hook) {
      SwitchHookFact Hook = *Finding.Hook;
      Hook.Where = positionOf(SM.getFileLoc(Finding.Loc), SM);
      Hook.Message = Message;
      emitFact(Hook);
    }
  }
  {
    DiagnosticBuilder Diag = diag(Finding.Loc, Message);
    if (Fix)
      Diag << *Fix;
  }
  if (Finding.ThroughCast)
    diag(SM.getExpansionLoc(Finding.Switch->getCond()->getBeginLoc()),
         "the condition is cast to an integer, so the compiler does not check this switch "
         "against '" + EnumName + "'; each case returns its enumerator's name, and a name table "
         "is meant to be total (NOLINT it if the cast opts it out on purpose)",
         DiagnosticIDs::Note);
  if (NameTable)
    diag(Default->getKeywordLoc(),
         "each case returns its enumerator's name: write the missing names (no fix-it: a label "
         "before 'default:' would return its text for them)",
         DiagnosticIDs::Note);
  diag(Enum->getLocation(), "enum '" + EnumName + "' is defined here", DiagnosticIDs::Note);
  if (History)
    if (std::optional<std::string> Undated = undatedNote(Finding.BeforeShallowHistory))
      diag(Finding.Loc, *Undated, DiagnosticIDs::Note);
}

// How the TU uses each enumerator (range markers), shared with contract-enum-table's counts.
constexpr const TUAnalysisInfo *SharedAnalyses[] = {&EnumeratorUses::Info};

// The switches, for the report's enum map; what findings hide, for the range markers of the
// global step; calls from defaults, references and hooks, for what callers filtered.
constexpr FactKind Kinds[] = {factKindOf<EnumConsumer>(), factKindOf<SwitchHiddenFact>(),
                              factKindOf<DefaultCallFact>(), factKindOf<FunctionRefsFact>(),
                              factKindOf<SwitchHookFact>(), factKindOf<ConstantCallFact>(),
                              factKindOf<ReturnedValuesFact>()};

const RuleInfo &SwitchCoverageRuleInfo() {
  static const RuleInfo Info{
      .Id = "contract-switch-coverage",
      .Summary = "switch over an enum whose 'default:' hides enumerators it never names",
      .Description =
          "A switch over an enum that has a 'default:' label is silent under -Wswitch when a new "
          "enumerator is added: the new value quietly takes the default path. This rule lists "
          "the enumerators the switch does not name (aliases count once, trailing sentinels "
          "such as 'kCount' are exempt) and offers a fix-it that inserts their case labels "
          "just before 'default:', preserving behaviour; not in a name table, whose missing "
          "names must be written.",
      .Scope = RuleScope::TranslationUnit,
      .Options = Options,
      .FixDescription = "insert the missing case labels before 'default:'",
      .CreateTURule = [](RuleContext &Context) -> std::unique_ptr<Rule> {
        return std::make_unique<SwitchCoverageRule>(Context);
      },
      .CreateGlobalRule = [](const RuleOptions &Options) -> std::unique_ptr<GlobalRule> {
        return std::make_unique<SwitchCoverageGlobalRule>(Options);
      },
      .FactKinds = Kinds,
      .Analyses = SharedAnalyses,
  };
  return Info;
}

} // namespace contractcheck
