#include "ContentHash.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/BLAKE3.h>
#include <llvm/Support/MemoryBuffer.h>

namespace contractcheck {

std::string contentHash(std::string_view Bytes) {
  auto Hash = llvm::BLAKE3::hash<16>(llvm::arrayRefFromStringRef(Bytes));
  return llvm::toHex(Hash, /*LowerCase=*/true);
}

std::optional<std::string> FileHashes::of(const std::string &AbsolutePath) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (auto It = Known.find(AbsolutePath); It != Known.end())
      return It->second;
  }
  std::optional<std::string> Hash;
  if (auto Buffer = llvm::MemoryBuffer::getFile(AbsolutePath, /*IsText=*/false,
                                                /*RequiresNullTerminator=*/false))
    Hash = contentHash((*Buffer)->getBuffer());
  std::lock_guard<std::mutex> Lock(Mutex);
  return Known.emplace(AbsolutePath, std::move(Hash)).first->second;
}

} // namespace contractcheck
