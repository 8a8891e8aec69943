// The `functions` option of contract-enum-name: string-to-enum functions whose bodies the rule
// cannot see (a library, a generated parser), each with the argument that carries the name,
// the enum it names and the spelling it expects.
#pragma once

#include "rules/utils/NameSpelling.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace contractcheck {

struct ConfiguredFunction {
  std::string Name; // qualified, as written in the configuration
  unsigned Arg = 0; // 0-based
  std::string Enum; // qualified
  NameSpelling Names = NameSpelling::Exact;
};

// Reads one {name, arg, enum, names} record, already validated by the option parser.
void from_json(const nlohmann::json &J, ConfiguredFunction &F);

} // namespace contractcheck
