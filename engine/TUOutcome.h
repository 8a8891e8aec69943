// What analysing one translation unit produced. Serialisable, so a run can be cached or sharded
// and merged elsewhere.
#pragma once

#include "Facts.h"
#include "Finding.h"
#include "ParsedFiles.h"

#include <string>
#include <vector>

namespace contractcheck {

struct TUOutcome {
  enum class Status { Analyzed, ParseFailed, Crashed };
  std::string File;
  Status State = Status::Analyzed;
  std::vector<std::string> Errors; // clang's first errors, or what crashed
  std::vector<Finding> Findings;
  std::vector<Fact> Facts;
  ParsedFileHashes Parsed; // every file the parse read: for --fix and the output-path check
};

std::string_view statusName(TUOutcome::Status S);
void to_json(nlohmann::json &J, const TUOutcome &O);
void from_json(const nlohmann::json &J, TUOutcome &O);

} // namespace contractcheck
