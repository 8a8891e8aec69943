#include "FileIdentity.h"

#include <llvm/Support/FileSystem.h>

namespace contractcheck {

std::optional<std::pair<uint64_t, uint64_t>> fileIdentity(const std::string &Path) {
  llvm::sys::fs::UniqueID ID;
  if (llvm::sys::fs::getUniqueID(Path, ID))
    return std::nullopt;
  return std::make_pair(ID.getDevice(), ID.getFile());
}

bool sameFile(const std::string &A, const std::string &B) {
  std::optional<std::pair<uint64_t, uint64_t>> IdA = fileIdentity(A);
  return IdA && IdA == fileIdentity(B);
}

const std::string &FileSpellings::canonical(const std::string &Path) {
  auto Known = BySpelling.find(Path);
  if (Known != BySpelling.end())
    return Known->second;
  std::string Canonical = Path;
  if (std::optional<std::pair<uint64_t, uint64_t>> ID = fileIdentity(Path))
    Canonical = ByIdentity.try_emplace(*ID, Path).first->second;
  return BySpelling.emplace(Path, std::move(Canonical)).first->second;
}

} // namespace contractcheck
