#include "RealPaths.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <sys/stat.h>

namespace contractcheck {

std::string realPathOf(const std::string &Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real, /*expand_tilde=*/false))
    return Path;
  return std::string(Real);
}

std::string RealPaths::of(const std::string &File) {
  // A file that is itself a link is resolved whole; any other is where its directory really is.
  struct stat Info;
  llvm::StringRef Parent = llvm::sys::path::parent_path(File);
  if (Parent.empty() || ::lstat(File.c_str(), &Info) != 0 || S_ISLNK(Info.st_mode))
    return realPathOf(File);
  std::string Directory;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (auto It = Directories.find(Parent.str()); It != Directories.end())
      Directory = It->second;
  }
  if (Directory.empty()) {
    llvm::SmallString<256> Real;
    if (llvm::sys::fs::real_path(Parent, Real, /*expand_tilde=*/false))
      return realPathOf(File);
    Directory = std::string(Real);
    std::lock_guard<std::mutex> Lock(Mutex);
    Directories.try_emplace(Parent.str(), Directory);
  }
  llvm::SmallString<256> Joined(Directory);
  llvm::sys::path::append(Joined, llvm::sys::path::filename(File));
  return std::string(Joined);
}

} // namespace contractcheck
