// Files in a result store that may be shared and poisoned (a CI cache, a build system's action
// cache): read and written only through a shard directory that is not a link, only as regular
// files of bounded size, written as a temporary file the store creates itself (O_EXCL,
// O_NOFOLLOW) and renamed over the target once complete. The TU results (ResultStore.h) and the
// precompiled prefixes (StoredPrefixes.h) both go through here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contractcheck {

// Where each kind of entry lives in a store: a TU's result in the shard named by its key's first
// two hex digits, the system-header scans and the precompiled prefixes in a shard each.
inline std::string resultShardOf(const std::string &Key) { return Key.substr(0, 2); }
inline constexpr const char *ScansShard = "scans";
inline constexpr const char *PrefixesShard = "prefixes";

// An open file descriptor, closed with this object.
class Descriptor {
public:
  explicit Descriptor(int FD = -1) : FD(FD) {}
  ~Descriptor();
  Descriptor(Descriptor &&Other) noexcept : FD(Other.release()) {}
  Descriptor &operator=(Descriptor &&Other) noexcept;
  Descriptor(const Descriptor &) = delete;
  Descriptor &operator=(const Descriptor &) = delete;
  int get() const { return FD; }
  int release() {
    int Released = FD;
    FD = -1;
    return Released;
  }

private:
  int FD;
};

// Which file a store file is: a stored file is paired with what describes it by this.
struct StoredFileIdentity {
  uint64_t Device = 0, Inode = 0, Size = 0;
  int64_t ModifiedNs = 0;
  bool operator==(const StoredFileIdentity &) const = default;
};

// The shard directory Root/Shard, opened without following a link (created when Create);
// -1 and Error when it cannot be.
Descriptor openShard(const std::string &Root, const std::string &Shard, bool Create,
                     std::string &Error);

// The bytes of Root/Shard/Name when it is a regular file of at most MaxBytes, read without
// following a link or blocking on a FIFO; nullopt otherwise. A file read is marked used (its
// modification time, at most once an hour) so that evictUnusedEntries keeps it.
std::optional<std::string> readStoreFile(const std::string &Root, const std::string &Shard,
                                         const std::string &Name, uint64_t MaxBytes);

// Whether a store file with this identity was last marked used over an hour ago, so that the
// next readStoreFile marks it again: once an hour is enough for eviction measured in days.
bool dueForUseMark(const StoredFileIdentity &Identity);

// Marks Root/Shard/Name used now (its modification time), as readStoreFile does, without
// reading it: an entry a run took from elsewhere (StoredRun.h) that later runs may need.
void markStoreFileUsed(const std::string &Root, const std::string &Shard, const std::string &Name);

// Root/Shard/Name opened for reading when it is a regular file of at most MaxBytes (not
// followed if a link), with its identity.
std::optional<std::pair<Descriptor, StoredFileIdentity>>
openStoreFile(const std::string &Root, const std::string &Shard, const std::string &Name,
              uint64_t MaxBytes);

// Replaces Root/Shard/Name with Content (or with a copy of the file at CopyOf when Content is
// null), atomically. Returns why not ("" on success); *Written is the identity of the file
// written.
std::string writeStoreFile(const std::string &Root, const std::string &Shard,
                           const std::string &Name, std::string_view Content,
                           StoredFileIdentity *Written = nullptr);
// Before Root/Shard/Name is replaced: its file is kept as Earlier[0], what Earlier[0] held moves
// to Earlier[1], and so on; what the last held is dropped. Name itself stays in place until it is
// replaced (a hard link, so no reader finds it missing meanwhile). Best effort: a store that
// cannot (no hard links there) keeps only the latest.
void keepEarlierVersions(const std::string &Root, const std::string &Shard, const std::string &Name,
                         const std::vector<std::string> &Earlier);
// Root/Shard/Earlier becomes Name, and Name's file (if any) Earlier, in one step: no reader finds
// either half-done. False when it cannot be done.
bool promoteStoreFile(const std::string &Root, const std::string &Shard, const std::string &Earlier,
                      const std::string &Name);

std::string copyIntoStore(const std::string &Root, const std::string &Shard,
                          const std::string &Name, const std::string &CopyOf,
                          StoredFileIdentity *Written = nullptr);

} // namespace contractcheck
