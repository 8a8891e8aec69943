// How contractcheck's own errors and warnings begin on stderr, as clang's driver writes
// `clang: error: ...`: one style for every message about the run, the command line or the
// tool. A message about a place in the user's files begins with that place instead
// (`file:line:col: error: ...`), as a compiler's diagnostic does.
#pragma once

namespace contractcheck {

inline constexpr const char *ToolName = "contractcheck";
inline constexpr const char *ToolError = "contractcheck: error: ";
inline constexpr const char *ToolWarning = "contractcheck: warning: ";
inline constexpr const char *ToolNote = "contractcheck: note: ";

} // namespace contractcheck
