#include "StoreFiles.h"

#include "OwnedTemporaries.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/Signals.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

namespace contractcheck {

Descriptor::~Descriptor() {
  if (FD >= 0)
    ::close(FD);
}

Descriptor &Descriptor::operator=(Descriptor &&Other) noexcept {
  if (this != &Other) {
    if (FD >= 0)
      ::close(FD);
    FD = Other.release();
  }
  return *this;
}

namespace {

StoredFileIdentity identityOf(const struct stat &Info) {
  return {static_cast<uint64_t>(Info.st_dev), static_cast<uint64_t>(Info.st_ino),
          static_cast<uint64_t>(Info.st_size),
          static_cast<int64_t>(Info.st_mtim.tv_sec) * 1000000000 + Info.st_mtim.tv_nsec};
}

// Writes everything or says why not (errno).
int writeAll(int FD, std::string_view Rest) {
  while (!Rest.empty()) {
    ssize_t Written = ::write(FD, Rest.data(), Rest.size());
    if (Written < 0 && errno != EINTR)
      return errno;
    if (Written > 0)
      Rest.remove_prefix(static_cast<size_t>(Written));
  }
  return 0;
}

// The temporary file, filled by Fill (returning an errno or 0), renamed over Name.
std::string writeThroughTemporary(const std::string &Root, const std::string &Shard,
                                  const std::string &Name, const std::function<int(int)> &Fill,
                                  StoredFileIdentity *Written) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Root))
    return "cannot create the result store directory '" + Root + "': " + EC.message();
  std::string Error;
  Descriptor ShardFD = openShard(Root, Shard, /*Create=*/true, Error);
  if (ShardFD.get() < 0)
    return Error;
  // With this process's id: what a killed run leaves is reaped by a later one (OwnedTemporaries).
  std::string Temp = temporaryFileName(Name, std::to_string(llvm::sys::Process::GetRandomNumber()));
  std::string TempPath = Root + "/" + Shard + "/" + Temp;
  int FD = ::openat(ShardFD.get(), Temp.c_str(),
                    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (FD < 0)
    return "cannot create a temporary file in the result store directory '" + Root + "/" + Shard +
           "': " + std::strerror(errno);
  llvm::sys::RemoveFileOnSignal(TempPath);
  int Errno = Fill(FD);
  struct stat Info;
  if (!Errno && Written && ::fstat(FD, &Info) != 0)
    Errno = errno;
  if (::close(FD) != 0 && !Errno)
    Errno = errno;
  if (!Errno && ::renameat(ShardFD.get(), Temp.c_str(), ShardFD.get(), Name.c_str()) != 0)
    Errno = errno;
  if (Errno)
    ::unlinkat(ShardFD.get(), Temp.c_str(), 0);
  llvm::sys::DontRemoveFileOnSignal(TempPath);
  if (Errno)
    return "cannot write the result store entry '" + Root + "/" + Shard + "/" + Name +
           "': " + std::strerror(Errno);
  if (Written)
    *Written = identityOf(Info); // a rename keeps the inode and the times
  return {};
}

} // namespace

