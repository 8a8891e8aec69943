// Content hashes for the result store: of a file's bytes, and of the files a run reads again and
// again (every TU includes the same headers), each hashed once per run.
#pragma once

#include "RealPaths.h"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace contractcheck {

// 128-bit BLAKE3 of Bytes, as 32 lowercase hex digits.
std::string contentHash(std::string_view Bytes);

class FileHashes {
public:
  // Within one run a file is hashed once: the run judges one snapshot. A long-lived process (the
  // language server) asks to revalidate: a file whose size, modification time or inode changed
  // since it was hashed is hashed again.
  explicit FileHashes(bool Revalidate = false) : Revalidate(Revalidate) {}
  // Revalidating: from now on, until the next call, a file's status and a path's answer are
  // checked once and taken as they were for the rest of the snapshot, as a run takes them. The
  // language server begins one per analysis: every other TU's stored result names the same
  // headers, and each was asked of the disk again for every result (66 results of googletest's
  // gMock tests: the same few hundred headers stat'ed and resolved 66 times per save).
  void newSnapshot();

  // nullopt when the file cannot be read. Thread-safe.
  std::optional<std::string> of(const std::string &AbsolutePath);
  // The hashes of files a parse of this run read (a TUOutcome's Dependencies), taken as their
  // content for the rest of the run instead of reading them again; a file already hashed keeps
  // its hash. Not when revalidating: a long-lived process checks the disk every time. When
  // hashes are kept between runs, those of files last changed a settling time before ReadSince
  // (when the parse started reading) are kept too: what it read is what they hold now.
  void remember(const std::vector<std::pair<std::string, std::string>> &Read,
                std::chrono::system_clock::time_point ReadSince);
  // Hashes kept between runs in the result store at StoreDirectory (<store>/hashes/files): a
  // file whose device, inode, size, modification and status-change times (nanoseconds) are
  // those it had when it was hashed is not read again. The status-change time is the kernel's,
  // which no tool sets back (touch, cp -p, rsync -t, tar restore the modification time only),
  // and a file changed less than Settle before it was hashed is not kept, as a change within
  // the same clock tick could leave both times as they were (git's "racy" files). A stored
  // result names every header its TU read, and a run validates every other TU's: most of a
  // single-file run's fixed cost was hashing the same unchanged headers again. Not when
  // revalidating (the language server keeps its own within the process).
  void keepBetweenRuns(const std::string &StoreDirectory,
                       std::chrono::seconds Settle = std::chrono::seconds(2));
  // Writes what this run hashed and may keep, if anything, to the store (a temporary file
  // renamed over the last), with what was kept before and may still match: the files this
  // run did not look at whose status is still the one kept with them (a removed or changed
  // file is left out). Returns an error message, empty on success.
  std::string saveKept();
  // How many files were read to be hashed (tests).
  size_t filesHashed() const { return Hashed; }
  // What a path a parse asked about answers now (lookupState, IncludeLookups.h): once per run,
  // every time when revalidating. Thread-safe.
  std::string lookup(const std::string &Path);
  // Whether of(AbsolutePath) is Hash, and lookup(Path) is State: what validating a stored result
  // asks of every file and path it names, most of them answered already in the run (every TU
  // names the same headers), compared where they are kept instead of copied out.
  bool hasHash(const std::string &AbsolutePath, const std::string &Hash);
  bool answers(const std::string &Path, const std::string &State);

private:
  // What says a file is unchanged since it was hashed: within a process when revalidating, and
  // between runs for the kept hashes.
  struct ChangeStatus {
    std::string Text; // device, inode, size, modification and status-change times
    std::chrono::system_clock::time_point LastChange;
  };
  static std::optional<ChangeStatus> changeStatusOf(const std::string &Path);
  std::optional<std::string> ofKept(const std::string &AbsolutePath);
  std::optional<std::string> hashNow(const std::string &AbsolutePath, std::string Status);
  struct Entry {
    std::optional<std::string> Hash;
    std::string Status; // changeStatusOf's Text when hashed (Revalidate only)
    uint64_t Checked = 0; // the snapshot in which Status was last found unchanged (0: none)
  };
  struct Answer {
    std::string State;
    uint64_t Checked = 0; // as Entry::Checked (Revalidate only)
  };
  const bool Revalidate;
  std::string KeptIn; // the store's directory; empty when hashes are not kept between runs
  std::chrono::seconds Settle{2};
  std::map<std::string, std::pair<std::string, std::string>> Kept; // path -> status, hash
  bool KeptChanged = false;
  std::atomic<size_t> Hashed{0};
  std::mutex Mutex;
  // Unordered: their keys are paths sharing long prefixes, which an ordered map compares again
  // at every level.
  std::unordered_map<std::string, Entry> Known;
  std::unordered_map<std::string, Answer> Looked;
  uint64_t Snapshot = 0; // newSnapshot's count; 0: every question goes to the disk
  RealPaths Real; // for one run (not when revalidating: a directory may be re-pointed meanwhile)
};

} // namespace contractcheck
