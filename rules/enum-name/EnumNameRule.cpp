#include "rules/enum-name/EnumNameRule.h"

#include "rules/utils/BoundEnumsKey.h"
#include "rules/enum-name/DataFileBindings.h"
#include "DataKeyPath.h"
#include "rules/utils/EnumDefinitionFact.h"
#include "rules/enum-name/EnumNameFacts.h"
#include "rules/enum-name/EnumNameMap.h"
#include "rules/enum-name/EnumNameGlobal.h"
#include "rules/enum-name/EnumNameMessages.h"
#include "rules/enum-name/RoundTrips.h"
#include "SourcePositions.h"
#include "rules/utils/EnumNames.h"
#include "rules/utils/NameSpelling.h"
#include "rules/utils/Sentinels.h"
#include "rules/utils/Usr.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <set>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

constexpr FieldSpec FunctionFields[] = {
    {"name", OptionType::String, true, "The function's qualified name."},
    {"arg", OptionType::Unsigned, false, "The 0-based position of the argument that is a name.",
     {}, "0"},
    {"enum", OptionType::String, true, "The qualified name of the enum it names."},
    {"names", OptionType::Choice, false, "How the names are spelled.", SpellingChoices.names(),
     "exact"},
};

bool isKeyPath(std::string_view Text, std::string &Problem) {
  return DataKeyPath::parse(Text, Problem).has_value();
}

constexpr FieldSpec DataFields[] = {
    {"files", OptionType::PathGlobList, true,
     "Globs of the YAML/JSON data files, relative to the configuration file."},
    {"key", OptionType::String, true,
     "Where the names are: a dotted key path, '[*]' for every element of a list, '*' for every "
     "value of a map (e.g. 'routes[*].channel').",
     {}, {}, {}, isKeyPath},
    {"enum", OptionType::String, true, "The qualified name of the enum the values name."},
    {"names", OptionType::Choice, false, "How the names are spelled.", SpellingChoices.names(),
     "exact"},
    {"strip-enumerator-prefix", OptionType::String, false,
     "Removed from the enumerators' names before they are spelled: RT_Iteration written "
     "'iteration' (with names: snake_case) strips 'RT_'."},
    {"format", OptionType::Choice, false,
     "How the files are parsed, whatever their extension: json, yaml, or jsonc (JSON with // "
     "and /* */ comments and trailing commas, as jsoncpp reads it). OpenColorIO's YAML configs "
     "end in .ocio. "
     "Default: by each file's extension (.json, .yaml, .yml).",
     DataFormatChoices.names()},
};

constexpr OptionSpec Options[] = {
    {"infer", OptionType::Bool, "true",
     "Infer the names a string-to-enum function accepts from its body (an if/else chain, a "
     "switch over a hash, a {\"name\", E::X} table) and check the literals passed to it."},
    {"round-trips", OptionType::Bool, "true",
     "Check that each name a to-string function writes (a switch over the enum returning a "
     "literal per enumerator) is accepted by the string-to-enum function of the same enum in the "
     "translation unit, when most of the other names agree (a round-trip pair)."},
    {"functions", OptionType::RecordList, "",
     "String-to-enum functions whose bodies cannot be seen (a library, a generated parser): "
     "{name, arg, enum, names} with the function's qualified name, the 0-based argument that "
     "is a name (default 0), the qualified enum and the spelling (default exact).",
     FunctionFields},
    {"data", OptionType::RecordList, "",
     "YAML/JSON data files whose values at a key path must spell an enumerator: {files, key, "
     "enum, names, strip-enumerator-prefix, format}. Judged in the CLI, from the enum's definition in whichever TU has it.",
     DataFields},
    {"catch-alls", OptionType::StringList, DefaultCatchAllWords,
     "Words that name a catch-all enumerator (Unknown, HttpMethodUnknown, kInvalid, ...): a "
     "name a test assertion expects a parser to turn into one is invalid on purpose, not "
     "reported. [] reports it, unless the parser's body shows that value to be its fallback."},
};

