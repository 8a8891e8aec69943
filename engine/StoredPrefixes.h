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
//
// In the contractcheck executable's CLI and hook a miss is not built in the run that finds it:
// the TU is parsed without a prefix, a request is left in the store, and a builder process
// started after the run builds it (PrefixBuilder.h): the user waits for a direct parse, not for
// the precompiled header's serialisation. The language server builds a miss in the analysis
// that finds it and parses with it: its next save would come before the builder is done. A
// stored prefix that a TU then cannot take is built in the next run
// that wants it, which tries it at once (<name>.refused).
#pragma once

#include "ContentHash.h"
#include "PrecompiledPrefix.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace contractcheck {

class ResultStore;

// A TU whose scan a single-file run did not have: the builder scans it and builds its prefix.
struct DeferredPrefix {
  std::vector<std::string> Command; // its whole analysis command
  std::string Directory, File;
  bool KeepTemplateBodies = false;
};

class StoredPrefixes {
public:
  // Overlays: an editor's unsaved buffers; a prefix parsed from one of them on disk is not used.
  // A build taking longer than TimeLimit is abandoned (zero: no limit). InBackground: a miss is
  // requested from the builder (PrefixBuilder.h), started when this object goes, instead of
  // being built now.
  StoredPrefixes(const ResultStore &Store, FileHashes &Hashes,
                 std::map<std::string, std::string> Overlays, std::chrono::seconds TimeLimit,
                 bool InBackground = false);
  ~StoredPrefixes();
  StoredPrefixes(const StoredPrefixes &) = delete;
  StoredPrefixes &operator=(const StoredPrefixes &) = delete;

  // The prefix of Headers for a TU compiled with Args (its analysis command without its main
  // file) in Directory: loaded from the store when it is there and up to date, else built and
  // stored (or requested from the builder). Null when it cannot be had now. Thread-safe; each prefix is loaded or built once.
  const PrecompiledPrefix *prefixFor(const std::vector<std::string> &Args,
                                     const std::string &Directory,
                                     const std::vector<SystemHeaderRoot> &Headers, bool CLanguage,
                                     bool KeepTemplateBodies);
  // A TU failed to parse with Prefix and parsed without it. A loaded prefix is removed from the
  // store (the next run builds it again); one built in this run is recorded as not to be used
  // while what it was parsed from is unchanged, so a TU that cannot take its headers
  // precompiled (a header without an include guard) is not made to try on every run.
  void rejected(const PrecompiledPrefix *Prefix);

  bool inBackground() const { return InBackground; }
  // A request was left for the builder: the run's summary says that a prefix is on its way.
  bool requested() const { return Requested; }
  // Asks the builder to scan TU and build its prefix (its scan was not stored).
  void request(const DeferredPrefix &TU);

  // The builder's side: builds (or finds stored) the prefix a request file's Text asks for.
  // False when Text is no such request of this contractcheck build for this store.
  bool buildRequested(const std::string &Text);
  // The TU a request file's Text asks to scan and build the prefix of, if it is such a request.
  static std::optional<DeferredPrefix> deferredIn(const std::string &Text);

  static constexpr uint64_t MaxTotalBytes = uint64_t{2} << 30;

private:
  struct Slot;
  void loadOrBuild(Slot &S, const std::vector<std::string> &Args, const std::string &Directory,
                   const std::vector<SystemHeaderRoot> &Headers, bool CLanguage,
                   bool KeepTemplateBodies);
  bool load(Slot &S);
  void request(Slot &S, const std::vector<std::string> &Args, const std::string &Directory,
               const std::vector<SystemHeaderRoot> &Headers, bool CLanguage,
               bool KeepTemplateBodies);
  std::string nameOf(const std::vector<std::string> &Args, const std::string &Directory,
                     const std::vector<SystemHeaderRoot> &Headers, bool CLanguage,
                     bool KeepTemplateBodies) const;
  void build(Slot &S, const std::vector<std::string> &Args, const std::string &Directory,
             const std::vector<SystemHeaderRoot> &Headers, bool CLanguage,
             bool KeepTemplateBodies);
  bool touchesOverlays(const PrecompiledPrefix &Prefix) const;
  bool prepareDirectory();

  const ResultStore &Store;
  FileHashes &Hashes;
  const std::map<std::string, std::string> Overlays;
  const std::chrono::seconds TimeLimit;
  const bool InBackground;
  std::atomic<bool> Requested{false}; // a request was left for the builder
  std::mutex Mutex;
  std::map<std::string, std::unique_ptr<Slot>> Slots; // by file name, without the extension
  std::once_flag DirectoryOnce;
  std::string RealDirectory; // <store>/prefixes, its real path; empty when it cannot be made
  std::string Temporary;     // where prefixes are built (OwnedTemporaries.h), made once
};

} // namespace contractcheck
