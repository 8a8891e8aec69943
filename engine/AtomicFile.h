// Writing a file so that readers see the old content or the complete new content, never a part:
// a temporary file in the same directory, flushed and closed, renamed over the target.
#pragma once

#include <string>
#include <string_view>

namespace contractcheck {

// Returns an error message, empty on success. On failure the target is untouched and no
// temporary file is left behind.
std::string writeFileAtomically(const std::string &Path, std::string_view Content);

} // namespace contractcheck
