#include "Analyzer.h"

#include <atomic>
#include <mutex>
#include <system_error>
#include <thread>

namespace contractcheck {

std::string storeKeyOf(const AnalysisJob &Job, const AnalysisSettings &Settings) {
  return ResultStore::keyOf(analysisCommandLine(*Job.Command, Settings), Job.Command->Directory,
                            Job.Command->File, Job.Settings->fingerprint());
}

namespace {

TUOutcome outcomeOf(const AnalysisJob &Job, const AnalysisSettings &Settings,
                    const StoreUse &Store, std::string &StoreError) {
  if (!Store.Store)
    return analyzeTranslationUnit(*Job.Command, *Job.Settings, Settings);
  std::string Key = storeKeyOf(Job, Settings);
  // Read once: a valid entry is the result, a stale one still says how the TU was parsed.
  std::optional<TUOutcome> Stored = Store.Store->loadAsStored(Key);
  if ((Store.Read || Store.StoredOnly) && Stored &&
      ResultStore::readsUnchanged(*Stored, *Store.Hashes)) {
    Stored->FromStore = true;
    return std::move(*Stored);
  }
  if (Store.StoredOnly) {
    TUOutcome Missing;
    Missing.File = Job.Command->File;
    Missing.State = TUOutcome::Status::NotExtracted;
    Missing.Errors = {"no up-to-date result for this file in the result store " +
                      Store.Store->directory() + "; run 'contractcheck extract' for it"};
    return Missing;
  }
  // A TU whose last analysis had to keep template bodies most likely still does: its stale
  // entry says so, and the parse that would find it out again is saved.
  TUOutcome Outcome = analyzeTranslationUnit(*Job.Command, *Job.Settings, Settings,
                                             Stored && Stored->KeptTemplateBodies);
  if (Store.Write)
    StoreError = Store.Store->save(Key, Outcome);
  return Outcome;
}

} // namespace

std::vector<TUOutcome> analyzeAll(const std::vector<AnalysisJob> &Jobs,
                                  const AnalysisSettings &Settings, unsigned Workers,
                                  const ProgressCallback &Progress, const StoreUse &Store,
                                  std::vector<std::string> *StoreWarnings,
                                  unsigned *WorkersStarted) {
  std::vector<TUOutcome> Outcomes(Jobs.size());
  std::atomic<size_t> Next{0};
  std::mutex Mutex;
  size_t Done = 0;
  auto Work = [&] {
    for (size_t I = Next++; I < Jobs.size(); I = Next++) {
      std::string StoreError;
      Outcomes[I] = outcomeOf(Jobs[I], Settings, Store, StoreError);
      std::lock_guard<std::mutex> Lock(Mutex);
      if (!StoreError.empty() && StoreWarnings)
        StoreWarnings->push_back(StoreError);
      if (Progress)
        Progress(++Done, Jobs.size(), Jobs[I].Command->File);
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
