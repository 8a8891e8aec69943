// Temporaries a run owns are not left behind. The shared headers' precompiled prefixes (a
// directory of up to 180 MB in the system's temporary directory) are removed when SIGINT, SIGTERM
// or SIGHUP ends the run, as LLVM removes the files registered with RemoveFileOnSignal (the
// report's and the store's temporary files). Nothing runs on SIGKILL or a power cut: what such a
// run left is reaped by a later run, only in the places contractcheck writes its own temporaries
// (<TMPDIR>/contractcheck-headers-<pid>-*, the result store's .<entry>.tmp-<pid>-* files), only
// what is older than that run, owned by its user and whose process <pid> is gone.
#pragma once

#include <string>
#include <string_view>
#include <system_error>

namespace contractcheck {

// Creates <system temp>/<Prefix>-<pid>-XXXXXX, removed with what it holds (it must stay flat) if
// SIGINT, SIGTERM or SIGHUP ends the process; its real path. Empty, with EC, on failure.
std::string createOwnedTemporaryDirectory(std::string_view Prefix, std::error_code &EC);
// Removes Dir and what it holds, and forgets it for the signals.
void removeOwnedTemporaryDirectory(const std::string &Dir);

// The name of a temporary file for Name written by this process: ".<Name>.tmp-<pid>-<Unique>".
std::string temporaryFileName(std::string_view Name, std::string_view Unique);

// Removes <system temp>/<Prefix>-<pid>-* directories left by processes that are gone (see above).
// Returns how many.
size_t reapStaleTemporaryDirectories(std::string_view Prefix);
// Removes the temporary files (temporaryFileName) directly in Dir's subdirectories (the result
// store's shards) left by processes that are gone. Returns how many.
size_t reapStaleTemporaryFiles(const std::string &Dir);

} // namespace contractcheck
