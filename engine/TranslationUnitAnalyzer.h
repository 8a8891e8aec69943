// Parses one translation unit once and runs every enabled per-TU rule over it.
#pragma once

#include "CompilationDatabase.h"
#include "Config.h"
#include "PrecompiledPrefix.h"
#include "SystemHeaderRoots.h"
#include "TUOutcome.h"

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace contractcheck {

// Whether TUs share precompiled system headers (SharedHeaders.h). Always is for tests: it
// precompiles even the headers of a single TU.
enum class PrecompileMode { Auto, Never, Always };

struct AnalysisSettings {
  std::vector<std::string> ExtraArgsBefore; // as clang-tidy's --extra-arg-before
  std::vector<std::string> ExtraArgs;       // as clang-tidy's --extra-arg
  // Absolute path -> text read instead of the file on disk: an editor's unsaved buffers.
  std::map<std::string, std::string> Overlays = {};
  PrecompileMode Precompile = PrecompileMode::Auto;
  // --tu-timeout: a TU whose analysis takes longer is abandoned and reported as not analysed
  // (TUOutcome::Status::TimedOut); zero: no limit. The default is generous: a TU of a real
  // project takes seconds, this is for one that never ends (a runaway constant evaluation,
  // a `#pragma clang __debug` loop).
  std::chrono::seconds TimeLimit = DefaultTimeLimit;
  static constexpr std::chrono::seconds DefaultTimeLimit{600};
};

// "timed out after N s, the --tu-timeout limit": why a TU timed out, as every report says it.
std::string timedOutMessage(std::chrono::seconds Limit);

// How a TU's analysis starts.
struct ParseStart {
  // Skip the parse that skips template bodies: a previous analysis of the TU needed them (see
  // BodySkipPolicy).
  bool KeepTemplateBodies = false;
  // The system headers to load precompiled instead of parsing them (SharedHeaders.h), for a
  // parse that skips template bodies or keeps them; null when there are none.
  std::function<const PrecompiledPrefix *(bool KeepTemplateBodies)> Prefix = {};
  // Told of a prefix the parse failed with when the TU then parsed without it: the prefix, not
  // the TU, was at fault (a stored one is then not loaded again).
  std::function<void(const PrecompiledPrefix *)> Rejected = {};
  // Parse once, with the prefix that keeps template bodies, and make the instantiations of the
  // library's templates that the project's types reach only if a rule needs them, decided at
  // the end of the TU (BodySkipPolicy's Decide mode), instead of finding that out in a parse
  // that skips template bodies and parsing again. A TU with no prefix to load decides at the end
  // anyway (parsing the library's template bodies); with only the prefix that skips template
  // bodies, the parse that skips them is taken.
  bool DecideAtEnd = false;
  // The scan the prefix was planned from (SharedHeaders.h): a parse with the prefix loaded
  // checks against it that the TU's code uses nothing of the prefix before including it, and
  // parses its own text if it does (PrefixReach.h). Null: not checked.
  const SystemHeaderRoots *Scan = nullptr;
  // Record every path the compiler asks the disk about (TUOutcome::Lookups), which only a
  // result store that the outcome is written to reads: a run without one leaves the recording
  // out (a third of a million instructions of a one-file run whose parse is nothing, most of it
  // the driver's search for a GCC installation).
  bool RecordLookups = true;
};

// Never throws and never lets a crash escape: a TU that does not parse, or that crashes the
// compiler or a rule, comes back with State set and its errors, and without findings.
TUOutcome analyzeTranslationUnit(const CompileCommand &Command, const Config &Config,
                                 const AnalysisSettings &Settings, const ParseStart &Start = {});

// The compiler command actually run for Command (exposed for tests and --debug output).
std::vector<std::string> analysisCommandLine(const CompileCommand &Command,
                                             const AnalysisSettings &Settings);

} // namespace contractcheck
