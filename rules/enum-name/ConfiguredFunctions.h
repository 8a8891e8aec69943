// The `functions` option of contract-enum-name: string-to-enum functions whose bodies the rule
// cannot see (a library, a generated parser), each with the argument that carries the name,
// the enum it names and the spelling it expects.
#pragma once

#include "utils/NameSpelling.h"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace contractcheck {

struct ConfiguredFunction {
  std::string Name; // qualified, as written in the configuration
  unsigned Arg = 0; // 0-based
  std::string Enum; // qualified
  NameSpelling Names = NameSpelling::Exact;
};

// One item, written today as "name=cfg::parse_level,arg=0,enum=cfg::Level,names=snake_case"
// (arg and names optional). The error names what is wrong.
// TODO(lead): with typed record-list options, read {name, arg, enum, names} mappings directly.
std::variant<ConfiguredFunction, std::string> parseConfiguredFunction(std::string_view Item);
// The error for a malformed item, or "" — the configuration loader's validator.
std::string configuredFunctionError(std::string_view Item);

} // namespace contractcheck
