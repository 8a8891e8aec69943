#include "rules/enum-table/EnumTableRule.h"

#include "rules/enum-table/ArrayCounts.h"
#include "rules/enum-table/CountSizedArrays.h"
#include "rules/enum-table/MissingSlots.h"
#include "rules/utils/BitFieldRanges.h"
#include "rules/utils/DriftHistory.h"
#include "rules/utils/EnumNames.h"
#include "rules/enum-table/EnumeratorGroups.h"
#include "rules/utils/FlagsShape.h"
#include "rules/utils/EnumValues.h"
#include "rules/utils/LibraryEnums.h"
#include "rules/enum-table/EnumTableMap.h"
#include "rules/enum-table/IndexedArrays.h"
#include "rules/enum-table/OffsetEnumerators.h"
#include "rules/enum-table/ParserChains.h"
#include "rules/enum-table/SizeAsserts.h"
#include "rules/enum-table/SkippedEntries.h"
#include "rules/enum-table/SharedOmissions.h"
#include "rules/enum-table/StateArrays.h"
#include "rules/enum-table/SteppedRuns.h"
#include "rules/enum-table/TableLookupKeys.h"
#include "rules/utils/ProjectCode.h"
#include "rules/enum-table/TableEntries.h"
#include "rules/utils/Sentinels.h"
#include "rules/utils/StringParsers.h"
#include "rules/utils/Usr.h"
#include "SourcePositions.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Analysis/Analyses/ExprMutationAnalyzer.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/Preprocessor.h>

#include <cstring>
#include <functional>
#include <map>
#include <optional>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

constexpr OptionSpec Options[] = {
    {"enums", OptionType::NameGlobList, "*",
     "Qualified-name globs of the enums whose tables are checked (e.g. 'trading::*')."},
    {"sentinels", OptionType::NameGlobList, DefaultSentinelGlobs, SentinelsHelp},
    {"min-coverage", OptionType::Percent, "75",
     "Percentage of the enum's values a map or array of pairs must name to be held to naming "
     "all of them."},
    {"converter-coverage", OptionType::Percent, "50",
     "The same percentage for a table inside a function that converts between the enum and "
     "text (to_string, FromString, ...)."},
    {"partial-tables", OptionType::NameGlobList,
     "*Override*;*override*;*Special*;*special*;*Retry*;*retry*;*Except*;*except*;*Extra*;"
     "*extra*;*Custom*;*custom*;*Fallback*;*fallback*;*Alias*;*alias*;*Deprecated*;*deprecated*",
     "Name globs of maps and arrays of pairs that are partial on purpose; never held to "
     "naming every enumerator (enum-indexed arrays and NLOHMANN_JSON_SERIALIZE_ENUM are)."},
    {"catch-alls", OptionType::StringList, DefaultCatchAllWords,
     "Words that name a catch-all enumerator (None, kUnknown, FOO_INVALID, ...), which a map "
     "or array of pairs has no entry for by design."},
    {"list-repeats", OptionType::Unsigned, "3",
     "An array of pairs or records in which one enumerator keys this many entries is a list "
     "(a test's steps, a schedule), not a table, and is not judged; 0 judges every array."},
    {"skipped-entries", OptionType::Bool, "true",
     "An entry the table writes in a preprocessor branch this build skipped (#ifdef HAVE_X) "
     "counts as present: the table names the enumerator for the configurations that have it."},
    {"offset-enumerators", OptionType::Bool, "true",
     "A last enumerator the translation unit uses only as an operand of + or - (where numbers "
     "beyond the enum begin) is not a row a map or array of pairs lacks."},
    {"history", OptionType::Choice, "off",
     "git: in a git work tree, an enumerator that existed when every entry of the table was "
     "written was left out by whoever wrote it, and is not reported; one added later, in the "
     "commit of an entry, or not committed yet is drift. off (the default: a table rewritten "
     "wholesale hides what it lacked before): every enumerator.",
     {}, HistoryChoices},
    {"size-asserts", OptionType::Bool, "true",
     "A map or array of pairs whose number of entries a static_assert ties to an enumerator of "
     "its enum (static_assert(std::size(T) == E::END - 3)) is kept in step by the compiler: its "
     "missing values are counted out on purpose."},
    {"range-markers", OptionType::Bool, "true",
     "An enumerator the project uses only as a bound (compared by <, >, <=, >= with a value of "
     "its enum or an integer) or an array's size, never as a value, is a count or marker: an "
     "array indexed by its enum needs no slot for it. The CLI judges by every translation "
     "unit's uses, clang-tidy by its own."},
    {"increment-runs", OptionType::Bool, "true",
     "The enumerators the enum's own operator++ steps over (if (w < H8) w + 1, else "
     "INVALID_SQUARE: COLOR_SQUARE and NULL_SQUARE between) are no members of its run: an "
     "array indexed by the enum needs no slot for them."},
    {"passed-values", OptionType::Bool, "true",
     "An array read at a function's parameter (and nowhere else that could see the value) "
     "needs no slot for an enumerator no call of the function passes: the calls pass "
     "enumerators, a bit-field too narrow for it, or their own parameter on from calls that "
     "do. The CLI judges by every translation unit's calls, clang-tidy by its own."},
    {"report-system-enums", OptionType::Bool, "false",
     "Also report maps and arrays of pairs keyed by an enum declared in a system header (a "
     "library's: QNetworkReply::NetworkError), which lack the values later versions of the "
     "library add: the code is built against several versions, and which values are new "
     "depends on the one installed where it is analysed. Arrays indexed by such an enum are "
     "reported whatever this says: a value past their end is read out of bounds."},
};

// No call this rule records is described by another fact (contract-switch-coverage's calls from a
// `default:` are that rule's).
bool nothingElse(const Expr &) { return false; }

std::string listOf(const std::vector<const EnumConstantDecl *> &Enumerators,
                   const LangOptions &LangOpts) {
  std::string List;
  for (const EnumConstantDecl *E : Enumerators)
    List += (List.empty() ? "" : ", ") + enumeratorSpelling(*E, LangOpts);
  return List;
}

// Removing entries of a std::map-like initializer that repeat earlier entries word for word
// cannot change the container: the second insertion of an equal key is ignored. From the first
// entry through the comma after the last (a block pasted twice goes in one removal).
std::optional<FixItHint> removeEntries(const Expr &First, const Expr &Last,
                                       const SourceManager &SM, const LangOptions &LangOpts) {
  SourceLocation Begin = First.getBeginLoc(), End = Last.getEndLoc();
  if (Begin.isMacroID() || End.isMacroID())
    return std::nullopt;
  std::optional<Token> Next = Lexer::findNextToken(End, SM, LangOpts);
  if (!Next || !Next->is(tok::comma))
    return std::nullopt;
  SourceLocation Stop = Next->getEndLoc();
  bool Invalid = false;
  const char *After = SM.getCharacterData(Stop, &Invalid);
  if (Invalid)
    return std::nullopt;
  // A block that fills its lines goes with its lines (the comments pasted with it too), rather
  // than leave a run of blank lines; a lone entry keeps the line and its comment.
  if (&First != &Last) {
    const char *Before = SM.getCharacterData(Begin, &Invalid);
    unsigned Column = SM.getSpellingColumnNumber(Begin);
    llvm::StringRef Lead(Before - (Column - 1), Column - 1);
    llvm::StringRef Rest(After, std::strcspn(After, "\n"));
    llvm::StringRef Trailing = Rest.ltrim(" \t");
    if (!Invalid && Lead.trim(" \t").empty() &&
        (Trailing.empty() || Trailing.starts_with("//")) && After[Rest.size()] == '\n')
      // From the end of the line before to the end of the last line: clang-tidy's clean-up
      // re-indents the line after a removal that ends at a line's start.
      return FixItHint::CreateRemoval(CharSourceRange::getCharRange(
          Begin.getLocWithOffset(-static_cast<int>(Column)), Stop.getLocWithOffset(Rest.size())));
  }
  if (*After == ' ')
    Stop = Stop.getLocWithOffset(1);
  return FixItHint::CreateRemoval(CharSourceRange::getCharRange(Begin, Stop));
}

