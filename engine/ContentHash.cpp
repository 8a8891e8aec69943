#include "ContentHash.h"
#include "InputFile.h"

#include "IncludeLookups.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/BLAKE3.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>

namespace contractcheck {

std::string contentHash(std::string_view Bytes) {
  auto Hash = llvm::BLAKE3::hash<16>(llvm::arrayRefFromStringRef(Bytes));
  return llvm::toHex(Hash, /*LowerCase=*/true);
}

namespace {

std::string statusOf(const std::string &Path) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status))
    return {};
  return std::to_string(Status.getSize()) + ":" +
         std::to_string(Status.getLastModificationTime().time_since_epoch().count()) + ":" +
         std::to_string(Status.getUniqueID().getFile());
}

} // namespace

std::optional<std::string> FileHashes::of(const std::string &AbsolutePath) {
  std::string Status = Revalidate ? statusOf(AbsolutePath) : std::string();
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (auto It = Known.find(AbsolutePath); It != Known.end() && It->second.Status == Status)
      return It->second.Hash;
  }
  // Streamed through the hasher: a run checks every header of every stored TU.
  std::optional<std::string> Hash;
  std::string Problem;
  llvm::BLAKE3 Hasher;
  if (readInputFileChunks(AbsolutePath, InputKind::Source, Problem, [&](std::string_view Chunk) {
        Hasher.update(llvm::arrayRefFromStringRef(Chunk));
      }))
    Hash = llvm::toHex(Hasher.final<16>(), /*LowerCase=*/true);
  std::lock_guard<std::mutex> Lock(Mutex);
  auto [It, Inserted] = Known.try_emplace(AbsolutePath, Entry{Hash, Status});
  // Two threads that hashed the file at once: within a run the first answer stands, so every
  // reader of the run sees one content; revalidating, the newer one does.
  if (!Inserted && Revalidate)
    It->second = {std::move(Hash), std::move(Status)};
  return It->second.Hash;
}

std::string FileHashes::lookup(const std::string &Path) {
  if (Revalidate) {
    RealPaths Now;
    return lookupState(Path, Now);
  }
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (auto It = Looked.find(Path); It != Looked.end())
      return It->second;
  }
  std::string State = lookupState(Path, Real);
  std::lock_guard<std::mutex> Lock(Mutex);
  return Looked.try_emplace(Path, std::move(State)).first->second;
}

} // namespace contractcheck