AST_MATCHER(CallExpr, hasStringLiteralArgument) {
  return std::any_of(Node.arg_begin(), Node.arg_end(),
                     [](const Expr *Arg) { return literalArgument(Arg) != nullptr; });
}

// The statement starts in a macro's body (an assertion macro's `if`, `try`), not in an argument
// of the macro or in code written out.
AST_MATCHER(Stmt, writtenByMacroBody) {
  SourceLocation Loc = Node.getBeginLoc();
  return Loc.isMacroID() && Finder->getASTContext().getSourceManager().isMacroBodyExpansion(Loc);
}

AST_MATCHER(FunctionDecl, parsesEnumFromString) {
  return parsedEnum(Node.getReturnType()) && stringParameter(Node).has_value();
}

// Returns text and takes an enum: a candidate to-string function (nameWriter decides).
AST_MATCHER(FunctionDecl, writesEnumName) {
  return isStringType(Node.getReturnType()) &&
         llvm::any_of(Node.parameters(), [](const ParmVarDecl *P) {
           return P->getType().getNonReferenceType()->isEnumeralType();
         });
}

std::string qualifiedName(const NamedDecl &D) { return D.getQualifiedNameAsString(); }

// The name messages show: with the template arguments of a specialisation, which say which of
// a conversion template's functions it is (`BT::convertFromString<BT::NodeStatus>`).
std::string displayName(const FunctionDecl &F) {
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  F.getNameForDiagnostic(OS, F.getASTContext().getPrintingPolicy(), /*Qualified=*/true);
  return Name;
}


// magic_enum's case-insensitive comparison, passed as enum_cast's second argument.
bool isCaseInsensitivePredicate(const Expr &Arg) {
  const Expr *E = Arg.IgnoreParenImpCasts();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E); Construct && Construct->getNumArgs() == 1)
    E = Construct->getArg(0)->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl()->getName() == "case_insensitive";
  const CXXRecordDecl *Record = E->getType()->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() && Record->getName() == "case_insensitive";
}

} // namespace

EnumNameRule::EnumNameRule(RuleContext &Context)
    : Rule(Context), Infer(options().getBool("infer")),
      RoundTrips(options().getBool("round-trips")),
      Functions(options().getRecords<ConfiguredFunction>("functions")),
      CatchAllWords(catchAllWordsOf(options().getList("catch-alls"))) {
  for (const DataFileBinding &B : options().getRecords<DataFileBinding>("data"))
    DataEnums.insert(B.Enum);
  NamedEnums = DataEnums;
  for (const ConfiguredFunction &F : Functions)
    NamedEnums.insert(llvm::StringRef(F.Enum).ltrim(':').str());
}

