#include "ReportRendering.h"

#include "Formatters.h"
#include "JsonText.h"
#include "Paths.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>
#include <nlohmann/json.hpp>

#include <set>

using namespace llvm;

namespace contractcheck {

namespace {

std::string dumpJson(const nlohmann::json &J) { return jsonText(J, 2) + "\n"; }

} // namespace

// Code-scanning services resolve SARIF and Code Quality paths against the repository, so they
// are relative to the project root when there is one (a git work tree, or --project-root),
// wherever the tool is started; else to the working directory. The text report, read in a
// terminal, names paths from where it was started, as a compiler does.
std::string machineReportRoot(const AnalysisRun &Run, bool ProjectRootGiven) {
  if (ProjectRootGiven || sys::fs::exists(Run.projectRoot() + "/.git"))
    return Run.projectRoot();
  return workingDirectory();
}

HtmlRunInfo htmlRunInfo(Format F, const AnalysisRun &Run, const std::string &CommandLine,
                        unsigned Workers, std::chrono::steady_clock::duration Elapsed) {
  HtmlRunInfo Info;
  if (F != Format::Html)
    return Info;
  Info.CommandLine = CommandLine;
  Info.Seconds = std::chrono::duration<double>(Elapsed).count();
  Info.Workers = Workers;
  Info.BaseDir = workingDirectory();
  std::set<std::string> Seen;
  for (const AnalysisJob &Job : Run.plan().Jobs) {
    const std::string &Path = Job.Settings->path();
    if (Path.empty() || !Seen.insert(Path).second)
      continue;
    auto Text = MemoryBuffer::getFile(Path);
    Info.Configurations.emplace_back(Path, Text ? (*Text)->getBuffer().str() : std::string());
  }
  return Info;
}

std::string renderReport(Format F, const RunReport &Report, SourceFiles &Sources, bool Color,
                         const HtmlRunInfo &Run, const std::string &MachineRoot) {
  switch (F) {
  case Format::Html:
    return toHtml(Report, Sources, Run);
  case Format::Text: {
    std::string Text;
    raw_string_ostream OS(Text);
    writeText(OS, Report, Sources, {Color, workingDirectory()});
    return Text;
  }
  case Format::Json:
    return dumpJson(toJsonReport(Report));
  case Format::Sarif:
    return dumpJson(toSarif(Report, MachineRoot, Sources));
  case Format::CodeClimate:
    return dumpJson(toCodeClimate(Report, MachineRoot, Sources));
  }
  return {};
}

} // namespace contractcheck
