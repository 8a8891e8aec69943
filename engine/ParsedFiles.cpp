#include "ParsedFiles.h"

#include "Paths.h"

#include <clang/Basic/SourceManager.h>
#include <llvm/Support/xxhash.h>

namespace contractcheck {

ParsedFileHashes parsedFileHashes(const clang::SourceManager &SM, const std::string &Dir) {
  ParsedFileHashes Hashes;
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    // Files only looked up (an include path probed) were never read.
    std::optional<llvm::MemoryBufferRef> Buffer = It->second->getBufferIfLoaded();
    if (!Buffer)
      continue;
    Hashes[absolutePath(It->first.getName().str(), Dir)] =
        llvm::xxh3_64bits(Buffer->getBuffer());
  }
  return Hashes;
}

uint64_t contentHash(const std::string &Text) { return llvm::xxh3_64bits(Text); }

} // namespace contractcheck
