#include "SchemaSyncGlobal.h"
#include "EnumSetMatch.h"
#include "ExternalEnumLoader.h"
#include "EnumDefinitionFact.h"
#include "RuleOptions.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace contractcheck {

void from_json(const nlohmann::json &J, SchemaSyncBinding &B) {
  J.at("enum").get_to(B.Enum);
  J.at("file").get_to(B.File);
  J.at("at").get_to(B.At);
  if (J.contains("names"))
    J.at("names").get_to(B.Names);
  if (J.contains("strip-prefix"))
    J.at("strip-prefix").get_to(B.StripPrefix);
  if (J.contains("values"))
    J.at("values").get_to(B.Values);
  if (J.contains("direction"))
    J.at("direction").get_to(B.Direction);
  if (J.contains("match"))
    J.at("match").get_to(B.Match);
}

namespace {

SourcePosition at(const std::string &File, unsigned Line, unsigned Column) {
  return {File, Line, Column, 0};
}

std::string inQuotes(std::string_view S) { return "'" + std::string(S) + "'"; }

} // namespace

SchemaSyncGlobal::SchemaSyncGlobal(const RuleOptions &Options)
    : Bindings(Options.getRecords<SchemaSyncBinding>("bindings")),
      Sentinels(Options.getGlobs("sentinels")) {}

void SchemaSyncGlobal::run(GlobalContext &Context) {
  for (size_t I = 0; I < Bindings.size(); ++I)
    judge(Context, Bindings[I], I);
}

