// The key a fact anchored at one place in the source is merged by across TUs: a header's fact
// comes once from each TU that includes it, at the same file, line and column.
#pragma once

#include "Finding.h"

#include <string>

namespace contractcheck {

inline std::string positionKey(const SourcePosition &Where) {
  return Where.File + ":" + std::to_string(Where.Line) + ":" + std::to_string(Where.Column);
}

} // namespace contractcheck
