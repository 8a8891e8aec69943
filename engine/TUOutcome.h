// What analysing one translation unit produced. Serialisable, so a run can be cached or sharded
// and merged elsewhere.
#pragma once

#include "Facts.h"
#include "Finding.h"
#include "IncludeLookups.h"

#include <optional>
#include <string>
#include <vector>

namespace contractcheck {

struct TUOutcome {
  // NotExtracted: `contractcheck check` found no valid stored result for the TU. TimedOut: its
  // analysis took longer than --tu-timeout and was abandoned.
  enum class Status { Analyzed, ParseFailed, Crashed, NotExtracted, TimedOut };
  std::string File;
  Status State = Status::Analyzed;
  std::vector<std::string> Errors; // clang's first errors, or what crashed
  std::vector<Finding> Findings;
  std::vector<Fact> Facts;
  // Every file the analysis read and a hash of its content, for the result store.
  std::vector<std::pair<std::string, std::string>> Dependencies;
  // Every path the compiler asked the disk about and what it found: how each #include was
  // resolved (IncludeLookups.h), for the result store.
  PathLookups Lookups;
  // The analysis had to keep template bodies in system and excluded headers (BodySkipPolicy):
  // remembered in the result store so the next analysis of the TU starts there.
  bool KeptTemplateBodies = false;
  // Where the parse that skipped template bodies stopped once it knew the analysis must keep
  // them (TranslationUnitAnalyzer.cpp); none when it was not stopped (not serialised).
  std::optional<SourcePosition> FirstParseStoppedAt;
  bool FromStore = false; // this run took it from the result store (not serialised)
  // Its parse loaded its system headers precompiled from the result store (StoredPrefixes.h;
  // not serialised).
  bool PrefixFromStore = false;
  // Its parse loaded its system headers precompiled in this run (not serialised).
  bool PrefixBuilt = false;
};

std::string_view statusName(TUOutcome::Status S);
// An analysis abandoned (crashed or timed out) left a thread parked and its memory abandoned:
// static state may be inconsistent, and the process ends without exit-time destructors.
bool leftAThreadParked(const TUOutcome &O);
void to_json(nlohmann::json &J, const TUOutcome &O);
void from_json(const nlohmann::json &J, TUOutcome &O);

} // namespace contractcheck
