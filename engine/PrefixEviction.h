// What keeps the stored precompiled prefixes (StoredPrefixes.h) from filling the disk: each is
// several megabytes to 200 MB, and every edit of a TU's includes or flags, and every new
// contractcheck build, makes new ones.
#pragma once

#include <cstdint>
#include <string>

namespace contractcheck {

// In Root/Shard, holding <family>-<build>.{prefix,pch,hpp}, just after Kept (a <family>-<build>)
// was stored: removes the other prefixes of Kept's family (another contractcheck build's, never
// loaded by this one), then the least recently used ones (by their description's modification
// time, which a load touches) until all of them take at most MaxTotalBytes. Only regular files
// named so are removed, through a shard directory that is not a link.
void evictPrefixes(const std::string &Root, const std::string &Shard, const std::string &Kept,
                   uint64_t MaxTotalBytes);

} // namespace contractcheck
