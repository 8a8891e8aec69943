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

using FileId = std::pair<uint64_t, uint64_t>; // (device, inode)

// The identity of an existing file; nullopt when it cannot be stat'ed.
std::optional<FileId> fileIdentity(const std::string &Path);

// True when both paths name the same existing file.
bool sameFile(const std::string &A, const std::string &B);

// Maps each spelling to the first spelling seen for the same file. Paths that do not exist are
// their own spelling.
class FileSpellings {
public:
  const std::string &canonical(const std::string &Path);

private:
  std::map<std::string, std::string> BySpelling;
  std::map<FileId, std::string> ByIdentity;
};

// The content hash each file had when the analysis read it (TUOutcome::Dependencies), by file
// identity, so that any spelling of a path finds it.
class ReadFiles {
public:
  void add(const std::string &Path, const std::string &Hash);
  // nullopt: no unit read it; "": units read it with different content (edited during the run).
  std::optional<std::string> hashOf(const std::string &Path) const;
  bool contains(const FileId &ID) const { return ById.count(ID) != 0; }

private:
  std::optional<FileId> identity(const std::string &Path) const;
  std::map<FileId, std::string> ById;
  mutable std::map<std::string, std::optional<FileId>> Known; // one stat per path
};

} // namespace contractcheck
