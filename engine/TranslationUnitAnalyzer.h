// Parses one translation unit once and runs every enabled per-TU rule over it.
#pragma once

#include "CompilationDatabase.h"
#include "Config.h"
#include "TUOutcome.h"

#include <map>
#include <string>
#include <vector>

namespace contractcheck {

struct AnalysisSettings {
  std::vector<std::string> ExtraArgsBefore; // as clang-tidy's --extra-arg-before
  std::vector<std::string> ExtraArgs;       // as clang-tidy's --extra-arg
  // Absolute path -> text read instead of the file on disk: an editor's unsaved buffers.
  std::map<std::string, std::string> Overlays = {};
};

// Never throws and never lets a crash escape: a TU that does not parse, or that crashes the
// compiler or a rule, comes back with State set and its errors, and without findings.
// KeepTemplateBodies skips the parse that skips template bodies, for a TU known to need them
// (a previous analysis of it did; see BodySkipPolicy).
TUOutcome analyzeTranslationUnit(const CompileCommand &Command, const Config &Config,
                                 const AnalysisSettings &Settings,
                                 bool KeepTemplateBodies = false);

// The compiler command actually run for Command (exposed for tests and --debug output).
std::vector<std::string> analysisCommandLine(const CompileCommand &Command,
                                             const AnalysisSettings &Settings);

} // namespace contractcheck