// A table in a template instantiation is the template's table: judged once, in the template.
// (Walked here rather than with isInstantiated(), which would build the TU's parent map.)
// An explicit specialisation is written by hand, not instantiated: solarus's name tables are
// `const EnumInfo<Ground>::names_type EnumInfoTraits<Ground>::names = {...}`, static members of
// `template <> struct EnumInfoTraits<Ground>`, one per enum.
bool isInstantiatedCopy(const VarDecl &Var) {
  if (isTemplateInstantiation(Var.getTemplateSpecializationKind()))
    return true;
  for (const DeclContext *Context = Var.getDeclContext(); Context; Context = Context->getParent()) {
    if (const auto *Function = dyn_cast<FunctionDecl>(Context))
      if (Function->isTemplateInstantiation())
        return true;
    if (const auto *Record = dyn_cast<CXXRecordDecl>(Context))
      if (isTemplateInstantiation(Record->getTemplateSpecializationKind()))
        return true;
  }
  return false;
}

// Whether E is an argument bound to a forwarding reference (`Range &&`, `auto &&`): a range
// adaptor or algorithm viewing the table (`attrs | filter(...)`, `std::ranges::find(kNames, x)`).
// clang's mutation analysis follows such a reference into the template and counts a view that
// keeps a non-const reference as a write; for a table, viewing it is reading it.
bool handedToForwardingReference(const Expr &E, const ParentMap &Parents) {
  const Stmt *Parent = Parents.getParentIgnoreParenImpCasts(const_cast<Expr *>(&E));
  const auto *Call = dyn_cast_or_null<CallExpr>(Parent);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const FunctionDecl *Pattern = Callee ? Callee->getTemplateInstantiationPattern() : nullptr;
  if (!Pattern)
    return false;
  // A member operator's object is its first argument, not a parameter.
  unsigned Skipped = isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
  for (unsigned I = Skipped; I < Call->getNumArgs(); ++I) {
    if (Call->getArg(I)->IgnoreParenImpCasts() != E.IgnoreParenImpCasts() ||
        I - Skipped >= Pattern->getNumParams())
      continue;
    const auto *Reference =
        Pattern->getParamDecl(I - Skipped)->getType()->getAs<RValueReferenceType>();
    return Reference && !Reference->getPointeeType().hasQualifiers() &&
           Reference->getPointeeType()->getAs<TemplateTypeParmType>();
  }
  return false;
}

// A local the function may write to: not static, not const. A const or static table is what its
// list says; a plain local is a table only when its function uses it as one (below).
bool isPlainLocal(const VarDecl &Var, const ASTContext &Ctx) {
  return Var.hasLocalStorage() && !Ctx.getBaseElementType(Var.getType()).isConstQualified();
}

// A plain local whose values are computed from the call (`{Column::Group,
// quote(detail->getGroup())}`, the values of one SQL UPDATE in gerbera's savePlayStatus) is one
// call's record, keyed by the enum because the enum names the columns: not a table of the enum,
// whatever keys it leaves out.
bool holdsOneCallsValues(const KeyedTable &Table) {
  return llvm::any_of(Table.Entries,
                      [](const TableEntry &Entry) { return readsTheCall(Entry.Mapped); });
}

// A local that the function writes to after its braced list (`names[Level::Error] = ...`, a
// counter incremented, the array handed to a function taking it by non-const reference) holds
// what that code decides, not what its list says.
bool writtenAfterItsList(const VarDecl &Var, ASTContext &Ctx) {
  const auto *Function = dyn_cast_or_null<FunctionDecl>(Var.getParentFunctionOrMethod());
  Stmt *Body = Function ? Function->getBody() : nullptr;
  if (!Body)
    return true;
  ExprMutationAnalyzer Analyzer(*Body, Ctx);
  ParentMap Parents(Body);
  for (const BoundNodes &Use :
       match(findAll(declRefExpr(to(varDecl(equalsNode(&Var)))).bind("use")), *Body, Ctx)) {
    const auto *Ref = Use.getNodeAs<DeclRefExpr>("use");
    if (!handedToForwardingReference(*Ref, Parents) && Analyzer.isMutated(Ref))
      return true;
  }
  return false;
}

// Whether some key of Table keys at least Repeats entries.
bool repeatsAKey(const KeyedTable &Table, unsigned Repeats) {
  std::vector<std::pair<llvm::APSInt, unsigned>> Seen;
  for (const TableEntry &Entry : Table.Entries) {
    auto It = llvm::find_if(Seen, [&](const auto &Key) {
      return llvm::APSInt::isSameValue(Key.first, Entry.Key);
    });
    if (It == Seen.end())
      It = Seen.insert(Seen.end(), {Entry.Key, 0});
    if (++It->second >= Repeats)
      return true;
  }
  return false;
}

} // namespace

EnumTableRule::EnumTableRule(RuleContext &Context)
    : Rule(Context), Enums(options().getGlobs("enums")),
      Sentinels(options().getGlobs("sentinels")),
      Totality{options().getUnsigned("min-coverage"), options().getUnsigned("converter-coverage"),
               options().getGlobs("partial-tables")},
      CatchAllWords(catchAllWordsOf(options().getList("catch-alls"))),
      ListRepeats(options().getUnsigned("list-repeats")),
      SkippedEntries(options().getBool("skipped-entries")),
      OffsetEnumerators(options().getBool("offset-enumerators")),
      History(options().getString("history") == "git"),
      SizeAsserts(options().getBool("size-asserts")),
      RangeMarkers(options().getBool("range-markers")),
      IncrementRuns(options().getBool("increment-runs")),
      ReportSystemEnums(options().getBool("report-system-enums")),
      JudgePassedValues(options().getBool("passed-values")) {}

void EnumTableRule::registerPPCallbacks(const SourceManager &, Preprocessor *PP, Preprocessor *) {
  Headers = PP ? &PP->getHeaderSearchInfo() : nullptr;
}

bool EnumTableRule::needsInstantiations(const SkippedInstantiations &Skipped) const {
  // The subscripts the matchers below look at: of a variable with an initializer (a table).
  auto OfATable = [](const Expr *Base) {
    const auto *Ref = Base ? dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts()) : nullptr;
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return Var && !isa<ParmVarDecl>(Var) && Var->hasInit();
  };
  return projectCodeHas(Skipped.TopLevel, [&](const Stmt &S) {
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(&S))
      return Subscript->isInstantiationDependent() && OfATable(Subscript->getBase());
    if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(&S))
      return Call->getOperator() == OO_Subscript && Call->isInstantiationDependent() &&
             Call->getNumArgs() > 0 && OfATable(Call->getArg(0));
    return false;
  });
}

