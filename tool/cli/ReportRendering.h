// The report in the format the user asked for, and what each format needs from the run: the
// root machine-read paths are relative to, the HTML page's account of the run.
#pragma once

#include "AnalysisRun.h"
#include "HtmlReport.h"
#include "SourceFiles.h"

#include <chrono>
#include <string>

namespace contractcheck {

enum class Format { Text, Json, Sarif, CodeClimate, Html };

// What SARIF and Code Quality paths are relative to (see the .cpp). ProjectRootGiven: the user
// named it with --project-root.
std::string machineReportRoot(const AnalysisRun &Run, bool ProjectRootGiven);

// What the HTML page says about the run: its command, time, workers and configurations (empty
// for any other format).
HtmlRunInfo htmlRunInfo(Format F, const AnalysisRun &Run, const std::string &CommandLine,
                        unsigned Workers, std::chrono::steady_clock::duration Elapsed);

std::string renderReport(Format F, const RunReport &Report, SourceFiles &Sources, bool Color,
                         const HtmlRunInfo &Run, const std::string &MachineRoot);

} // namespace contractcheck
