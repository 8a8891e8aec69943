#include "IncludeLookups.h"

#include "ContentHash.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <iterator>
#include <sys/stat.h>

namespace contractcheck {

namespace {

std::string listingState(const std::string &Directory) {
  std::vector<std::string> Names;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Directory, EC), End; It != End && !EC;
       It.increment(EC))
    Names.push_back(llvm::sys::path::filename(It->path()).str());
  if (EC && Names.empty())
    return "missing";
  std::sort(Names.begin(), Names.end());
  std::string All;
  for (const std::string &Name : Names)
    All += Name + '\n';
  return "listing " + contentHash(All);
}

class RecordingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  RecordingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base, LookupLog &Log)
      : ProxyFileSystem(std::move(Base)), Log(Log) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override {
    Log.record(absolute(Path));
    return ProxyFileSystem::status(Path);
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    Log.record(absolute(Path));
    return ProxyFileSystem::openFileForRead(Path);
  }
  llvm::vfs::directory_iterator dir_begin(const llvm::Twine &Dir, std::error_code &EC) override {
    Log.recordListing(absolute(Dir));
    return ProxyFileSystem::dir_begin(Dir, EC);
  }
  std::error_code getRealPath(const llvm::Twine &Path,
                              llvm::SmallVectorImpl<char> &Output) override {
    Log.record(absolute(Path));
    return ProxyFileSystem::getRealPath(Path, Output);
  }

private:
  std::string absolute(const llvm::Twine &Path) {
    llvm::SmallString<256> Absolute;
    Path.toVector(Absolute);
    if (!llvm::sys::path::is_absolute(Absolute)) {
      llvm::ErrorOr<std::string> Cwd = getCurrentWorkingDirectory();
      if (Cwd) {
        llvm::SmallString<256> Joined(*Cwd);
        llvm::sys::path::append(Joined, Absolute);
        Absolute = Joined;
      }
    }
    llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/false);
    return std::string(Absolute);
  }
  LookupLog &Log;
};

bool under(const std::string &Path, const std::string &Directory) {
  return !Directory.empty() && Path.size() >= Directory.size() &&
         Path.compare(0, Directory.size(), Directory) == 0 &&
         (Path.size() == Directory.size() || Path[Directory.size()] == '/');
}

} // namespace

std::string lookupState(const std::string &Path, RealPaths &Real) {
  if (!Path.empty() && Path[0] == '*')
    return listingState(Path.substr(1));
  struct stat Info;
  if (::stat(Path.c_str(), &Info) != 0)
    return errno == ENOENT || errno == ENOTDIR ? "missing" : "unreadable";
  if (S_ISREG(Info.st_mode))
    return "file " + Real.of(Path);
  // A directory by its being one, not by where it really is: a build sandbox (Bazel's) creates
  // each action's directories afresh, so their real paths differ from one action to the next;
  // a file found through a re-pointed directory still changes its own record (its real path).
  if (S_ISDIR(Info.st_mode))
    return "dir";
  return "other";
}

void LookupLog::record(const std::string &AbsolutePath) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (States.count(AbsolutePath))
      return;
  }
  std::string State = lookupState(AbsolutePath, Real);
  std::lock_guard<std::mutex> Lock(Mutex);
  States.try_emplace(AbsolutePath, std::move(State));
}

void LookupLog::recordListing(const std::string &AbsoluteDirectory) {
  record('*' + AbsoluteDirectory);
}

PathLookups LookupLog::take(const std::vector<std::string> &Skip) {
  std::lock_guard<std::mutex> Lock(Mutex);
  PathLookups All;
  for (auto &[Path, State] : States) {
    std::string Plain = !Path.empty() && Path[0] == '*' ? Path.substr(1) : Path;
    if (std::none_of(Skip.begin(), Skip.end(), [&](const std::string &S) { return under(Plain, S); }))
      All.emplace_back(Path, std::move(State));
  }
  States.clear();
  return All;
}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
recordingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base, LookupLog &Log) {
  return llvm::makeIntrusiveRefCnt<RecordingFileSystem>(std::move(Base), Log);
}

void mergeLookups(PathLookups &Into, const PathLookups &More) {
  PathLookups Merged;
  Merged.reserve(Into.size() + More.size());
  // The same path asked by both parses: the first answer stands (both were taken in this run).
  std::set_union(Into.begin(), Into.end(), More.begin(), More.end(), std::back_inserter(Merged),
                 [](const auto &A, const auto &B) { return A.first < B.first; });
  Into = std::move(Merged);
}

std::vector<std::string> includeEnvironment() {
  // What clang's driver reads (Clang.cpp addDirectoryList, Driver.cpp): include directories, the
  // command's own overrides, the sysroot and the programs it looks for.
  static const char *const Names[] = {"CPATH",           "C_INCLUDE_PATH",
                                      "CPLUS_INCLUDE_PATH", "OBJC_INCLUDE_PATH",
                                      "OBJCPLUS_INCLUDE_PATH", "CCC_OVERRIDE_OPTIONS",
                                      "SDKROOT",         "COMPILER_PATH",
                                      "GCC_EXEC_PREFIX", "SOURCE_DATE_EPOCH"};
  std::vector<std::string> Set;
  for (const char *Name : Names)
    if (const char *Value = std::getenv(Name))
      Set.push_back(std::string(Name) + "=" + Value);
  return Set;
}

} // namespace contractcheck