void EnumTableRule::registerMatchers(MatchFinder *Finder) {
  // Tables live at namespace or class scope, as function statics, or as locals (a local that
  // the function writes to is no table: see checkKeyedTable).
  Finder->addMatcher(varDecl(hasInitializer(expr()), unless(parmVarDecl()),
                             unless(isExpansionInSystemHeader()))
                         .bind("table"),
                     this);
  auto ArrayVar = declRefExpr(to(varDecl(hasInitializer(expr())).bind("array")));
  Finder->addMatcher(arraySubscriptExpr(hasBase(ignoringParenImpCasts(ArrayVar)),
                                        hasIndex(expr().bind("index")),
                                        unless(isExpansionInSystemHeader()))
                         .bind("subscript"),
                     this);
  Finder->addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("[]"),
                                         hasArgument(0, ignoringParenImpCasts(ArrayVar)),
                                         hasArgument(1, expr().bind("index")),
                                         unless(isExpansionInSystemHeader()))
                         .bind("subscript"),
                     this);
  // A string-to-enum function is a parser's table written as code.
  Finder->addMatcher(functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                                  returns(qualType(unless(voidType()))))
                         .bind("parser"),
                     this);
  if (RangeMarkers)
    Uses = analysis<EnumeratorUses>(Finder);
  // What the calls of a function pass, and every other reference to one (any value).
  if (JudgePassedValues) {
    CallRefs.registerMatchers(Finder, this, &Headers);
    CallValues.registerMatchers(Finder, this, &Headers);
  }
}

// A catch-all as the tables read one: a catch-all word (`kUnknown`), or "No" before words of the
// enum's or its class's name (`NoError` in `NetworkError`, `NoSide` in `Side::Type`), which a
// table has no entry for by design.
bool EnumTableRule::namesATableCatchAll(const EnumConstantDecl &E) const {
  return namesACatchAll(E, CatchAllWords) || namesNoneAsNo(E, CatchAllWords);
}

void EnumTableRule::check(const MatchFinder::MatchResult &Result) {
  TU = Result.Context;
  if (JudgePassedValues && (CallRefs.record(Result) || CallValues.record(Result, CallRefs)))
    return;
  if (const auto *Var = Result.Nodes.getNodeAs<VarDecl>("table")) {
    checkKeyedTable(*Var, Result);
    // The definition, whose list is judged: the matcher also takes pulseview's `extern`
    // declaration for the initializer of its definition.
    if (Var->hasInit() && !isInstantiatedCopy(*Var))
      if (const EnumConstantDecl *Count = countSizing(*Var, Sentinels, CatchAllWords))
        CountSized.push_back({Var, Count});
  }
  else if (const auto *Parser = Result.Nodes.getNodeAs<FunctionDecl>("parser"))
    checkParserChain(*Parser, Result);
  else if (const auto *Array = Result.Nodes.getNodeAs<VarDecl>("array"))
    checkIndexedArray(*Array, *Result.Nodes.getNodeAs<Expr>("index"), Result);
}

// `if (type == "m.key") return EventType::Key; else if (type == "m.key") ...`: the second test
// of a literal never succeeds (mtxclient's getEventType, 924a555: a pasted line kept its text,
// and `m.key.verification.mac` parsed as Unsupported). The enumerators no live branch returns say
// what the dead one was probably meant for.
void EnumTableRule::checkParserChain(const FunctionDecl &Parser, const MatchFinder::MatchResult &Result) {
  const EnumDecl *Enum = parsedEnum(Parser.getReturnType());
  std::optional<unsigned> Index = stringParameter(Parser);
  // Templates are judged in neither front end: they do not instantiate the same bodies. An
  // explicit specialisation is a function written by hand.
  if (!Enum || !Index || Parser.isDependentContext() || Parser.isTemplateInstantiation() ||
      (Parser.getPrimaryTemplate() &&
       Parser.getTemplateSpecializationKind() != TSK_ExplicitSpecialization) ||
      !matchesAny(Enums, enumQualifiedName(*Enum)))
    return;
  const ParmVarDecl &Param = *Parser.getParamDecl(*Index);
  std::vector<RepeatedTest> Repeats = repeatedTests(Parser, Param, *Result.Context);
  if (Repeats.empty())
    return;
  // The values some live branch returns, by `return E::X;` (or an optional of it).
  std::vector<llvm::APSInt> Returned;
  bool Unknown = false;
  std::function<void(const Stmt *, bool)> Collect = [&](const Stmt *S, bool Dead) {
    if (!S)
      return;
    Dead = Dead || llvm::any_of(Repeats, [&](const RepeatedTest &R) { return R.DeadBranch == S; });
    if (const auto *Return = dyn_cast<ReturnStmt>(S); Return && !Dead) {
      const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
          Return->getRetValue() ? peelConversions(Return->getRetValue()) : nullptr);
      if (const auto *Constant = Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr)
        Returned.push_back(Constant->getInitVal());
      else
        Unknown = true;
    }
    for (const Stmt *Child : S->children())
      Collect(Child, Dead);
  };
  Collect(Parser.getBody(), false);
  std::vector<const EnumConstantDecl *> NeverReturned;
  if (!Unknown)
    for (const HeldValue &Value : heldValues(*Enum, Sentinels))
      if (llvm::none_of(Returned, [&](const llvm::APSInt &V) {
            return llvm::APSInt::isSameValue(V, Value.Value);
          }) &&
          !namesACatchAll(*Value.Named, CatchAllWords))
        NeverReturned.push_back(Value.Named);

  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LangOpts = Result.Context->getLangOpts();
  for (const RepeatedTest &Repeat : Repeats) {
    std::string Text = sourceText(Repeat.Second, SM, LangOpts);
    std::string Message = "'" + Parser.getNameAsString() + "' compares '" + Param.getName().str() +
                          "' with " + Text + " twice: the second comparison never succeeds";
    if (!NeverReturned.empty() && NeverReturned.size() <= 3)
      Message += " (no comparison returns " + listOf(NeverReturned, LangOpts) + ")";
    diag(SM.getFileLoc(Repeat.Second->getBeginLoc()), Message);
    diag(SM.getFileLoc(Repeat.First->getBeginLoc()), "first comparison with " + Text + " is here",
         DiagnosticIDs::Note);
  }
}

void EnumTableRule::noteEnum(const EnumDecl &Enum) {
  diag(Enum.getLocation(), "enum '" + enumQualifiedName(Enum) + "' is defined here",
       DiagnosticIDs::Note);
}

