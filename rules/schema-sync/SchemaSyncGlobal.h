// contract-schema-sync's global step: each binding's C++ enum (from the facts of whichever TU
// defines it) against the external definition it names, both ways; bad bindings and malformed
// external files are input problems, the other bindings are still judged.
#pragma once

#include "Glob.h"
#include "GlobalRule.h"

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
  std::string Names = "exact";    // names: a NameSpelling name
  std::string StripPrefix;        // strip-prefix
  bool Values = false;            // values
  std::string Direction = "both"; // direction
  std::string Match = "names";    // match: names|values (Python str enums)
};
void from_json(const nlohmann::json &J, SchemaSyncBinding &B);

class SchemaSyncGlobal : public GlobalRule {
public:
  SchemaSyncGlobal(std::vector<SchemaSyncBinding> Bindings, std::vector<Glob> Sentinels)
      : Bindings(std::move(Bindings)), Sentinels(std::move(Sentinels)) {}
  void run(GlobalContext &Context) override;

private:
  void judge(GlobalContext &Context, const SchemaSyncBinding &B);
  std::vector<SchemaSyncBinding> Bindings;
  std::vector<Glob> Sentinels;
};

} // namespace contractcheck
