// Fingerprints that identify a finding across runs for code-scanning services (SARIF
// partialFingerprints, GitLab Code Quality): stable across unrelated edits, distinct for
// distinct findings.
#pragma once

#include "Finding.h"
#include "SourceFiles.h"

#include <string>
#include <vector>

namespace contractcheck {

// One per finding, in order: a hash of the baseline key (rule, file relative to Root, message,
// line text; no line number) and the finding's occurrence among findings with the same key.
std::vector<std::string> findingFingerprints(const std::vector<Finding> &Findings,
                                             const std::string &Root, SourceFiles &Sources);

} // namespace contractcheck
