// The result store: each analysed unit's outcome (findings, facts, the files it read) on disk,
// keyed by everything that decides it, so a re-run re-parses only what changed and shards
// extracted elsewhere can be merged (contractcheck extract / check). Modelled on clangd's
// BackgroundIndexStorage: an entry that is stale, truncated, corrupt or written by another
// contractcheck is a miss and is recomputed, never trusted.
#pragma once

#include "ContentHash.h"
#include "StoreFiles.h"
#include "StoreRoots.h"
#include "TUOutcome.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace contractcheck {

struct SplitOutcome;

// A stored result read lazily: its header and checksum checked, its path lists decoded (what is
// needed to tell whether it is still valid), everything else kept as text until asked for. A
// run reads every other TU's entry for its facts and its own TU's stale entry for one flag; a
// whole outcome through nlohmann::json was most of what a single-file run spent outside the
// parse.
class StoredResult {
public:
  StoredResult(std::string Text, std::unique_ptr<SplitOutcome> Split, StoreRoots Roots);
  StoredResult(StoredResult &&) noexcept;
  ~StoredResult();

  // Whether every file it read still has the content it had then, and every path its parse
  // asked about still answers the same (ResultStore::readsUnchanged). Files named in First
  // (the TU's main file) are checked before the others: a stale entry is most often one whose
  // main file was edited, and finding so costs no hashing of the headers it read.
  bool readsUnchanged(FileHashes &Hashes, const std::string &First = {}) const;
  // The analysis had to keep template bodies (TUOutcome::KeptTemplateBodies), read alone.
  bool keptTemplateBodies() const;
  // The facts alone, for the global rules; nullopt when they cannot be read (a miss).
  std::optional<std::vector<Fact>> facts() const;
  // The whole outcome; nullopt when it cannot be read (a miss). Of a result no longer needed,
  // its path lists are moved into it, not copied.
  std::optional<TUOutcome> outcome() const &;
  std::optional<TUOutcome> outcome() &&;
  // The files it read and the paths its parse asked about (this checkout's paths, sorted).
  const std::vector<std::pair<std::string, std::string>> &dependencies() const;
  const PathLookups &lookups() const;
  // The outcome's other members as stored (paths relative to the roots), the text of a JSON
  // object: what a run's summary (StoredRun.h) keeps of it.
  std::string_view restText() const;

private:
  std::string Text; // the entry's body, which Split's members view
  std::unique_ptr<SplitOutcome> Split;
  StoreRoots Roots;
};

// The other TUs' facts as a long-lived process (the language server) last read them from the
// store: an entry whose file is still the one read (the same inode, size and modification
// time; the store replaces an entry by renaming a new file over it) is not read and decoded
// again at every analysis. What it read is validated every time, as before.
class KeptFacts {
public:
  // How many entries were read and decoded (tests).
  size_t entriesRead() const { return Read; }

private:
  friend class ResultStore;
  struct Kept {
    StoredFileIdentity Entry;
    StoredResult Result;
    std::vector<Fact> Facts;
  };
  std::unordered_map<std::string, Kept> ByEntry; // by store, key and compile directory
  size_t Read = 0;
};

class ResultStore {
public:
  // How many results a TU keeps besides its latest.
  static constexpr int EarlierResults = 3;

  // ProjectRoot: the root of the paths a stored result names besides its TU's compile directory
  // (projectRootOf, or --project-root).
  ResultStore(std::string Directory, std::string ProjectRoot)
      : Dir(std::move(Directory)), ProjectRoot(std::move(ProjectRoot)) {}

  // What decides a TU's outcome before its content is read: the exact compiler command, the
  // environment the compiler driver reads (CPATH and the like), the configuration that governs
  // it, and this contractcheck build with its rules' fact kinds. The content of the files it
  // reads and how each #include was resolved are checked on load (readsUnchanged). Every path
  // in them under the compile directory or the project root counts relative to it (StoreRoots),
  // so a second checkout of the same code at another path has the same keys; the entries say
  // their paths the same way, and are read back with this checkout's roots.
  std::string keyOf(const std::vector<std::string> &CommandLine, const std::string &Directory,
                    const std::string &File, const std::string &ConfigFingerprint) const;