void SchemaSyncGlobal::judge(GlobalContext &Context, const SchemaSyncBinding &B, size_t Index) {
  std::string Binding = "binding of enum " + inQuotes(B.Enum) + " to " + inQuotes(B.File);
  auto Setting = [&](std::string_view Key) {
    return Context.optionPosition("/bindings/" + std::to_string(Index) + "/" + std::string(Key));
  };
  namespace fs = std::filesystem;
  fs::path Path = fs::path(B.File).is_absolute() ? fs::path(B.File)
                                                 : fs::path(Context.baseDirectory()) / B.File;
  std::string File = Path.lexically_normal().string();

  std::optional<NameSpelling> Spelling = parseSpelling(B.Names);
  std::optional<MatchDirection> Direction = parseMatchDirection(B.Direction);
  std::optional<MatchKey> Key = parseMatchKey(B.Match);
  if (!Spelling || !Direction || !Key) {
    Context.configurationError(Setting(!Spelling ? "names" : !Direction ? "direction" : "match"),
                               Binding + ": " +
                                 (!Spelling    ? badSpellingMessage(B.Names)
                                  : !Direction ? "unknown direction " + inQuotes(B.Direction) +
                                                     "; expected both, code-covers-schema or "
                                                     "schema-covers-code"
                                               : "unknown match " + inQuotes(B.Match) +
                                                     "; expected names or values"));
    return;
  }

  std::vector<EnumDefinitionFact> Definitions =
      Context.facts().withKey<EnumDefinitionFact>(SchemaSyncRuleId, B.Enum);
  if (Definitions.empty()) {
    std::string Message =
        Binding + ": no analysed translation unit defines enum " + inQuotes(B.Enum);
    // With part of the codebase, the enum may be defined in what was not analysed.
    if (Context.factsAreComplete())
      Context.configurationError(Setting("enum"), std::move(Message));
    else
      Context.inputProblem(Setting("enum"),
                           Message + " (only part of the codebase was analysed and the result "
                                     "store holds no facts for the rest; run on the whole "
                                     "codebase once)");
    return;
  }
  const EnumDefinitionFact &Enum = Definitions.front();
  for (const EnumDefinitionFact &Other : Definitions)
    if (Other.Usr != Enum.Usr) {
      Context.inputProblem(Enum.Where, Binding + ": enum " + inQuotes(B.Enum) +
                                           " has different definitions in different "
                                           "translation units");
      return;
    }

  if (!isExternalEnumFile(File)) {
    Context.configurationError(Setting("file"),
                               Binding + ": expected a .json, .yaml, .yml, .proto or .py file");
    return;
  }
  const DataFileText &Text = Context.readDataFile(File);
  if (!Text.Error.empty()) {
    Context.configurationError(Setting("file"), Binding + ": " + Text.Error);
    return;
  }
  ExternalEnumError Error;
  std::optional<ExternalEnumSource> External =
      loadExternalEnumFromText(File, Text.Text, B.At, Error);
  if (!External && Error.Malformed) {
    Context.inputProblem(at(File, Error.Error.Line, Error.Error.Column),
                         Error.Error.Message + " (" + Binding + ", at " + inQuotes(B.At) + ")");
    return;
  }
  if (!External) {
    // The file is fine; what the binding says to find in it is not there.
    std::string Found = Error.Error.Line ? " (" + B.File + ":" + std::to_string(Error.Error.Line) +
                                               ":" + std::to_string(Error.Error.Column) + ")"
                                         : std::string();
    Context.configurationError(Setting("at"), Binding + ", at " + inQuotes(B.At) + ": " +
                                                  Error.Error.Message + Found);
    return;
  }
  if (*Key == MatchKey::Values && !External->StringValues) {
    Context.configurationError(Setting("match"), Binding + ": 'match: values' needs a Python "
                                                           "str enum; " +
                                                     inQuotes(B.At) + " has no string values");
    return;
  }

  std::vector<CodeEnumerator> Code;
  for (const EnumDefinitionFact::Enumerator &E : Enum.Enumerators)
    Code.push_back({E.Name, E.Value, E.Where.File, E.Where.Line, E.Where.Column});
  EnumMatchOptions Options;
  Options.Names = *Spelling;
  Options.StripPrefix = B.StripPrefix;
  Options.Values = B.Values;
  Options.Direction = *Direction;
  Options.Key = *Key;
  Options.IsSentinel = sentinelsByGlobs(Code, Sentinels);

  std::string Where = inQuotes(B.At) + " in " + inQuotes(B.File);
  RelatedNote EnumNote{Enum.Where, "enum " + inQuotes(Enum.Name) + " is defined here"};
  SourcePosition ExternalAt = at(File, External->Enum.Line, External->Enum.Column);
  for (const EnumMismatch &M : matchEnumSets(Code, External->Enum.Members, Options)) {
    Finding F;
    switch (M.K) {
    case EnumMismatch::Kind::MemberWithoutEnumerator:
      F.Position = at(File, M.Member->Line, M.Member->Column);
      // Matched by value, the value is what has no enumerator.
      F.Message = inQuotes(M.Member->Name) +
                  (*Key == MatchKey::Values ? " (value " + inQuotes(M.ExternalName) + ")"
                                            : std::string()) +
                  " of " + Where + " has no enumerator in enum " +
                  inQuotes(Enum.Name) + " (" + std::string(spellingName(*Spelling)) + ")";
      F.Notes.push_back(EnumNote);
      break;
    case EnumMismatch::Kind::EnumeratorWithoutMember: {
      F.Position = M.Enumerator->File.empty()
                       ? Enum.Where
                       : at(M.Enumerator->File, M.Enumerator->Line, M.Enumerator->Column);
      std::string Expected = B.StripPrefix + M.ExternalName;
      F.Message = "enumerator " + inQuotes(Enum.Name + "::" + M.Enumerator->Name) +
                  " has no member " + inQuotes(Expected) + " in " + Where;
      bool Reserved = std::find(External->ReservedNames.begin(), External->ReservedNames.end(),
                                Expected) != External->ReservedNames.end();
      F.Notes.push_back(
          {ExternalAt,
           inQuotes(B.At) + " is defined here" +
               (Reserved ? "; " + inQuotes(Expected) + " is reserved there" : std::string())});
      break;
    }
    case EnumMismatch::Kind::ValueDiffers:
      F.Position = at(M.Enumerator->File, M.Enumerator->Line, M.Enumerator->Column);
      F.Message = "enumerator " + inQuotes(Enum.Name + "::" + M.Enumerator->Name) + " is " +
                  std::to_string(M.Enumerator->Value) + " but " + inQuotes(M.Member->Name) +
                  " of " + Where + " is " + std::to_string(*M.Member->Value);
      F.Notes.push_back(
          {at(File, M.Member->Line, M.Member->Column),
           inQuotes(M.Member->Name) + " is " + std::to_string(*M.Member->Value) + " here"});
      break;
    }
    Context.report(std::move(F));
  }
}

} // namespace contractcheck
