#include "rules/schema-sync/SchemaSyncRule.h"

#include "rules/utils/BoundEnumsKey.h"
#include "rules/utils/EnumDefinitionFact.h"
#include "rules/schema-sync/SchemaSyncGlobal.h"
#include "rules/utils/EnumDefinitionMatcher.h"
#include "rules/utils/EnumNames.h"
#include "rules/utils/NameSpelling.h"
#include "rules/utils/Sentinels.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

constexpr FieldSpec BindingFields[] = {
    {"enum", OptionType::String, true, "qualified name of the C++ enum (e.g. 'shop::OrderState')"},
    {"file", OptionType::String, true,
     "the external file, relative to the configuration file: .json, .yaml/.yml (JSON Schema, "
     "OpenAPI or a plain list), .proto or .py",
     {}, {}, {}, nullptr, /*ExistingFile=*/true},
    {"at", OptionType::String, true,
     "for JSON/YAML a JSON Pointer to the enum array or to a schema whose enum it is ('$ref' "
     "followed); for .proto the enum's name, for .py the Enum class's name"},
    {"names", OptionType::Choice, false, "how the external file spells the enumerators",
     SpellingChoices.names(), "exact"},
    {"strip-prefix", OptionType::String, false,
     "removed from the external names before matching (e.g. 'CHANNEL_')"},
    {"strip-enumerator-prefix", OptionType::String, false,
     "removed from the C++ enumerators' names before spelling them (a C enum's "
     "'ONNX_TYPE_FLOAT' against 'FLOAT')"},
    {"ignore-members", OptionType::NameGlobList, false,
     "name globs of external members that need no enumerator (proto3's zero value)", {},
     "*_UNSPECIFIED"},
    {"values", OptionType::Bool, false, "numbers must match too", {}, "false"},
    {"direction", OptionType::Choice, false,
     "both, code-covers-schema (every external member needs an enumerator) or "
     "schema-covers-code (every enumerator needs a member)",
     MatchDirectionChoices.names(), "both"},
    {"match", OptionType::Choice, false,
     "names, or values to match a Python (str, Enum)'s string values", MatchKeyChoices.names(),
     "names"},
};

constexpr OptionSpec Options[] = {
    {"bindings", OptionType::RecordList, "",
     "Each binding names a C++ enum and the external definition that must hold the same "
     "members.",
     BindingFields},
    {"sentinels", OptionType::NameGlobList, DefaultSentinelGlobs, SentinelsHelp},
};

} // namespace

SchemaSyncRule::SchemaSyncRule(RuleContext &Context) : Rule(Context) {
  for (const SchemaSyncBinding &B : options().getRecords<SchemaSyncBinding>("bindings"))
    BoundEnums.insert(B.Enum);
}

void SchemaSyncRule::registerMatchers(MatchFinder *Finder) {
  if (!BoundEnums.empty()) {
    Finder->addMatcher(enumDefinitionNamed(BoundEnums), this);
    // The context for the lookup of those the walk does not meet (lookupEnumDefinition).
    Finder->addMatcher(translationUnitDecl().bind("tu"), this);
  }
}

void SchemaSyncRule::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (const EnumDecl *Enum = boundEnumDefinition(Result, BoundEnums)) {
    Found.insert(enumQualifiedName(*Enum));
    emitFact(enumDefinitionFact(*Enum, *Result.SourceManager));
  }
}

void SchemaSyncRule::onEndOfTranslationUnit() {
  if (!Ctx)
    return;
  for (const std::string &Name : BoundEnums)
    if (!Found.count(Name))
      if (const EnumDecl *Enum = lookupEnumDefinition(*Ctx, Name))
        emitFact(enumDefinitionFact(*Enum, Ctx->getSourceManager()));
  Found.clear();
  Ctx = nullptr;
}

const RuleInfo &SchemaSyncRuleInfo() {
  static constexpr FactKind Kinds[] = {factKindOf<EnumDefinitionFact>()};
  static const RuleInfo Info{
      .Id = SchemaSyncRuleId,
      .Summary = "C++ enum and an external definition of the same set (JSON Schema, OpenAPI, "
                 "YAML/JSON list, .proto, Python Enum) disagree",
      .Description =
          "Other services, configurations and schemas spell a C++ enum's members too, and the "
          "compiler checks none of them. Each configured binding names a C++ enum and an "
          "external definition of the same set; a member of the external definition with no "
          "enumerator is reported at the external file's line, an enumerator with no member at "
          "the enumerator, and with 'values: true' a number that differs at both. The enum's "
          "enumerators come from whichever analysed translation unit defines it, so the rule "
          "runs once per run, in the CLI only.",
      .Scope = RuleScope::Global,
      .Options = Options,
      .CreateTURule = [](RuleContext &Context) -> std::unique_ptr<Rule> {
        return std::make_unique<SchemaSyncRule>(Context);
      },
      .CreateGlobalRule = [](const RuleOptions &Options) -> std::unique_ptr<GlobalRule> {
        return std::make_unique<SchemaSyncGlobal>(Options);
      },
      .FactKinds = Kinds,
      .ReportsInGeneratedCode = true,
      .TUOptionsKey = [](const RuleOptions &Options) {
        return optionsKeyOfBoundEnums(Options, "bindings");
      },
  };
  return Info;
}

} // namespace contractcheck
