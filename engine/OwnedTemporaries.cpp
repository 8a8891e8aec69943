#include "OwnedTemporaries.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <atomic>
#include <chrono>
#include <iterator>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace contractcheck {

namespace {

// The directories to remove on a signal. The handler may only make system calls, so their paths
// live in fixed slots, each published by its flag once written; nothing is allocated or locked
// in the handler. A run has one shared-headers directory at a time; the slots are a margin.
constexpr int Slots = 8;
char SlotPath[Slots][4096];
std::atomic<bool> SlotUsed[Slots];
std::mutex SlotMutex; // between the threads that register; the handler takes no lock

// "Older than this run": than this process, whose start is taken as the program is loaded.
const std::chrono::system_clock::time_point ProcessStart = std::chrono::system_clock::now();

constexpr int Handled[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction Previous[std::size(Handled)];

// Empties a flat directory and removes it, with system calls only (async-signal-safe): getdents64
// instead of readdir, which allocates.
void removeFlatDirectory(const char *Path) {
  // Twice: a worker may have created a file in it while the first pass ran.
  for (int Pass = 0; Pass < 2; ++Pass) {
    int Fd = ::open(Path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (Fd < 0)
      return;
    alignas(8) char Buffer[4096];
    for (long N; (N = ::syscall(SYS_getdents64, Fd, Buffer, sizeof(Buffer))) > 0;) {
      for (long At = 0; At < N;) {
        // struct linux_dirent64: ino (8), off (8), reclen (2), type (1), name.
        unsigned short Length;
        std::memcpy(&Length, Buffer + At + 16, sizeof(Length));
        const char *Name = Buffer + At + 19;
        if (std::strcmp(Name, ".") != 0 && std::strcmp(Name, "..") != 0)
          ::unlinkat(Fd, Name, 0);
        At += Length;
      }
    }
    ::close(Fd);
    if (::rmdir(Path) == 0)
      return;
  }
}

void onTerminate(int Signal, siginfo_t *Info, void *Context) {
  for (int I = 0; I < Slots; ++I)
    if (SlotUsed[I].load())
      removeFlatDirectory(SlotPath[I]);
  // Then what was there before: LLVM's handler, which removes the files registered with
  // RemoveFileOnSignal (the report's and the store's temporaries) and ends the process by the
  // signal; or the default action.
  size_t Index = 0;
  while (Handled[Index] != Signal)
    ++Index;
  const struct sigaction &Old = Previous[Index];
  if ((Old.sa_flags & SA_SIGINFO) && Old.sa_sigaction)
    return Old.sa_sigaction(Signal, Info, Context);
  if (Old.sa_handler == SIG_IGN)
    return;
  if (Old.sa_handler != SIG_DFL)
    return Old.sa_handler(Signal);
  ::signal(Signal, SIG_DFL);
  ::raise(Signal); // delivered when this handler returns
}

void installOnce() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    for (size_t I = 0; I < std::size(Handled); ++I) {
      struct sigaction Action {};
      Action.sa_sigaction = onTerminate;
      Action.sa_flags = SA_SIGINFO;
      sigemptyset(&Action.sa_mask);
      ::sigaction(Handled[I], &Action, &Previous[I]);
    }
  });
}

// The process id in a temporary's name, after Marker ("<Marker><pid>-..."); 0 when there is none.
pid_t ownerOf(std::string_view Name, std::string_view Marker) {
  size_t At = Name.find(Marker);
  if (At == std::string_view::npos)
    return 0;
  Name.remove_prefix(At + Marker.size());
  pid_t Pid = 0;
  size_t Digits = 0;
  for (; Digits < Name.size() && Digits < 9 && Name[Digits] >= '0' && Name[Digits] <= '9'; ++Digits)
    Pid = Pid * 10 + (Name[Digits] - '0');
  if (Digits == 0 || Digits == Name.size() || Name[Digits] != '-')
    return 0;
  return Pid;
}

