// --fix: writes the findings' fix-its into the files. A file is rewritten only if it is still
// exactly what the analysis parsed, in one atomic write; fix-its that overlap, or that sit at the
// same place with different text (a header analysed in two configurations), are all left out.
#pragma once

#include "Finding.h"
#include "FileIdentity.h"

#include <string>
#include <vector>

namespace contractcheck {

struct FixSummary {
  size_t Applied = 0;
  size_t FilesChanged = 0;
  std::vector<std::string> Problems; // fixes left out: conflicts, files changed since the parse
  std::vector<std::string> Errors;   // files that could not be written (left as they were)
};

// Read: what the analysis read (a file it did not read, or read in two versions, is not touched).
// A finding's fix-its are applied all together or not at all.
FixSummary applyFixes(const std::vector<Finding> &Findings, const ReadFiles &Read);

} // namespace contractcheck
