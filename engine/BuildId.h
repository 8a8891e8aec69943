// Which build of contractcheck is running, cheaply: stored results and prefixes are valid only
// for the build that made them (buildFingerprint, ResultStore.h).
#pragma once

#include <optional>
#include <string>

namespace contractcheck {

// The running executable's GNU build ID (the linker's hash of the code it linked,
// -Wl,--build-id), as lowercase hex, read from its loaded program headers: no file is read.
// nullopt when it has none.
std::optional<std::string> executableBuildId();

} // namespace contractcheck
