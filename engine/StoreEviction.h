// What keeps the result store from filling the disk. Every key names the exact command, the
// configuration and the contractcheck build, so a changed flag, an edited configuration or a
// new contractcheck leaves the old entries behind for good: nothing would ever read them again.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace contractcheck {

// In Root/Shard, holding <family>-<build>.{prefix,pch,hpp}, just after Kept (a <family>-<build>)
// was stored: removes the other prefixes of Kept's family (another contractcheck build's, never
// loaded by this one), then the least recently used ones (by their description's modification
// time, which a load touches) until all of them take at most MaxTotalBytes. Only regular files
// named so are removed, through a shard directory that is not a link. Each prefix is several
// megabytes to 200 MB, so this runs whenever one is stored.
void evictPrefixes(const std::string &Root, const std::string &Shard, const std::string &Kept,
                   uint64_t MaxTotalBytes);

// Removes every entry of the store in Root that no run has used for MaxAge: TU results
// (<2 hex>/<key>.json), system-header scans (scans/<key>.scan) and precompiled prefixes
// (prefixes/, by their description). A file's modification time is when it was last written
// or read (readStoreFile marks a read, at most once an hour). Call it at the end of a run, after
// the run has read what it uses: an entry unused for weeks that this run needed was marked then.
// The store is walked at most once a day (the time is kept in Root/.last-eviction), so a run
// usually pays one stat. Only regular files named so are removed, through shard directories
// that are not links; a temporary file is not an entry (reapStaleTemporaryFiles). Returns how
// many entries were removed.
size_t evictUnusedEntries(const std::string &Root, std::chrono::seconds MaxAge);

} // namespace contractcheck