void EnumTableRule::checkKeyedTable(const VarDecl &Var, const MatchFinder::MatchResult &Result) {
  const ASTContext &Ctx = *Result.Context;
  if (isInstantiatedCopy(Var))
    return;
  std::optional<KeyedTable> Table = readKeyedTable(Var, Ctx);
  if (!Table || !matchesAny(Enums, enumQualifiedName(*Table->Enum)))
    return;
  // An array of records in which one enumerator keys three entries is a list read in order (a
  // test's steps, a schedule, a script), not a table looked up by enumerator: fish's pager test
  // walks `{selection_motion_t::east, 3}, ...`, fifteen steps east among them. A table that fell
  // behind, a copy-paste slip or a block pasted a second time lists a key twice, not three times.
  // Not a map (every repeat there is an ignored entry) or NLOHMANN_JSON_SERIALIZE_ENUM.
  if (Table->Shape == TableShape::PairArray && ListRepeats > 0 &&
      repeatsAKey(*Table, ListRepeats))
    return;
  // The values are read before the function's body is analysed for writes, which costs more.
  if ((isPlainLocal(Var, Ctx) &&
       (holdsOneCallsValues(*Table) || writtenAfterItsList(Var, *Result.Context))) ||
      !Judged.insert(Var.getCanonicalDecl()).second)
    return;
  std::vector<HeldValue> Held = heldValues(*Table->Enum, Sentinels);
  // QStyle::SubControl numbers each widget's parts from 0x1 again: a table of the scroll bar's
  // parts is judged against the scroll bar's group only.
  if (std::optional<std::vector<HeldValue>> InGroups = heldInKeyedGroups(*Table, Held))
    Held = std::move(*InGroups);
  std::vector<const EnumConstantDecl *> Missing;
  for (const HeldValue &Value : Held)
    if (std::none_of(Table->Entries.begin(), Table->Entries.end(), [&](const TableEntry &Entry) {
          return llvm::APSInt::isSameValue(Entry.Key, Value.Value);
        }))
      Missing.push_back(Value.Named);
  // A catch-all (`NONE = -1`, `kUnknown`, `FOO_INVALID`) is the value a lookup has no row for by
  // design: stella's SettingMap maps every adjustable setting, not "no setting". It counts
  // neither as named nor as missing. Not in NLOHMANN_JSON_SERIALIZE_ENUM, whose first entry is
  // its fallback: an unlisted catch-all would serialise as that entry's text.
  // Likewise, in a table of a flags enum's bits (kakoune's face attributes), the zero ("no
  // flag" is no bit) and a union of bits that all have rows (`Final = FinalFg | FinalBg`).
  size_t Values = Held.size();
  if (Table->Shape != TableShape::NlohmannMacro) {
    size_t Before = Missing.size();
    std::optional<uint64_t> NamedBits;
    if (hasFlagsShape(*Table->Enum)) {
      NamedBits = 0;
      for (const TableEntry &Entry : Table->Entries)
        if (std::optional<uint64_t> V = unsignedValue(Entry.Key); V && singleBit(*V))
          *NamedBits |= *V;
    }
    auto SpelledByItsBits = [&](const EnumConstantDecl &E) {
      std::optional<uint64_t> V = unsignedValue(E.getInitVal());
      return NamedBits && V && !singleBit(*V) && (*V & ~*NamedBits) == 0;
    };
    llvm::erase_if(Missing, [&](const EnumConstantDecl *E) {
      return namesATableCatchAll(*E) || SpelledByItsBits(*E);
    });
    Values -= Before - Missing.size();
  }
  // An entry under `#ifdef HAVE_WAVPACK` is written for the builds that have the handler
  // (gerbera's content handler names); this build has the enumerator but not the feature. It
  // counts as named, like any entry the table writes.
  if (SkippedEntries) {
    std::vector<const EnumConstantDecl *> Skipped =
        namedInSkippedText(Var, *Table, Missing, *Result.SourceManager, Ctx.getLangOpts());
    llvm::erase_if(Missing, [&](const EnumConstantDecl *E) { return llvm::is_contained(Skipped, E); });
  }
  // The last enumerator, when the TU only ever adds to it, is where numbers beyond the enum begin
  // (gerbera's `ResourceColumn::Attributes, // index of first attribute`, used as
  // `to_underlying(ResourceColumn::Attributes) + to_underlying(attribute)`): not a row the
  // table lacks. Like a catch-all, it counts neither as named nor as missing.
  if (OffsetEnumerators && !Missing.empty() && Var.getInit()) {
    const EnumConstantDecl *Last = nullptr;
    for (const EnumConstantDecl *E : Table->Enum->enumerators())
      Last = E;
    if (Last && llvm::is_contained(Missing, Last) &&
        usedOnlyAsAnOffset(*Last, *Var.getInit(), *Result.Context)) {
      llvm::erase_if(Missing, [&](const EnumConstantDecl *E) { return E == Last; });
      --Values;
    }
  }
  // recc's `digestValueToOpenSslStructMap.at(digestValue)`, whose key is read from
  // `stringToDigestFunctionMap()` (five digest functions of the six): a const table that every
  // lookup reaches with a value of another constant table lacks only what no key can be. The TU
  // is searched for the lookups only for a table that would be reported.
  if (!Missing.empty())
    if (std::optional<std::vector<llvm::APSInt>> Keys =
            lookupKeysFromConstTables(Var, *Table->Enum, *Result.Context)) {
      size_t Before = Missing.size();
      llvm::erase_if(Missing, [&](const EnumConstantDecl *E) {
        return llvm::none_of(*Keys, [&](const llvm::APSInt &K) {
          return llvm::APSInt::isSameValue(K, E->getInitVal());
        });
      });
      Values -= Before - Missing.size();
    }
  bool Total = Table->Shape == TableShape::NlohmannMacro ||
               meantToBeTotal(Var, *Table->Enum, Values - Missing.size(), Values, Totality);
  // The TU is searched for the assertion only for a table that would be reported.
  if (!Total || (SizeAsserts && !Missing.empty() &&
                 sizeAssertedAgainstItsEnum(Var, *Table->Enum, *Result.Context)))
    Missing.clear();
  // A library's enum gains values on the library's release schedule; a lookup in a table of
  // the values the code knows falls back for the others (ubuntu-download-manager's errorsMap of
  // QNetworkReply::NetworkError lacks the redirect errors Qt 5.6 added). Which values are new
  // depends on the version installed where the code is analysed.
  if (!ReportSystemEnums && !Missing.empty() && declaredByALibrary(*Table->Enum, Headers))
    Missing.clear();

  const SourceManager &SM = *Result.SourceManager;
  if (History && !Missing.empty()) {
    std::vector<Handler> Written;
    for (const TableEntry &Entry : Table->Entries) {
      const auto *Key = dyn_cast<DeclRefExpr>(Entry.KeyExpr->IgnoreParenImpCasts());
      Written.push_back({SM.getFileLoc(Entry.Whole->getBeginLoc()),
                         Key ? Key->getDecl()->getName().str() : std::string()});
    }
    Missing = newerThanEntries(Written, Missing, SM);
  }
  const LangOptions &LangOpts = Ctx.getLangOpts();
  EnumConsumer Column = keyedTableColumn(Var, *Table, Held, Missing, Ctx);
  std::string EnumName = enumQualifiedName(*Table->Enum);
  // A map or array of pairs lacking what another table of its enum lacks too waits for the end
  // of the TU, when the TU's tables are all known (SharedOmissions.h).
  if (!Missing.empty() && Table->Shape != TableShape::NlohmannMacro) {
    std::string Message = std::string(Table->Shape == TableShape::Map ? "map" : "table") + " '" +
                          Var.getName().str() + "' keyed by '" + EnumName +
                          "' has no entry for " +
                          plural(Missing.size(), "enumerator", "enumerators") + ": " +
                          listOf(Missing, LangOpts);
    PendingTables.push_back(
        {SM.getFileLoc(Var.getLocation()), std::move(Message), Table->Enum, TableColumns.size()});
    TableColumns.push_back(std::move(Column));
    reportDuplicates(Var, *Table, true, Result);
    return;
  }
  if (keepsFacts())
    emitFact(Column);
  TableColumns.push_back(std::move(Column));
  if (!Missing.empty()) { // NLOHMANN_JSON_SERIALIZE_ENUM: always total
    const TableEntry &First = Table->Entries.front();
    std::string FirstText = sourceText(First.Mapped, SM, LangOpts);
    std::string FirstKey = sourceText(First.KeyExpr, SM, LangOpts);
    diag(SM.getFileLoc(Var.getLocation()),
         "NLOHMANN_JSON_SERIALIZE_ENUM for '" + EnumName + "' has no entry for " +
             plural(Missing.size(), "enumerator", "enumerators") + ": " +
             listOf(Missing, LangOpts) + "; an unlisted value serialises as the first entry's " +
             FirstText + " and an unknown string parses as the first entry's value " + FirstKey);
    noteEnum(*Table->Enum);
  }
  reportDuplicates(Var, *Table, !Missing.empty(), Result);
}

