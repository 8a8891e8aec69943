// contract-schema-sync's global step: each binding's C++ enum (from the facts of whichever TU
// defines it) against the external definition it names, both ways. A binding that cannot be
// used as written is a configuration error (exit 2) at its line in the configuration, a
// malformed external file an input problem (exit 3); the other bindings are still judged.
#pragma once

#include "Glob.h"
#include "GlobalRule.h"
#include "rules/schema-sync/EnumSetMatch.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace contractcheck {

inline constexpr std::string_view SchemaSyncRuleId = "contract-schema-sync";

// One entry of `bindings`, with the keys issue 9 spells.
struct SchemaSyncBinding {
  std::string Enum;               // enum: qualified C++ name
  std::string File;               // file: relative to the configuration file
  std::string At;                 // at: JSON Pointer, or the .proto enum / Python class name
  NameSpelling Names = NameSpelling::Exact; // names
  std::string StripPrefix;        // strip-prefix
  std::string StripEnumeratorPrefix; // strip-enumerator-prefix
  std::vector<std::string> IgnoreMembers = {"*_UNSPECIFIED"}; // ignore-members
  bool Values = false;            // values
  MatchDirection Direction = MatchDirection::Both; // direction
  MatchKey Match = MatchKey::Names; // match: names|values (Python str enums)
};
void from_json(const nlohmann::json &J, SchemaSyncBinding &B);

class RuleOptions;

class SchemaSyncGlobal : public GlobalRule {
public:
  explicit SchemaSyncGlobal(const RuleOptions &Options);
  SchemaSyncGlobal(std::vector<SchemaSyncBinding> Bindings, std::vector<Glob> Sentinels)
      : Bindings(std::move(Bindings)), Sentinels(std::move(Sentinels)) {}
  void run(GlobalContext &Context) override;

private:
  void judge(GlobalContext &Context, const SchemaSyncBinding &B, size_t Index);
  std::vector<SchemaSyncBinding> Bindings;
  std::vector<Glob> Sentinels;
};

} // namespace contractcheck