void EnumNameRule::registerMatchers(MatchFinder *Finder) {
  // Calls spelled in source only, not their copies in template instantiations. The traversal
  // kind says so for free; isInTemplateInstantiation() would build the parent map of the whole
  // TU, system headers included, on the first call it looks at (docs/performance.md).
  Finder->addMatcher(traverse(TK_IgnoreUnlessSpelledInSource,
                              callExpr(unless(isExpansionInSystemHeader()),
                                       hasStringLiteralArgument(),
                                       callee(functionDecl().bind("callee")))
                                  .bind("call")),
                     this);
  // Test assertions that expect a call to throw or come back empty: what they pass is invalid
  // on purpose. Matched by their expansion (a try, an `if (result) ; else fail`) from a macro's
  // body: the same statements written out are the project's own code.
  Finder->addMatcher(
      cxxTryStmt(writtenByMacroBody(), unless(isExpansionInSystemHeader())).bind("expects-throw"),
      this);
  Finder->addMatcher(ifStmt(writtenByMacroBody(), hasThen(nullStmt()), hasElse(stmt()),
                            unless(isExpansionInSystemHeader()))
                         .bind("expects-failure"),
                     this);
  Finder->addMatcher(
      ifStmt(writtenByMacroBody(), hasThen(compoundStmt()), unless(hasElse(stmt())),
             hasCondition(ignoringParenImpCasts(binaryOperation(hasOperatorName("!=")))),
             unless(isExpansionInSystemHeader()))
          .bind("expects-failure"),
      this);
  // Definitions other TUs may call: their accepted names travel as facts.
  if (Infer)
    Finder->addMatcher(functionDecl(isDefinition(), isExpansionInMainFile(),
                                    unless(isTemplateInstantiation()), parsesEnumFromString())
                           .bind("parser"),
                       this);
  // To-string functions and the parsers that read their names back, wherever the TU has them.
  if (RoundTrips) {
    Finder->addMatcher(functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                                    unless(isTemplateInstantiation()), writesEnumName())
                           .bind("name-writer"),
                       this);
    Finder->addMatcher(functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                                    unless(isTemplateInstantiation()), parsesEnumFromString())
                           .bind("round-trip-parser"),
                       this);
  }
  // The enums configured functions and data files name.
  if (!NamedEnums.empty()) {
    Finder->addMatcher(enumDefinitionNamed(NamedEnums), this);
    // The context for the lookup of those the walk does not meet (lookupEnumDefinition).
    Finder->addMatcher(translationUnitDecl().bind("tu"), this);
  }
}

void EnumNameRule::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (const EnumDecl *Enum = boundEnumDefinition(Result, NamedEnums)) {
    recordConfiguredEnum(*Enum);
    return;
  }
  if (const auto *Parser = Result.Nodes.getNodeAs<FunctionDecl>("parser")) {
    MainFileParsers.push_back(Parser);
    return;
  }
  if (const auto *Writer = Result.Nodes.getNodeAs<FunctionDecl>("name-writer")) {
    if (std::optional<NameWriter> Names = nameWriter(*Writer))
      NameWriters.push_back(std::move(*Names));
    return;
  }
  if (const auto *Parser = Result.Nodes.getNodeAs<FunctionDecl>("round-trip-parser")) {
    TUParsers.push_back(Parser);
    return;
  }
  if (const auto *Try = Result.Nodes.getNodeAs<CXXTryStmt>("expects-throw"))
    return addCallsExpectedToThrow(*Try, ExpectedToFail);
  if (const auto *If = Result.Nodes.getNodeAs<IfStmt>("expects-failure"))
    return addCallsExpectedToFail(*If, *Result.SourceManager, CatchAllWords, ExpectedToFail,
                                  ExpectedValues);
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Callee = Result.Nodes.getNodeAs<FunctionDecl>("callee");
  if (!Call || !Callee || isa<CXXOperatorCallExpr>(Call))
    return;
  std::string Name = qualifiedName(*Callee);
  if (Name == "magic_enum::enum_cast" || Name == "magic_enum::enum_contains")
    return MagicEnumCalls.push_back({Call, Callee});
  for (const ConfiguredFunction &F : Functions) {
    if (llvm::StringRef(F.Name).ltrim(':') != Name)
      continue;
    if (F.Arg < Call->getNumArgs())
      if (const StringLiteral *Literal = literalArgument(Call->getArg(F.Arg)))
        ConfiguredCalls.push_back({{Call, Callee, Literal}, &F});
    return;
  }
  if (!Infer || !parsedEnum(Callee->getReturnType()))
    return;
  std::optional<unsigned> Index = stringParameter(*Callee);
  if (Index && *Index < Call->getNumArgs())
    if (const StringLiteral *Literal = literalArgument(Call->getArg(*Index)))
      InferredCalls.push_back({Call, Callee, Literal});
}