void EnumTableRule::reportDuplicates(const VarDecl &Var, const KeyedTable &Table, bool Missing,
                                     const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LangOpts = Result.Context->getLangOpts();
  const std::vector<HeldValue> All = heldValues(*Table.Enum, SentinelPolicy({}));
  const std::vector<TableEntry> &Entries = Table.Entries;
  auto Text = [&](const Expr *E) { return sourceText(E, SM, LangOpts); };

  // Each reported repeat: the entry, the earlier entry with its key, and whether the two are
  // the same words.
  struct Repeat {
    size_t Second, First;
    bool SameEntry;
  };
  std::vector<Repeat> Repeats;
  for (size_t I = 0; I < Entries.size(); ++I) {
    std::optional<size_t> First;
    for (size_t J = 0; J < I && !First; ++J)
      if (llvm::APSInt::isSameValue(Entries[J].Key, Entries[I].Key))
        First = J;
    if (!First)
      continue;
    bool SameMapped = Text(Entries[*First].Mapped) == Text(Entries[I].Mapped);
    // In an array of pairs a repeated key with another text is an alternative spelling that a
    // reverse lookup accepts (nlohmann's documented aliasing); only a copy-paste (the table also
    // misses an enumerator) or a dead repeat is a mistake.
    if (Table.Shape != TableShape::Map && !Missing && !SameMapped)
      continue;
    Repeats.push_back({I, *First, Text(Entries[*First].Whole) == Text(Entries[I].Whole)});
  }

  auto Spelled = [&](const TableEntry &Entry) {
    const EnumConstantDecl *Named = enumeratorWithValue(All, Entry.Key);
    return "'" + (Named ? enumeratorSpelling(*Named, LangOpts) : Text(Entry.KeyExpr)) + "'";
  };
  std::string TableName = Table.Shape == TableShape::NlohmannMacro
                           ? "NLOHMANN_JSON_SERIALIZE_ENUM"
                           : std::string(Table.Shape == TableShape::Map ? "map" : "table") +
                                 " '" + Var.getName().str() + "'";
  auto At = [&](const TableEntry &Entry) { return SM.getFileLoc(Entry.Whole->getBeginLoc()); };

  // A block of entries pasted a second time is one mistake: consecutive repeats, word for word,
  // of consecutive earlier entries in the same order are one finding, from the block's first
  // entry to its last. A repeat that differs from its first entry stays a finding of its own.
  for (size_t R = 0; R < Repeats.size();) {
    size_t End = R + 1;
    if (Repeats[R].SameEntry)
      while (End < Repeats.size() && Repeats[End].SameEntry &&
             Repeats[End].Second == Repeats[End - 1].Second + 1 &&
             Repeats[End].First == Repeats[End - 1].First + 1)
        ++End;
    const TableEntry &Second = Entries[Repeats[R].Second];
    const TableEntry &Last = Entries[Repeats[End - 1].Second];
    const TableEntry &First = Entries[Repeats[R].First];
    const TableEntry &FirstLast = Entries[Repeats[End - 1].First];
    size_t Count = End - R;
    std::string What =
        Count == 1 ? TableName + " lists " + Spelled(Second) + " twice"
                   : TableName + " lists " + std::to_string(Count) + " entries twice, " +
                         Spelled(Second) + " to " + Spelled(Last);
    if (Table.Shape == TableShape::Map)
      What += Count == 1 ? ": this entry is ignored, the map keeps the first"
                         : ": these entries are ignored, the map keeps the first";
    else
      What += ": lookups by enumerator find the first entry";
    {
      DiagnosticBuilder Diag = diag(At(Second), What);
      if (Count > 1)
        Diag << CharSourceRange::getTokenRange(SM.getFileLoc(Second.Whole->getBeginLoc()),
                                               SM.getFileLoc(Last.Whole->getEndLoc()));
      if (Table.Shape == TableShape::Map && Repeats[R].SameEntry)
        if (std::optional<FixItHint> Fix = removeEntries(*Second.Whole, *Last.Whole, SM, LangOpts))
          Diag << *Fix;
    }
    if (Count == 1) {
      diag(At(First), "first entry for " + Spelled(Second) + " is here", DiagnosticIDs::Note);
    } else {
      diag(At(Last), "the repeated block ends here", DiagnosticIDs::Note);
      diag(At(First),
           "first entries for " + Spelled(First) + " to " + Spelled(FirstLast) + " are here",
           DiagnosticIDs::Note);
    }
    R = End;
  }
}

