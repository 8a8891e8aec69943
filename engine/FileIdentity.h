// One file, one name: the same file reached by two spellings (a symlinked include directory,
// a `..` through a symlink) is recognised by its device and inode, so its findings are merged and
// its fixes applied once.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace contractcheck {

// (device, inode) of an existing file; nullopt when it cannot be stat'ed.
std::optional<std::pair<uint64_t, uint64_t>> fileIdentity(const std::string &Path);

// True when both paths name the same existing file.
bool sameFile(const std::string &A, const std::string &B);

// Maps each spelling to the first spelling seen for the same file. Paths that do not exist are
// their own spelling.
class FileSpellings {
public:
  const std::string &canonical(const std::string &Path);

private:
  std::map<std::string, std::string> BySpelling;
  std::map<std::pair<uint64_t, uint64_t>, std::string> ByIdentity;
};

} // namespace contractcheck
