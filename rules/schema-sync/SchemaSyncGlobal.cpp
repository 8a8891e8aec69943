#include "rules/schema-sync/SchemaSyncGlobal.h"
#include "rules/schema-sync/EnumSetMatch.h"
#include "rules/schema-sync/ExternalEnumLoader.h"
#include "rules/utils/EnumDefinitionFact.h"
#include "rules/utils/BoundEnumLookup.h"
#include "RuleOptions.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace contractcheck {

void from_json(const nlohmann::json &J, SchemaSyncBinding &B) {
  J.at("enum").get_to(B.Enum);
  J.at("file").get_to(B.File);
  J.at("at").get_to(B.At);
  B.Names = SpellingChoices.value(J, "names", B.Names);
  if (J.contains("strip-prefix"))
    J.at("strip-prefix").get_to(B.StripPrefix);
  if (J.contains("strip-enumerator-prefix"))
    J.at("strip-enumerator-prefix").get_to(B.StripEnumeratorPrefix);
  if (J.contains("ignore-members"))
    J.at("ignore-members").get_to(B.IgnoreMembers);
  if (J.contains("values"))
    J.at("values").get_to(B.Values);
  B.Direction = MatchDirectionChoices.value(J, "direction", B.Direction);
  B.Match = MatchKeyChoices.value(J, "match", B.Match);
}

namespace {

SourcePosition at(const std::string &File, unsigned Line, unsigned Column) {
  return {File, Line, Column, 0};
}

std::string inQuotes(std::string_view S) { return "'" + std::string(S) + "'"; }

// The findings of one binding's mismatches, worded the same way whatever the source kind.
struct MismatchWords {
  const SchemaSyncBinding &B;
  MatchKey Key;
  NameSpelling Spelling;
  const std::string &File; // the external file, absolute
  const EnumDefinitionFact &Enum;
  const ExternalEnumSource &External;

  std::string where() const { return inQuotes(B.At) + " in " + inQuotes(B.File); }
  std::string enumerator(const CodeEnumerator &E) const {
    return "enumerator " + inQuotes(Enum.Name + "::" + E.Name);
  }
  SourcePosition positionOf(const CodeEnumerator &E) const {
    return E.File.empty() ? Enum.Where : at(E.File, E.Line, E.Column);
  }

  Finding memberWithoutEnumerator(const ExternalMember &Member, const std::string &Compared) const {
    Finding F;
    F.Position = at(File, Member.Line, Member.Column);
    // Matched by value, the value is what has no enumerator.
    F.Message = inQuotes(Member.Name) +
                (Key == MatchKey::Values ? " (value " + inQuotes(Compared) + ")" : std::string()) +
                " of " + where() + " has no enumerator in enum " + inQuotes(Enum.Name) + " (" +
                std::string(spellingName(Spelling)) + ")";
    F.Notes.push_back({Enum.Where, "enum " + inQuotes(Enum.Name) + " is defined here"});
    return F;
  }

  Finding enumeratorWithoutMember(const CodeEnumerator &E, const std::string &Looked) const {
    Finding F;
    F.Position = positionOf(E);
    std::string Expected = B.StripPrefix + Looked;
    bool ByValue = Key == MatchKey::Values || Expected == std::to_string(E.Value);
    F.Message = enumerator(E) + " has no member " + (ByValue ? "with value " : "") +
                inQuotes(Expected) + " in " + where();
    bool Reserved = std::find(External.ReservedNames.begin(), External.ReservedNames.end(),
                              Expected) != External.ReservedNames.end();
    F.Notes.push_back(
        {at(File, External.Enum.Line, External.Enum.Column),
         inQuotes(B.At) + " is defined here" +
             (Reserved ? "; " + inQuotes(Expected) + " is reserved there" : std::string())});
    return F;
  }

