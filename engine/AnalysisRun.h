// One run of contractcheck, the same for every front end (the CLI's run, `extract` and `check`,
// and the language server): plan -> result store -> per-TU analysis -> global phase -> filters
// (subset, baseline) -> fixes -> exit code. Front ends parse their arguments into a RunRequest
// and render what comes back.
#pragma once

#include "Analyzer.h"
#include "CompilationDatabase.h"
#include "Config.h"
#include "FixApplier.h"
#include "ResultMerger.h"
#include "RunPlan.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace contractcheck {

class Baseline;

enum ExitCode { Clean = 0, FindingsFound = 1, BadInput = 2, Incomplete = 3 };

enum class StoreMode {
  Off,        // --no-cache: neither read nor write
  ReadWrite,  // take valid stored results, store what was analysed
  StoredOnly, // contractcheck check: take stored results, analyse nothing
  ReadOnly,   // the editor: its unsaved buffers are not what is on disk, so nothing is stored
};

struct RunRequest {
  std::optional<std::string> ConfigPath; // --config; else the nearest .contractcheck.yaml
  std::vector<std::string> Files;        // none: every TU of the database
  AnalysisSettings Settings;
  StoreMode Store = StoreMode::ReadWrite;
  std::string StoreDirectory; // empty: defaultStoreDirectory()
  // Entries of the store no run has used for this long are removed at the end of a run that
  // writes to it (StoreEviction.h); 0: never. A week, as Gradle's build cache keeps its entries:
  // what a changed flag, configuration or contractcheck build left behind goes, and a project
  // analysed daily keeps everything it uses.
  static constexpr std::chrono::seconds DefaultStoreMaxAge = std::chrono::hours(24 * 7);
  std::chrono::seconds StoreMaxAge = DefaultStoreMaxAge;
  // What stored results' paths and the default configuration's relative paths are taken from,
  // besides each TU's compile directory; empty: projectRootOf the database's directory.
  std::string ProjectRoot;
  // Content hashes kept across runs by a long-lived front end (the editor), revalidating; none:
  // this run hashes each file once.
  FileHashes *Hashes = nullptr;
  // The other TUs' facts kept from earlier runs of a long-lived process (the language server):
  // entries unchanged since are validated, not read again.
  KeptFacts *OthersFacts = nullptr;
  // TUs whose last analysis kept template bodies, when the front end's results are not stored
  // (StoreUse::KeptTemplateBodies).
  std::set<std::string> KeptTemplateBodies;
  unsigned Workers = 0;       // 0: every core
  // Files the run will write, each with the option that names it: refused before any work when
  // one is an input of the run (OutputGuard).
  std::vector<std::pair<std::string, std::string>> Outputs;
  std::string BaselinePath;      // findings it records are accepted
  std::string WriteBaselinePath; // every finding is recorded there and accepted
  bool Fix = false;
  Severity FailOn = Severity::Error;
  // Told what the run does beyond what was asked (a first subset run analysing the TUs whose
  // facts the global rules need); none: nothing is said.
  std::function<void(const std::string &)> Note;
};

struct RunResult {
  std::vector<TUOutcome> Outcomes; // of the TUs the plan analysed, in plan order
  RunReport Report;
  std::optional<FixSummary> Fixes;
  // Why results could not be stored: each distinct reason once, with how many results it cost.
  std::vector<std::string> StoreWarnings;
  size_t NotStored = 0; // analysed results the store could not keep
  unsigned Workers = 1; // the workers that ran
  // A subset run's other TUs that had no stored facts, analysed once for the global rules (not
  // counted in Report), and the workers that did it: the first hook run on a fresh clone spends
  // most of its time there, which "analysed 1 of 1 translation units" alone would hide.
  size_t OthersAnalysed = 0;
  unsigned OthersWorkers = 0;
  // The TU's system headers are being precompiled by the builder process for the next run
  // (PrefixBuilder.h): the run did not wait for them.
  bool PrefixLeftToBuilder = false;
  // Those of them that did not parse (a stale generated source, a missing generated header):
  // nothing of them is stored, so every subset run analyses them again, which the summary says
  // rather than promising that later runs take them from the store.
  std::vector<TUOutcome> OthersFailed;
  int Exit = Clean;
  bool Crashed = false; // a crash was contained: static state may be inconsistent
  // The store was last written by another contractcheck build (rebuilt, upgraded), whose
  // results this one does not read: why nothing came from it.
  bool StoreOfAnotherBuild = false;
};

// The result store of a database, unless --cache-dir says otherwise: beside it in the build
// directory, as clangd keeps its index in .cache/ beside compile_commands.json.
std::string defaultStoreDirectory(const CompilationDatabase &Database);

class AnalysisRun {
public:
  // Reads the configurations and the baseline, plans, and checks the outputs against the inputs:
  // throws InputError for what the user must fix before anything is analysed.
  AnalysisRun(std::shared_ptr<const CompilationDatabase> Database, RunRequest Request);
  ~AnalysisRun();

  const CompilationDatabase &database() const { return *Database; }
  const RunPlan &plan() const { return Plan; }
  const std::string &projectRoot() const { return ProjectRoot; }
  const ResultStore *store() const { return Store ? &*Store : nullptr; }

  // The map step alone (contractcheck extract): analyses the planned TUs, through the store.
  RunResult extract(const ProgressCallback &Progress = {});
  // The whole run. Sources holds the files findings point into; an editor puts its unsaved
  // buffers there first.
  RunResult run(SourceFiles &Sources, const ProgressCallback &Progress = {});

private:
  // -j N, or one per core.
  unsigned requestedWorkers() const;
  void recordBuildIfStored(const std::vector<TUOutcome> &Outcomes,
                           const std::vector<std::string> &StoreErrors) const;
  RunResult analyse(const ProgressCallback &Progress);
  // The summary of the last run's results in the store (StoredRun.h), read once; null when the
  // run has no store, or its database is no file.
  class StoredRun *storedRun();
  void writeStoredRun();
  GlobalPhase globalPhase();
  void addOthersFacts(ResultMerger &Merger, GlobalPhase &Phase, RunResult &Result,
                      const ProgressCallback &Progress);
  void filter(RunResult &Result, SourceFiles &Sources, const DataFiles &Data);
  void evictUnusedStoreEntries();
  // What the run hashed, kept in the store for the next run (FileHashes::keepBetweenRuns).
  void keepFileHashes();
  int exitCodeOf(const RunResult &Result) const;

  std::shared_ptr<const CompilationDatabase> Database;
  RunRequest Request;
  std::string ProjectRoot; // before Configs: the default configuration's base
  ConfigResolver Configs;
  std::optional<ResultStore> Store;
  FileHashes OwnHashes;
  FileHashes &Hashes;
  RunPlan Plan;
  std::unique_ptr<Baseline> Accepted;
  std::unique_ptr<class OutputGuard> Guard;
  std::unique_ptr<class StoredRun> Summary;
  bool SummaryRead = false;
  size_t OthersNotSummarised = 0; // other TUs whose facts the summary did not hold
};

} // namespace contractcheck
