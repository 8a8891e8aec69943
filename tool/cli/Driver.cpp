#include "Driver.h"

#include "Analyzer.h"
#include "AtomicFile.h"
#include "Baseline.h"
#include "CompilationDatabase.h"
#include "Config.h"
#include "CrashContainment.h"
#include "FixApplier.h"
#include "Formatters.h"
#include "InputError.h"
#include "OutputGuard.h"
#include "ResultMerger.h"
#include "RuleRegistry.h"

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/Threading.h>
#include <llvm/Support/raw_ostream.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>

using namespace llvm;

namespace contractcheck {

namespace {

enum class Format { Text, Json, Sarif };
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
                                        clEnumValN(Format::Sarif, "sarif", "SARIF 2.1.0")),
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

struct Plan {
  std::vector<AnalysisJob> Jobs;
  size_t Excluded = 0;
  std::vector<std::string> NotCOrCpp; // assembly and the like: nothing for a rule to read
};

bool isAssembly(StringRef File) {
  StringRef Ext = sys::path::extension(File);
  return Ext == ".s" || Ext == ".S" || Ext == ".asm" || Ext == ".sx";
}

Plan planJobs(const CompilationDatabase &Database, ConfigResolver &Configs) {
  std::vector<const CompileCommand *> Commands;
  if (SourcePaths.empty()) {
    for (const CompileCommand &Command : Database.commands())
      Commands.push_back(&Command);
  } else {
    for (const std::string &Path : SourcePaths) {
      std::string Absolute = absolutePath(Path);
      if (!sys::fs::exists(Absolute))
        throw InputError("'" + Path + "' does not exist");
      const CompileCommand *Command = Database.find(Absolute);
      if (!Command)
        throw InputError("'" + Path + "' is not in the compilation database " + Database.path());
      Commands.push_back(Command);
    }
  }
  Plan P;
  for (const CompileCommand *Command : Commands) {
    if (isAssembly(Command->File)) {
      P.NotCOrCpp.push_back(Command->File);
      continue;
    }
    const Config &Cfg = Configs.forFile(Command->File);
    if (Cfg.isExcluded(Command->File))
      ++P.Excluded;
    else
      P.Jobs.push_back({Command, &Cfg});
  }
  return P;
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
    return dumpJson(toSarif(Report, std::string(Cwd)));
  }
  return {};
}

