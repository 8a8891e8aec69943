// contract-enum-name's data-file half, pure: the values at a key path of a YAML/JSON data file
// that spell no enumerator, with their positions and a did-you-mean.
#pragma once

#include "DataDocument.h"
#include "DataKeyPath.h"
#include "rules/utils/NameSpelling.h"

namespace contractcheck {

struct BadEnumValue {
  DataPosition Position;
  std::string Text;                   // the value as written (a non-string's kind for non-strings)
  bool NotAString = false;            // a number, map, list... where a name belongs
  std::optional<std::string> Closest; // the spelled enumerator it is likely a typo of
};

// Every value Path reaches in Doc that is not an enumerator of Enumerators spelled as Spelling.
// Absent keys are fine; null values are too (an unset optional field).
std::vector<BadEnumValue> findBadEnumValues(const DataDocument &Doc, const DataKeyPath &Path,
                                            const std::vector<std::string> &Enumerators,
                                            NameSpelling Spelling);

} // namespace contractcheck
