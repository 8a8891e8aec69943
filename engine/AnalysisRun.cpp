#include "AnalysisRun.h"

#include "Baseline.h"
#include "InputError.h"
#include "OutputGuard.h"
#include "OwnedTemporaries.h"
#include "Paths.h"
#include "RealPaths.h"
#include "SourcePositions.h"
#include "StoreEviction.h"
#include "StoreRoots.h"
#include "StoredRun.h"
#include "WorkerPool.h"
#include "rules/RuleRegistry.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <map>
#include <set>

namespace contractcheck {

namespace {

// A whole-database run that analyses nothing must not pass a CI gate as clean.
void requireSomethingToAnalyse(const CompilationDatabase &Database, const RunPlan &P) {
  if (P.Subset || !P.Jobs.empty())
    return;
  if (Database.commands().empty())
    throw InputError("the compilation database has no entries; nothing to analyse",
                     Database.path());
  std::string Why;
  if (P.Excluded)
    Why += std::to_string(P.Excluded) + " excluded by paths.exclude";
  if (!P.NotCOrCpp.empty())
    Why += (Why.empty() ? "" : ", ") + std::to_string(P.NotCOrCpp.size()) + " assembly files skipped";
  throw InputError("none of the " + std::to_string(Database.commands().size()) +
                       " entries of the compilation database is analysed (" + Why +
                       "); nothing to analyse",
                   Database.path());
}

bool isConfigurationFile(const std::string &Path);

// A given file that is no source of the database, outside the project, that no translation unit
// includes and no configuration names (`contractcheck -p build /etc/hosts`, a path from another
// checkout) is a mistake: it was a warning and exit code 0, "analysed 0 of 0", which a gate or a
// script took for a clean run. Inside the project the same file is the hook's business (a CI
// workflow, a header only another platform includes) and stays a warning.
void requireGivenFilesOfTheProject(const RunPlan &P, const std::string &ProjectRoot,
                                   ConfigResolver &Configs, const CompilationDatabase &Database) {
  // A build directory outside a git work tree is its own root: the directory that holds it and
  // every source of the database (`project/{src,build}`) is the project too.
  if (P.UnmatchedHeaders.empty() && P.DataFiles.empty())
    return;
  const std::string &Sources = Database.sourcesDirectory();
  auto Inside = [&](const std::string &File) {
    for (const std::string &Real : {File, realPathOf(File)})
      if (relativeUnder(Real, ProjectRoot) || relativeUnder(Real, Sources))
        return true;
    return false;
  };
  const Config &Here = Configs.forFile(workingDirectory() + "/.");
  auto Named = [&](const std::string &File) {
    return isConfigurationFile(File) || Here.namesDataFile(File) ||
           Configs.forFile(File).namesDataFile(File) ||
           std::any_of(P.Jobs.begin(), P.Jobs.end(),
                       [&](const AnalysisJob &Job) { return Job.Settings->namesDataFile(File); });
  };
  std::string Where = relativeUnder(Sources, ProjectRoot) || Sources == ProjectRoot ? ProjectRoot
                      : relativeUnder(ProjectRoot, Sources) ? Sources
                                                            : ProjectRoot + " or " + Sources;
  const std::string Outside = "' is not a file of the project: it is outside " + Where +
                              " (the project root, and the directory holding the compilation "
                              "database " + Database.path() + " and its sources) and ";
  for (const std::string &Header : P.UnmatchedHeaders)
    if (!Inside(Header))
      throw InputError("'" + Header + Outside +
                       "no translation unit of the database includes it; nothing to analyse for "
                       "it");
  for (const std::string &File : P.DataFiles)
    if (!Inside(File) && !Named(File))
      throw InputError("'" + File + Outside +
                       "is neither a source of the database nor a file the configuration names; "
                       "nothing to analyse for it");
}

// In a subset run, only findings in what was given (the TUs, the headers they read, the data
// files), or pointing into it, are the user's business; the whole codebase was judged for
// facts, not for reports.
void keepFindingsInSubset(RunReport &Report, const std::vector<TUOutcome> &Outcomes,
                          const RunPlan &P, ConfigResolver &Configs) {
  std::set<std::string> Relevant(P.DataFiles.begin(), P.DataFiles.end());
  for (const TUOutcome &Outcome : Outcomes) {
    Relevant.insert(Outcome.File);
    for (const auto &[File, Hash] : Outcome.Dependencies)
      Relevant.insert(File);
  }
  // A finding elsewhere whose note points into what was given is this change's business too:
  // an enumerator removed from a header leaves the schema member that named it orphaned, and
  // the finding is at the schema's line with a note at the enum.
  // A changed configuration is the cause of every global finding in the files it governs.
  std::set<std::string> GivenConfigs;
  for (const std::string &File : P.DataFiles)
    if (isConfigurationFile(File))
      GivenConfigs.insert(File);
  std::erase_if(Report.Findings, [&](const Finding &F) {
    if (!GivenConfigs.empty() && GivenConfigs.count(Configs.forFile(F.Position.File).path()))
      return false;
    return !Relevant.count(F.Position.File) &&
           std::none_of(F.Notes.begin(), F.Notes.end(), [&](const RelatedNote &N) {
             return Relevant.count(N.Position.File) > 0;
           });
  });
}

// A configuration given as a file (a hook's changed .contractcheck.yaml) was read and checked
// when the run started (its errors are positioned there, exit 2) and the global rules it governs
// are judged: it is not a data file "no rule reads".
bool isConfigurationFile(const std::string &Path) {
  return llvm::sys::path::filename(Path) == ".contractcheck.yaml";
}

} // namespace

std::string defaultStoreDirectory(const CompilationDatabase &Database) {
  return absolutePath(parentDirectory(Database.path()) + "/.contractcheck-cache");
}

AnalysisRun::~AnalysisRun() = default;

AnalysisRun::AnalysisRun(std::shared_ptr<const CompilationDatabase> TheDatabase,
                         RunRequest TheRequest)
    : Database(std::move(TheDatabase)), Request(std::move(TheRequest)),
      // A database with no file (given on the command line) has the working directory's root.
      ProjectRoot(!Request.ProjectRoot.empty() ? absolutePath(Request.ProjectRoot)
                  : projectRootOf(Database->isFixed() ? absolutePath(".")
                                                      : parentDirectory(Database->path()))),
      Configs(Request.ConfigPath, ProjectRoot),
      Hashes(Request.Hashes ? *Request.Hashes : OwnHashes) {
  forgetNormalisedNames(); // a new run asks the file system again (SourcePositions.h)
  if (!Request.ProjectRoot.empty() && !llvm::sys::fs::is_directory(ProjectRoot))
    throw InputError("--project-root: '" + Request.ProjectRoot + "' is not a directory");
  if (Request.Store != StoreMode::Off)
    Store.emplace(Request.StoreDirectory.empty() ? defaultStoreDirectory(*Database)
                                                 : absolutePath(Request.StoreDirectory),
                  ProjectRoot);
  // Half-written entries a killed run (SIGKILL: nothing of it runs) left in the store.
  if (Store && Request.Store == StoreMode::ReadWrite)
    reapStaleTemporaryFiles(Store->directory());
  // A caller's own hashes (the language server's) are its business.
  if (Store && !Request.Hashes)
    OwnHashes.keepBetweenRuns(Store->directory());
  Plan = planRun(*Database, Configs, Request.Files, store(), Hashes, Request.Settings);
  requireSomethingToAnalyse(*Database, Plan);
  if (!Database->isFixed())
    requireGivenFilesOfTheProject(Plan, ProjectRoot, Configs, *Database);

  // Everything the run reads that an output path must not name.
  Guard = std::make_unique<OutputGuard>();
  if (!Database->isFixed())
    Guard->addInput(Database->path(), "the compilation database");
  for (const AnalysisJob &Job : Plan.Jobs)
    Guard->addInput(Job.Command->File, "a source file of the analysis");
  for (const std::string &File : Plan.DataFiles)
    Guard->addInput(File, "a data file of the analysis");
  for (const std::string &File : Plan.Headers)
    Guard->addInput(File, "a header of the analysis");
  std::vector<const Config *> Used{&Configs.forFile(workingDirectory() + "/.")};
  for (const AnalysisJob &Job : Plan.Jobs)
    Used.push_back(Job.Settings);
  for (const Config *Cfg : Used)
    if (!Cfg->path().empty())
      Guard->addInput(Cfg->path(), "the configuration");
  if (Request.ConfigPath)
    Guard->addInput(*Request.ConfigPath, "the configuration");
  // The baseline read may be the one written (--baseline B --write-baseline B updates it), with
  // or without a report beside it; no other output may replace it.
  if (!Request.BaselinePath.empty())
    Guard->addInput(Request.BaselinePath, "the baseline", "--write-baseline");
  for (const auto &[Path, Option] : Request.Outputs)
    Guard->addOutput(Path, Option);
  if (!Request.WriteBaselinePath.empty())
    Guard->addOutput(Request.WriteBaselinePath, "--write-baseline");
  Guard->checkBeforeAnalysis();

  if (!Request.BaselinePath.empty())
    Accepted = std::make_unique<Baseline>(Baseline::load(Request.BaselinePath));
}

// The store names the build that last wrote it, so that a later build's run can say why none
// of its results came from it.
void AnalysisRun::recordBuildIfStored(const std::vector<TUOutcome> &Outcomes,
                                      const std::vector<std::string> &StoreErrors) const {
  if (Store && Request.Store == StoreMode::ReadWrite && StoreErrors.empty() &&
      std::any_of(Outcomes.begin(), Outcomes.end(), [](const TUOutcome &O) {
        return O.State == TUOutcome::Status::Analyzed && !O.FromStore;
      }))
    Store->recordBuild();
}

unsigned AnalysisRun::requestedWorkers() const {
  return workersFor(Request.Workers);
}

RunResult AnalysisRun::analyse(const ProgressCallback &Progress) {
  RunResult Result;
  Result.Workers = requestedWorkers();
  StoreUse Use{store(), &Hashes};
  Use.StoredOnly = Request.Store == StoreMode::StoredOnly;
  Use.Write = Request.Store == StoreMode::ReadWrite;
  // The editor's buffers are not on disk: a stored result of the file on disk is not theirs.
  Use.Read = Request.Settings.Overlays.empty();
  // Files given (a hook's, an editor's, a build's action per TU) load their system headers
  // precompiled from the store; a whole-codebase run shares them between its TUs instead, and
  // its cold run must not pay for storing them.
  Use.Prefixes = Plan.Subset;
  Use.LeftToBuilder = &Result.PrefixLeftToBuilder;
  Use.KeptTemplateBodies = &Request.KeptTemplateBodies;
  Use.Run = storedRun();
  Result.StoreOfAnotherBuild = Store && Use.Read && Store->lastWrittenByAnotherBuild();
  std::vector<std::string> StoreErrors;
  Result.Outcomes = analyzeAll(Plan.Jobs, Request.Settings, Result.Workers, Progress, Use,
                               &StoreErrors, &Result.Workers);
  recordBuildIfStored(Result.Outcomes, StoreErrors);
  // An unwritable store fails every TU the same way: one line, not one per TU.
  Result.NotStored = StoreErrors.size();
  std::map<std::string, size_t> Count;
  for (const std::string &Error : StoreErrors)
    if (Count[Error]++ == 0)
      Result.StoreWarnings.push_back(Error);
  for (std::string &Warning : Result.StoreWarnings)
    if (size_t N = Count[Warning]; N > 1)
      Warning += " (" + std::to_string(N) + " results not stored)";
  return Result;
}

RunResult AnalysisRun::extract(const ProgressCallback &Progress) {
  RunResult Result = analyse(Progress);
  // An entry that could not be read fails an extraction of the whole database; one of given
  // files (a build's action per TU) did not ask for it.
  bool Failed = (!Plan.Subset && !Database->unreadableEntries().empty()) ||
                std::any_of(Result.Outcomes.begin(), Result.Outcomes.end(), [](const TUOutcome &O) {
                  return O.State != TUOutcome::Status::Analyzed;
                });
  Result.Crashed = std::any_of(Result.Outcomes.begin(), Result.Outcomes.end(), leftAThreadParked);
  // What extract is for is the store: a result it could not keep is a failed extraction, and
  // the build system must not record it as done.
  Result.Exit = Result.NotStored ? BadInput : Failed ? Incomplete : Clean;
  // A depfile or stamp must not replace a header a TU read either.
  ReadFiles Read;
  for (const TUOutcome &Outcome : Result.Outcomes)
    for (const auto &[Path, Hash] : Outcome.Dependencies)
      Read.add(Path, Hash);
  Guard->checkAgainstRead(Read);
  evictUnusedStoreEntries();
  keepFileHashes();
  return Result;
}

GlobalPhase AnalysisRun::globalPhase() {
  GlobalPhase Phase;
  for (const AnalysisJob &Job : Plan.Jobs)
    if (std::find(Phase.Configs.begin(), Phase.Configs.end(), Job.Settings) == Phase.Configs.end())
      Phase.Configs.push_back(Job.Settings);
  // Given no source: the configurations that read a given file (a data file a rule names, or
  // the configuration itself). A file none reads (a CI workflow, the hook's own
  // .pre-commit-config.yaml) runs no global rule, so the rest of the codebase is not analysed
  // for facts nothing would judge: that took minutes on a fresh clone, for a warning.
  if (Plan.Jobs.empty())
    for (const std::string &File : Plan.DataFiles) {
      const Config &Cfg = Configs.forFile(File);
      if ((isConfigurationFile(File) || Cfg.namesDataFile(File)) &&
          std::find(Phase.Configs.begin(), Phase.Configs.end(), &Cfg) == Phase.Configs.end())
        Phase.Configs.push_back(&Cfg);
    }
  Phase.ConfigFor = [this](const std::string &F) -> const Config & { return Configs.forFile(F); };
  return Phase;
}

// A subset run (a hook's files, an editor's buffer) judges the global rules with the stored
// facts of the TUs it did not analyse, each validated like any stored result. Those without a
// valid entry (a fresh clone, a wiped build directory, a TU edited since) are analysed once for
// their facts and stored, so the next subset run is fast; their own findings are not this run's
// business. The editor, which stores nothing, does not: its global rules are told their facts
// are incomplete.
void AnalysisRun::addOthersFacts(ResultMerger &Merger, GlobalPhase &Phase, RunResult &Result,
                                 const ProgressCallback &Progress) {
  std::vector<AnalysisJob> Missing;
  StoredRun *Run = storedRun();
  for (const AnalysisJob &Other : Plan.Others) {
    std::optional<std::vector<Fact>> Stored;
    if (Store) {
      std::string Key = storeKeyOf(*Store, Other, Request.Settings);
      const std::string &Directory = Other.Command->Directory;
      if (Run)
        Stored = Run->facts(Key, Directory, Hashes);
      OthersNotSummarised += !Stored;
      // A long-lived process keeps what it read from the entries between its runs; its runs
      // analyse buffers, never write the summary, so have nothing to keep for it.
      if (!Stored && Request.OthersFacts)
        Stored = Store->loadFacts(Key, Directory, Hashes, Request.OthersFacts);
      else if (!Stored)
        if (std::optional<StoredResult> Entry = Store->openUnchanged(Key, Directory, Hashes)) {
          Stored = Entry->facts();
          if (Stored && Run)
            Run->keep(Key, *Entry);
        }
    }
    if (Stored)
      Merger.addFacts(std::move(*Stored));
    else
      Missing.push_back(Other);
  }
  if (Missing.empty())
    return;
  bool NeedsFacts = std::any_of(Phase.Configs.begin(), Phase.Configs.end(), [](const Config *Cfg) {
    return std::any_of(allRules().begin(), allRules().end(), [&](const RuleInfo *Info) {
      return Info->CreateGlobalRule && Cfg->rule(Info->Id).Enabled;
    });
  });
  if (!NeedsFacts)
    return;
  if (!Store || Request.Store != StoreMode::ReadWrite || !Request.Settings.Overlays.empty()) {
    Phase.FactsComplete = false;
    return;
  }
  if (Request.Note)
    Request.Note("the result store holds no up-to-date facts for " +
                 std::to_string(Missing.size()) + " of the " +
                 std::to_string(Plan.Others.size() + Plan.Jobs.size()) +
                 " translation units; analysing them once for the global rules (later runs "
                 "take those that parse from the result store)");
  StoreUse Use{&*Store, &Hashes};
  Use.Prefixes = false; // the rest of the codebase, as a whole-codebase run analyses it
  Use.Run = Run;
  std::vector<std::string> StoreErrors;
  // As many workers as the run was given, not as the subset used: a one-file commit on a fresh
  // clone analyses every other TU here.
  unsigned Workers = requestedWorkers();
  std::vector<TUOutcome> Outcomes =
      analyzeAll(Missing, Request.Settings, Workers, Progress, Use, &StoreErrors, &Workers);
  // A hook's commit of a configuration alone stores every TU here and none above.
  recordBuildIfStored(Outcomes, StoreErrors);
  Result.OthersAnalysed = Missing.size();
  Result.OthersWorkers = std::max(1u, std::min<unsigned>(Workers, Missing.size()));
  Result.NotStored += StoreErrors.size();
  if (!StoreErrors.empty() && Result.StoreWarnings.empty())
    Result.StoreWarnings.push_back(StoreErrors.front());
  for (TUOutcome &Outcome : Outcomes) {
    Result.Crashed = Result.Crashed || leftAThreadParked(Outcome);
    if (Outcome.State == TUOutcome::Status::Analyzed) {
      Merger.addFacts(std::move(Outcome.Facts));
      continue;
    }
    if (Phase.FactsComplete) {
      Phase.FactsComplete = false;
      Phase.WhyIncomplete = "translation unit " + Outcome.File + " did not parse";
    }
    Result.OthersFailed.push_back(std::move(Outcome));
  }
}

RunResult AnalysisRun::run(SourceFiles &Sources, const ProgressCallback &Progress) {
  RunResult Result = analyse(Progress);
  DataFiles Data;
  ResultMerger Merger(Sources, Data);
  GlobalPhase Phase = globalPhase();
  addOthersFacts(Merger, Phase, Result, Progress);
  // A TU without facts (it did not parse, crashed, or `check` has no result for it) may be the
  // one a global judgement needs: what it cannot find is "not judged", never "does not exist".
  std::vector<std::string> Unanalysed;
  for (const TUOutcome &Outcome : Result.Outcomes)
    if (Outcome.State != TUOutcome::Status::Analyzed)
      Unanalysed.push_back("translation unit " + Outcome.File +
                           (Outcome.State == TUOutcome::Status::ParseFailed ? " did not parse"
                            : Outcome.State == TUOutcome::Status::Crashed ? " crashed"
                            : Outcome.State == TUOutcome::Status::TimedOut
                                ? " " + Outcome.Errors.front()
                                : " has no up-to-date result in the result store"));
  if (!Unanalysed.empty()) {
    Phase.FactsComplete = false;
    Phase.WhyIncomplete = Unanalysed.front();
    if (Unanalysed.size() > 1)
      Phase.WhyIncomplete += " (and " + std::to_string(Unanalysed.size() - 1) +
                             " more translation units were not analysed)";
  }
  size_t FromStore = 0, PrefixesFromStore = 0;
  // analyzeAll gives the outcomes in the order of the jobs.
  for (size_t I = 0; I < Result.Outcomes.size(); ++I) {
    const TUOutcome &Outcome = Result.Outcomes[I];
    FromStore += Outcome.FromStore;
    PrefixesFromStore += Outcome.PrefixFromStore;
    Merger.add(Outcome, *Plan.Jobs[I].Settings);
  }
  Result.Report = Merger.finish(Phase);
  Result.Report.Excluded = Plan.Excluded;
  Result.Report.RepeatedEntries = Plan.RepeatedEntries;
  Result.Report.FromStore = FromStore;
  Result.Report.PrefixesFromStore = PrefixesFromStore;
  Guard->checkAgainstRead(Result.Report.Read);
  // The rules' data files are inputs too: a report written over a schema replaced it.
  Guard->checkAgainstFiles(Data.readPaths(), "a data file the rules read");
  filter(Result, Sources, Data);
  if (Request.Fix)
    Result.Fixes = applyFixes(Result.Report.Findings, Result.Report.Read);
  Result.Crashed = Result.Crashed || std::any_of(Result.Report.Failures.begin(),
                                                 Result.Report.Failures.end(), leftAThreadParked);
  Result.Workers = std::max(1u, std::min<unsigned>(Result.Workers, Plan.Jobs.size()));
  Result.Exit = exitCodeOf(Result);
  writeStoredRun();
  evictUnusedStoreEntries();
  keepFileHashes();
  return Result;
}

StoredRun *AnalysisRun::storedRun() {
  if (!SummaryRead && Store && !Database->isFixed())
    Summary = std::make_unique<StoredRun>(*Store, Database->path());
  SummaryRead = true;
  return Summary.get();
}

// Every TU of the run (those analysed and the others whose facts it read) with a result, in one
// file the next run reads instead of their entries. A subset run (the hook's, on files just
// edited) whose other TUs all came from the summary leaves it as it is: what it would change
// is the given files' results, which the next edit makes stale again, and writing it cost such
// a run more than the summary saved it; the next whole run reads those TUs' entries and writes
// it. An editor's buffers are not the files on disk; a run that may not write the store leaves
// it as it is.
void AnalysisRun::writeStoredRun() {
  if (!Summary || Request.Store != StoreMode::ReadWrite || !Request.Settings.Overlays.empty())
    return;
  if (Plan.Subset && OthersNotSummarised == 0)
    return;
  // One that cannot be written makes the next run slower, not wrong: the entries are all there.
  (void)Summary->write(Plan.Jobs.size() + Plan.Others.size());
}

// Last, when the run has read (and so marked) every entry it uses.
void AnalysisRun::evictUnusedStoreEntries() {
  if (Store && Request.Store == StoreMode::ReadWrite)
    evictUnusedEntries(Store->directory(), Request.StoreMaxAge);
}

void AnalysisRun::keepFileHashes() {
  if (Store && !Request.Hashes && Request.Store == StoreMode::ReadWrite)
    (void)OwnHashes.saveKept(); // a store that cannot keep them is slower, not wrong
}

void AnalysisRun::filter(RunResult &Result, SourceFiles &Sources, const DataFiles &Data) {
  RunReport &Report = Result.Report;
  if (Plan.Subset)
    keepFindingsInSubset(Report, Result.Outcomes, Plan, Configs);
  // A file under paths.exclude was left alone on purpose (a vendored tree's headers, scripts and
  // workflows, which `pre-commit run --all-files` gives by the dozen): no warning about it.
  auto Excluded = [&](const std::string &File) { return Configs.forFile(File).isExcluded(File); };
  for (const std::string &Header : Plan.UnmatchedHeaders)
    if (!Excluded(Header))
      Report.Warnings.push_back({Header, 0, 0,
                               "no translation unit of the compilation database includes it; "
                               "not analysed"});
  std::vector<const Config *> Governing{&Configs.forFile(workingDirectory() + "/.")};
  for (const AnalysisJob &Job : Plan.Jobs)
    Governing.push_back(Job.Settings);
  std::set<FileWarning> Said;
  for (const Config *Cfg : Governing)
    for (const FileWarning &Warning : Cfg->warnings())
      if (Said.insert(Warning).second)
        Report.Warnings.push_back(Warning);
  std::set<std::string> Read = Data.readPaths();
  for (const std::string &DataFile : Plan.DataFiles)
    if (!Read.count(DataFile) && !isConfigurationFile(DataFile) && !Excluded(DataFile))
      Report.Warnings.push_back({DataFile, 0, 0,
                                 "not a source of the compilation database, and no rule reads "
                                 "it; ignored"});
  if (Accepted) {
    Report.Baselined = Accepted->filter(Report.Findings, Sources);
    if (Request.Files.empty() && Report.Failures.empty())
      Report.BaselineUnmatched = Accepted->size() - Report.Baselined;
  }
  if (!Request.WriteBaselinePath.empty()) {
    Baseline::write(Request.WriteBaselinePath, Report.Findings, Sources);
    Report.Baselined += Report.Findings.size();
    Report.Findings.clear();
  }
}

int AnalysisRun::exitCodeOf(const RunResult &Result) const {
  if (Result.Fixes && !Result.Fixes->Errors.empty())
    return BadInput;
  const RunReport &Report = Result.Report;
  // A rule setting that cannot be used is bad input like any configuration error; a TU not
  // analysed or a data file not judged leaves the analysis incomplete.
  if (std::any_of(Report.Problems.begin(), Report.Problems.end(), [](const RuleProblem &P) {
        return P.What == RuleProblem::Kind::Configuration;
      }))
    return BadInput;
  if (!Report.Failures.empty() || !Report.Problems.empty() ||
      !Database->unreadableEntries().empty())
    return Incomplete;
  bool Failing = std::any_of(Report.Findings.begin(), Report.Findings.end(),
                             [&](const Finding &F) { return F.Level >= Request.FailOn; });
  return Failing ? FindingsFound : Clean;
}

} // namespace contractcheck
