// Scans of TUs' system headers kept in the result store: what lets one file at a time (the
// pre-commit hook on a .cpp, the editor on save) find its stored prefix (StoredPrefixes.h)
// without preprocessing the TU with all its headers first. That scan was most of what was left
// of a single-file run once the prefix was stored: 40 % of the instructions of a run on the
// example's wire.cpp (nlohmann/json), as much as its parse.
//
// A scan (SystemHeaderRoots.h) is keyed by the TU's whole analysis command, its directory and
// the include environment, and validated when loaded like a stored result: every file it read
// has the content it had (an editor's unsaved buffer counts as that file's content) and every
// path it asked about answers the same. Of the main file, which an edit changes, only its
// leading part up to the end of its last inclusion directive (IncludeRegion.h) must be
// unchanged: what follows cannot change which system headers the TU includes nor which may lead.
// A TU that includes its own main file is not stored. An entry written by another
// contractcheck build is a miss and is replaced under the same key.
//
// <store>/scans/<key>.scan: a header line (format, build, key, checksum), then the scan as JSON;
// written as a temporary file renamed over it (StoreFiles.h).
#pragma once

#include "ContentHash.h"
#include "SystemHeaderRoots.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace contractcheck {

class ResultStore;

class StoredScans {
public:
  // Overlays: an editor's unsaved buffers (absolute path -> text), read instead of the disk.
  StoredScans(const ResultStore &Store, FileHashes &Hashes,
              const std::map<std::string, std::string> &Overlays);

  // The stored scan of the TU that Args (its whole analysis command) compiles in Directory,
  // whose main file is MainFile, when nothing it was computed from has changed. Thread-safe.
  std::optional<SystemHeaderRoots> load(const std::vector<std::string> &Args,
                                        const std::string &Directory,
                                        const std::string &MainFile);
  // Stores Scanned, computed from Inputs, unless it cannot be reused (a failed scan, a TU that
  // includes itself). Thread-safe.
  void store(const std::vector<std::string> &Args, const std::string &Directory,
             const SystemHeaderRoots &Scanned, const ScanInputs &Inputs);

private:
  std::string keyOf(const std::vector<std::string> &Args, const std::string &Directory) const;
  // The hash of a file's content as this run sees it: its unsaved buffer's, else the disk's.
  std::optional<std::string> hashOf(const std::string &RealPath);
  // The main file's text as this run sees it.
  std::optional<std::string> textOf(const std::string &RealPath) const;

  const ResultStore &Store;
  FileHashes &Hashes;
  struct Overlaid {
    std::string Text, Hash;
  };
  std::map<std::string, Overlaid> OverlaidByRealPath;
};

} // namespace contractcheck
