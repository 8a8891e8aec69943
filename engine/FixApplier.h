// --fix: writes the findings' fix-its into the files. A file is rewritten only if it is still
// exactly what the analysis parsed, in one atomic write; fix-its that overlap, or that sit at the
// same place with different text (a header analysed in two configurations), are all left out.
#pragma once

#include "Finding.h"
#include "ParsedFiles.h"

#include <set>
#include <string>
#include <vector>

namespace contractcheck {

struct FixSummary {
  size_t Applied = 0;
  size_t FilesChanged = 0;
  std::vector<std::string> Problems; // fixes left out: conflicts, files changed since the parse
  std::vector<std::string> Errors;   // files that could not be written (left as they were)
};

// Findings' paths must be canonical spellings (see FileSpellings), as Parsed's are. A finding's
// fix-its are applied all together or not at all. ChangedDuringRun: files two TUs saw differ.
FixSummary applyFixes(const std::vector<Finding> &Findings, const ParsedFileHashes &Parsed,
                      const std::set<std::string> &ChangedDuringRun);

} // namespace contractcheck
