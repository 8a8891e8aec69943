// Precompiled prefixes kept in the result store: what lets one file at a time (the pre-commit
// hook on a .cpp, the editor on save) skip parsing its system headers, as a whole-codebase run
// does by sharing them between its TUs (SharedHeaders.h). clangd's preamble, made persistent and
// shared between runs and front ends.
//
// A prefix is keyed by everything that decides it before a header is read: the TU's analysis
// command without its main file, its directory, the include environment, the headers it
// precompiles (as spelled and as resolved), C or C++, whether template bodies are kept, this
// contractcheck build and the store's own place (the precompiled file names its header there).
// Like a stored TU result it is validated when loaded: every file it was parsed from must have
// the content it had and every path its parse asked about must answer the same (ResultStore::
// readsUnchanged), so a changed header is a miss and the prefix is built again under the same
// key, replacing the stale one. Clang's own check of a precompiled file's inputs (size and
// modification time) is told to compare content when those differ
// (-fvalidate-ast-input-files-content): a checkout that touches a header without changing it
// does not turn the prefix into a failed parse.
//
// <store>/prefixes/<family>-<build>.{prefix,pch,hpp}: the description (what it was parsed from,
// which .pch file it goes with), the precompiled file, the header it precompiles. Each is
// written as a temporary file renamed over it (StoreFiles.h); the description is written last
// and names the identity (device, inode, size, time) of the .pch written before it, so runs
// racing for one prefix leave one complete pair and a reader never pairs one run's description
// with another's .pch. A prefix is several megabytes to 200 MB: storing one removes the others
// of its family built by another contractcheck build, and the least recently used beyond
// MaxTotalBytes.
#pragma once

#include "ContentHash.h"
#include "PrecompiledPrefix.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace contractcheck {

class ResultStore;

class StoredPrefixes {
public:
  // Overlays: an editor's unsaved buffers; a prefix parsed from one of them on disk is not used.
  // A build taking longer than TimeLimit is abandoned (zero: no limit).
  StoredPrefixes(const ResultStore &Store, FileHashes &Hashes,
                 std::map<std::string, std::string> Overlays, std::chrono::seconds TimeLimit);
  ~StoredPrefixes();
  StoredPrefixes(const StoredPrefixes &) = delete;
  StoredPrefixes &operator=(const StoredPrefixes &) = delete;

  // The prefix of Headers for a TU compiled with Args (its analysis command without its main
  // file) in Directory: loaded from the store when it is there and up to date, else built and
  // stored. Null when it cannot be had. Thread-safe; each prefix is loaded or built once.
  const PrecompiledPrefix *prefixFor(const std::vector<std::string> &Args,
                                     const std::string &Directory,
                                     const std::vector<SystemHeaderRoot> &Headers, bool CLanguage,
                                     bool KeepTemplateBodies);
  // A TU failed to parse with Prefix and parsed without it. A loaded prefix is removed from the
  // store (the next run builds it again); one built in this run is recorded as not to be used
  // while what it was parsed from is unchanged, so a TU that cannot take its headers
  // precompiled (a header without an include guard) is not made to try on every run.
  void rejected(const PrecompiledPrefix *Prefix);

  static constexpr uint64_t MaxTotalBytes = uint64_t{2} << 30;

private:
  struct Slot;
  void loadOrBuild(Slot &S, const std::vector<std::string> &Args, const std::string &Directory,
                   const std::vector<SystemHeaderRoot> &Headers, bool CLanguage,
                   bool KeepTemplateBodies);
  bool load(Slot &S);
  void build(Slot &S, const std::vector<std::string> &Args, const std::string &Directory,
             const std::vector<SystemHeaderRoot> &Headers, bool CLanguage,
             bool KeepTemplateBodies);
  bool touchesOverlays(const PrecompiledPrefix &Prefix) const;
  bool prepareDirectory();

  const ResultStore &Store;
  FileHashes &Hashes;
  const std::map<std::string, std::string> Overlays;
  const std::chrono::seconds TimeLimit;
  std::mutex Mutex;
  std::map<std::string, std::unique_ptr<Slot>> Slots; // by file name, without the extension
  std::once_flag DirectoryOnce;
  std::string RealDirectory; // <store>/prefixes, its real path; empty when it cannot be made
  std::string Temporary;     // where prefixes are built (OwnedTemporaries.h), made once
};

} // namespace contractcheck
