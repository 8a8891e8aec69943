// Runs the per-TU analysis over many TUs on N worker threads, one AST alive per worker, taking
// what it can from the result store and storing what it computes.
#pragma once

#include "ResultStore.h"
#include "TranslationUnitAnalyzer.h"

#include <functional>
#include <set>
#include <string>

namespace contractcheck {

struct AnalysisJob {
  const CompileCommand *Command;
  const Config *Settings;
};

// Progress(done, total, file) is called from worker threads, serialised.
using ProgressCallback = std::function<void(size_t, size_t, const std::string &)>;

struct StoreUse {
  const ResultStore *Store = nullptr; // none: analyse everything, store nothing
  FileHashes *Hashes = nullptr;
  bool Read = true;  // take valid stored results instead of analysing
  bool Write = true; // store what was analysed
  // Only take stored results; a TU without one comes back NotExtracted (contractcheck check).
  bool StoredOnly = false;
  // A TU alone with its compiler settings loads its system headers precompiled from the store,
  // storing them when they are not there (StoredPrefixes.h).
  bool Prefixes = false;
  // Set when a precompiled prefix was left to the builder process (PrefixBuilder.h).
  bool *LeftToBuilder = nullptr;
  // TUs (by main file) whose last analysis kept template bodies, known to a front end whose
  // results are not stored (the language server): each starts keeping them, as a TU whose
  // stale stored result says so does, and is not parsed twice on every save.
  const std::set<std::string> *KeptTemplateBodies = nullptr;
  // The summary of the last run's results (StoredRun.h): a TU's result is taken from it before
  // its entry is opened, and every result of this run is kept for the next summary.
  class StoredRun *Run = nullptr;
};

// The result store key of a job.
std::string storeKeyOf(const ResultStore &Store, const AnalysisJob &Job,
                       const AnalysisSettings &Settings);

// Results come back in the order of Jobs, whatever order the workers finished in. Problems
// writing the store are appended to StoreWarnings. When a worker thread cannot be created, the
// workers already running do its share; *WorkersStarted says how many ran.
std::vector<TUOutcome> analyzeAll(const std::vector<AnalysisJob> &Jobs,
                                  const AnalysisSettings &Settings, unsigned Workers,
                                  const ProgressCallback &Progress = {}, const StoreUse &Store = {},
                                  std::vector<std::string> *StoreWarnings = nullptr,
                                  unsigned *WorkersStarted = nullptr);

} // namespace contractcheck
