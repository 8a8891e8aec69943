// Whether a C++ enum and an external definition of the same set agree: which members have no
// enumerator, which enumerators have no member, and which numbers differ, with both positions.
// Pure: the enumerators come as plain records (from the facts of whichever TU defines the enum).
#pragma once

#include "rules/schema-sync/ExternalEnum.h"
#include "Glob.h"
#include "rules/utils/NameSpelling.h"

#include <functional>

namespace contractcheck {

struct CodeEnumerator {
  std::string Name; // unqualified, as declared
  std::int64_t Value = 0;
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
};

enum class MatchDirection {
  Both,             // every member needs an enumerator and every enumerator a member
  CodeCoversSchema, // every external member needs an enumerator
  SchemaCoversCode, // every (non-sentinel) enumerator needs a member
};

enum class MatchKey {
  Names,  // the external member's name
  Values, // a Python (str, Enum) member's string value
};

// The `direction` and `match` options' choices.
inline constexpr OptionChoice<MatchDirection> MatchDirectionList[] = {
    {MatchDirection::Both, "both"},
    {MatchDirection::CodeCoversSchema, "code-covers-schema"},
    {MatchDirection::SchemaCoversCode, "schema-covers-code"},
};
inline constexpr OptionEnumMapping MatchDirectionChoices(MatchDirectionList);
inline constexpr OptionChoice<MatchKey> MatchKeyList[] = {
    {MatchKey::Names, "names"},
    {MatchKey::Values, "values"},
};
inline constexpr OptionEnumMapping MatchKeyChoices(MatchKeyList);

struct EnumMatchOptions {
  NameSpelling Names = NameSpelling::Exact; // how the enumerators are spelled externally
  std::string StripPrefix;                  // removed from external names before matching
  std::string StripEnumeratorPrefix;        // removed from C++ names before spelling (C enums)
  // External members that need no enumerator (proto3's `*_UNSPECIFIED = 0`).
  std::vector<Glob> IgnoreMembers;
  bool Values = false;                      // numbers must agree too
  MatchDirection Direction = MatchDirection::Both;
  MatchKey Key = MatchKey::Names;
  // Enumerators that count rather than name a state (kCount): never expected externally.
  std::function<bool(const CodeEnumerator &)> IsSentinel;
};

struct EnumMismatch {
  enum class Kind { MemberWithoutEnumerator, EnumeratorWithoutMember, ValueDiffers };
  Kind K;
  std::optional<CodeEnumerator> Enumerator; // all but MemberWithoutEnumerator
  std::optional<ExternalMember> Member;     // all but EnumeratorWithoutMember
  std::string ExternalName; // the spelling looked for (the enumerator's) or compared (the member's)
};

std::vector<EnumMismatch> matchEnumSets(const std::vector<CodeEnumerator> &Enumerators,
                                        const std::vector<ExternalMember> &Members,
                                        const EnumMatchOptions &Options);

// contract-switch-coverage's sentinel rule: a name matching one of Sentinels is a sentinel when
// it ends the enum (with the other sentinel names after it) or has the value of an enumerator
// declared before it.
std::function<bool(const CodeEnumerator &)>
sentinelsByGlobs(const std::vector<CodeEnumerator> &Enumerators, const std::vector<Glob> &Sentinels);

} // namespace contractcheck