  // The stored outcome under Key (of a TU compiled in Directory), if there is one and every file
  // it read still has the content it had then.
  std::optional<TUOutcome> load(const std::string &Key, const std::string &Directory,
                                FileHashes &Hashes) const;
  // Stores an analysed outcome (failures are not stored: the next run tries again), keeping the
  // result it replaces as an earlier one (EarlierResults of them at most, as ccache keeps a
  // command's results for each set of inputs): a TU analysed on one branch, then another, is
  // found again when the first is checked out again. Atomic:
  // concurrent runs storing the same key leave one complete entry. The store may be shared and
  // poisoned: it writes only a temporary file it creates itself (O_EXCL, O_NOFOLLOW) in a shard
  // directory that is not a link, renamed over the entry, so a link planted there is replaced,
  // never written through; entries are read the same way, only from regular files (no link, no
  // FIFO, at most 256 MiB). Returns an error message naming the file, empty on success.
  // *Rest, when given, is set to the outcome's members other than its path lists as stored
  // (restText).
  std::string save(const std::string &Key, const std::string &Directory,
                   const TUOutcome &Outcome, std::string *Rest = nullptr) const;
  // Whether the store was last written by another contractcheck build (buildFingerprint), whose
  // entries this one never reads; false for a store no build has recorded itself in.
  bool lastWrittenByAnotherBuild() const;
  // Records this build as the store's last writer (after a run stored results).
  void recordBuild() const;
  // The stored entry under Key as it was stored, read lazily (StoredResult), without checking
  // that the files it read are unchanged: what a stale entry still tells (KeptTemplateBodies),
  // or an entry the caller validates before it reads more of it.
  std::optional<StoredResult> open(const std::string &Key, const std::string &Directory) const;
  // The latest stored result under Key whose reads are unchanged, or an earlier one that is
  // (made the latest again); nullopt when none is.
  std::optional<StoredResult> openUnchanged(const std::string &Key, const std::string &Directory,
                                            FileHashes &Hashes) const;
  // An earlier stored result under Key (one the latest replaced: the TU's result on another
  // branch, before an edit that was undone) whose reads are all unchanged, made the latest
  // again; nullopt when none is. First as in StoredResult::readsUnchanged. What a run asks when
  // the latest entry (open) is stale.
  std::optional<StoredResult> openEarlier(const std::string &Key, const std::string &Directory,
                                          FileHashes &Hashes, const std::string &First = {}) const;
  // The facts of the stored outcome under Key if every file it read is unchanged (load's test),
  // read without the rest of the outcome: what a subset run needs of the other TUs.
  // With Kept, an entry read before and unchanged since is validated without being read again.
  std::optional<std::vector<Fact>> loadFacts(const std::string &Key, const std::string &Directory,
                                             FileHashes &Hashes, KeptFacts *Kept = nullptr) const;
  // Whether every file a stored outcome read still has the content it had then, and every path
  // its parse asked about (IncludeLookups.h) still answers the same.
  static bool readsUnchanged(const TUOutcome &Stored, FileHashes &Hashes);
  // The same for what anything else stored was made from (a precompiled prefix).
  static bool readsUnchanged(const std::vector<std::pair<std::string, std::string>> &Dependencies,
                             const PathLookups &Lookups, FileHashes &Hashes);
  // The files the stored outcome under Key read (real paths, sorted), for mapping a changed
  // header to the TUs that include it: only while the entry says what the TU includes now, that
  // is, every path its parse asked about answers the same and every file it read other than
  // Changed (real paths, sorted) is unchanged. A TU edited since (it may have gained an
  // #include) has none: it is scanned again.
  std::optional<std::vector<std::string>>
  dependencies(const std::string &Key, const std::string &Directory, FileHashes &Hashes,
               const std::vector<std::string> &Changed) const;

  const std::string &directory() const { return Dir; }
  const std::string &projectRoot() const { return ProjectRoot; }

private:
  // An outcome's members other than its path lists, as save() stores them: the text of a JSON
  // object, its paths relative to the roots of a TU compiled in Directory.
  std::string restText(const std::string &Directory, const TUOutcome &Outcome) const;
  // Main: the content hash its main file must have been read with (its header's "main"), or
  // empty for any.
  std::optional<StoredResult> openEntry(const std::string &Key, const std::string &Name,
                                        const std::string &Directory,
                                        const std::string &Main = {}) const;
  StoreRoots rootsFor(const std::string &Directory) const { return {Directory, ProjectRoot}; }
  // The configuration's part of a key, computed once per configuration and compile directory: a
  // key is computed for every TU of every run, warm runs included.
  std::string configKey(const std::string &Directory, const std::string &ConfigFingerprint) const;
  std::string Dir;
  std::string ProjectRoot;
  mutable std::mutex ConfigKeysMutex;
  mutable std::map<std::pair<std::string, std::string>, std::string> ConfigKeys;
};

// A stored outcome's members other than its path lists (restText), read back with a checkout's
// roots; nullopt when they cannot be read (a miss).
std::optional<TUOutcome> outcomeFromRestText(std::string_view Rest, const StoreRoots &Roots);
// Its "facts" member alone, the same way.
std::optional<std::vector<Fact>> factsFromText(std::string_view Facts, const StoreRoots &Roots);

// The fingerprint of this contractcheck build (its version, its executable's content and the
// fact kinds its rules declare): results stored by any other build are misses.
const std::string &buildFingerprint();

} // namespace contractcheck