// A catch-all whose value stands apart from the others' run (`none = 255` after eight
// breakdowns, `NONE = -1`) is a "no value" marker: code tests for it before it indexes, and no
// author would give an array the 248 slots up to it (OpenRCT2's _breakdownProblemProbabilities,
// indexed by breakdown type, BREAKDOWN_NONE = 255). It has no slot to need. A catch-all right
// after the others (`Unknown` as the last value) can still be read at, and keeps its slot in a
// table (a name table prints "unknown" for it: PcapPlusPlus's VersionEnumToString, read at
// HttpVersionUnknown by a debug log), but not in an array that keeps state per member
// (StateArrays.h): cutechess's `int kingCount[2] = {0, 0}`, indexed by `Side::Type { White,
// Black, NoSide }`, counts each player's kings, and "no side" is no player to count for. Unless
// its function names the catch-all's slot or fills the array as a table (ConstantSubscripts).
// The count such markers follow (`NumSquares, InvalidSquare = 255`) is the array's size, not
// one of its slots, like a last count.
void EnumTableRule::dropOutOfRangeMarkers(ArrayGaps &Gaps, const std::vector<HeldValue> &Held,
                                          const std::vector<const EnumConstantDecl *> &SteppedOver,
                                          const VarDecl &Var, const ASTContext &Ctx) const {
  // A state array's function may still name the catch-all's slot (`widths[SizeNone] = 0`) or
  // fill the array as a table, constant by constant; it is read once, for such an array only.
  std::optional<ConstantSubscripts> Subscripts;
  auto KeepsStateWithoutIt = [&](const llvm::APSInt &V) {
    if (!Gaps.KeepsState)
      return false;
    if (!Subscripts)
      Subscripts = constantSubscripts(Var, Ctx);
    return !Subscripts->FillsATable &&
           llvm::none_of(Subscripts->Indexes, [&](const llvm::APSInt &Index) {
             return llvm::APSInt::isSameValue(Index, V);
           });
  };
  auto IsMarker = [&](const EnumConstantDecl &E, const std::optional<llvm::APSInt> &Top) {
    const llvm::APSInt &V = E.getInitVal();
    if (isCountBeforeCatchAlls(E, Sentinels, CatchAllWords))
      return true;
    // SCID's squares after H8, which the enum's own increment steps over to INVALID_SQUARE.
    if (llvm::any_of(SteppedOver, [&](const EnumConstantDecl *Over) {
          return llvm::APSInt::isSameValue(Over->getInitVal(), V);
        }))
      return true;
    if (!namesATableCatchAll(E))
      return false;
    if (V.isNegative() || (Top && V.getZExtValue() > Top->getZExtValue() + 1))
      return true;
    return Top && V.getZExtValue() > Top->getZExtValue() && KeepsStateWithoutIt(V);
  };
  // The greatest value no catch-all names: the run the markers stand apart from.
  std::optional<llvm::APSInt> Top;
  for (const HeldValue &Value : Held)
    if (!namesATableCatchAll(*Value.Named) && !Value.Value.isNegative() &&
        (!Top || Value.Value.getZExtValue() > Top->getZExtValue()))
      Top = Value.Value;
  size_t Before = Gaps.Missing.size();
  llvm::erase_if(Gaps.Missing, [&](const EnumConstantDecl *E) { return IsMarker(*E, Top); });
  if (Gaps.Missing.size() == Before)
    return;
  Gaps.Needed = 0;
  for (const HeldValue &Value : Held)
    if (!IsMarker(*Value.Named, Top) && !Value.Value.isNegative())
      Gaps.Needed = std::max<uint64_t>(Gaps.Needed, Value.Value.getZExtValue() + 1);
}

void EnumTableRule::checkIndexedArray(const VarDecl &Var, const Expr &Index,
                                      const MatchFinder::MatchResult &Result) {
  const EnumDecl *Enum = enumIndexedBy(Index);
  // A member enum of a class template, read in the template itself: Clang computes no enumerator
  // values there (each reads 0), so every table looks too long for its "1 value" (nlohmann's
  // `order[static_cast<std::size_t>(lhs)]` in basic_json). Its instantiations are judged instead.
  if (!Enum || Enum->isDependentType() || Enum->enumerators().empty() ||
      Judged.count(Var.getCanonicalDecl()))
    return;
  const SourceManager &SM = *Result.SourceManager;
  if (SM.isInSystemHeader(SM.getExpansionLoc(Var.getLocation())) ||
      !matchesAny(Enums, enumQualifiedName(*Enum)))
    return;
  judgeArray(Var, &Index, *Enum, heldValues(*Enum, Sentinels), *Result.Context);
}

// pulseview's `const char *MetadataValueNames[MetadataValueTypeCount] = {"start_sample",
// "end_sample" "text"}`: an array whose dimension is its enum's count declares one slot per
// enumerator below it, and is judged by that declaration when no read by the enum judged it (an
// `extern` table read nowhere yet, or read at integers). Only the values below the count, which
// the dimension promises: a catch-all after a count (`NumSquares, InvalidSquare = 255`) is no
// slot of it. An empty or single-zero list (`= {}`, `= {0}`, `= {nullptr}`) asks for zero-fill:
// storage, not a table. Arrays of pairs and records keyed by the enum are judged by their keys.
void EnumTableRule::checkCountSizedArrays() {
  for (const auto &[Var, Count] : CountSized) {
    const auto *Enum = cast<EnumDecl>(Count->getDeclContext());
    if (Judged.count(Var->getCanonicalDecl()) || !matchesAny(Enums, enumQualifiedName(*Enum)) ||
        initializedAsStorage(*Var, *TU) || readKeyedTable(*Var, *TU))
      continue;
    std::vector<HeldValue> Held = heldValues(*Enum, Sentinels);
    llvm::erase_if(Held, [&](const HeldValue &V) {
      return llvm::APSInt::compareValues(V.Value, Count->getInitVal()) >= 0;
    });
    if (!Held.empty())
      judgeArray(*Var, nullptr, *Enum, Held, *TU, Count);
  }
  CountSized.clear();
}

void EnumTableRule::judgeArray(const VarDecl &Var, const Expr *Index, const EnumDecl &Enum,
                               const std::vector<HeldValue> &Held, ASTContext &Ctx,
                               const EnumConstantDecl *SizedBy) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::optional<ArrayGaps> Gaps = judgeIndexedArray(Var, Enum, Held, Ctx);
  // Sized by the count as written, not by `Count + 1` or an alias of another size.
  if (!Gaps || (SizedBy && Gaps->Size != SizedBy->getInitVal().getZExtValue()))
    return;
  dropOutOfRangeMarkers(*Gaps, Held,
                        IncrementRuns && !Gaps->Missing.empty()
                            ? steppedOverByIncrement(Enum, Ctx)
                            : std::vector<const EnumConstantDecl *>{},
                        Var, Ctx);
  // A value every read of a local or file-local array is guarded against has no slot to need.
  if (!Gaps->Missing.empty()) {
    std::vector<llvm::APSInt> Candidates;
    for (const EnumConstantDecl *E : Gaps->Missing)
      Candidates.push_back(E->getInitVal());
    ReadsInView View = readsInView(Var, Candidates, Ctx);
    // An index read from a bit-field too narrow for a value never reads at it: valhalla's
    // `kHighwayFactor[static_cast<uint32_t>(edge->classification())]`, a 3-bit field, and
    // `RoadClass::kInvalid = 8` (BitFieldRanges.h).
    for (ArrayRead &Read : View.Reads)
      if (std::optional<HeldRange> Range = bitFieldRange(*Read.Index, Ctx))
        llvm::erase_if(Read.Seen, [&](const llvm::APSInt &V) { return !Range->holds(V); });
    std::vector<llvm::APSInt> Unseen = valuesNoReadSees(View, Candidates);
    Gaps->Reads = std::move(View.Reads);
    llvm::erase_if(Gaps->Missing, [&](const EnumConstantDecl *E) {
      return llvm::any_of(Unseen, [&](const llvm::APSInt &V) {
        return llvm::APSInt::isSameValue(V, E->getInitVal());
      });
    });
    if (JudgePassedValues && View.Every && !Gaps->Missing.empty())
      hookReads(*Gaps, Enum, Ctx);
  }
  if (History && !Gaps->Missing.empty()) {
    std::vector<Handler> Written;
    for (const auto &[Enumerator, Initializer] : Gaps->Slots)
      if (Initializer)
        Written.push_back({SM.getFileLoc(Initializer->getBeginLoc()), Enumerator->getName().str()});
    Gaps->Missing = newerThanEntries(Written, Gaps->Missing, SM);
  }
  Judged.insert(Var.getCanonicalDecl());
  // Reads at parameters wait for the TU's calls too.
  if ((RangeMarkers || !Gaps->Hooks.empty()) && !Gaps->Missing.empty()) {
    Pending.push_back({&Var, Index, SizedBy, &Enum, std::move(*Gaps)});
    return;
  }
  reportIndexedArray(Var, Index, SizedBy, Enum, *Gaps, Ctx);
}

