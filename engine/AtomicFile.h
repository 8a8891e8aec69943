// Writes a file so that it is either entirely the new content or untouched: a temporary file in
// the same directory, flushed and closed, renamed over the target. Reports, baselines, --fix and
// the result cache all write through here.
#pragma once

#include <string>
#include <string_view>

namespace contractcheck {

// Replaces Path with Content. Returns why it could not (the target is then as it was and no
// temporary file is left), or "" on success. A symbolic link is followed: the file it
// points to is replaced and the link kept. A target that is not a regular file (/dev/stdout, a
// pipe, /dev/null) cannot be replaced by renaming and is written directly, errors included.
// The temporary file is removed if the process is interrupted by a signal.
[[nodiscard]] std::string writeFileAtomically(const std::string &Path, std::string_view Content);

} // namespace contractcheck
