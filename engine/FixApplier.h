// --fix: writes the findings' fix-its into the files, skipping any that overlap another.
#pragma once

#include "Finding.h"

#include <string>
#include <vector>

namespace contractcheck {

struct FixSummary {
  size_t Applied = 0;
  size_t FilesChanged = 0;
  std::vector<std::string> Problems; // conflicts, unwritable files
};

FixSummary applyFixes(const std::vector<Finding> &Findings);

} // namespace contractcheck