namespace {

MissingSlot missingSlot(const EnumConstantDecl &E, const VarDecl &Array,
                        const LangOptions &LangOpts) {
  return {usrOf(E), E.getNameAsString(), enumeratorSpelling(E, LangOpts),
          E.getInitVal().getZExtValue(), llvm::is_contained(enumeratorsSizing(Array), &E)};
}

std::vector<MissingSlot> missingSlots(const ArrayGaps &Gaps, const VarDecl &Array,
                                      const LangOptions &LangOpts) {
  std::vector<MissingSlot> Slots;
  for (const EnumConstantDecl *E : Gaps.Missing)
    Slots.push_back(missingSlot(*E, Array, LangOpts));
  return Slots;
}

// The read a finding with missing slots points at: the first subscript by the enum that may read
// at one of them. PcapPlusPlus's MethodEnumToString is read at m_Method in the parsing
// constructor after it returns on HttpMethodUnknown, and unchecked in setMethod: the finding
// points at setMethod's read, and says, when some other read by the enum rules every missing
// value out, which values nothing rules out there. Null when no read in view may read at one
// (an array other files read too, whose reads here are all guarded).
struct PointedRead {
  const Expr *Index = nullptr;
  std::vector<const EnumConstantDecl *> Seen;
  bool OthersGuarded = false;
};

PointedRead pointedRead(const ArrayGaps &Gaps) {
  PointedRead Pointed;
  auto SeenAt = [&](const ArrayRead &Read) {
    std::vector<const EnumConstantDecl *> Seen;
    for (const EnumConstantDecl *E : Gaps.Missing)
      if (llvm::any_of(Read.Seen, [&](const llvm::APSInt &V) {
            return llvm::APSInt::isSameValue(V, E->getInitVal());
          }))
        Seen.push_back(E);
    return Seen;
  };
  for (const ArrayRead &Read : Gaps.Reads) {
    if (!Read.ByEnum)
      continue;
    std::vector<const EnumConstantDecl *> Seen = SeenAt(Read);
    if (Seen.empty())
      Pointed.OthersGuarded = true;
    else if (!Pointed.Index)
      Pointed = {Read.Index, std::move(Seen), Pointed.OthersGuarded};
  }
  return Pointed;
}

} // namespace

// Where no global step follows (clang-tidy), this TU's uses are all there is to ask; the CLI
// asks every TU's (ArrayCounts.h), as the same test on the facts.
void EnumTableRule::onEndOfTranslationUnit() {
  for (PendingTable &Table : PendingTables) {
    EnumConsumer &Column = TableColumns[Table.Column];
    if (omissionsShared(Column, TableColumns)) {
      for (MapCell &Cell : Column.Cells)
        Cell.FindingAt = {};
    } else {
      diag(Table.At, Table.Message);
      noteEnum(*Table.Enum);
    }
    if (keepsFacts())
      emitFact(Column);
  }
  PendingTables.clear();
  TableColumns.clear();
  checkCountSizedArrays();
  for (PendingArray &Array : Pending) {
    ArrayGaps &Gaps = Array.Gaps;
    const size_t Before = Gaps.Missing.size();
    if (!keepsFacts() && RangeMarkers)
      llvm::erase_if(Gaps.Missing, [&](const EnumConstantDecl *E) {
        return Uses->onlyCount(*E) && !llvm::is_contained(enumeratorsSizing(*Array.Var), E);
      });
    if (!keepsFacts() && !Gaps.Hooks.empty())
      dropUnreachedInTU(Gaps, *Array.Var);
    if (Gaps.Missing.size() != Before && !Gaps.Missing.empty())
      Gaps.Needed = slotsNeeded(missingSlots(Gaps, *Array.Var, TU->getLangOpts()));
    reportIndexedArray(*Array.Var, Array.Index, Array.SizedBy, *Array.Enum, Gaps, *TU);
  }
  Pending.clear();
  CallsInTU.reset();
  if (JudgePassedValues && keepsFacts() && TU) {
    for (const FunctionRefsFact &Fact : CallRefs.refFacts(TU->getSourceManager()))
      emitFact(Fact);
    for (const ConstantCallFact &Fact : CallValues.callFacts(TU->getSourceManager(), nothingElse))
      emitFact(Fact);
  }
  CallRefs.clear();
  CallValues.clear();
  TU = nullptr;
}

void EnumTableRule::hookReads(ArrayGaps &Gaps, const EnumDecl &Enum, const ASTContext &Ctx) const {
  const std::string EnumUsr = usrOf(*Enum.getCanonicalDecl());
  std::set<std::string> Unhooked;
  for (const ArrayRead &Read : Gaps.Reads) {
    std::vector<std::string> Seen;
    for (const EnumConstantDecl *E : Gaps.Missing)
      if (llvm::any_of(Read.Seen, [&](const llvm::APSInt &V) {
            return llvm::APSInt::isSameValue(V, E->getInitVal());
          }))
        Seen.push_back(usrOf(*E));
    if (Seen.empty())
      continue;
    std::optional<ReadHook> Hook;
    if (Read.Parameter && !EnumUsr.empty())
      Hook = parameterHookOf(*Read.Parameter, Ctx.getSourceManager(), Headers);
    if (!Hook) {
      Unhooked.insert(Seen.begin(), Seen.end());
      continue;
    }
    Hook->Enum = EnumUsr;
    Hook->Seen = std::move(Seen);
    Gaps.Hooks.push_back(std::move(*Hook));
  }
  if (!Gaps.Hooks.empty())
    Gaps.Unhooked.assign(Unhooked.begin(), Unhooked.end());
}

// clang-tidy: this TU's calls are all there is to ask (the CLI asks every TU's, in its global
// step). The index is built once per TU, and only when an array needs it.
void EnumTableRule::dropUnreachedInTU(ArrayGaps &Gaps, const VarDecl &Var) {
  if (!CallsInTU) {
    CallsInTU.emplace();
    const SourceManager &SM = TU->getSourceManager();
    for (const FunctionRefsFact &Fact : CallRefs.refFacts(SM))
      CallsInTU->add(Fact);
    for (const ConstantCallFact &Fact : CallValues.callFacts(SM, nothingElse))
      CallsInTU->add(Fact);
  }
  std::set<std::string> Unreached = unreachedSlots(missingSlots(Gaps, Var, TU->getLangOpts()),
                                                   Gaps.Hooks, Gaps.Unhooked, *CallsInTU);
  llvm::erase_if(Gaps.Missing,
                 [&](const EnumConstantDecl *E) { return Unreached.contains(usrOf(*E)); });
}

