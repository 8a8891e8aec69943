#include "Analyzer.h"

#include <atomic>
#include <mutex>
#include <system_error>
#include <thread>

namespace contractcheck {

std::vector<TUOutcome> analyzeAll(const std::vector<AnalysisJob> &Jobs,
                                  const AnalysisSettings &Settings, unsigned Workers,
                                  const ProgressCallback &Progress, unsigned *WorkersStarted) {
  std::vector<TUOutcome> Outcomes(Jobs.size());
  std::atomic<size_t> Next{0};
  std::mutex ProgressMutex;
  size_t Done = 0;
  auto Work = [&] {
    for (size_t I = Next++; I < Jobs.size(); I = Next++) {
      Outcomes[I] = analyzeTranslationUnit(*Jobs[I].Command, *Jobs[I].Settings, Settings);
      if (Progress) {
        std::lock_guard<std::mutex> Lock(ProgressMutex);
        Progress(++Done, Jobs.size(), Jobs[I].Command->File);
      }
    }
  };
  Workers = std::max(1u, std::min<unsigned>(Workers, static_cast<unsigned>(Jobs.size())));
  std::vector<std::thread> Threads;
  for (unsigned W = 1; W < Workers; ++W) {
    try {
      Threads.emplace_back(Work);
    } catch (const std::system_error &) {
      break; // no memory or thread left for another worker: fewer workers do the same work
    }
  }
  if (WorkersStarted)
    *WorkersStarted = static_cast<unsigned>(Threads.size()) + 1;
  Work();
  for (std::thread &T : Threads)
    T.join();
  return Outcomes;
}

} // namespace contractcheck
