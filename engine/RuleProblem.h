// A global rule's problem with what it reads: a setting that cannot be used as written, or a data
// file it cannot judge. Not a translation unit that failed: a positioned error of its own, in
// every output format.
#pragma once

#include "Finding.h"

#include <string>
#include <string_view>

namespace contractcheck {

struct RuleProblem {
  // Input: a data file is malformed or names what no TU defines (the analysis is incomplete,
  // exit 3). Configuration: a rule setting cannot be used as written (bad input, exit 2).
  enum class Kind { Input, Configuration };
  std::string RuleId;
  Kind What = Kind::Input;
  SourcePosition Where; // Line 0: the file as a whole
  std::string Message;

  // "file:line:col: error: message [rule-id]", as clang writes a diagnostic; the file as
  // displayPath() shows it against BaseDir (none: as it is).
  std::string text(std::string_view BaseDir = {}) const;
};

// "input-error" / "configuration-error", as the JSON and SARIF reports name them.
std::string_view kindName(RuleProblem::Kind K);
// By place, then rule and message; the kind follows from the rule and message.
bool operator<(const RuleProblem &A, const RuleProblem &B);
bool operator==(const RuleProblem &A, const RuleProblem &B);

} // namespace contractcheck
