// The reduce step: merges every TU's outcome, runs the global rules over the merged facts, drops
// duplicate findings (a header seen by many TUs, under any spelling of its path, reports once)
// and suppressed ones.
#pragma once

#include "Config.h"
#include "FileIdentity.h"
#include "ParsedFiles.h"
#include "SourceFiles.h"
#include "TUOutcome.h"

#include <map>
#include <set>

namespace contractcheck {

struct RunReport {
  std::vector<Finding> Findings; // unique, unsuppressed, in findingLess order
  std::vector<TUOutcome> Failures; // TUs not analysed, with their errors
  size_t TranslationUnits = 0;
  size_t Suppressed = 0;
  size_t Baselined = 0; // accepted by --baseline / recorded by --write-baseline
  size_t Excluded = 0; // TUs skipped by paths.exclude, not counted in TranslationUnits
  // Problems worth telling the user that are not findings, e.g. an unmatched BEGIN directive.
  std::vector<std::string> Warnings;
  // What the parses read, by canonical spelling (see FileSpellings), and the files whose content
  // differed between two TUs' parses (edited during the run).
  ParsedFileHashes Parsed;
  std::set<std::string> ChangedDuringRun;
  std::map<std::string, size_t> findingsByRule() const;
  size_t analyzed() const { return TranslationUnits - Failures.size(); }
};

class ResultMerger {
public:
  explicit ResultMerger(SourceFiles &Sources) : Sources(Sources) {}

  void add(TUOutcome Outcome);
  // GlobalConfig decides which global rules run and with which options.
  RunReport finish(const Config &GlobalConfig);

private:
  // Every path in a finding, note or fix-it is replaced by the first spelling seen for its file.
  void canonicalize(Finding &F);

  SourceFiles &Sources;
  FileSpellings Spellings;
  FactStore Facts;
  std::vector<Finding> Findings;
  RunReport Report;
};

} // namespace contractcheck