bool EnumNameRule::reportable(const StringLiteral &Literal) const {
  const SourceManager &SM = Ctx->getSourceManager();
  SourceLocation Loc = Literal.getBeginLoc();
  // A literal a macro's body produces is the macro's business, not this call's.
  return Loc.isValid() && !SM.isMacroBodyExpansion(Loc) && !SM.isInSystemHeader(Loc);
}

SourceLocation EnumNameRule::spelledAt(const StringLiteral &Literal) const {
  return Ctx->getSourceManager().getSpellingLoc(Literal.getBeginLoc());
}

// A macro that expands an argument twice makes two calls of one written call (gtest 1.8's
// EXPECT_EQ names its first argument again in an unevaluated `sizeof`, to tell a null literal):
// what the assertion says of one it says of the other. Kept by where the literal is spelled.
void EnumNameRule::noteAssertedLiteral(const CallExpr &Call, const StringLiteral *Literal) {
  if (!Literal)
    return;
  if (ExpectedToFail.count(&Call))
    LiteralsExpectedToFail.insert(spelledAt(*Literal));
  if (auto It = ExpectedValues.find(&Call); It != ExpectedValues.end())
    LiteralsExpectedValues.try_emplace(spelledAt(*Literal), It->second);
}

// A literal a test passes to make the call fail is invalid on purpose.
bool EnumNameRule::reportable(const LiteralCall &Call) const {
  return reportable(*Call.Literal) && !LiteralsExpectedToFail.count(spelledAt(*Call.Literal));
}

// The enum value a test assertion expects the call to return, as enumValueText writes it.
std::optional<std::string> EnumNameRule::expectedValue(const LiteralCall &Call) const {
  auto It = LiteralsExpectedValues.find(spelledAt(*Call.Literal));
  const EnumDecl *Enum = parsedEnum(Call.Callee->getReturnType());
  if (It == LiteralsExpectedValues.end() || !Enum)
    return std::nullopt;
  return enumValueText(It->second, *Enum);
}

void EnumNameRule::checkMagicEnum(const CallExpr &Call, const FunctionDecl &Callee) {
  const TemplateArgumentList *Args = Callee.getTemplateSpecializationArgs();
  if (!Args || Args->size() == 0 || Args->get(0).getKind() != TemplateArgument::Type ||
      Call.getNumArgs() == 0)
    return;
  const auto *Type = Args->get(0).getAsType().getNonReferenceType().getCanonicalType()
                         ->getAs<EnumType>();
  const EnumDecl *Enum = Type ? Type->getDecl()->getDefinition() : nullptr;
  const StringLiteral *Literal = literalArgument(Call.getArg(0));
  if (!Enum || !Literal || !reportable({&Call, &Callee, Literal}))
    return;
  bool CaseInsensitive = false;
  if (Call.getNumArgs() >= 2 && !isa<CXXDefaultArgExpr>(Call.getArg(1))) {
    if (!isCaseInsensitivePredicate(*Call.getArg(1)))
      return; // a comparison of the caller's own: what it accepts is unknown
    CaseInsensitive = true;
  }
  std::vector<std::string> Names;
  for (const EnumConstantDecl *Enumerator : Enum->enumerators())
    Names.push_back(Enumerator->getNameAsString());
  if (acceptsName(Names, Literal->getString(), CaseInsensitive))
    return;
  std::optional<std::string> Suggestion =
      suggestName(Names, Literal->getString(), CaseInsensitive);
  diag(Literal->getBeginLoc(),
       "'%0' is not an enumerator of '%1': magic_enum::%2 finds no value for it%3")
      << Literal->getString() << enumQualifiedName(*Enum) << Callee.getName()
      << (Suggestion ? " (did you mean '" + *Suggestion + "'?)" : std::string());
  diag(Enum->getLocation(), "enum '%0' is defined here", DiagnosticIDs::Note)
      << enumQualifiedName(*Enum);
}

