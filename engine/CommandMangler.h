// A compile command as another compiler wrote it, made into one clang's driver accepts: what clangd's
// command mangler does for a database written by a gcc build.
#pragma once

#include <string>
#include <vector>

namespace contractcheck {

struct MangledCommand {
  std::vector<std::string> Arguments;
  std::vector<std::string> Dropped; // each as it was written, in command order
  // The build's precompiled headers the command loaded, no longer loaded (their paths).
  std::vector<std::string> PrecompiledHeaders;
};

// Drops what clang's driver would reject and does not change what the code means: flags its
// option table does not know (gcc's -fno-canonical-system-headers, -fconcepts,
// -mno-direct-extern-access, ...), gcc plugins, sanitizer names clang does not have, gcc's
// diagnostic formats. Everything the driver knows stays, so defines, include paths, the language
// standard and the target are untouched. Arguments[0] is the compiler.
//
// A precompiled header the command loads (`-include-pch X.pch`, and CMake's `-Xclang -include-pch
// -Xclang X.pch` beside `-Xclang -include -Xclang X`) is not loaded, as clangd does not: it is a
// build product (not built yet on a fresh configure) of whatever compiler made it, which another
// clang version refuses; the header it was made from is included as text instead, which means the
// same. CMake names that header itself; a bare `-include-pch X.pch` is taken to be made from X,
// the name clang's documentation builds it under. Every `-include X` is given to the front end
// (`-Xclang -include -Xclang X`): clang's driver would load an X.pch or X.gch lying beside X in
// its place (what clangd's ProbePrecompiled=false turns off), which is how a bare
// `-include-pch X.pch` came back.
MangledCommand mangleCommand(const std::vector<std::string> &Arguments);

// A `command` string split as a POSIX shell splits it (quotes, backslashes, any whitespace,
// tabs and newlines included), which is what the build that wrote it meant.
std::vector<std::string> splitCommand(const std::string &Command);

} // namespace contractcheck