void EnumTableRule::reportIndexedArray(const VarDecl &Var, const Expr *Index,
                                       const EnumConstantDecl *SizedBy, const EnumDecl &Enum,
                                       const ArrayGaps &Gaps, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LangOpts = Ctx.getLangOpts();
  std::string Head =
      "array '" + Var.getName().str() + "' is " +
      (Index ? "indexed by '" + enumQualifiedName(Enum)
             : "sized by '" + enumeratorSpelling(*SizedBy, LangOpts)) +
      "' but ";
  std::optional<std::string> Message;
  const std::vector<MissingSlot> Missing = missingSlots(Gaps, Var, LangOpts);
  // pulseview's `"end_sample" "text"`: the comma whose absence shifted the entries. Only while
  // the joins are as many as the slots missing, so a finding the global step rewrites without
  // counts (ArrayCounts.h) has none to keep.
  const std::string Hint = gluedLiteralsHint(Gaps, SM, LangOpts);
  // The listed enumerators size the read: a guard may have ruled out the greatest value.
  if (!Missing.empty())
    Message = missingSlotsMessage(Head, Missing, Gaps.Size, slotsNeeded(Missing)) +
              (Hint.empty() ? "" : "; " + Hint);
  else if (Gaps.TooLong) {
    Message = Head + "has " + plural(Gaps.Entries, "entry", "entries") + " for " +
              plural(Gaps.Needed, "value", "values") +
              ": the entries are out of step with the enumerators";
  }
  if (keepsFacts())
    emitFact(indexedArrayColumn(Var, Enum, Gaps, !Gaps.Missing.empty(), Ctx));

  if (Message) {
    diag(tableLocation(Var, SM), *Message);
    PointedRead Pointed = pointedRead(Gaps);
    std::string Note = "indexed by '" + enumQualifiedName(Enum) + "' here";
    if (Pointed.Index && Pointed.OthersGuarded) {
      Note += ", where nothing rules out ";
      for (const EnumConstantDecl *E : Pointed.Seen)
        Note += (E == Pointed.Seen.front() ? "" : ", ") + enumeratorSpelling(*E, LangOpts);
    }
    // An array bound by its dimension has no read by the enum to point at.
    if (Pointed.Index || Index)
      diag(SM.getFileLoc((Pointed.Index ? Pointed.Index : Index)->getBeginLoc()), Note,
           DiagnosticIDs::Note);
    noteEnum(Enum);
  }
  // What the global step needs to take counts out of this finding: only when some enumerator it
  // lacks is no value in this TU (one that is cannot be a count anywhere); and to take out the
  // values no call passes to its reads at parameters (ParameterReads.h).
  const auto SomeMissingIsNoValue = [&] {
    return llvm::any_of(Gaps.Missing,
                        [&](const EnumConstantDecl *E) { return !Uses->usedAsValue(*E); });
  };
  if (keepsFacts() && Message && !Gaps.Missing.empty() &&
      (JudgePassedValues || (RangeMarkers && SomeMissingIsNoValue()))) {
    ArrayGapsFact Fact;
    Fact.Where = positionOf(tableLocation(Var, SM), SM);
    Fact.Message = *Message;
    Fact.Head = Head;
    Fact.Size = Gaps.Size;
    Fact.Missing = Missing;
    emitFact(Fact);
    // Every TU that reports the finding says what its reads see (a header's table has a copy,
    // and reads, in each): the global step takes out only what none of them may see.
    if (JudgePassedValues) {
      ArrayHooksFact Hooks{Fact.Where, *Message, Gaps.Hooks, Gaps.Unhooked};
      if (Gaps.Hooks.empty())
        for (const MissingSlot &Slot : Missing)
          Hooks.Unhooked.push_back(Slot.Usr);
      emitFact(Hooks);
    }
  }
  for (const auto &[Second, First] : Gaps.Duplicates) {
    diag(SM.getFileLoc(Second->getBeginLoc()),
         "array '" + Var.getName().str() + "' initializes a slot twice: this initializer "
         "replaces the earlier one");
    diag(SM.getFileLoc(First->getBeginLoc()), "earlier initializer of the slot is here",
         DiagnosticIDs::Note);
  }
}

// Drift is an enumerator added after the table was written: one that already existed when every
// entry was written was in front of whoever wrote them, and leaving it out was their choice
// (solarus's map of the entity types a map file can hold, without the in-game-only ones; exiv2's
// type table without the BigTIFF types it never supported). Every entry, not the newest: whoever
// adds an entry for their own enumerator does not audit the others. Only an enumerator older than
// every entry is excused, as in contract-switch-coverage's name tables: a table lists the
// enumerators, and one that leaves out an enumerator of its own commit forgot it (gerbera's
// a4212f63b wrote a res_names entry in the commit that added ResourceAttribute::FORMAT, which
// the scripts then could not read for six months). An entry is dated by the change that wrote
// its enumerator's name on its line, as a switch's label is. Where history cannot say (no git,
// an enum in a system header, a shallow clone), the enumerator is kept.
std::vector<const EnumConstantDecl *>
EnumTableRule::newerThanEntries(llvm::ArrayRef<Handler> Entries,
                                const std::vector<const EnumConstantDecl *> &Missing,
                                const SourceManager &SM) const {
  return newerThanHandlers(SM, Headers, Entries, HandlerSpelling::TableEntry, Missing,
                           /*SameCommitExisted=*/false, /*Revisited=*/false,
                           /*FollowRenames=*/false);
}

// How the TU uses each enumerator (counts), shared with contract-switch-coverage's range markers.
constexpr const TUAnalysisInfo *SharedAnalyses[] = {&EnumeratorUses::Info};

// The tables, for the report's enum map; what a finding's counts need, for the global step.
constexpr FactKind Kinds[] = {factKindOf<EnumConsumer>(), factKindOf<ArrayGapsFact>(),
                              factKindOf<ArrayHooksFact>(), factKindOf<ConstantCallFact>(),
                              factKindOf<FunctionRefsFact>()};

const RuleInfo &EnumTableRuleInfo() {
  static const RuleInfo Info{
      .Id = "contract-enum-table",
      .Summary = "a table meant to map every enumerator that misses one or lists one twice",
      .Description =
          "Finds tables that must map every enumerator of an enum: "
          "NLOHMANN_JSON_SERIALIZE_ENUM lists (an unlisted value silently serialises as the "
          "first entry), std::map-like containers and arrays of pairs keyed by the enum that are "
          "meant to be total (they name most enumerators, or sit in a to/from-string function), "
          "and arrays indexed by the enum whose size or entries are out of step with it. Missing "
          "enumerators are listed by name; a repeated key is reported at its second entry.",
      .Scope = RuleScope::TranslationUnit,
      .Options = Options,
      .FixDescription = "remove a map entry that repeats an earlier entry word for word",
      .CreateTURule = [](RuleContext &Context) -> std::unique_ptr<Rule> {
        return std::make_unique<EnumTableRule>(Context);
      },
      .CreateGlobalRule = [](const RuleOptions &Options) -> std::unique_ptr<GlobalRule> {
        return std::make_unique<EnumTableGlobalRule>(Options);
      },
      .FactKinds = Kinds,
      .Analyses = SharedAnalyses,
  };
  return Info;
}

} // namespace contractcheck
