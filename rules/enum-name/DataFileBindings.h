// contract-enum-name's data files: values at key paths of YAML/JSON files (routes, feature
// flags, fixtures) that must spell an enumerator of a C++ enum defined in some analysed TU.
// Judged once per run from the enum's definition fact, in the CLI.
#pragma once

#include "DataDocument.h"
#include "OptionEnumMapping.h"
#include "rules/utils/NameSpelling.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace contractcheck {

class GlobalContext;

// The choices of a binding's `format`: how its files are parsed whatever their extension
// (OpenColorIO's configs are YAML under `.ocio`; drogon's config.example.json is JSON with
// comments and trailing commas, which jsoncpp reads and strict JSON refuses).
inline constexpr OptionChoice<DataDocument::Format> DataFormatChoiceList[] = {
    {DataDocument::Format::Json, "json"},
    {DataDocument::Format::Yaml, "yaml"},
    {DataDocument::Format::Jsonc, "jsonc"},
};
inline constexpr OptionEnumMapping DataFormatChoices(DataFormatChoiceList);

// One item of the `data` option, as validated by the option parser.
struct DataFileBinding {
  std::vector<std::string> Files; // path globs, relative to the configuration file
  std::string Key;                // "routes[*].channel"
  std::string Enum;               // qualified
  NameSpelling Names = NameSpelling::Exact;
  std::string StripEnumeratorPrefix; // removed from the enumerators before spelling ("RT_")
  // How the files are parsed; none: by each file's extension (.json, .yaml, .yml).
  std::optional<DataDocument::Format> Format;
};
void from_json(const nlohmann::json &J, DataFileBinding &B);

// Reports every value that spells no enumerator, at the value, with a note at the enum; a
// binding that cannot be used (a malformed key path, an enum no TU defines, globs that match
// no file) is a configuration error at its line in the configuration, a malformed data file an
// input problem.
void judgeDataFiles(GlobalContext &Context, const std::vector<DataFileBinding> &Bindings);

} // namespace contractcheck
