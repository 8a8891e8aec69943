#include "EnumSetMatch.h"

#include <map>
#include <set>

namespace contractcheck {
namespace {

std::string externalKey(const ExternalMember &M, const EnumMatchOptions &Options) {
  std::string_view Key = M.Name;
  if (Options.Key == MatchKey::Values && M.StringValue)
    Key = *M.StringValue;
  if (!Options.StripPrefix.empty() && Key.starts_with(Options.StripPrefix) &&
      Key.size() > Options.StripPrefix.size())
    Key.remove_prefix(Options.StripPrefix.size());
  return std::string(Key);
}

} // namespace

std::vector<EnumMismatch> matchEnumSets(const std::vector<CodeEnumerator> &Enumerators,
                                        const std::vector<ExternalMember> &Members,
                                        const EnumMatchOptions &Options) {
  std::map<std::string, std::vector<size_t>> ByExternalSpelling;
  std::vector<std::string> Spelled;
  for (size_t I = 0; I < Enumerators.size(); ++I) {
    Spelled.push_back(spellEnumerator(Enumerators[I].Name, Options.Names));
    ByExternalSpelling[Spelled.back()].push_back(I);
  }

  std::vector<EnumMismatch> Missing, Extra, Differ;
  std::vector<bool> Matched(Enumerators.size(), false);
  bool ReportMembers = Options.Direction != MatchDirection::SchemaCoversCode;
  bool ReportEnumerators = Options.Direction != MatchDirection::CodeCoversSchema;
  for (const ExternalMember &M : Members) {
    std::string Key = externalKey(M, Options);
    auto It = ByExternalSpelling.find(Key);
    if (It == ByExternalSpelling.end()) {
      if (ReportMembers)
        Missing.push_back({EnumMismatch::Kind::MemberWithoutEnumerator, std::nullopt, M, Key});
      continue;
    }
    for (size_t I : It->second) {
      Matched[I] = true;
      if (Options.Values && M.Value && *M.Value != Enumerators[I].Value)
        Differ.push_back({EnumMismatch::Kind::ValueDiffers, Enumerators[I], M, Key});
    }
  }
  if (ReportEnumerators)
    for (size_t I = 0; I < Enumerators.size(); ++I)
      if (!Matched[I] && !(Options.IsSentinel && Options.IsSentinel(Enumerators[I])))
        Extra.push_back({EnumMismatch::Kind::EnumeratorWithoutMember, Enumerators[I], std::nullopt,
                         Spelled[I]});

  std::vector<EnumMismatch> All = std::move(Missing);
  All.insert(All.end(), Extra.begin(), Extra.end());
  All.insert(All.end(), Differ.begin(), Differ.end());
  return All;
}

std::function<bool(const CodeEnumerator &)>
sentinelsByGlobs(const std::vector<CodeEnumerator> &Enumerators, std::vector<Glob> Sentinels) {
  std::set<std::string> Names;
  std::set<std::int64_t> Earlier;
  for (size_t I = 0; I < Enumerators.size(); ++I) {
    const CodeEnumerator &E = Enumerators[I];
    bool Last = I + 1 == Enumerators.size();
    if (matchesAny(Sentinels, E.Name) && (Last || Earlier.count(E.Value)))
      Names.insert(E.Name);
    Earlier.insert(E.Value);
  }
  return [Names = std::move(Names)](const CodeEnumerator &E) { return Names.count(E.Name) > 0; };
}

std::optional<MatchDirection> parseMatchDirection(std::string_view Text) {
  if (Text == "both")
    return MatchDirection::Both;
  if (Text == "code-covers-schema")
    return MatchDirection::CodeCoversSchema;
  if (Text == "schema-covers-code")
    return MatchDirection::SchemaCoversCode;
  return std::nullopt;
}

std::optional<MatchKey> parseMatchKey(std::string_view Text) {
  if (Text == "names")
    return MatchKey::Names;
  if (Text == "values")
    return MatchKey::Values;
  return std::nullopt;
}

} // namespace contractcheck
