#include "RunSummary.h"

#include "Paths.h"
#include "ToolMessages.h"

#include <llvm/Support/Format.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace llvm;

namespace contractcheck {

namespace {

// ", 2 in 2 generated files (bison, protoc) not reported; 'paths: {generated: report}' shows
// them": what the configuration's paths.<Key> left out, by whom its files were written.
void printLeftOut(raw_ostream &OS, size_t Findings, const std::map<std::string, std::string> &Files,
                  std::string_view One, std::string_view Many, std::string_view Key) {
  if (!Findings)
    return;
  std::set<std::string_view> Authors;
  for (const auto &[Path, Author] : Files)
    Authors.insert(Author);
  OS << ", " << Findings << " in " << Files.size() << " " << (Files.size() == 1 ? One : Many)
     << " (";
  bool First = true;
  for (std::string_view Author : Authors) {
    OS << (First ? "" : ", ") << Author;
    First = false;
  }
  OS << ") not reported; 'paths: {" << Key << ": report}' shows them";
}

// "parse-error", "crash", or a timeout's own words ("timed out after 600 s, ...").
std::string statusText(const TUOutcome &Failure) {
  return Failure.State == TUOutcome::Status::TimedOut ? Failure.Errors.front()
                                                      : std::string(statusName(Failure.State));
}

// Clang's first error of a TU that did not parse, as shown; empty for any other failure.
std::string firstError(const TUOutcome &Failure, const std::string &Cwd) {
  if (Failure.State != TUOutcome::Status::ParseFailed || Failure.Errors.empty())
    return {};
  return displayPath(Failure.Errors.front(), Cwd);
}

// "  file (status)", and under a TU that did not parse, when WithFirstError, clang's first error.
// TUs stopped by the same first error (apache/orc's 36 TUs that include the protoc header a
// fresh build has not generated yet) are listed together and the error is said once, after
// them: the cause, not 36 copies of it; past MaxListed of them, how many more.
void printNotAnalysed(raw_ostream &OS, const std::vector<TUOutcome> &Failures,
                      const std::string &Cwd, bool WithFirstError) {
  constexpr size_t MaxListed = 10;
  std::vector<std::string> Errors;
  std::vector<std::vector<const TUOutcome *>> Groups;
  for (const TUOutcome &Failure : Failures) {
    std::string Error = WithFirstError ? firstError(Failure, Cwd) : std::string();
    auto Same = Error.empty() ? Errors.end() : std::find(Errors.begin(), Errors.end(), Error);
    if (Same != Errors.end()) {
      Groups[Same - Errors.begin()].push_back(&Failure);
      continue;
    }
    Errors.push_back(std::move(Error));
    Groups.push_back({&Failure});
  }
  for (size_t G = 0; G < Groups.size(); ++G) {
    const std::vector<const TUOutcome *> &Group = Groups[G];
    for (size_t I = 0; I < Group.size() && I < MaxListed; ++I)
      OS << "  " << displayPath(Group[I]->File, Cwd) << " (" << statusText(*Group[I]) << ")\n";
    if (Group.size() > MaxListed)
      OS << "  and " << Group.size() - MaxListed << " more\n";
    if (Errors[G].empty())
      continue;
    OS << "    " << Errors[G];
    if (Group.size() > 1)
      OS << " (the first error of each of these " << Group.size() << ")";
    OS << "\n";
  }
}
} // namespace

void printSummary(const RunResult &Result, const RunPlan &P, const CompilationDatabase &Database,
                  double Seconds, bool ProblemsShown) {
  const RunReport &Report = Result.Report;
  const std::optional<FixSummary> &Fixes = Result.Fixes;
  auto Workers = [](unsigned N) { return std::to_string(N) + (N == 1 ? " worker" : " workers"); };
  raw_ostream &OS = errs();
  const std::string Cwd = workingDirectory(); // paths as the text report shows them
  OS << "contractcheck: analysed " << Report.analyzed() << " of " << Report.TranslationUnits
     << " translation units in " << format("%.2f", Seconds) << " s with "
     << Workers(Result.Workers);
  // The time above is mostly theirs on a fresh clone's first hook run.
  if (Result.OthersAnalysed)
    OS << " (and " << Result.OthersAnalysed
       << (Result.OthersAnalysed == 1 ? " other translation unit" : " other translation units")
       << " once for the global rules, with " << Workers(Result.OthersWorkers) << ")";
  if (Report.FromStore)
    OS << " (" << Report.FromStore << " unchanged, from the result store)";
  else if (Result.StoreOfAnotherBuild && Report.analyzed())
    OS << " (none from the result store: its results are another contractcheck build's, which "
          "this one does not read)";
  if (Report.PrefixesFromStore)
    OS << " (" << Report.PrefixesFromStore
       << (Report.PrefixesFromStore == 1 ? " with its" : " with their")
       << " system headers precompiled in the result store)";
  if (P.Excluded)
    OS << " (" << P.Excluded << " excluded by paths.exclude)";
  if (size_t N = P.RepeatedEntries)
    OS << " (" << N << " more " << (N == 1 ? "entry" : "entries") << " for the same "
       << (N == 1 ? "file was" : "files were")
       << " not analysed: the first entry of each file is used)";
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
  // A fixed finding's entry would accept the same finding should it come back: say so, so that
  // the baseline is written again rather than growing stale.
  if (Report.BaselineUnmatched)
    OS << ", " << Report.BaselineUnmatched
       << (Report.BaselineUnmatched == 1 ? " baseline entry matches" : " baseline entries match")
       << " no finding any more (--write-baseline again to drop "
       << (Report.BaselineUnmatched == 1 ? "it" : "them") << ")";
  printLeftOut(OS, Report.InGeneratedCode, Report.GeneratedFiles, "generated file",
               "generated files", "generated");
  printLeftOut(OS, Report.InVendoredCode, Report.VendoredFiles, "vendored library copy",
               "vendored library copies", "vendored");
  OS << "\n";
  if (Result.PrefixLeftToBuilder)
    OS << "contractcheck: precompiling the system headers in the background for the next run\n";
  // Said once, not per TU: a gcc build writes the same flags into every command.
  if (std::vector<std::string> Dropped = Database.droppedFlags(); !Dropped.empty()) {
    OS << "contractcheck: dropped from the compile commands, flags clang does not accept: ";
    bool First = true;
    for (const std::string &Flag : Dropped) {
      OS << (First ? "" : " ") << Flag;
      First = false;
    }
    OS << "\n";
  }
  std::vector<std::string> Unloaded = Database.unloadedPrecompiledHeaders();
  if (size_t N = Unloaded.size())
    OS << "contractcheck: the build's precompiled " << (N == 1 ? "header" : "headers") << " ("
       << Unloaded.front() << (N > 1 ? ", ..." : "")
       << ") not loaded: the headers they were made from are parsed as text\n";
  // Not this run's findings, but not stored either: without a word, each commit would pay for
  // them again, unexplained (the note before the analysis promises only "those that parse").
  if (size_t N = Result.OthersFailed.size()) {
    OS << "contractcheck: " << N
       << (N == 1 ? " other translation unit analysed for the global rules was"
                  : " other translation units analysed for the global rules were")
       << " not analysed; nothing of " << (N == 1 ? "it" : "them")
       << " is stored, so every run tries again (build the project first if the build generates "
       << (N == 1 ? "it" : "them") << "):\n";
    printNotAnalysed(OS, Result.OthersFailed, Cwd, /*WithFirstError=*/true);
  }
  size_t NotAnalysed = Report.TranslationUnits - Report.analyzed();
  if (NotAnalysed) {
    OS << "contractcheck: " << NotAnalysed
       << (NotAnalysed == 1 ? " translation unit was" : " translation units were")
       << " not analysed:\n";
    // The text report on the terminal gives clang's errors; a CI log of a JSON or SARIF run
    // otherwise says "parse-error" and not why.
    printNotAnalysed(OS, Report.Failures, Cwd, /*WithFirstError=*/!ProblemsShown);
  }
  if (!ProblemsShown)
    for (const RuleProblem &Problem : Report.Problems)
      OS << Problem.text(Cwd) << "\n";
  if (!Report.Problems.empty() && ProblemsShown)
    OS << "contractcheck: " << Report.Problems.size()
       << (Report.Problems.size() == 1 ? " problem" : " problems")
       << " with the configuration or the files rules read (above)\n";
  if (Fixes) {
    OS << "contractcheck: applied " << Fixes->Applied << (Fixes->Applied == 1 ? " fix" : " fixes")
       << " in " << Fixes->FilesChanged << (Fixes->FilesChanged == 1 ? " file\n" : " files\n");
    for (const std::string &Problem : Fixes->Problems)
      OS << ToolWarning << Problem << "\n";
  }
}

void printFailingFindings(const RunReport &Report, Severity FailOn, std::string_view ReportPath,
                          bool WithBaseline) {
  constexpr size_t MaxListed = 20; // a CI log, not a second report
  std::vector<const Finding *> Failing;
  for (const Finding &F : Report.Findings)
    if (F.Level >= FailOn)
      Failing.push_back(&F);
  if (Failing.empty())
    return;
  raw_ostream &OS = errs();
  const std::string Cwd = workingDirectory();
  OS << "contractcheck: " << Failing.size() << (Failing.size() == 1 ? " finding" : " findings")
     << (WithBaseline ? " not in the baseline" : "") << " at or above --fail-on "
     << severityName(FailOn) << (Failing.size() == 1 ? " fails" : " fail") << " the run (the report: "
     << (ReportPath.empty() ? std::string("stdout") : displayPath(ReportPath, Cwd)) << "):\n";
  for (size_t I = 0; I < Failing.size() && I < MaxListed; ++I) {
    const Finding &F = *Failing[I];
    OS << "  " << displayPath(F.Position.File, Cwd) << ":" << F.Position.Line << ":"
       << F.Position.Column << ": " << severityName(F.Level) << ": " << F.Message << " ["
       << F.RuleId << "]\n";
  }
  if (Failing.size() > MaxListed)
    OS << "  ... and " << Failing.size() - MaxListed << " more in the report\n";
}

} // namespace contractcheck
