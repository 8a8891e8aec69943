// Content hashes for the result store: of a file's bytes, and of the files a run reads again and
// again (every TU includes the same headers), each hashed once per run.
#pragma once

#include "RealPaths.h"

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace contractcheck {

// 128-bit BLAKE3 of Bytes, as 32 lowercase hex digits.
std::string contentHash(std::string_view Bytes);

class FileHashes {
public:
  // Within one run a file is hashed once: the run judges one snapshot. A long-lived process (the
  // language server) asks to revalidate: a file whose size, modification time or inode changed
  // since it was hashed is hashed again.
  explicit FileHashes(bool Revalidate = false) : Revalidate(Revalidate) {}

  // nullopt when the file cannot be read. Thread-safe.
  std::optional<std::string> of(const std::string &AbsolutePath);
  // What a path a parse asked about answers now (lookupState, IncludeLookups.h): once per run,
  // every time when revalidating. Thread-safe.
  std::string lookup(const std::string &Path);

private:
  struct Entry {
    std::optional<std::string> Hash;
    std::string Status; // size, mtime and inode when hashed (Revalidate only)
  };
  const bool Revalidate;
  std::mutex Mutex;
  std::map<std::string, Entry> Known;
  std::map<std::string, std::string> Looked;
  RealPaths Real; // for one run (not when revalidating: a directory may be re-pointed meanwhile)
};

} // namespace contractcheck
