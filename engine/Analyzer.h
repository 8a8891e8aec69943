// Runs the per-TU analysis over many TUs on N worker threads, one AST alive per worker.
#pragma once

#include "TranslationUnitAnalyzer.h"

#include <functional>

namespace contractcheck {

struct AnalysisJob {
  const CompileCommand *Command;
  const Config *Settings;
};

// Progress(done, total, file) is called from worker threads, serialised.
using ProgressCallback = std::function<void(size_t, size_t, const std::string &)>;

// Results come back in the order of Jobs, whatever order the workers finished in. When a worker
// thread cannot be created, the workers already running do its share; *WorkersStarted says how
// many ran.
std::vector<TUOutcome> analyzeAll(const std::vector<AnalysisJob> &Jobs,
                                  const AnalysisSettings &Settings, unsigned Workers,
                                  const ProgressCallback &Progress = {},
                                  unsigned *WorkersStarted = nullptr);

} // namespace contractcheck
