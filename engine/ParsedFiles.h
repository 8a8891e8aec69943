// The content of every file a translation unit's parse read, as hashes: --fix rewrites a file
// only if it is still byte-identical to what was parsed, and the output paths are checked
// against every file the analysis read.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace clang {
class SourceManager;
}

namespace contractcheck {

// Absolute path (as findings and fix-its spell it, relative paths taken from Dir) to a hash of
// the bytes the parse saw.
using ParsedFileHashes = std::map<std::string, uint64_t>;

ParsedFileHashes parsedFileHashes(const clang::SourceManager &SM, const std::string &Dir);

// The same hash of a file's current bytes.
uint64_t contentHash(const std::string &Text);

} // namespace contractcheck
