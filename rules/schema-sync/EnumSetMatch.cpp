#include "rules/schema-sync/EnumSetMatch.h"

#include <algorithm>
#include <map>
#include <set>

namespace contractcheck {
namespace {

std::string squashed(std::string_view Name) {
  std::string Out;
  for (char C : Name)
    if (C != '_' && C != '-')
      Out += C;
  return Out;
}

// A JSON Schema `enum: [0, 1, 5]` or `const: 9728`: the member is a number, which can only name
// the enumerator of that value.
bool isNumber(const ExternalMember &M) {
  return M.Value && M.Name == std::to_string(*M.Value);
}

std::string externalKey(const ExternalMember &M, const EnumMatchOptions &Options) {
  std::string_view Key = M.Name;
  if (Options.Key == MatchKey::Values && M.StringValue)
    Key = *M.StringValue;
  return std::string(withoutPrefix(Key, Options.StripPrefix));
}

// What makes two members of one external enum the same member: the number or string they stand
// for, when the source states one.
std::optional<std::string> valueIdentity(const ExternalMember &M) {
  if (M.Value)
    return "#" + std::to_string(*M.Value);
  if (M.StringValue)
    return "s:" + *M.StringValue;
  return std::nullopt;
}

} // namespace

std::vector<EnumMismatch> matchEnumSets(const std::vector<CodeEnumerator> &Enumerators,
                                        const std::vector<ExternalMember> &Members,
                                        const EnumMatchOptions &Options) {
  // Members that are all numbers are matched with the enumerators' values, not their names.
  bool ByValue = !Members.empty() && std::all_of(Members.begin(), Members.end(), isNumber);
  std::map<std::string, std::vector<size_t>> ByExternalSpelling;
  std::vector<std::string> Spelled;
  for (size_t I = 0; I < Enumerators.size(); ++I) {
    std::string_view Name = withoutPrefix(Enumerators[I].Name, Options.StripEnumeratorPrefix);
    Spelled.push_back(ByValue ? std::to_string(Enumerators[I].Value)
                              : spellEnumerator(Name, Options.Names));
    ByExternalSpelling[Spelled.back()].push_back(I);
  }

  // Word boundaries are where spellings disagree most (`QInt8` is Q_INT8 to the word splitter,
  // QINT8 in the schema; `CubicSpline` CUBIC_SPLINE against CUBICSPLINE): a name that matches no
  // spelling exactly still matches when both agree without separators (case still counts).
  std::map<std::string, std::vector<size_t>> BySquashedSpelling;
  if (!ByValue)
    for (size_t I = 0; I < Enumerators.size(); ++I)
      BySquashedSpelling[squashed(Spelled[I])].push_back(I);

  std::vector<EnumMismatch> Missing, Extra, Differ;
  std::vector<bool> Matched(Enumerators.size(), false);
  std::vector<std::string> Keys;
  std::vector<bool> MemberMatched(Members.size(), false);
  std::set<std::string> MatchedMemberValues;
  for (const ExternalMember &M : Members) {
    Keys.push_back(ByValue ? M.Name : externalKey(M, Options));
    auto It = ByExternalSpelling.find(Keys.back());
    if (It == ByExternalSpelling.end() && !ByValue) {
      It = BySquashedSpelling.find(squashed(Keys.back()));
      if (It != BySquashedSpelling.end() && It->second.size() != 1)
        It = BySquashedSpelling.end(); // ambiguous: no guess
      if (It == BySquashedSpelling.end())
        continue;
    } else if (It == ByExternalSpelling.end()) {
      continue;
    }
    MemberMatched[&M - Members.data()] = true;
    if (std::optional<std::string> Identity = valueIdentity(M))
      MatchedMemberValues.insert(*Identity);
    for (size_t I : It->second) {
      Matched[I] = true;
      if (Options.Values && M.Value && *M.Value != Enumerators[I].Value)
        Differ.push_back({EnumMismatch::Kind::ValueDiffers, Enumerators[I], M, Keys.back()});
    }
  }
  // Aliases are one member on either side: a proto `allow_alias` name or a Python `DONE =
  // FILLED` whose value a matched member has, an enumerator whose value a matched one has.
  if (Options.Direction != MatchDirection::SchemaCoversCode)
    for (size_t I = 0; I < Members.size(); ++I) {
      const ExternalMember &M = Members[I];
      if (MemberMatched[I])
        continue;
      std::optional<std::string> Identity = valueIdentity(M);
      if ((Identity && MatchedMemberValues.count(*Identity)) ||
          matchesAny(Options.IgnoreMembers, M.Name))
        continue;
      Missing.push_back({EnumMismatch::Kind::MemberWithoutEnumerator, std::nullopt, M, Keys[I]});
    }
  std::set<std::int64_t> MatchedValues;
  for (size_t I = 0; I < Enumerators.size(); ++I)
    if (Matched[I])
      MatchedValues.insert(Enumerators[I].Value);
  // When numbers are bound to agree, an ignored member stands for the enumerator of its number:
  // `kInvalid = 0` is opentelemetry's name for `SEVERITY_NUMBER_UNSPECIFIED = 0`.
  if (Options.Values)
    for (const ExternalMember &M : Members)
      if (M.Value && matchesAny(Options.IgnoreMembers, M.Name))
        MatchedValues.insert(*M.Value);
  if (Options.Direction != MatchDirection::CodeCoversSchema)
    for (size_t I = 0; I < Enumerators.size(); ++I)
      if (!Matched[I] && !MatchedValues.count(Enumerators[I].Value) &&
          !(Options.IsSentinel && Options.IsSentinel(Enumerators[I])))
        Extra.push_back({EnumMismatch::Kind::EnumeratorWithoutMember, Enumerators[I], std::nullopt,
                         Spelled[I]});

  std::vector<EnumMismatch> All = std::move(Missing);
  All.insert(All.end(), Extra.begin(), Extra.end());
  All.insert(All.end(), Differ.begin(), Differ.end());
  return All;
}

std::function<bool(const CodeEnumerator &)>
sentinelsByGlobs(const std::vector<CodeEnumerator> &Enumerators, const std::vector<Glob> &Sentinels) {
  std::set<std::string> Names;
  // The trailing run of sentinel names (`Undefined, NumOptions`) stands where a sentinel can.
  for (size_t I = Enumerators.size(); I > 0 && matchesAny(Sentinels, Enumerators[I - 1].Name); --I)
    Names.insert(Enumerators[I - 1].Name);
  std::set<std::int64_t> Earlier;
  for (const CodeEnumerator &E : Enumerators) {
    if (matchesAny(Sentinels, E.Name) && Earlier.count(E.Value))
      Names.insert(E.Name);
    Earlier.insert(E.Value);
  }
  return [Names = std::move(Names)](const CodeEnumerator &E) { return Names.count(E.Name) > 0; };
}

} // namespace contractcheck
