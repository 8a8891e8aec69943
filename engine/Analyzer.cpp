#include "Analyzer.h"

#include "PrefixBuilder.h"
#include "SharedHeaders.h"
#include "StoredPrefixes.h"
#include "StoredRun.h"
#include "StoredScans.h"
#include "WorkerPool.h"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <optional>

namespace contractcheck {

std::string storeKeyOf(const ResultStore &Store, const AnalysisJob &Job,
                       const AnalysisSettings &Settings) {
  return Store.keyOf(analysisCommandLine(*Job.Command, Settings), Job.Command->Directory,
                            Job.Command->File, Job.Settings->fingerprint());
}

namespace {

// A TU the result store could not answer for.
struct ToParse {
  size_t Job;
  std::string Key;
  bool KeepTemplateBodies;
  size_t Sharing = static_cast<size_t>(-1); // its index among the TUs SharedHeaders plans for
};

} // namespace

std::vector<TUOutcome> analyzeAll(const std::vector<AnalysisJob> &Jobs,
                                  const AnalysisSettings &Settings, unsigned Workers,
                                  const ProgressCallback &Progress, const StoreUse &Store,
                                  std::vector<std::string> *StoreWarnings,
                                  unsigned *WorkersStarted) {
  std::vector<TUOutcome> Outcomes(Jobs.size());
  std::mutex Mutex;
  size_t Done = 0;
  auto Finished = [&](size_t I, const std::string &StoreError) {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (!StoreError.empty() && StoreWarnings)
      StoreWarnings->push_back(StoreError);
    if (Progress)
      Progress(++Done, Jobs.size(), Jobs[I].Command->File);
  };

  auto KeptBefore = [&](size_t I) {
    return Store.KeptTemplateBodies && Store.KeptTemplateBodies->count(Jobs[I].Command->File);
  };
  std::vector<std::optional<ToParse>> Misses(Jobs.size());
  unsigned Started = runOnWorkers(Jobs.size(), Workers, [&](size_t I) {
    if (!Store.Store) {
      Misses[I] = ToParse{I, {}, KeptBefore(I)};
      return;
    }
    std::string Key = storeKeyOf(*Store.Store, Jobs[I], Settings);
    const std::string &Directory = Jobs[I].Command->Directory;
    bool Reads = Store.Read || Store.StoredOnly;
    // The run's summary first: one file for every TU, each file and lookup checked once.
    std::optional<TUOutcome> Valid;
    if (Reads && Store.Run)
      Valid = Store.Run->outcome(Key, Directory, *Store.Hashes);
    // Read once, lazily: a valid entry is the result; of a stale one only the flag that says
    // how the TU was parsed is read.
    std::optional<StoredResult> Stored =
        Valid ? std::nullopt : Store.Store->open(Key, Directory);
    auto Take = [&](StoredResult &Entry) {
      if (Store.Run)
        Store.Run->keep(Key, Entry);
      Valid = std::move(Entry).outcome();
    };
    if (Reads && !Valid) {
      if (Stored && Stored->readsUnchanged(*Store.Hashes, Jobs[I].Command->File))
        Take(*Stored);
      else if (std::optional<StoredResult> Earlier = Store.Store->openEarlier(
                   Key, Directory, *Store.Hashes, Jobs[I].Command->File))
        Take(*Earlier);
    }
    if (Valid) {
      Valid->FromStore = true;
      Outcomes[I] = std::move(*Valid);
      Finished(I, {});
    } else if (Store.StoredOnly) {
      Outcomes[I].File = Jobs[I].Command->File;
      Outcomes[I].State = TUOutcome::Status::NotExtracted;
      Outcomes[I].Errors = {"no up-to-date result for this file in the result store " +
                            Store.Store->directory() + "; run 'contractcheck extract' for it"};
      Finished(I, {});
    } else {
      // A TU whose last analysis had to keep template bodies most likely still does: its stale
      // entry says so, and the parse that would find it out again is saved.
      Misses[I] =
          ToParse{I, std::move(Key), (Stored && Stored->keptTemplateBodies()) || KeptBefore(I)};
    }
  });

  std::vector<ToParse> Parses;
  std::vector<const CompileCommand *> Sharing;
  for (std::optional<ToParse> &Miss : Misses)
    if (Miss) {
      Miss->Sharing = Sharing.size();
      Sharing.push_back(Jobs[Miss->Job].Command);
      Parses.push_back(std::move(*Miss));
    }
  std::optional<StoredPrefixes> Stored;
  std::optional<StoredScans> Scans;
  if (Store.Store && Store.Prefixes && !Sharing.empty()) {
    Stored.emplace(*Store.Store, *Store.Hashes, Settings.Overlays, Settings.TimeLimit,
                   backgroundPrefixBuildsEnabled());
    Scans.emplace(*Store.Store, *Store.Hashes, Settings.Overlays);
  }
  SharedHeaders Headers(Sharing, Settings, Workers, Stored ? &*Stored : nullptr,
                        Scans ? &*Scans : nullptr);
  for (const ToParse &Parse : Parses)
    if (Parse.KeepTemplateBodies)
      Headers.keepsTemplateBodies(Parse.Sharing);
  // The costliest first (longest processing time first): the last TU to start is a small one.
  std::vector<size_t> Cost(Sharing.size());
  for (size_t I = 0; I < Sharing.size(); ++I)
    Cost[I] = Headers.estimatedCost(I);
  std::stable_sort(Parses.begin(), Parses.end(), [&](const ToParse &A, const ToParse &B) {
    return Cost[A.Sharing] > Cost[B.Sharing];
  });
  runOnWorkers(Parses.size(), Workers, [&](size_t P) {
    const ToParse &Parse = Parses[P];
    const AnalysisJob &Job = Jobs[Parse.Job];
    if (Headers.scanTimedOut(Parse.Sharing)) {
      Outcomes[Parse.Job].File = Job.Command->File;
      Outcomes[Parse.Job].State = TUOutcome::Status::TimedOut;
      Outcomes[Parse.Job].Errors = {timedOutMessage(Settings.TimeLimit)};
      Finished(Parse.Job, {});
      return;
    }
    ParseStart Start{Parse.KeepTemplateBodies, [&](bool KeepTemplateBodies) {
                       return Headers.prefixFor(Parse.Sharing, KeepTemplateBodies);
                     },
                     [&](const PrecompiledPrefix *Prefix) {
                       Headers.rejected(Parse.Sharing, Prefix);
                     },
                     Headers.decidesAtEnd(Parse.Sharing), Headers.scanOf(Parse.Sharing)};
    // The lookups are what a stored outcome is validated against; nothing else reads them.
    Start.RecordLookups = Store.Store && Store.Write;
    auto ReadSince = std::chrono::system_clock::now();
    Outcomes[Parse.Job] = analyzeTranslationUnit(*Job.Command, *Job.Settings, Settings, Start);
    // What the parse read is what the rest of the run validates stored entries against: the
    // other TUs' include most of the same headers, which need not be read and hashed again.
    if (Store.Hashes && Settings.Overlays.empty())
      Store.Hashes->remember(Outcomes[Parse.Job].Dependencies, ReadSince);
    std::string StoreError;
    std::string Rest;
    if (Store.Store && Store.Write)
      StoreError = Store.Store->save(Parse.Key, Job.Command->Directory, Outcomes[Parse.Job],
                                     Store.Run ? &Rest : nullptr);
    if (Store.Run && Store.Write && StoreError.empty())
      Store.Run->keep(Parse.Key, std::move(Rest), Outcomes[Parse.Job]);
    Finished(Parse.Job, StoreError);
  });
  if (WorkersStarted)
    *WorkersStarted = Started;
  if (Store.LeftToBuilder && Stored && Stored->requested())
    *Store.LeftToBuilder = true;
  return Outcomes;
}

} // namespace contractcheck