const std::optional<AcceptedNames> &EnumNameRule::acceptedBy(const FunctionDecl &Definition) {
  auto It = Accepted.find(&Definition);
  if (It == Accepted.end())
    It = Accepted.try_emplace(&Definition, inferAcceptedNames(Definition)).first;
  return It->second;
}

void EnumNameRule::checkInferred(const LiteralCall &Call) {
  if (!reportable(Call))
    return;
  const FunctionDecl *Definition = Call.Callee->getDefinition();
  if (!Definition) {
    // The body is in another TU: the global step joins this call with what that TU read.
    if (Call.Callee->isExternallyVisible())
      if (std::string USR = usrOf(*Call.Callee->getCanonicalDecl()); !USR.empty())
        emitFact(LiteralCallFact{
            USR, Call.Literal->getString().str(), expectedValue(Call),
            positionOf(Call.Literal->getBeginLoc(), Ctx->getSourceManager())});
    return;
  }
  const std::optional<AcceptedNames> &Names = acceptedBy(*Definition);
  if (!Names || acceptsName(Names->Names, Call.Literal->getString(), Names->CaseInsensitive) ||
      expectsFallback(expectedValue(Call), Names->Fallback))
    return;
  std::string Function = displayName(*Definition);
  diag(Call.Literal->getBeginLoc(), "%0")
      << notAcceptedMessage(Call.Literal->getString(), Function,
                            suggestName(Names->Names, Call.Literal->getString(),
                                        Names->CaseInsensitive));
  diag(Definition->getLocation(), "%0", DiagnosticIDs::Note)
      << acceptedNamesNote(Function, Names->Names, Names->CaseInsensitive);
}

void EnumNameRule::checkConfigured(const LiteralCall &Call, const ConfiguredFunction &Function) {
  if (!reportable(Call))
    return;
  auto Enum = ConfiguredEnums.find(llvm::StringRef(Function.Enum).ltrim(':').str());
  if (Enum == ConfiguredEnums.end())
    return; // the enum is not visible in this TU: nothing to check against
  std::vector<std::string> Names;
  for (const EnumConstantDecl *Enumerator : Enum->second->enumerators())
    Names.push_back(spellEnumerator(Enumerator->getName(), Function.Names));
  if (acceptsName(Names, Call.Literal->getString(), false))
    return;
  std::optional<std::string> Suggestion = suggestName(Names, Call.Literal->getString(), false);
  diag(Call.Literal->getBeginLoc(),
       "'%0' does not name an enumerator of '%1' in %2, as '%3' expects%4")
      << Call.Literal->getString() << Enum->first << spellingName(Function.Names)
      << Function.Name
      << (Suggestion ? " (did you mean '" + *Suggestion + "'?)" : std::string());
  diag(Enum->second->getLocation(), "enum '%0' is defined here", DiagnosticIDs::Note)
      << Enum->first;
}

void EnumNameRule::emitParserFact(const FunctionDecl &Definition) {
  const std::optional<AcceptedNames> &Names = acceptedBy(Definition);
  if (!Names)
    return;
  if (keepsFacts())
    emitFact(parserColumn(Definition, *Names, displayName(Definition), Ctx->getSourceManager()));
  std::string USR = usrOf(*Definition.getCanonicalDecl());
  if (!Definition.isExternallyVisible() || USR.empty())
    return;
  emitFact(StringParserFact{USR, displayName(Definition), Names->Names, Names->CaseInsensitive,
                            Names->Fallback,
                            positionOf(Definition.getLocation(), Ctx->getSourceManager())});
}

void EnumNameRule::recordConfiguredEnum(const EnumDecl &Enum) {
  std::string Name = enumQualifiedName(Enum);
  // A data file's enum is judged in the global step, from its definition as a fact.
  if (DataEnums.count(Name))
    emitFact(enumDefinitionFact(Enum, Ctx->getSourceManager()));
  ConfiguredEnums.emplace(std::move(Name), &Enum);
}

