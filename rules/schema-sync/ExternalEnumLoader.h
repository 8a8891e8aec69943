// One binding's external side: the file (JSON/YAML schema or list, .proto, .py) read, parsed
// and searched for what `at` names, whatever its kind, with the error classified the way the
// run reports it (a bad binding is a configuration error, a malformed file an incomplete run).
#pragma once

#include "DataDocument.h"
#include "rules/schema-sync/ExternalEnum.h"

namespace contractcheck {

struct ExternalEnumSource {
  ExternalEnum Enum; // Name is `at`; Line/Column where the definition starts
  std::string File;
  bool StringValues = false;              // a Python str enum: `match: values` is possible
  std::vector<std::string> ReservedNames; // a .proto enum's reserved names
};

struct ExternalEnumError {
  // Malformed: the file does not parse (the run is incomplete, exit 3; other bindings go on).
  // Otherwise the binding itself is wrong: no such file, `at` names nothing or no member list
  // (a configuration error, exit 2).
  bool Malformed = false;
  DataError Error;
};

// Whether Path is of a kind a binding can name (.json, .yaml, .yml, .proto, .py).
bool isExternalEnumFile(std::string_view Path);

// Path is the external file (already made absolute against the configuration's directory);
// At is a JSON Pointer for .json/.yaml/.yml files and an enum or class name for .proto/.py.
std::optional<ExternalEnumSource> loadExternalEnum(const std::string &Path, std::string_view At,
                                                   ExternalEnumError &Error);
// The same from the file's text, already read (a global rule reads through its context, which
// reads each file once and records it as an input of the run).
std::optional<ExternalEnumSource> loadExternalEnumFromText(const std::string &Path,
                                                           std::string_view Text,
                                                           std::string_view At,
                                                           ExternalEnumError &Error);

} // namespace contractcheck
