// Whether a YAML stream holds more than one document, without YAML::LoadAll: yaml-cpp 0.7 can
// loop forever in LoadAll on some malformed input (",%" yields empty documents without consuming
// anything; found by fuzzing). Shared by the configuration loader and the data-file parser.
#pragma once

#include <yaml-cpp/mark.h>

#include <string_view>

namespace contractcheck {

struct YamlDocumentCount {
  size_t Documents = 0; // 0, 1, or 2 for "more than one"
  YAML::Mark At;        // where the second document starts, or where the parser stalled
  bool Stalled = false; // the parser cannot get past At
};

// How many documents Text holds, reading at most two. Throws YAML::Exception for malformed
// input.
YamlDocumentCount countYamlDocuments(std::string_view Text);

} // namespace contractcheck