Descriptor openShard(const std::string &Root, const std::string &Shard, bool Create,
                     std::string &Error) {
  // The store's own directory is what the user named and may be a link; nothing under it is
  // followed.
  Descriptor RootFD(::open(Root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (RootFD.get() < 0) {
    Error = "cannot open the result store directory '" + Root + "': " + std::strerror(errno);
    return Descriptor();
  }
  int FD = ::openat(RootFD.get(), Shard.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (FD < 0 && errno == ENOENT && Create) {
    if (::mkdirat(RootFD.get(), Shard.c_str(), 0777) != 0 && errno != EEXIST) {
      Error = "cannot create the result store directory '" + Root + "/" + Shard +
              "': " + std::strerror(errno);
      return Descriptor();
    }
    FD = ::openat(RootFD.get(), Shard.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  }
  if (FD < 0)
    Error = "the result store's '" + Root + "/" + Shard + "' is not a directory it created (" +
            std::strerror(errno) + ")";
  return Descriptor(FD);
}

std::optional<std::pair<Descriptor, StoredFileIdentity>>
openStoreFile(const std::string &Root, const std::string &Shard, const std::string &Name,
              uint64_t MaxBytes) {
  std::string Error;
  Descriptor ShardFD = openShard(Root, Shard, /*Create=*/false, Error);
  if (ShardFD.get() < 0)
    return std::nullopt;
  Descriptor FD(::openat(ShardFD.get(), Name.c_str(),
                         O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  struct stat Info;
  if (FD.get() < 0 || ::fstat(FD.get(), &Info) != 0 || !S_ISREG(Info.st_mode) ||
      static_cast<uint64_t>(Info.st_size) > MaxBytes)
    return std::nullopt;
  return std::make_pair(std::move(FD), identityOf(Info));
}

bool dueForUseMark(const StoredFileIdentity &Identity) {
  constexpr int64_t Hour = int64_t{3600} * 1000000000;
  int64_t Now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  return Now - Identity.ModifiedNs > Hour;
}

std::optional<std::string> readStoreFile(const std::string &Root, const std::string &Shard,
                                         const std::string &Name, uint64_t MaxBytes) {
  auto Opened = openStoreFile(Root, Shard, Name, MaxBytes);
  if (!Opened)
    return std::nullopt;
  // Used now (StoreEviction.h), at most once an hour, which spares a warm run a write per entry.
  // A store this run may not write to stays as it is.
  if (dueForUseMark(Opened->second))
    ::futimens(Opened->first.get(), nullptr);
  std::string Text(static_cast<size_t>(Opened->second.Size), '\0');
  size_t Done = 0;
  while (Done < Text.size()) {
    ssize_t Got = ::read(Opened->first.get(), Text.data() + Done, Text.size() - Done);
    if (Got < 0 && errno == EINTR)
      continue;
    if (Got <= 0)
      return std::nullopt;
    Done += static_cast<size_t>(Got);
  }
  return Text;
}

void markStoreFileUsed(const std::string &Root, const std::string &Shard,
                       const std::string &Name) {
  std::string Error;
  Descriptor ShardFD = openShard(Root, Shard, /*Create=*/false, Error);
  if (ShardFD.get() >= 0)
    ::utimensat(ShardFD.get(), Name.c_str(), nullptr, AT_SYMLINK_NOFOLLOW);
}

std::string writeStoreFile(const std::string &Root, const std::string &Shard,
                           const std::string &Name, std::string_view Content,
                           StoredFileIdentity *Written) {
  return writeThroughTemporary(
      Root, Shard, Name, [&](int FD) { return writeAll(FD, Content); }, Written);
}

void keepEarlierVersions(const std::string &Root, const std::string &Shard, const std::string &Name,
                         const std::vector<std::string> &Earlier) {
  std::string Error;
  Descriptor ShardFD = openShard(Root, Shard, /*Create=*/false, Error);
  if (ShardFD.get() < 0 || Earlier.empty())
    return;
  // Only an entry this store wrote is kept: a link or anything else planted as Name is not.
  struct stat Info;
  if (::fstatat(ShardFD.get(), Name.c_str(), &Info, AT_SYMLINK_NOFOLLOW) != 0 ||
      !S_ISREG(Info.st_mode))
    return;
  for (size_t I = Earlier.size() - 1; I > 0; --I)
    ::renameat(ShardFD.get(), Earlier[I - 1].c_str(), ShardFD.get(), Earlier[I].c_str());
  ::linkat(ShardFD.get(), Name.c_str(), ShardFD.get(), Earlier.front().c_str(), 0);
}

bool promoteStoreFile(const std::string &Root, const std::string &Shard, const std::string &Earlier,
                      const std::string &Name) {
  std::string Error;
  Descriptor ShardFD = openShard(Root, Shard, /*Create=*/false, Error);
  if (ShardFD.get() < 0)
    return false;
  if (::renameat2(ShardFD.get(), Earlier.c_str(), ShardFD.get(), Name.c_str(), RENAME_EXCHANGE) ==
      0)
    return true;
  // Name is gone (evicted): Earlier takes its place, unless another run stored one meanwhile.
  return errno == ENOENT && ::renameat2(ShardFD.get(), Earlier.c_str(), ShardFD.get(), Name.c_str(),
                                        RENAME_NOREPLACE) == 0;
}

std::string copyIntoStore(const std::string &Root, const std::string &Shard,
                          const std::string &Name, const std::string &CopyOf,
                          StoredFileIdentity *Written) {
  Descriptor From(::open(CopyOf.c_str(), O_RDONLY | O_CLOEXEC));
  if (From.get() < 0)
    return "cannot read '" + CopyOf + "': " + std::strerror(errno);
  return writeThroughTemporary(
      Root, Shard, Name,
      [&](int FD) {
        std::string Buffer(1 << 20, '\0');
        for (;;) {
          ssize_t Got = ::read(From.get(), Buffer.data(), Buffer.size());
          if (Got < 0 && errno == EINTR)
            continue;
          if (Got < 0)
            return errno;
          if (Got == 0)
            return 0;
          if (int Errno = writeAll(FD, std::string_view(Buffer.data(), static_cast<size_t>(Got))))
            return Errno;
        }
      },
      Written);
}

} // namespace contractcheck
