// A run's results as one file of the result store, beside the TUs' own entries: the distinct
// files its TUs read and paths they asked about, each once, and every TU's key, which of those
// are its own, and its outcome without the path lists. A warm run (or a single-file run taking
// the other TUs' facts) opened one entry per TU, each naming the same few hundred headers and
// include lookups; it reads this file and checks each of those once instead.
//
// It is a second copy, never the only one: a TU's result is taken from it under the same key and
// the same test as from its entry (every file it read unchanged, every path it asked about
// answering the same), and a TU it does not hold or holds stale is looked up in the entries as
// before. Written by a run that read and wrote the store, at its end, when it knows a result
// for every TU and they differ from the summary it read (temporary file renamed over the last);
// checked on reading like an entry (format, this build, its name, the checksum of its bytes).
// One per compilation database and project root, in the store's "runs" directory.
#pragma once

#include "ResultStore.h"
#include "StoredPathLists.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace contractcheck {

class StoredRun {
public:
  // The summary Store holds for runs of the compilation database at DatabasePath, read and
  // checked; a store without one (or with one that is corrupt, truncated, foreign or of another
  // build) gives an empty summary, which serves nothing and is written anew.
  StoredRun(const ResultStore &Store, const std::string &DatabasePath);
  ~StoredRun();

  // The outcome of the TU under Key, compiled in Directory, when the summary holds it and every
  // file it read is unchanged and every path it asked about answers the same; nullopt otherwise.
  // Its Dependencies are filled, its Lookups are not (nothing after the analysis reads them; the
  // summary keeps them). A TU served is kept for the next summary. Thread-safe.
  std::optional<TUOutcome> outcome(const std::string &Key, const std::string &Directory,
                                   FileHashes &Hashes);
  // Its facts alone, the same way.
  std::optional<std::vector<Fact>> facts(const std::string &Key, const std::string &Directory,
                                         FileHashes &Hashes);

  // A TU's result taken elsewhere (analysed, or read from its entry), kept for the next
  // summary. Thread-safe.
  // Rest: the outcome's members other than its path lists as stored (ResultStore::restText).
  void keep(const std::string &Key, std::string Rest, const TUOutcome &Outcome);
  void keep(const std::string &Key, const StoredResult &Stored);

  // Writes the next summary when Units TUs were kept (every TU of the run; otherwise it would
  // lose some) and they are not all the summary read, served again. Returns an error message,
  // empty when written or not needed.
  std::string write(size_t Units);

  // For tests: how many TUs the summary served, and whether the last write() wrote.
  size_t served() const { return Served.load(); }
  bool wrote() const { return Wrote; }

private:
  struct Read;
  bool unchanged(size_t Unit, FileHashes &Hashes);
  // The summary's TU under Key when it is unchanged (unchanged()).
  std::optional<size_t> unchangedUnit(const std::string &Key, FileHashes &Hashes);
  void keepRead(size_t Unit);
  void add(const std::string &Key, std::string Outcome, const StringPairs &Dependencies,
           const StringPairs &Lookups);

  const ResultStore &Store;
  std::string Name;
  std::unique_ptr<Read> Old; // null when the store held no usable summary
  std::atomic<size_t> Served{0};
  bool Wrote = false;

  // The next summary: the TUs served from this one (Read::Kept), and the others' results.
  struct Unit {
    std::string Key, Outcome;
    StringPairs Reads, Asks;
  };
  std::mutex Mutex;
  std::vector<Unit> Added;
  std::unordered_map<std::string, bool> KeysKept; // every TU's key kept, once
};

} // namespace contractcheck
