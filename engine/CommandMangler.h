// A compile command as another compiler wrote it, made into one clang's driver accepts: what clangd's
// command mangler does for a database written by a gcc build.
#pragma once

#include <string>
#include <vector>

namespace contractcheck {

struct MangledCommand {
  std::vector<std::string> Arguments;
  std::vector<std::string> Dropped; // each as it was written, in command order
};

// Drops what clang's driver would reject and does not change what the code means: flags its
// option table does not know (gcc's -fno-canonical-system-headers, -fconcepts,
// -mno-direct-extern-access, ...), gcc plugins, sanitizer names clang does not have, gcc's
// diagnostic formats. Everything the driver knows stays, so defines, include paths, the language
// standard and the target are untouched. Arguments[0] is the compiler.
MangledCommand mangleCommand(const std::vector<std::string> &Arguments);

// A `command` string split as a POSIX shell splits it (quotes, backslashes, any whitespace,
// tabs and newlines included), which is what the build that wrote it meant.
std::vector<std::string> splitCommand(const std::string &Command);

} // namespace contractcheck
