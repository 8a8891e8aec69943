#include "FilesRead.h"

#include "ContentHash.h"
#include "Paths.h"

#include <clang/Basic/SourceManager.h>
#include <llvm/Support/FileSystem.h>

#include <algorithm>
#include <iterator>

namespace contractcheck {

std::vector<std::pair<std::string, std::string>> filesRead(const clang::SourceManager &SM,
                                                           const std::string &Dir) {
  std::vector<std::pair<std::string, std::string>> Files;
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    std::optional<llvm::StringRef> Data = It->second->getBufferDataIfLoaded();
    if (!Data)
      continue;
    // The real path: the spelled one may hold '..' after a symlink that a lexical clean-up
    // would resolve wrongly, and so may the one Clang keeps for a file it did not open itself
    // (one a precompiled header names).
    llvm::SmallString<256> Named(It->first.getName()), Real;
    if (!Dir.empty())
      llvm::sys::fs::make_absolute(Dir, Named);
    std::string Path = llvm::sys::fs::real_path(Named, Real)
                           ? absolutePath(It->first.getName().str(), Dir)
                           : Real.str().str();
    Files.emplace_back(std::move(Path), contentHash(*Data));
  }
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  return Files;
}

void mergeFilesRead(std::vector<std::pair<std::string, std::string>> &Into,
                    const std::vector<std::pair<std::string, std::string>> &More) {
  std::vector<std::pair<std::string, std::string>> Merged;
  Merged.reserve(Into.size() + More.size());
  std::set_union(Into.begin(), Into.end(), More.begin(), More.end(), std::back_inserter(Merged));
  Into = std::move(Merged);
}

} // namespace contractcheck
