// The CLI's closing lines on stderr: what was analysed, the findings by rule, what was left out
// and why, the fixes applied.
#pragma once

#include "AnalysisRun.h"
#include "CompilationDatabase.h"

#include <optional>

namespace contractcheck {

// ProblemsShown: the report itself, on the terminal, lists the rules' problems and the errors of
// the translation units that did not parse (the text format), so the summary only counts them.
void printSummary(const RunResult &Result, const RunPlan &P, const CompilationDatabase &Database,
                  double Seconds, bool ProblemsShown);

// Where the report is not on the terminal (JSON, SARIF, Code Climate, HTML, or --output), the
// log of a failed gate would say only how many findings fail it: lists them, one line each
// (at most MaxListed), where the report went, and whether a baseline left them in.
// ReportPath: the --output file, empty for stdout.
void printFailingFindings(const RunReport &Report, Severity FailOn, std::string_view ReportPath,
                          bool WithBaseline);

} // namespace contractcheck
