#include "Driver.h"

#include "Analyzer.h"
#include "Baseline.h"
#include "CompilationDatabase.h"
#include "Config.h"
#include "CrashContainment.h"
#include "FixApplier.h"
#include "Formatters.h"
#include "InputError.h"
#include "AtomicFile.h"
#include "OutputGuard.h"
#include "ResultMerger.h"
#include "RuleRegistry.h"
#include "RunPlan.h"

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/Threading.h>
#include <llvm/Support/raw_ostream.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <set>

using namespace llvm;

namespace contractcheck {

namespace {

enum class Format { Text, Json, Sarif, CodeClimate };
enum ExitCode { Clean = 0, FindingsFound = 1, BadInput = 2, Incomplete = 3 };

cl::OptionCategory Category("contractcheck options");

cl::opt<std::string> BuildPath("p", cl::desc("Build directory holding compile_commands.json"),
                               cl::value_desc("build-dir"), cl::cat(Category));
cl::list<std::string> SourcePaths(cl::Positional,
                                  cl::desc("[<file> ...]  (default: every file in the database)"),
                                  cl::cat(Category));
cl::opt<std::string> ConfigPath("config",
                                cl::desc("Configuration file; default: the nearest "
                                         ".contractcheck.yaml upward from each file"),
                                cl::value_desc("file"), cl::cat(Category));
cl::opt<Format> OutputFormat("format", cl::desc("Report format"),
                             cl::values(clEnumValN(Format::Text, "text", "clang-style (default)"),
                                        clEnumValN(Format::Json, "json", "docs/json-output.md"),
                                        clEnumValN(Format::Sarif, "sarif", "SARIF 2.1.0"),
                                        clEnumValN(Format::CodeClimate, "codeclimate",
                                                   "GitLab Code Quality (Code Climate)")),
                             cl::init(Format::Text), cl::cat(Category));
cl::opt<std::string> OutputPath("output", cl::desc("Write the report to <file> instead of stdout"),
                                cl::value_desc("file"), cl::cat(Category));
cl::opt<unsigned> Jobs("j", cl::desc("Parallel workers, -j N or -jN (default: all cores)"), cl::init(0), cl::Prefix,
                       cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply the findings' fix-its to the source files"),
                  cl::cat(Category));
cl::opt<bool> ListRules("list-rules", cl::desc("List the rules and exit"), cl::cat(Category));
cl::opt<std::string> Explain("explain", cl::desc("Describe a rule and its options, and exit"),
                             cl::value_desc("rule"), cl::cat(Category));
cl::list<std::string> ExtraArgs("extra-arg",
                                cl::desc("Argument to append to every compiler command line"),
                                cl::cat(Category));
cl::list<std::string> ExtraArgsBefore("extra-arg-before",
                                      cl::desc("Argument to prepend to every compiler command line"),
                                      cl::cat(Category));
cl::opt<std::string> BaselinePath("baseline",
                                  cl::desc("Ignore the findings recorded in <file> (adoption)"),
                                  cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> WriteBaselinePath(
    "write-baseline", cl::desc("Record every current finding in <file> and accept them"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Result store: unit results reused while nothing they read changed "
             "(default: BUILD_DIR/.contractcheck-cache)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> NoCache("no-cache", cl::desc("Neither read nor write the result store"),
                      cl::cat(Category));
cl::opt<std::string> DepFile("depfile",
                             cl::desc("extract: write a Makefile depfile of what the TU read "
                                      "(for build systems)"),
                             cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> StampFile("stamp", cl::desc("extract: the target the depfile names"),
                               cl::value_desc("file"), cl::cat(Category));
cl::opt<PrecompileMode> SharedHeaderMode(
    "shared-headers",
    cl::desc("Parse the system headers that several TUs include once for all of them"),
    cl::values(clEnumValN(PrecompileMode::Auto, "auto",
                          "when at least two of the TUs analysed begin with them (default)"),
               clEnumValN(PrecompileMode::Never, "never", "every TU parses its own headers"),
               clEnumValN(PrecompileMode::Always, "always",
                          "even for a single TU (to test that it changes nothing)")),
    cl::init(PrecompileMode::Auto), cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No summary or progress on stderr"), cl::cat(Category));
cl::opt<Severity> FailOn("fail-on",
                         cl::desc("Lowest severity that makes the exit code 1 (default: error)"),
                         cl::values(clEnumValN(Severity::Error, "error", "errors only"),
                                    clEnumValN(Severity::Warning, "warning", "warnings too")),
                         cl::init(Severity::Error), cl::cat(Category));

void printVersion(raw_ostream &OS) { OS << "contractcheck " CONTRACTCHECK_VERSION "\n"; }

int listRules() {
  for (const RuleInfo *Info : allRules())
    outs() << Info->Id << "  ["
           << (Info->Scope == RuleScope::TranslationUnit ? "per-TU, also in clang-tidy" : "global")
           << "]\n    " << Info->Summary << "\n";
  return Clean;
}

int explainRule(const std::string &Id) {
  const RuleInfo *Info = findRule(Id);
  if (!Info) {
    std::vector<std::string> Ids;
    for (const RuleInfo *R : allRules())
      Ids.emplace_back(R->Id);
    errs() << "error: unknown rule '" << Id << "'" << didYouMean(Id, Ids)
           << "; 'contractcheck --list-rules' lists them\n";
    return BadInput;
  }
  outs() << Info->Id << ": " << Info->Summary << "\n\n" << Info->Description << "\n";
  if (!Info->Options.empty()) {
    outs() << "\nOptions (.contractcheck.yaml key / clang-tidy CheckOptions name):\n";
    for (const OptionSpec &Spec : Info->Options)
      outs() << "  " << Spec.Key << " / " << Info->Id << "." << tidyOptionName(Spec.Key)
             << "  (default: '" << Spec.Default << "')\n      " << Spec.Help << "\n";
  }
  outs() << "\nDocumentation: " << docsUrl(Info->Id) << "\n";
  return Clean;
}

// File names and source lines may be in any encoding; invalid UTF-8 is replaced, never thrown.
std::string dumpJson(const nlohmann::json &J) {
  return J.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string renderReport(const RunReport &Report, SourceFiles &Sources, bool Color) {
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  switch (OutputFormat) {
  case Format::Text: {
    std::string Text;
    raw_string_ostream OS(Text);
    writeText(OS, Report, Sources, {Color, std::string(Cwd)});
    return Text;
  }
  case Format::Json:
    return dumpJson(toJsonReport(Report));
  case Format::Sarif:
    return dumpJson(toSarif(Report, std::string(Cwd), Sources));
  case Format::CodeClimate:
    return dumpJson(toCodeClimate(Report, std::string(Cwd), Sources));
  }
  return {};
}

// To --output through a temporary file renamed over it, else to stdout; either way a failed
// write is an error (exit 2), not an abort or a silent loss.
void writeReport(const std::string &Text) {
  if (!OutputPath.empty()) {
    if (std::string Error = writeFileAtomically(OutputPath, Text); !Error.empty())
      throw InputError("cannot write the report: " + Error, OutputPath);
    return;
  }
  outs() << Text;
  outs().flush();
  if (outs().has_error()) {
    std::string Message = outs().error().message();
    outs().clear_error();
    throw InputError("cannot write the report to standard output: " + Message);
  }
}

enum class Mode { Run, Extract, Check };

// Everything the run reads that an output path must not name.
OutputGuard guardOutputs(const CompilationDatabase &Database, const RunPlan &P,
                         const std::vector<const Config *> &Configs, Mode M) {
  OutputGuard Guard;
  Guard.addInput(Database.path(), "the compilation database");
  for (const AnalysisJob &Job : P.Jobs)
    Guard.addInput(Job.Command->File, "a source file of the analysis");
  for (const std::string &File : P.DataFiles)
    Guard.addInput(File, "a data file of the analysis");
  for (const std::string &File : P.Headers)
    Guard.addInput(File, "a header of the analysis");
  for (const Config *Cfg : Configs)
    if (!Cfg->path().empty())
      Guard.addInput(Cfg->path(), "the configuration");
  if (!ConfigPath.empty())
    Guard.addInput(ConfigPath, "the configuration");
  if (!OutputPath.empty() && M != Mode::Extract) {
    if (!BaselinePath.empty())
      Guard.addInput(BaselinePath, "the baseline");
    Guard.addOutput(OutputPath, "--output");
  }
  if (!WriteBaselinePath.empty())
    Guard.addOutput(WriteBaselinePath, "--write-baseline");
  return Guard;
}

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

void printSummary(const RunReport &Report, const RunPlan &P, unsigned Workers, double Seconds,
                  const std::optional<FixSummary> &Fixes) {
  raw_ostream &OS = errs();
  OS << "contractcheck: analysed " << Report.analyzed() << " of " << Report.TranslationUnits
     << " translation units in " << format("%.2f", Seconds) << " s with " << Workers
     << (Workers == 1 ? " worker" : " workers");
  if (Report.FromStore)
    OS << " (" << Report.FromStore << " unchanged, from the result store)";
  if (P.Excluded)
    OS << " (" << P.Excluded << " excluded by paths.exclude)";
  if (!P.NotCOrCpp.empty())
    OS << " (" << P.NotCOrCpp.size() << " assembly " << (P.NotCOrCpp.size() == 1 ? "file" : "files")
       << " skipped)";
  OS << "; " << Report.Findings.size() << (Report.Findings.size() == 1 ? " finding" : " findings");
  auto ByRule = Report.findingsByRule();
  if (!ByRule.empty()) {
    OS << " (";
    bool First = true;
    for (const auto &[Rule, Count] : ByRule) {
      OS << (First ? "" : ", ") << Rule << ": " << Count;
      First = false;
    }
    OS << ")";
  }
  if (Report.Suppressed)
    OS << ", " << Report.Suppressed << " suppressed by NOLINT";
  if (Report.Baselined)
    OS << ", " << Report.Baselined << " in the baseline";
  if (Report.InGeneratedCode) {
    std::set<std::string_view> Generators;
    for (const auto &[File, Generator] : Report.GeneratedFiles)
      Generators.insert(Generator);
    OS << ", " << Report.InGeneratedCode << " in " << Report.GeneratedFiles.size()
       << (Report.GeneratedFiles.size() == 1 ? " generated file" : " generated files") << " (";
    bool First = true;
    for (std::string_view Generator : Generators) {
      OS << (First ? "" : ", ") << Generator;
      First = false;
    }
    OS << ") not reported; 'paths: {generated: report}' shows them";
  }
  OS << "\n";
  size_t NotAnalysed = Report.TranslationUnits - Report.analyzed();
  if (NotAnalysed) {
    OS << "contractcheck: " << NotAnalysed
       << (NotAnalysed == 1 ? " translation unit was" : " translation units were")
       << " not analysed:\n";
    for (const TUOutcome &Failure : Report.Failures)
      if (!Failure.isRuleProblem())
        OS << "  " << Failure.File << " (" << statusName(Failure.State) << ")\n";
  }
  // The text report on the terminal has them already; a JSON/SARIF report or a file does not
  // show them where the user looks.
  bool InTextReport = OutputFormat == Format::Text && OutputPath.empty();
  size_t RuleProblems = 0;
  for (const TUOutcome &Failure : Report.Failures)
    if (Failure.isRuleProblem())
      for (const std::string &Error : Failure.Errors) {
        ++RuleProblems;
        if (!InTextReport)
          OS << Error << "\n";
      }
  if (RuleProblems && InTextReport)
    OS << "contractcheck: " << RuleProblems
       << (RuleProblems == 1 ? " problem" : " problems")
       << " with the configuration or the files rules read (above)\n";
  if (Fixes) {
    OS << "contractcheck: applied " << Fixes->Applied << (Fixes->Applied == 1 ? " fix" : " fixes")
       << " in " << Fixes->FilesChanged << (Fixes->FilesChanged == 1 ? " file\n" : " files\n");
    for (const std::string &Problem : Fixes->Problems)
      OS << "contractcheck: warning: " << Problem << "\n";
  }
}

// run: analyse (taking what the result store has) and report. extract: analyse and store,
// no report (a shard, or one TU of a build-system-driven analysis). check: report from the store
// alone, analysing nothing.

ProgressCallback progressLine(size_t Jobs) {
  if (Quiet || !sys::Process::StandardErrIsDisplayed() || Jobs <= 1)
    return {};
  return [](size_t Done, size_t Total, const std::string &Path) {
    errs() << "\r\x1b[K[" << Done << "/" << Total << "] " << Path;
    if (Done == Total)
      errs() << "\r\x1b[K";
  };
}

// Make's depfile syntax, as Ninja reads it: spaces and '#' escaped.
std::string depfileOf(const std::string &Target, const std::vector<TUOutcome> &Outcomes) {
  auto Escape = [](const std::string &Path) {
    std::string Out;
    for (char C : Path) {
      if (C == ' ' || C == '#' || C == '\\')
        Out += '\\';
      if (C == '$')
        Out += '$';
      Out += C;
    }
    return Out;
  };
  std::string Text = Escape(Target) + ":";
  for (const TUOutcome &Outcome : Outcomes)
    for (const auto &[File, Hash] : Outcome.Dependencies)
      Text += " \\\n  " + Escape(File);
  return Text + "\n";
}

// In a subset run, only findings in what was given (the TUs, the headers they read, the data
// files), or pointing into it, are the user's business; the whole codebase was judged for
// facts, not for reports.
void keepFindingsInSubset(RunReport &Report, const std::vector<TUOutcome> &Outcomes,
                          const RunPlan &P) {
  std::set<std::string> Relevant(P.DataFiles.begin(), P.DataFiles.end());
  for (const TUOutcome &Outcome : Outcomes) {
    Relevant.insert(Outcome.File);
    for (const auto &[File, Hash] : Outcome.Dependencies)
      Relevant.insert(File);
  }
  // A finding elsewhere whose note points into what was given is this change's business too:
  // an enumerator removed from a header leaves the schema member that named it orphaned, and
  // the finding is at the schema's line with a note at the enum.
  std::erase_if(Report.Findings, [&](const Finding &F) {
    return !Relevant.count(F.Position.File) &&
           std::none_of(F.Notes.begin(), F.Notes.end(), [&](const RelatedNote &N) {
             return Relevant.count(N.Position.File) > 0;
           });
  });
}

int analyze(Mode M) {
  auto Start = std::chrono::steady_clock::now();
  if (BuildPath.empty())
    throw InputError("no build directory given; use -p BUILD_DIR (the directory holding "
                     "compile_commands.json)");
  CompilationDatabase Database = CompilationDatabase::load(BuildPath);
  ConfigResolver Configs(ConfigPath.empty() ? std::nullopt
                                            : std::optional<std::string>(ConfigPath.getValue()));
  AnalysisSettings Settings{ExtraArgsBefore, ExtraArgs};
  Settings.Precompile = SharedHeaderMode;
  if (NoCache && M != Mode::Run)
    throw InputError("--no-cache: 'extract' and 'check' work through the result store");
  std::optional<ResultStore> Store;
  if (!NoCache)
    Store.emplace(CacheDir.empty() ? absolutePath(BuildPath + "/.contractcheck-cache")
                                   : absolutePath(CacheDir));
  RunPlan P = planRun(Database, Configs, SourcePaths, Store ? &*Store : nullptr, Settings);
  requireSomethingToAnalyse(Database, P);
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  std::vector<const Config *> UsedConfigs{&Configs.forFile(std::string(Cwd) + "/.")};
  for (const AnalysisJob &Job : P.Jobs)
    UsedConfigs.push_back(Job.Settings);
  OutputGuard Guard = guardOutputs(Database, P, UsedConfigs, M);
  Guard.checkBeforeAnalysis();
  std::optional<Baseline> Accepted;
  if (!BaselinePath.empty())
    Accepted = Baseline::load(BaselinePath);

  unsigned Workers = Jobs ? Jobs.getValue() : hardware_concurrency().compute_thread_count();
  FileHashes Hashes;
  StoreUse Use{Store ? &*Store : nullptr, &Hashes};
  Use.StoredOnly = M == Mode::Check;
  std::vector<std::string> StoreWarnings;
  std::vector<TUOutcome> Outcomes =
      analyzeAll(P.Jobs, Settings, Workers, progressLine(P.Jobs.size()), Use, &StoreWarnings,
                 &Workers);
  for (const std::string &Warning : StoreWarnings)
    errs() << "contractcheck: warning: " << Warning << "\n";

  if (M == Mode::Extract) {
    if (!DepFile.empty()) {
      std::string Error = writeFileAtomically(
          DepFile, depfileOf(StampFile.empty() ? DepFile : StampFile.getValue(), Outcomes));
      if (!Error.empty())
        throw InputError(Error, DepFile);
    }
    size_t Failed = 0;
    for (const TUOutcome &Outcome : Outcomes)
      if (Outcome.State != TUOutcome::Status::Analyzed) {
        ++Failed;
        errs() << "contractcheck: " << Outcome.File << " (" << statusName(Outcome.State) << ")\n";
        for (const std::string &Error : Outcome.Errors)
          errs() << "  " << Error << "\n";
      }
    if (!StampFile.empty() && !Failed) {
      std::string Error = writeFileAtomically(StampFile, "");
      if (!Error.empty())
        throw InputError(Error, StampFile);
    }
    if (!Quiet)
      errs() << "contractcheck: extracted " << Outcomes.size() - Failed << " of "
             << Outcomes.size() << " translation units into " << Store->directory() << "\n";
    return Failed ? Incomplete : Clean;
  }

  SourceFiles Sources;
  DataFiles Data;
  ResultMerger Merger(Sources, Data);
  size_t FromStore = 0;
  for (const TUOutcome &Outcome : Outcomes)
    FromStore += Outcome.FromStore;
  GlobalPhase Phase;
  for (const AnalysisJob &Job : P.Jobs)
    if (std::find(Phase.Configs.begin(), Phase.Configs.end(), Job.Settings) == Phase.Configs.end())
      Phase.Configs.push_back(Job.Settings);
  if (P.Jobs.empty() && !P.DataFiles.empty())
    Phase.Configs.push_back(&Configs.forFile(P.DataFiles.front()));
  Phase.ConfigFor = [&](const std::string &F) -> const Config & { return Configs.forFile(F); };
  // A subset run judges global rules with the stored facts of the TUs it did not analyse.
  for (const AnalysisJob &Other : P.Others) {
    std::optional<TUOutcome> Stored;
    if (Store)
      Stored = Store->load(storeKeyOf(Other, Settings), Hashes);
    if (Stored)
      Merger.addFacts(std::move(Stored->Facts));
    else
      Phase.FactsComplete = false;
  }
  for (const TUOutcome &Outcome : Outcomes)
    Merger.add(Outcome);
  RunReport Report = Merger.finish(Phase);
  Report.Excluded = P.Excluded;
  Report.FromStore = FromStore;
  Guard.checkAgainstRead(Report.Read);
  if (P.Subset)
    keepFindingsInSubset(Report, Outcomes, P);
  for (const std::string &Header : P.UnmatchedHeaders)
    Report.Warnings.push_back("contractcheck: warning: " + Header +
                              ": no translation unit of the compilation database includes it; "
                              "not analysed");
  std::set<std::string> Read = Data.readPaths();
  for (const std::string &DataFile : P.DataFiles)
    if (!Read.count(DataFile))
      Report.Warnings.push_back("contractcheck: warning: " + DataFile +
                                ": not a source of the compilation database, and no rule reads "
                                "it; ignored");
  if (Accepted)
    Report.Baselined = Accepted->filter(Report.Findings, Sources);
  if (!WriteBaselinePath.empty()) {
    Baseline::write(WriteBaselinePath, Report.Findings, Sources);
    Report.Baselined += Report.Findings.size();
    Report.Findings.clear();
  }

  std::optional<FixSummary> Fixes;
  if (Fix) {
    Fixes = applyFixes(Report.Findings, Report.Read);
    // Said before the report is written, which may fail too.
    for (const std::string &Error : Fixes->Errors)
      errs() << "error: " << Error << "\n";
  }

  // https://no-color.org: a NO_COLOR that is set and not empty turns colour off.
  const char *NoColor = std::getenv("NO_COLOR");
  bool Color = OutputPath.empty() && OutputFormat == Format::Text && outs().has_colors() &&
               !(NoColor && *NoColor);
  writeReport(renderReport(Report, Sources, Color));
  double Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  for (const std::string &Warning : Report.Warnings)
    errs() << Warning << "\n";
  if (!Quiet)
    printSummary(Report, P, std::max(1u, std::min<unsigned>(Workers, P.Jobs.size())), Seconds, Fixes);
  if (Fixes && !Fixes->Errors.empty())
    return BadInput;

  if (!Report.Failures.empty()) {
    // A rule setting that cannot be used is bad input like any configuration error; otherwise
    // the analysis is incomplete.
    bool BadSettings = std::any_of(Report.Failures.begin(), Report.Failures.end(),
                                   [](const TUOutcome &O) {
                                     return O.State == TUOutcome::Status::BadConfiguration;
                                   });
    int Code = BadSettings ? BadInput : Incomplete;
    // A contained crash may leave locks held in static state; skip exit-time destructors.
    bool Crashed = std::any_of(Report.Failures.begin(), Report.Failures.end(), [](const TUOutcome &O) {
      return O.State == TUOutcome::Status::Crashed;
    });
    if (Crashed) {
      outs().flush();
      errs().flush();
      sys::Process::Exit(Code, /*NoCleanup=*/true);
    }
    return Code;
  }
  bool Failing = std::any_of(Report.Findings.begin(), Report.Findings.end(),
                             [](const Finding &F) { return F.Level >= FailOn; });
  return Failing ? FindingsFound : Clean;
}

} // namespace

int runDriver(int Argc, const char **Argv) {
  // `contractcheck extract ...` / `contractcheck check ...`: the map and reduce halves.
  Mode M = Mode::Run;
  std::vector<const char *> Args(Argv, Argv + Argc);
  if (Args.size() > 1 && (StringRef(Args[1]) == "extract" || StringRef(Args[1]) == "check")) {
    M = StringRef(Args[1]) == "extract" ? Mode::Extract : Mode::Check;
    Args.erase(Args.begin() + 1);
  }
  Argc = static_cast<int>(Args.size());
  Argv = Args.data();
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  std::string ParseErrors;
  raw_string_ostream ParseErrorStream(ParseErrors);
  if (!cl::ParseCommandLineOptions(Argc, Argv,
                                   "contractcheck: finds the contract drift the compiler cannot see\n\n"
                                   "  contractcheck -p BUILD_DIR [options] [FILES...]\n"
                                   "  contractcheck extract -p BUILD_DIR [options] [FILES...]   "
                                   "(analyse into the result store)\n"
                                   "  contractcheck check -p BUILD_DIR [options] [FILES...]     "
                                   "(report from the result store)\n",
                                   &ParseErrorStream)) {
    errs() << ParseErrorStream.str();
    return BadInput;
  }
  if (ListRules)
    return listRules();
  if (!Explain.empty())
    return explainRule(Explain);

  enableCrashContainment();
  try {
    return analyze(M);
  } catch (const InputError &E) {
    errs() << E.render() << "\n";
    return BadInput;
  } catch (const std::exception &E) {
    // Every known path has its own positioned error; this is the net under the ones not known.
    errs() << "error: " << E.what() << "\n";
    return BadInput;
  }
}

} // namespace contractcheck
