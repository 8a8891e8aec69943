#include "FileIdentity.h"

#include <llvm/Support/FileSystem.h>

namespace contractcheck {

std::optional<FileId> fileIdentity(const std::string &Path) {
  llvm::sys::fs::UniqueID ID;
  if (llvm::sys::fs::getUniqueID(Path, ID))
    return std::nullopt;
  return std::make_pair(ID.getDevice(), ID.getFile());
}

bool sameFile(const std::string &A, const std::string &B) {
  std::optional<FileId> IdA = fileIdentity(A);
  return IdA && IdA == fileIdentity(B);
}

const std::string &FileSpellings::canonical(const std::string &Path) {
  auto Known = BySpelling.find(Path);
  if (Known != BySpelling.end())
    return Known->second;
  std::string Canonical = Path;
  if (std::optional<FileId> ID = fileIdentity(Path))
    Canonical = ByIdentity.try_emplace(*ID, Path).first->second;
  return BySpelling.emplace(Path, std::move(Canonical)).first->second;
}

std::optional<FileId> ReadFiles::identity(const std::string &Path) const {
  auto [It, Inserted] = Known.try_emplace(Path);
  if (Inserted)
    It->second = fileIdentity(Path);
  return It->second;
}

void ReadFiles::add(const std::string &Path, const std::string &Hash) {
  std::optional<FileId> ID = identity(Path);
  if (!ID)
    return;
  auto [It, Inserted] = ById.emplace(*ID, Hash);
  if (!Inserted && It->second != Hash)
    It->second.clear();
}

std::optional<std::string> ReadFiles::hashOf(const std::string &Path) const {
  std::optional<FileId> ID = identity(Path);
  if (!ID)
    return std::nullopt;
  auto It = ById.find(*ID);
  if (It == ById.end())
    return std::nullopt;
  return It->second;
}

} // namespace contractcheck
