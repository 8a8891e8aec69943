// How a parse found its files, beyond what it read: every path the compiler (driver and
// preprocessor) asked the file system about, with what was there. A stored result is valid only
// while each of those paths still answers the same way, so any change that would resolve an
// #include differently is a miss: a header that now exists earlier on the include path, a
// `__has_include` that flips, a symlink (to a header or a directory) re-pointed or replaced by a
// regular file, a new GCC installation the driver would pick. Build systems (Bazel's include
// scanning, ccache's direct mode) and clangd's index validate their caches the same way.
#pragma once

#include "RealPaths.h"

#include <llvm/ADT/IntrusiveRefCntPtr.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace contractcheck {

// (path, state), sorted. A path is absolute; a directory listing is recorded under '*' + path.
using PathLookups = std::vector<std::pair<std::string, std::string>>;

// What Path answers now: "missing", "file <real path>", "dir <real path>", "other", or for a
// '*' + directory entry, the hash of its listing. The real path tells a re-pointed symlink apart.
// Real: where directories' real paths are kept (for one run, or one parse).
std::string lookupState(const std::string &Path, RealPaths &Real);

// Records every path asked about through it, with its state when first asked.
class LookupLog {
public:
  void record(const std::string &AbsolutePath);
  void recordListing(const std::string &AbsoluteDirectory);
  // Everything recorded, without the paths under any of Skip (the run's own temporary files).
  PathLookups take(const std::vector<std::string> &Skip = {});

private:
  std::mutex Mutex;
  std::map<std::string, std::string> States;
  RealPaths Real;
};

// The file system Base as seen through Log: every status, open, listing and real-path query is
// recorded.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
recordingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base, LookupLog &Log);

// Adds More to Into, both sorted as LookupLog::take gives them.
void mergeLookups(PathLookups &Into, const PathLookups &More);

// The environment variables the compiler driver reads to decide include directories or the
// command itself (CPATH, CPLUS_INCLUDE_PATH, ...), as "NAME=value" for those set: part of a
// stored result's key.
std::vector<std::string> includeEnvironment();

} // namespace contractcheck
