// Where a value sits in a JSON text, for errors about a well-formed document whose values have
// the wrong type or shape (nlohmann::json keeps no positions). The positions come from the one
// positioned JSON reader, the data-document parser the data-file rules read with
// (framework/JsonDocumentParser.cpp), not from a lexer of its own.
#pragma once

#include "DataDocument.h"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace contractcheck {

// An object key or an array index.
using JsonStep = std::variant<std::string, size_t>;

// The line:col of the value reached from the root by Path in Text (valid JSON); that of the
// deepest value found on the way when the path does not exist; 1:1 when the text is more than
// the data-document reader takes (a repeated key, beyond its size limits).
DataPosition jsonValuePosition(std::string_view Text, const std::vector<JsonStep> &Path);

} // namespace contractcheck
