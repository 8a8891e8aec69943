#include "AtomicFile.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Signals.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace contractcheck {

namespace {
// umask() can only be read by setting it; done on a worker thread it races with every file
// another thread creates meanwhile. Read once, while the process starts single-threaded.
const mode_t ProcessUmask = [] {
  mode_t Mask = ::umask(0);
  ::umask(Mask);
  return Mask;
}();
} // namespace


namespace {

std::string describe(int Errno) { return std::strerror(Errno); }

// Every byte, retrying short writes and EINTR; returns errno or 0.
int writeAll(int FD, std::string_view Content) {
  while (!Content.empty()) {
    ssize_t Written = ::write(FD, Content.data(), Content.size());
    if (Written < 0) {
      if (errno == EINTR)
        continue;
      return errno;
    }
    Content.remove_prefix(static_cast<size_t>(Written));
  }
  return 0;
}

std::string writeDirectly(const std::string &Path, std::string_view Content) {
  int FD = ::open(Path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (FD < 0)
    return "cannot open for writing: " + describe(errno);
  int Error = writeAll(FD, Content);
  if (::close(FD) != 0 && !Error)
    Error = errno;
  if (Error)
    return "cannot write: " + describe(Error);
  return {};
}

} // namespace

std::string writeFileAtomically(const std::string &Path, std::string_view Content) {
  // The file a symlink points to is what the user means; renaming over the link would replace
  // the link with a copy.
  llvm::SmallString<256> Target(Path);
  if (llvm::sys::fs::is_symlink_file(Path)) {
    if (std::error_code EC = llvm::sys::fs::real_path(Path, Target, /*expand_tilde=*/false))
      return "cannot resolve the symbolic link: " + EC.message();
  }
  struct stat Existing;
  bool Exists = ::stat(Target.c_str(), &Existing) == 0;
  if (Exists && S_ISDIR(Existing.st_mode))
    return "is a directory";
  if (Exists && !S_ISREG(Existing.st_mode))
    return writeDirectly(std::string(Target), Content);

  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Target));
  if (Dir.empty())
    Dir = ".";
  llvm::SmallString<256> Model(Dir);
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(Target).str() + ".tmp-%%%%%%%%");
  int FD;
  llvm::SmallString<256> Temp;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp))
    return "cannot create a temporary file in '" + std::string(Dir) + "': " + EC.message();
  llvm::sys::RemoveFileOnSignal(Temp);
  auto Abandon = [&](std::string Why) -> std::string {
    ::unlink(Temp.c_str());
    llvm::sys::DontRemoveFileOnSignal(Temp);
    return Why;
  };
  // A rewritten source keeps its permissions; a new report gets the umask's.
  mode_t Mode = Exists ? Existing.st_mode & 07777 : 0666 & ~ProcessUmask;
  int Error = writeAll(FD, Content);
  if (!Error && ::fchmod(FD, Mode) != 0)
    Error = errno;
  if (!Error && ::fsync(FD) != 0 && errno != EINVAL)
    Error = errno;
  if (::close(FD) != 0 && !Error)
    Error = errno;
  if (Error)
    return Abandon("cannot write: " + describe(Error));
  if (::rename(Temp.c_str(), Target.c_str()) != 0)
    return Abandon("cannot replace the file: " + describe(errno));
  llvm::sys::DontRemoveFileOnSignal(Temp);
  return {};
}

} // namespace contractcheck
