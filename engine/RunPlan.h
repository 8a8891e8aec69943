// What a run analyses: every TU of the compile database, or the files given on the command line
// (pre-commit), where a header stands for the TUs that include it and any other file is a data
// file for the global rules.
#pragma once

#include "Analyzer.h"
#include "CompilationDatabase.h"
#include "Config.h"

#include <string>
#include <vector>

namespace contractcheck {

struct RunPlan {
  std::vector<AnalysisJob> Jobs;
  size_t Excluded = 0;
  // The database's entries after the first for the files of Jobs: not analysed.
  size_t RepeatedEntries = 0;
  std::vector<std::string> NotCOrCpp; // assembly and the like: nothing for a rule to read
  bool Subset = false;                // files were given
  // In a subset run: the database's other TUs, whose stored facts complete the global phase.
  std::vector<AnalysisJob> Others;
  std::vector<std::string> Headers;          // given headers that map to TUs
  std::vector<std::string> UnmatchedHeaders; // given headers no TU includes
  bool HeadersMappedByScan = false;          // some TUs were matched without the result store
  std::vector<std::string> DataFiles;        // given files that are neither sources nor headers
};

bool isHeaderPath(const std::string &Path);

// Throws InputError for a path that does not exist or a source file not in the database.
RunPlan planRun(const CompilationDatabase &Database, ConfigResolver &Configs,
                const std::vector<std::string> &Paths, const ResultStore *Store,
                FileHashes &Hashes, const AnalysisSettings &Settings);

} // namespace contractcheck
