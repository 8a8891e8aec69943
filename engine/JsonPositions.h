// Where a value sits in a JSON text, for errors about a well-formed document whose values have
// the wrong type or shape (nlohmann::json keeps no positions).
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace contractcheck {

// An object key or an array index.
using JsonStep = std::variant<std::string, size_t>;

// Byte offset of the value reached from the root by Path in Text (valid JSON); the offset of
// the deepest value found on the way when the path does not exist.
size_t jsonValueOffset(std::string_view Text, const std::vector<JsonStep> &Path);

} // namespace contractcheck