// To --output through a temporary file renamed over it, else to stdout; either way a failed
// write is an error (exit 2), not an abort or a silent loss.
void writeReport(const std::string &Text) {
  if (!OutputPath.empty()) {
    if (std::optional<std::string> Error = writeFileAtomically(OutputPath, Text))
      throw InputError("cannot write the report: " + *Error, OutputPath);
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

// Everything the run reads that an output path must not name.
OutputGuard guardOutputs(const CompilationDatabase &Database, const Plan &P,
                         const std::vector<const Config *> &Configs) {
  OutputGuard Guard;
  Guard.addInput(Database.path(), "the compilation database");
  for (const AnalysisJob &Job : P.Jobs)
    Guard.addInput(Job.Command->File, "a source file of the analysis");
  for (const Config *Cfg : Configs)
    if (!Cfg->path().empty())
      Guard.addInput(Cfg->path(), "the configuration");
  if (!ConfigPath.empty())
    Guard.addInput(ConfigPath, "the configuration");
  if (!OutputPath.empty()) {
    if (!BaselinePath.empty())
      Guard.addInput(BaselinePath, "the baseline");
    Guard.addOutput(OutputPath, "--output");
  }
  if (!WriteBaselinePath.empty())
    Guard.addOutput(WriteBaselinePath, "--write-baseline");
  return Guard;
}

// A whole-database run that analyses nothing must not pass a CI gate as clean.
void requireSomethingToAnalyse(const CompilationDatabase &Database, const Plan &P) {
  if (!SourcePaths.empty() || !P.Jobs.empty())
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

void printSummary(const RunReport &Report, const Plan &P, unsigned Workers, double Seconds,
                  const std::optional<FixSummary> &Fixes) {
  raw_ostream &OS = errs();
  OS << "contractcheck: analysed " << Report.analyzed() << " of " << Report.TranslationUnits
     << " translation units in " << format("%.2f", Seconds) << " s with " << Workers
     << (Workers == 1 ? " worker" : " workers");
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
  OS << "\n";
  if (!Report.Failures.empty()) {
    OS << "contractcheck: " << Report.Failures.size()
       << (Report.Failures.size() == 1 ? " translation unit was" : " translation units were")
       << " not analysed:\n";
    for (const TUOutcome &Failure : Report.Failures)
      OS << "  " << Failure.File << " (" << statusName(Failure.State) << ")\n";
  }
  if (Fixes) {
    OS << "contractcheck: applied " << Fixes->Applied << (Fixes->Applied == 1 ? " fix" : " fixes")
       << " in " << Fixes->FilesChanged << (Fixes->FilesChanged == 1 ? " file\n" : " files\n");
    for (const std::string &Problem : Fixes->Problems)
      OS << "contractcheck: warning: " << Problem << "\n";
  }
}

int analyze() {
  auto Start = std::chrono::steady_clock::now();
  if (BuildPath.empty())
    throw InputError("no build directory given; use -p BUILD_DIR (the directory holding "
                     "compile_commands.json)");
  CompilationDatabase Database = CompilationDatabase::load(BuildPath);
  ConfigResolver Configs(ConfigPath.empty() ? std::nullopt
                                            : std::optional<std::string>(ConfigPath.getValue()));
  Plan P = planJobs(Database, Configs);
  requireSomethingToAnalyse(Database, P);
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  const Config &GlobalConfig = Configs.forFile(std::string(Cwd) + "/.");
  std::vector<const Config *> UsedConfigs{&GlobalConfig};
  for (const AnalysisJob &Job : P.Jobs)
    UsedConfigs.push_back(Job.Settings);
  OutputGuard Guard = guardOutputs(Database, P, UsedConfigs);
  Guard.checkBeforeAnalysis();
  std::optional<Baseline> Accepted;
  if (!BaselinePath.empty())
    Accepted = Baseline::load(BaselinePath);

  unsigned Workers = Jobs ? Jobs.getValue() : hardware_concurrency().compute_thread_count();
  bool ShowProgress = !Quiet && sys::Process::StandardErrIsDisplayed() && P.Jobs.size() > 1;
  ProgressCallback Progress;
  if (ShowProgress)
    Progress = [](size_t Done, size_t Total, const std::string &Path) {
      errs() << "\r\x1b[K[" << Done << "/" << Total << "] " << Path;
      if (Done == Total)
        errs() << "\r\x1b[K";
    };
  std::vector<TUOutcome> Outcomes =
      analyzeAll(P.Jobs, {ExtraArgsBefore, ExtraArgs}, Workers, Progress, &Workers);

  SourceFiles Sources;
  ResultMerger Merger(Sources);
  for (TUOutcome &Outcome : Outcomes)
    Merger.add(std::move(Outcome));
  RunReport Report = Merger.finish(GlobalConfig);
  Report.Excluded = P.Excluded;
  Guard.checkAgainstParsed(Report.Parsed);
  if (Accepted)
    Report.Baselined = Accepted->filter(Report.Findings, Sources);
  if (!WriteBaselinePath.empty()) {
    Baseline::write(WriteBaselinePath, Report.Findings, Sources);
    Report.Baselined += Report.Findings.size();
    Report.Findings.clear();
  }

  std::optional<FixSummary> Fixes;
  if (Fix) {
    Fixes = applyFixes(Report.Findings, Report.Parsed, Report.ChangedDuringRun);
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
    // A contained crash may leave locks held in static state; skip exit-time destructors.
    bool Crashed = std::any_of(Report.Failures.begin(), Report.Failures.end(), [](const TUOutcome &O) {
      return O.State == TUOutcome::Status::Crashed;
    });
    if (Crashed) {
      outs().flush();
      errs().flush();
      sys::Process::Exit(Incomplete, /*NoCleanup=*/true);
    }
    return Incomplete;
  }
  bool Failing = std::any_of(Report.Findings.begin(), Report.Findings.end(),
                             [](const Finding &F) { return F.Level >= FailOn; });
  return Failing ? FindingsFound : Clean;
}

} // namespace

int runDriver(int Argc, const char **Argv) {
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  std::string ParseErrors;
  raw_string_ostream ParseErrorStream(ParseErrors);
  if (!cl::ParseCommandLineOptions(Argc, Argv,
                                   "contractcheck: finds the contract drift the compiler cannot see\n\n"
                                   "  contractcheck -p BUILD_DIR [options] [FILES...]\n",
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
    return analyze();
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
