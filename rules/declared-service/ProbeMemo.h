// Where the probe needs a compiler of its own (the TU's parser is not reachable:
// TranslationUnitProbe.h), every TU that includes a service's header would parse the same
// probe: within one process, a probe whose snippet, compiler settings and input files (by
// content) are unchanged is answered from memory. Safe across threads, and across edits in a long-lived process (the language
// server): an entry whose inputs changed is a miss.
#pragma once

#include "rules/declared-service/SignatureJudge.h"
#include "rules/declared-service/SignatureProbe.h"

#include <optional>
#include <string>
#include <vector>

namespace clang {
class Preprocessor;
}

namespace contractcheck {

struct ProbeOutcome {
  ProbeResult Probe;
  std::vector<ContractVerdicts> Verdicts;
};

// What the probe's answer depends on besides its snippet and inputs: target, predefined and
// command-line macros, include paths, forced includes, working directory.
std::string probeSettingsKey(const clang::Preprocessor &PP);

std::optional<ProbeOutcome> recallProbe(const std::string &Key, const clang::Preprocessor &PP);
void rememberProbe(const std::string &Key, const ProbeOutcome &Outcome);

} // namespace contractcheck
