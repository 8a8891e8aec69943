// Whether a YAML stream holds more than one document, without YAML::LoadAll: yaml-cpp 0.7 can
// loop forever in LoadAll on some malformed input (",%" yields empty documents without consuming
// anything; found by fuzzing). Shared by the configuration loader and the data-file parser.
#pragma once

#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>

#include <string>
#include <string_view>

namespace YAML {
class Parser;
}

namespace contractcheck {

struct YamlDocumentCount {
  size_t Documents = 0; // 0, 1, or 2 for "more than one"
  YAML::Mark At;        // where the second document starts, or where the parser stalled
  bool Stalled = false; // the parser cannot get past At
};

// How many documents Text holds, reading at most two. Throws YAML::Exception for malformed
// input.
YamlDocumentCount countYamlDocuments(std::string_view Text);
// The same answer for a stream whose first document, which started at First, Parser has
// handled already (into a tree, in the same pass): reads at most one more document.
YamlDocumentCount countYamlDocumentsAfter(YAML::Parser &Parser, const YAML::Mark &First);

// How deep a YAML file may nest: yaml-cpp's parser, which recurses, stops at about this depth
// (it says "bad file"); contractcheck's own recursive walks stop here too.
inline constexpr unsigned MaxYamlDepth = 500;

// What a yaml-cpp exception means, said plainly ("bad file" from its depth guard is the nesting).
// Given the Text it read, an error on a line indented with a tab says so: yaml-cpp calls that
// "illegal map value" or "end of map not found", and a tab looks like spaces in an editor.
std::string yamlErrorText(const YAML::Exception &E, std::string_view Text = {});

} // namespace contractcheck
