#include "Driver.h"

#include "AllocatorHeaps.h"
#include "AnalysisRun.h"
#include "AtomicFile.h"
#include "ChoiceParser.h"
#include "CompilationDatabase.h"
#include "Config.h"
#include "CountParser.h"
#include "CrashContainment.h"
#include "Depfile.h"
#include "InputError.h"
#include "OptionErrors.h"
#include "Paths.h"
#include "ReportRendering.h"
#include "RunSummary.h"
#include "TidyOptionHints.h"
#include "ToolMessages.h"
#include "WorkerPool.h"
#include "rules/RuleRegistry.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/raw_ostream.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <optional>

using namespace llvm;

namespace contractcheck {

namespace {

// LLVM takes an unknown `-h...` for its `-h` (--help) followed by more letters: `-hlep`,
// `--hlep` and `-help-me` printed the help and exited 0, so a typo in a CI gate's command passed
// it without analysing anything.
bool isMistypedHelp(StringRef Arg) {
  if (!Arg.consume_front("-"))
    return false;
  Arg.consume_front("-");
  StringRef Name = Arg.take_until([](char C) { return C == '='; });
  // `-h` itself is not registered yet: LLVM adds its default options while parsing.
  return Name.starts_with("h") && Name != "h" && !cl::getRegisteredOptions().count(Name);
}

cl::OptionCategory Category("contractcheck options");

// Whether every option the command line names is one of contractcheck's own. Then nothing LLVM's
// parser does shows another option (the help lists and the "did you mean" of an unknown one
// leave out what HideUnrelatedOptions hid), so the hiding, a walk of every option LLVM
// registered (0.1 M instructions of each run), is left out. A response file, a lone '-' or any
// other option (--help, an LLVM one, a mistyped one, a value that starts with '-') hides them.
bool namesOnlyOurOptions(ArrayRef<const char *> Args) {
  StringMap<cl::Option *> &Registered = cl::getRegisteredOptions();
  for (StringRef Arg : Args.drop_front()) {
    if (Arg.starts_with("@"))
      return false;
    if (!Arg.consume_front("-"))
      continue; // a file, or an option's value
    Arg.consume_front("-");
    StringRef Name = Arg.take_until([](char C) { return C == '='; });
    auto It = Registered.find(Name);
    if (It == Registered.end() || !llvm::is_contained(It->second->Categories, &Category))
      return false;
  }
  return true;
}

cl::opt<std::string> BuildPath("p", cl::desc("Build directory holding compile_commands.json"),
                               cl::value_desc("build-dir"), cl::cat(Category));
cl::list<std::string> SourcePaths(cl::Positional,
                                  cl::desc("[<file> ...]  (default: every file in the database)"),
                                  cl::cat(Category));
cl::opt<std::string> ConfigPath("config",
                                cl::desc("Configuration file; default: the nearest "
                                         ".contractcheck.yaml upward from each file"),
                                cl::value_desc("file"), cl::cat(Category));
cl::opt<Format, false, ChoiceParser<Format>> OutputFormat(
    "format", cl::desc("Report format"),
    cl::values(clEnumValN(Format::Text, "text", "clang-style (default)"),
               clEnumValN(Format::Json, "json", "docs/json-output.md"),
               clEnumValN(Format::Sarif, "sarif", "SARIF 2.1.0"),
               clEnumValN(Format::CodeClimate, "codeclimate", "GitLab Code Quality (Code Climate)"),
               clEnumValN(Format::Html, "html",
                          "one self-contained page with the enum and "
                          "service maps (docs/report.md)")),
    cl::init(Format::Text), cl::cat(Category));
cl::opt<std::string> OutputPath("output", cl::desc("Write the report to <file> instead of stdout"),
                                cl::value_desc("file"), cl::cat(Category));
// The short form compilers and most report writers take.
cl::alias OutputPathShort("o", cl::desc("Alias for --output"), cl::aliasopt(OutputPath),
                          cl::NotHidden);
cl::opt<unsigned, false, CountParser> Jobs("j",
                                          cl::desc("Parallel workers, -j N or -jN (default: all "
                                                   "cores)"),
                                          cl::value_desc("workers"), cl::init(0), cl::Prefix,
                                          cl::cat(Category));
// make's and ninja users' spelling; without it LLVM read `--jobs 2` as `-j` with the value "obs".
cl::alias JobsLong("jobs", cl::desc("Alias for -j"), cl::aliasopt(Jobs), cl::NotHidden);
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
cl::opt<std::string> ProjectRoot(
    "project-root",
    cl::desc("What stored results' paths are relative to, besides each TU's compile directory, "
             "and the default configuration's base (default: the top of the git work tree "
             "holding the compile database, else its directory)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<unsigned, false, CountParser> CacheMaxAge(
    "cache-max-age",
    cl::desc("Remove the result store's entries no run has used for <days> (default: 7; 0: "
             "never)"),
    cl::value_desc("days"),
    cl::init(std::chrono::duration_cast<std::chrono::hours>(RunRequest::DefaultStoreMaxAge)
                 .count() /
             24),
    cl::cat(Category));
cl::opt<bool> NoCache("no-cache", cl::desc("Neither read nor write the result store"),
                      cl::cat(Category));
cl::opt<std::string> DepFile("depfile",
                             cl::desc("extract: write a Makefile depfile of what the TU read "
                                      "(for build systems)"),
                             cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> StampFile("stamp", cl::desc("extract: the target the depfile names"),
                               cl::value_desc("file"), cl::cat(Category));
cl::opt<PrecompileMode, false, ChoiceParser<PrecompileMode>> SharedHeaderMode(
    "shared-headers",
    cl::desc("Parse the system headers that several TUs include once for all of them"),
    cl::values(clEnumValN(PrecompileMode::Auto, "auto",
                          "when at least two of the TUs analysed begin with them (default)"),
               clEnumValN(PrecompileMode::Never, "never", "every TU parses its own headers"),
               clEnumValN(PrecompileMode::Always, "always",
                          "even for a single TU (to test that it changes nothing)")),
    cl::init(PrecompileMode::Auto), cl::cat(Category));
cl::opt<unsigned, false, CountParser> TuTimeout(
    "tu-timeout",
    cl::desc("Abandon the analysis of a translation unit that takes longer than <seconds>; it is "
             "reported as not analysed (exit code 3) and the others are analysed "
             "(default: 600; 0: no limit)"),
    cl::value_desc("seconds"), cl::init(AnalysisSettings::DefaultTimeLimit.count()),
    cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No summary or progress on stderr"), cl::cat(Category));
cl::opt<Severity, false, ChoiceParser<Severity>>
    FailOn("fail-on", cl::desc("Lowest severity that makes the exit code 1 (default: error)"),
           cl::values(clEnumValN(Severity::Error, "error", "errors only"),
                      clEnumValN(Severity::Warning, "warning", "warnings too")),
           cl::init(Severity::Error), cl::cat(Category));

enum class ColorMode { Auto, Always, Never };

// LLVM registers a boolean --color of its own (WithColor) the first time the option table is
// read; ours, with clang's spelling of the choices, replaces it, so it is created only after
// LLVM's has been moved out of the way.
cl::opt<ColorMode, false, ChoiceParser<ColorMode>> &colorOption() {
  static bool Renamed = [] {
    auto &Registered = cl::getRegisteredOptions();
    if (auto It = Registered.find("color"); It != Registered.end())
      It->second->setArgStr("llvm-color");
    return true;
  }();
  (void)Renamed;
  static cl::opt<ColorMode, false, ChoiceParser<ColorMode>> Color(
      "color", cl::desc("Colour the text report, as clang's -fcolor-diagnostics"),
      cl::values(clEnumValN(ColorMode::Auto, "auto",
                            "on a terminal, unless NO_COLOR is set (default)"),
                 clEnumValN(ColorMode::Always, "always", "even into a pipe"),
                 clEnumValN(ColorMode::Never, "never", "plain text")),
      cl::init(ColorMode::Auto), cl::cat(Category));
  return Color;
}

// After the options, as clang-tidy prints its own: what the exit status means to a script.
cl::extrahelp ExitCodes(R"(
EXIT CODES:
  0  no finding at or above --fail-on (and every translation unit analysed)
  1  findings at or above --fail-on
  2  bad input: the command line, the compile database, the configuration, a baseline, a file
     a rule reads; nothing was analysed, or the input named is wrong (the message says where)
  3  incomplete: a translation unit was not analysed (it did not parse, crashed, took longer
     than --tu-timeout or is not in the result store), or a rule could not be judged; the
     summary lists which
)");

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
    errs() << ToolError << "unknown rule '" << Id << "'" << didYouMean(Id, Ids)
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

// Colour only where it is text read by a person: never in JSON/SARIF, never into --output.
bool colorReport() {
  ColorMode Color = colorOption();
  if (OutputFormat != Format::Text || !OutputPath.empty() || Color == ColorMode::Never)
    return false;
  if (Color == ColorMode::Always)
    return true;
  // https://no-color.org: a NO_COLOR that is set and not empty turns colour off.
  const char *NoColor = std::getenv("NO_COLOR");
  return outs().has_colors() && !(NoColor && *NoColor);
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

// run: analyse (taking what the result store has) and report. extract: analyse and store,
// no report (a shard, or one TU of a build-system-driven analysis). check: report from the store
// alone, analysing nothing.
enum class Mode { Run, Extract, Check };

std::string CommandLine; // as given, for the HTML report

ProgressCallback progressLine(size_t Jobs) {
  if (Quiet || !sys::Process::StandardErrIsDisplayed() || Jobs <= 1)
    return {};
  // Paths as the report spells them.
  return [Cwd = workingDirectory()](size_t Done, size_t Total, const std::string &Path) {
    errs() << "\r\x1b[K[" << Done << "/" << Total << "] " << displayPath(Path, Cwd);
    if (Done == Total)
      errs() << "\r\x1b[K";
  };
}

// Make's depfile and the stamp Ninja waits for: the stamp only when every TU was extracted, so
// a failed TU is tried again by the next build.
int reportExtraction(const RunResult &Result, const ResultStore &Store) {
  std::vector<std::string> Untracked;
  if (!DepFile.empty()) {
    std::string Error = writeFileAtomically(
        DepFile, depfileOf(StampFile.empty() ? DepFile : StampFile.getValue(), Result.Outcomes,
                           Untracked));
    if (!Error.empty())
      throw InputError(Error, DepFile);
  }
  // A file the depfile cannot name cannot make the build extract again when it changes: with no
  // stamp, the build extracts again every time instead of trusting a stale result.
  for (const std::string &File : Untracked)
    errs() << ToolWarning << "a depfile cannot name '" << File
           << "' (a line break in its name); the stamp is not written, so every build extracts "
              "again\n";
  size_t Failed = 0;
  for (const TUOutcome &Outcome : Result.Outcomes)
    if (Outcome.State != TUOutcome::Status::Analyzed) {
      ++Failed;
      errs() << "contractcheck: " << displayPath(Outcome.File, workingDirectory()) << " ("
             << statusName(Outcome.State) << ")\n";
      for (const std::string &Error : Outcome.Errors)
        errs() << "  " << Error << "\n";
    }
  if (!StampFile.empty() && !Failed && Untracked.empty() && !Result.NotStored) {
    std::string Error = writeFileAtomically(StampFile, "");
    if (!Error.empty())
      throw InputError(Error, StampFile);
  }
  if (Result.NotStored)
    errs() << ToolError << Result.NotStored << " of " << Result.Outcomes.size()
           << " results could not be stored in the result store (see above)\n";
  else if (!Quiet)
    errs() << "contractcheck: extracted " << Result.Outcomes.size() - Failed << " of "
           << Result.Outcomes.size() << " translation units into " << Store.directory() << "\n";
  return Result.Exit;
}

RunRequest requestOf(Mode M, const CompilationDatabase &Database) {
  if (NoCache && M != Mode::Run)
    throw InputError("--no-cache: 'extract' and 'check' work through the result store");
  RunRequest R;
  if (!ConfigPath.empty())
    R.ConfigPath = ConfigPath.getValue();
  // The files of a fixed database are the whole database, not a subset of one.
  if (!Database.isFixed())
    R.Files.assign(SourcePaths.begin(), SourcePaths.end());
  R.Settings = {ExtraArgsBefore, ExtraArgs};
  R.Settings.Precompile = SharedHeaderMode;
  R.Settings.TimeLimit = std::chrono::seconds(TuTimeout);
  R.Store = NoCache ? StoreMode::Off : M == Mode::Check ? StoreMode::StoredOnly : StoreMode::ReadWrite;
  // A fixed database has no build directory to keep a store in: clang-tidy's way, nothing is
  // kept unless asked for.
  if (Database.isFixed() && CacheDir.empty() && M == Mode::Run)
    R.Store = StoreMode::Off;
  R.StoreDirectory = CacheDir;
  R.StoreMaxAge = std::chrono::hours(24) * CacheMaxAge.getValue();
  R.ProjectRoot = ProjectRoot;
  R.Workers = Jobs;
  if (M == Mode::Extract) {
    if (!DepFile.empty())
      R.Outputs.emplace_back(DepFile, "--depfile");
    if (!StampFile.empty())
      R.Outputs.emplace_back(StampFile, "--stamp");
  } else {
    if (!OutputPath.empty())
      R.Outputs.emplace_back(OutputPath, "--output");
    R.BaselinePath = BaselinePath;
    R.WriteBaselinePath = WriteBaselinePath;
    R.Fix = Fix;
  }
  R.FailOn = FailOn;
  if (!Quiet)
    R.Note = [](const std::string &Text) { errs() << "contractcheck: " << Text << "\n"; };
  return R;
}

std::shared_ptr<const CompilationDatabase>
loadDatabase(Mode M, const std::optional<std::vector<std::string>> &FixedFlags) {
  if (!FixedFlags) {
    if (BuildPath.empty())
      throw InputError("no build directory given; use -p BUILD_DIR (the directory holding "
                       "compile_commands.json), or give the compiler flags after '--'");
    return std::make_shared<const CompilationDatabase>(CompilationDatabase::load(BuildPath));
  }
  if (!BuildPath.empty())
    throw InputError("-p BUILD_DIR and flags after '--' both give the compile commands; use one");
  if (M != Mode::Run)
    throw InputError("'extract' and 'check' read a build directory's compilation database; "
                     "use -p BUILD_DIR, not flags after '--'");
  if (SourcePaths.empty())
    throw InputError("no source file given before '--' (contractcheck FILE... -- FLAGS)");
  SmallString<256> Cwd;
  if (sys::fs::current_path(Cwd))
    throw InputError("cannot read the working directory, which a fixed database compiles in");
  return std::make_shared<const CompilationDatabase>(CompilationDatabase::fixed(
      std::string(Cwd), {SourcePaths.begin(), SourcePaths.end()}, *FixedFlags));
}

int analyze(Mode M, const std::optional<std::vector<std::string>> &FixedFlags) {
  auto Start = std::chrono::steady_clock::now();
  auto Database = loadDatabase(M, FixedFlags);
  RunRequest Request = requestOf(M, *Database);
  AnalysisRun Run(Database, std::move(Request));
  // Said where they count: every run (its global phase reads every TU), an extraction of all.
  if (M != Mode::Extract || !Run.plan().Subset)
    for (const InputError &Entry : Database->unreadableEntries())
      errs() << Entry.render(workingDirectory(), ToolName) << "\n";
  ProgressCallback Progress = progressLine(Run.plan().Jobs.size());
  RunResult Result;
  SourceFiles Sources;
  if (M == Mode::Extract)
    Result = Run.extract(Progress);
  else
    Result = Run.run(Sources, Progress);
  for (const std::string &Warning : Result.StoreWarnings)
    errs() << ToolWarning << Warning << "\n";
  if (M == Mode::Extract)
    return reportExtraction(Result, *Run.store());

  if (Result.Fixes)
    // Said before the report is written, which may fail too.
    for (const std::string &Error : Result.Fixes->Errors)
      errs() << ToolError << Error << "\n";
  auto Rendering = std::chrono::steady_clock::now();
  std::clock_t RenderingCpu = std::clock(); // the workers are done: this is the rendering's
  std::string Rendered = renderReport(
      OutputFormat, Result.Report, Sources, colorReport(),
      htmlRunInfo(OutputFormat, Run, CommandLine, Result.Workers, Rendering - Start),
      machineReportRoot(Run, !ProjectRoot.empty()));
  double RenderSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Rendering).count();
  double RenderCpuSeconds = double(std::clock() - RenderingCpu) / CLOCKS_PER_SEC;
  writeReport(Rendered);
  double Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  if (OutputFormat == Format::Html && !Quiet)
    errs() << "contractcheck: HTML report of " << Rendered.size() / 1024 << " KiB rendered in "
           << format("%.3f", RenderSeconds) << " s (" << format("%.3f", RenderCpuSeconds)
           << " s CPU)\n";
  for (const FileWarning &Warning : Result.Report.Warnings)
    errs() << Warning.render(workingDirectory()) << "\n";
  if (!Quiet) {
    // The text report on the terminal shows the rules' problems already; a JSON/SARIF report
    // or a file does not show them where the user looks.
    bool ProblemsShown = OutputFormat == Format::Text && OutputPath.empty();
    printSummary(Result, Run.plan(), *Database, Seconds, ProblemsShown);
    // The same holds for the findings that fail a CI gate: its log shows stderr. A translation
    // unit that did not parse (exit 3) hides exit 1, not the findings the others gave.
    if (!ProblemsShown && (Result.Exit == FindingsFound || Result.Exit == Incomplete))
      printFailingFindings(Result.Report, FailOn, OutputPath, !BaselinePath.empty());
    // The summary counts what was recorded; the user also needs to know where, to commit it.
    // A TU that did not parse (a moc not regenerated since its header changed) has no finding in
    // the baseline: committed as it is, the gate fails on that TU's findings once it parses.
    if (!WriteBaselinePath.empty() && Result.Exit != BadInput) {
      size_t NotAnalysed = std::count_if(
          Result.Outcomes.begin(), Result.Outcomes.end(),
          [](const TUOutcome &Outcome) { return Outcome.State != TUOutcome::Status::Analyzed; });
      // A `check` over a store that lacks some TUs: they parse, they were only never extracted.
      size_t NotExtracted = std::count_if(
          Result.Outcomes.begin(), Result.Outcomes.end(),
          [](const TUOutcome &Outcome) { return Outcome.State == TUOutcome::Status::NotExtracted; });
      errs() << "contractcheck: baseline written to "
             << displayPath(WriteBaselinePath, workingDirectory());
      if (NotAnalysed)
        errs() << " without the findings of the " << NotAnalysed << " translation unit"
               << (NotAnalysed == 1 ? "" : "s")
               << " not analysed; "
               << (NotExtracted == NotAnalysed ? "extract them (or run on the whole database)"
                                               : "make them parse")
               << " and write it again before committing it\n";
      else
        errs() << "; commit it and pass it with --baseline to fail only on new findings\n";
    }
  }
  // The run is over and the process ends here, as clang's does with -disable-free: freeing every
  // outcome, stored result and file hash one by one was a tenth of a warm run's own work (and a
  // contained crash may leave locks held in static state, which exit-time destructors would
  // take). Everything that had to be written is: the report, the store's entries and kept
  // hashes, each renamed into place; the builder a single-file run leaves is started.
  outs().flush();
  errs().flush();
  sys::Process::Exit(Result.Exit, /*NoCleanup=*/true);
}

} // namespace

int runDriver(int Argc, const char **Argv) {
  for (int I = 0; I < Argc; ++I)
    CommandLine += (I ? " " : "") + std::string(Argv[I]);
  // `contractcheck extract ...` / `contractcheck check ...`: the map and reduce halves.
  Mode M = Mode::Run;
  std::vector<const char *> Args(Argv, Argv + Argc);
  if (Args.size() > 1 && (StringRef(Args[1]) == "extract" || StringRef(Args[1]) == "check")) {
    M = StringRef(Args[1]) == "extract" ? Mode::Extract : Mode::Check;
    Args.erase(Args.begin() + 1);
  }
  // Flags after `--` are every file's compile command, as clang-tidy's fixed database.
  std::optional<std::vector<std::string>> FixedFlags;
  auto DashDash = std::find_if(Args.begin(), Args.end(),
                               [](const char *Arg) { return StringRef(Arg) == "--"; });
  if (DashDash != Args.end()) {
    FixedFlags.emplace(DashDash + 1, Args.end());
    Args.erase(DashDash, Args.end());
  }
  Argc = static_cast<int>(Args.size());
  Argv = Args.data();
  colorOption();
  if (!namesOnlyOurOptions(ArrayRef<const char *>(Argv, Argc)))
    cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  // Before LLVM's parser, which answers -header-filter with the help text and exit code 0.
  for (int I = 1; I < Argc; ++I) {
    StringRef Previous = Argv[I - 1];
    if (Previous == "--extra-arg" || Previous == "--extra-arg-before" ||
        Previous == "-extra-arg" || Previous == "-extra-arg-before")
      continue; // a compiler flag, not ours
    if (std::optional<std::string> Hint = clangTidyOptionHint(Argv[I])) {
      errs() << ToolError << "unknown command line argument '" << Argv[I] << "'\n"
             << ToolNote << *Hint << "\n";
      return BadInput;
    }
    if (isMistypedHelp(Argv[I])) {
      errs() << ToolError << "unknown command line argument '" << Argv[I] << "'\n"
             << ToolNote << "did you mean '--help'?\n";
      return BadInput;
    }
  }
  std::string ParseErrors;
  raw_string_ostream ParseErrorStream(ParseErrors);
  bool Parsed = false;
  std::string WrittenByParser = captureStderrOf([&] {
    Parsed = cl::ParseCommandLineOptions(
        Argc, Argv,
        "contractcheck: finds the contract drift the compiler cannot see\n\n"
        "  contractcheck -p BUILD_DIR [options] [FILES...]\n"
        "  contractcheck [options] FILES... -- COMPILER_FLAGS...       "
        "(no database: every file with these flags)\n"
        "  contractcheck extract -p BUILD_DIR [options] [FILES...]   "
        "(analyse into the result store)\n"
        "  contractcheck check -p BUILD_DIR [options] [FILES...]     "
        "(report from the result store)\n"
        "  contractcheck lsp [options]                               "
        "(language server for editors; lsp --help)\n",
        &ParseErrorStream);
  });
  if (!Parsed) {
    // What LLVM's parser wrote to stderr itself (a value it cannot read, a missing one), then
    // what it gave the stream (an unknown option), both said as the tool's own errors.
    errs() << inToolStyle(WrittenByParser + ParseErrorStream.str());
    return BadInput;
  }
  errs() << WrittenByParser;
  if (ListRules)
    return listRules();
  if (!Explain.empty())
    return explainRule(Explain);

  enableCrashContainment();
  // Before any thread is started: the allocator creates its heaps as threads first allocate.
  useOneHeapPerWorker(workersFor(Jobs));
  try {
    return analyze(M, FixedFlags);
  } catch (const InputError &E) {
    errs() << E.render(workingDirectory(), ToolName) << "\n";
    return BadInput;
  } catch (const std::exception &E) {
    // Every known path has its own positioned error; this is the net under the ones not known.
    errs() << ToolError << E.what() << "\n";
    return BadInput;
  }
}

} // namespace contractcheck
