// The report formats. Text is for people (clang-style), JSON is our own stable schema
// (docs/json-output.md), SARIF 2.1.0 and GitLab Code Quality are for code-scanning services.
#pragma once

#include "ResultMerger.h"
#include "SourceFiles.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace llvm {
class raw_ostream;
}

namespace contractcheck {

struct TextStyle {
  bool Color = false;
  std::string BaseDir; // paths under it are shown relative to it
};

void writeText(llvm::raw_ostream &OS, const RunReport &Report, SourceFiles &Sources,
               const TextStyle &Style);
nlohmann::json toJsonReport(const RunReport &Report);
// Paths under SourceRoot become relative URIs against %SRCROOT%. Sources gives the line texts
// that partialFingerprints are made of.
nlohmann::json toSarif(const RunReport &Report, const std::string &SourceRoot,
                       SourceFiles &Sources);
// GitLab Code Quality (Code Climate issues); paths relative to SourceRoot.
nlohmann::json toCodeClimate(const RunReport &Report, const std::string &SourceRoot,
                             SourceFiles &Sources);

} // namespace contractcheck
