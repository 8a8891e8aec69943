// An enum as another language or schema defines it: its members' names, values and positions,
// whatever file kind they were read from (JSON Schema, YAML list, .proto, Python).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace contractcheck {

struct ExternalMember {
  std::string Name;
  std::optional<std::int64_t> Value;      // a number the source states or implies (auto())
  std::optional<std::string> StringValue; // a Python str-enum value, a schema string
  unsigned Line = 0;
  unsigned Column = 0;
};

struct ExternalEnum {
  std::string Name; // as the source spells it, nested names joined by '.'
  unsigned Line = 0;
  unsigned Column = 0;
  std::vector<ExternalMember> Members;
};

} // namespace contractcheck
