// Real paths of files for the result store's lookups (IncludeLookups.h).
#pragma once

#include <map>
#include <mutex>
#include <string>

namespace contractcheck {

// Real paths of files, each directory resolved once: a run asks about thousands of files in a
// few dozen directories, and resolving a file's whole path reads the link of every component.
// Keep one only as long as directories cannot be re-pointed under it (a run, a parse).
// Thread-safe.
class RealPaths {
public:
  // File's real path, or File when it cannot be resolved.
  std::string of(const std::string &File);

private:
  std::mutex Mutex;
  std::map<std::string, std::string> Directories;
};

// Path's real path resolved whole, or Path when it cannot be resolved.
std::string realPathOf(const std::string &Path);

} // namespace contractcheck
