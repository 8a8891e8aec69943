// The CLI's closing lines on stderr: what was analysed, the findings by rule, what was left out
// and why, the fixes applied.
#pragma once

#include "AnalysisRun.h"
#include "CompilationDatabase.h"

#include <optional>

namespace contractcheck {

// ProblemsShown: the report itself, on the terminal, lists the rules' problems (the text
// format), so the summary only counts them.
void printSummary(const RunResult &Result, const RunPlan &P, const CompilationDatabase &Database,
                  double Seconds, bool ProblemsShown);

} // namespace contractcheck
