// The two front ends of DataDocument: strict JSON and YAML into positioned DataNode trees.
#pragma once

#include "DataDocument.h"

namespace contractcheck::data_detail {

// Each returns nullopt with Error's line, column and message set (not its file) on bad input.
// Jsonc: `//` and `/* */` comments and a comma before `}` or `]` are accepted as white space
// (JSON as jsoncpp's default reader takes it).
std::optional<DataNode> parseJson(std::string_view Text, DataError &Error, bool Jsonc = false);
std::optional<DataNode> parseYaml(std::string_view Text, DataError &Error);

// A plain (unquoted) YAML scalar's kind by the YAML 1.2 core schema: null, bool, number or string.
DataNode::Kind plainScalarKind(std::string_view S);

} // namespace contractcheck::data_detail