void EnumNameRule::onEndOfTranslationUnit() {
  if (!Ctx)
    return;
  for (const std::string &Name : NamedEnums)
    if (!ConfiguredEnums.count(Name))
      if (const EnumDecl *Enum = lookupEnumDefinition(*Ctx, Name))
        recordConfiguredEnum(*Enum);
  for (const auto &[Call, Callee] : MagicEnumCalls)
    noteAssertedLiteral(*Call, Call->getNumArgs() ? literalArgument(Call->getArg(0)) : nullptr);
  for (const LiteralCall &Call : InferredCalls)
    noteAssertedLiteral(*Call.Call, Call.Literal);
  for (const auto &[Call, Function] : ConfiguredCalls)
    noteAssertedLiteral(*Call.Call, Call.Literal);
  for (const auto &[Call, Callee] : MagicEnumCalls)
    checkMagicEnum(*Call, *Callee);
  for (const LiteralCall &Call : InferredCalls)
    checkInferred(Call);
  for (const auto &[Call, Function] : ConfiguredCalls)
    checkConfigured(Call, *Function);
  for (const FunctionDecl *Definition : MainFileParsers)
    emitParserFact(*Definition);
  for (const NameWriter &Writer : NameWriters)
    checkRoundTrips(Writer);
}

void EnumNameRule::checkRoundTrips(const NameWriter &Writer) {
  std::set<const StringLiteral *> Reported;
  for (const FunctionDecl *Parser : TUParsers) {
    const std::optional<AcceptedNames> &Names = acceptedBy(*Parser);
    if (!Names)
      continue;
    for (const auto &[Enumerator, Literal] : namesNotReadBack(Writer, *Parser, *Names)) {
      if (!reportable(*Literal) || !Reported.insert(Literal).second)
        continue;
      std::string ParserName = displayName(*Parser);
      std::optional<std::string> Suggestion =
          suggestName(Names->Names, Literal->getString(), Names->CaseInsensitive);
      diag(Literal->getBeginLoc(),
           "'%0', the name '%1' writes for '%2', is not a name '%3' accepts: it does not "
           "read back%4")
          << Literal->getString() << displayName(*Writer.Function)
          << Enumerator->getName() << ParserName
          << (Suggestion ? " (did you mean '" + *Suggestion + "'?)" : std::string());
      diag(Parser->getLocation(), "%0", DiagnosticIDs::Note)
          << acceptedNamesNote(ParserName, Names->Names, Names->CaseInsensitive);
    }
  }
}

const RuleInfo &EnumNameRuleInfo() {
  static const RuleInfo Info{
      .Id = "contract-enum-name",
      .Summary = "string literal that must spell an enumerator and does not",
      .Description =
          "A name written as a string is checked by no compiler: magic_enum::enum_cast<E>(\"NAME\") "
          "with a typo returns an empty optional, and a literal passed to a string-to-enum "
          "function that has no branch for it takes the fallback path. This rule checks the "
          "literal against the enum's enumerators (magic_enum, configured functions) or "
          "against the names the function's body accepts (an if/else chain comparing the "
          "argument, a switch over its hash, a {\"name\", E::X} table), across translation "
          "units in the CLI, and suggests the closest name. In the CLI it also checks the values "
          "at configured key paths of YAML/JSON data files.",
      .Scope = RuleScope::TranslationUnit,
      .Options = Options,
      .CreateTURule = [](RuleContext &Context) -> std::unique_ptr<Rule> {
        return std::make_unique<EnumNameRule>(Context);
      },
      .CreateGlobalRule = [](const RuleOptions &Options) -> std::unique_ptr<GlobalRule> {
        return std::make_unique<EnumNameGlobalRule>(Options);
      },
      .FactKinds = enumNameFactKinds(),
      .TUOptionsKey = [](const RuleOptions &Options) {
        return optionsKeyOfBoundEnums(Options, "data");
      },
  };
  return Info;
}

} // namespace contractcheck