  Finding valueDiffers(const CodeEnumerator &E, const ExternalMember &Member,
                       std::int64_t MemberValue) const {
    Finding F;
    F.Position = positionOf(E);
    F.Message = enumerator(E) + " is " + std::to_string(E.Value) + " but " +
                inQuotes(Member.Name) + " of " + where() + " is " + std::to_string(MemberValue);
    F.Notes.push_back({at(File, Member.Line, Member.Column),
                       inQuotes(Member.Name) + " is " + std::to_string(MemberValue) + " here"});
    return F;
  }
};

// The binding as a column of the enum's map: which enumerators the external definition has,
// whatever direction the binding judges; the mismatches it reported are the drifted cells.
void mapBinding(GlobalContext &Context, const SchemaSyncBinding &B, const std::string &File,
                const EnumDefinitionFact &Enum, const ExternalEnumSource &External,
                const std::vector<CodeEnumerator> &Code, EnumMatchOptions Options,
                const std::vector<EnumMismatch> &Reported, const MismatchWords &Words) {
  EnumConsumer Column;
  Column.Enum = Enum.Name;
  Column.EnumAt = Enum.Where;
  std::string_view Extension = std::string_view(File).substr(File.rfind('.') + 1);
  Column.Consumer = Extension == "proto" ? "proto" : Extension == "py" ? "python" : "schema";
  Column.Label = B.At; // the column's place names the file
  Column.At = at(File, External.Enum.Line, External.Enum.Column);
  Options.Direction = MatchDirection::Both;
  std::vector<EnumMismatch> Absent = matchEnumSets(Code, External.Enum.Members, Options);
  auto FindingOf = [&](const CodeEnumerator &E, EnumMismatch::Kind K) {
    for (const EnumMismatch &M : Reported)
      if (M.K == K && M.Enumerator && M.Enumerator->Name == E.Name)
        return Words.positionOf(E);
    return SourcePosition();
  };
  for (const CodeEnumerator &E : Code) {
    Column.Enumerators.push_back(E.Name);
    MapCell Cell{E.Name, "handled", {}, {}};
    bool Missing = std::any_of(Absent.begin(), Absent.end(), [&](const EnumMismatch &M) {
      return M.K == EnumMismatch::Kind::EnumeratorWithoutMember && M.Enumerator &&
             M.Enumerator->Name == E.Name;
    });
    if (Options.IsSentinel && Options.IsSentinel(E)) {
      Cell.State = "sentinel";
    } else if (Missing) {
      Cell.State = "missing";
      Cell.FindingAt = FindingOf(E, EnumMismatch::Kind::EnumeratorWithoutMember);
    } else if (SourcePosition Differs = FindingOf(E, EnumMismatch::Kind::ValueDiffers);
               !Differs.File.empty()) {
      Cell.How = "its value differs";
      Cell.FindingAt = Differs;
    }
    Column.Cells.push_back(std::move(Cell));
  }
  // A member with no enumerator is a row of its own.
  for (const EnumMismatch &M : Reported)
    if (M.K == EnumMismatch::Kind::MemberWithoutEnumerator && M.Member)
      Column.Cells.push_back({M.Member->Name, "missing", "in '" + B.File + "' only",
                              at(File, M.Member->Line, M.Member->Column)});
  Context.map(std::move(Column));
}

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

  std::optional<EnumDefinitionFact> Defined =
      definitionForBinding(Context, B.Enum, Setting("enum"), Binding);
  if (!Defined)
    return;
  const EnumDefinitionFact &Enum = *Defined;

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
  if (B.Match == MatchKey::Values && !External->StringValues) {
    Context.configurationError(Setting("match"), Binding + ": 'match: values' needs a Python "
                                                           "str enum; " +
                                                     inQuotes(B.At) + " has no string values");
    return;
  }

  std::vector<CodeEnumerator> Code;
  Code.reserve(Enum.Enumerators.size());
  for (const EnumDefinitionFact::Enumerator &E : Enum.Enumerators)
    Code.push_back({E.Name, E.Value, E.Where.File, E.Where.Line, E.Where.Column});
  EnumMatchOptions Options;
  Options.Names = B.Names;
  Options.StripPrefix = B.StripPrefix;
  Options.StripEnumeratorPrefix = B.StripEnumeratorPrefix;
  Options.IgnoreMembers.reserve(B.IgnoreMembers.size());
  for (const std::string &Pattern : B.IgnoreMembers)
    if (std::optional<Glob> G = Glob::parse(Pattern, Glob::Kind::Name))
      Options.IgnoreMembers.push_back(std::move(*G));
  Options.Values = B.Values;
  Options.Direction = B.Direction;
  Options.Key = B.Match;
  Options.IsSentinel = sentinelsByGlobs(Code, Sentinels);

  MismatchWords Words{B, B.Match, B.Names, File, Enum, *External};
  std::vector<EnumMismatch> Mismatches = matchEnumSets(Code, External->Enum.Members, Options);
  mapBinding(Context, B, File, Enum, *External, Code, Options, Mismatches, Words);
  for (const EnumMismatch &M : Mismatches) {
    if (M.K == EnumMismatch::Kind::MemberWithoutEnumerator && M.Member)
      Context.report(Words.memberWithoutEnumerator(*M.Member, M.ExternalName));
    else if (M.K == EnumMismatch::Kind::EnumeratorWithoutMember && M.Enumerator)
      Context.report(Words.enumeratorWithoutMember(*M.Enumerator, M.ExternalName));
    else if (M.K == EnumMismatch::Kind::ValueDiffers && M.Enumerator && M.Member &&
             M.Member->Value)
      Context.report(Words.valueDiffers(*M.Enumerator, *M.Member, *M.Member->Value));
  }
}

} // namespace contractcheck