// Left behind: of a process that no longer exists, older than this run, and the user's own (a
// shared temporary directory holds other users' files, which are theirs to clean).
bool isStale(const std::string &Path, std::string_view Name, std::string_view Marker,
             bool Directory) {
  pid_t Owner = ownerOf(Name, Marker);
  if (Owner <= 0 || Owner == ::getpid() || ::kill(Owner, 0) == 0 || errno != ESRCH)
    return false;
  struct stat Info;
  if (::lstat(Path.c_str(), &Info) != 0 || Info.st_uid != ::getuid() ||
      (Directory ? !S_ISDIR(Info.st_mode) : !S_ISREG(Info.st_mode)))
    return false;
  return std::chrono::system_clock::from_time_t(Info.st_mtime) < ProcessStart;
}

} // namespace

std::string createOwnedTemporaryDirectory(std::string_view Prefix, std::error_code &EC) {
  llvm::SmallString<128> Temp;
  EC = llvm::sys::fs::createUniqueDirectory(std::string(Prefix) + "-" + std::to_string(::getpid()),
                                            Temp);
  if (EC)
    return {};
  // Real, as the TUs' dependencies are, so that a file in it is recognised by its path.
  llvm::SmallString<128> Real;
  if (!llvm::sys::fs::real_path(Temp, Real))
    Temp = Real;
  installOnce();
  std::lock_guard<std::mutex> Lock(SlotMutex);
  for (int I = 0; I < Slots; ++I)
    if (!SlotUsed[I].load() && Temp.size() < sizeof(SlotPath[I])) {
      std::memcpy(SlotPath[I], Temp.c_str(), Temp.size() + 1);
      SlotUsed[I].store(true);
      break;
    }
  return Temp.str().str();
}

void removeOwnedTemporaryDirectory(const std::string &Dir) {
  {
    std::lock_guard<std::mutex> Lock(SlotMutex);
    for (int I = 0; I < Slots; ++I)
      if (SlotUsed[I].load() && Dir == SlotPath[I])
        SlotUsed[I].store(false);
  }
  static_cast<void>(llvm::sys::fs::remove_directories(Dir));
}

std::string temporaryFileName(std::string_view Name, std::string_view Unique) {
  return "." + std::string(Name) + ".tmp-" + std::to_string(::getpid()) + "-" + std::string(Unique);
}

size_t reapStaleTemporaryDirectories(std::string_view Prefix) {
  llvm::SmallString<128> TempDir;
  llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/true, TempDir);
  std::string Start = std::string(Prefix) + "-";
  size_t Reaped = 0;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(TempDir, EC), End; !EC && It != End; It.increment(EC)) {
    std::string Name = llvm::sys::path::filename(It->path()).str();
    if (Name.rfind(Start, 0) == 0 && isStale(It->path(), Name, Start, /*Directory=*/true) &&
        !llvm::sys::fs::remove_directories(It->path()))
      ++Reaped;
  }
  return Reaped;
}

size_t reapStaleTemporaryFiles(const std::string &Dir) {
  size_t Reaped = 0;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator Shard(Dir, EC), End; !EC && Shard != End;
       Shard.increment(EC)) {
    // The store's own shard directories, never a link planted in their place.
    if (Shard->type() != llvm::sys::fs::file_type::directory_file)
      continue;
    std::error_code InEC;
    for (llvm::sys::fs::directory_iterator It(Shard->path(), InEC); !InEC && It != End;
         It.increment(InEC)) {
      std::string Name = llvm::sys::path::filename(It->path()).str();
      if (Name.size() > 1 && Name[0] == '.' &&
          isStale(It->path(), Name, ".tmp-", /*Directory=*/false) &&
          !llvm::sys::fs::remove(It->path()))
        ++Reaped;
    }
  }
  return Reaped;
}

} // namespace contractcheck
