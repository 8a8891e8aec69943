#include "PrefixBuilder.h"

#include "ContentHash.h"
#include "CrashContainment.h"
#include "ResultStore.h"
#include "StoreFiles.h"
#include "SharedHeaders.h"
#include "StoredPrefixes.h"
#include "StoredScans.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <csignal>
#include <dirent.h>
#include <fcntl.h>
#include <functional>
#include <mutex>
#include <spawn.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace contractcheck {

namespace {

constexpr const char *LockName = "builder.lock";
constexpr const char *RequestExtension = ".request";
constexpr uint64_t MaxRequestBytes = 16 << 20;
constexpr int LockDescriptor = 3; // where the builder finds the lock it was handed
// A build that takes longer is abandoned (a TU's own limit is not known here).
constexpr std::chrono::seconds BuildLimit{600};
// Below the user's own work: what it builds is for a later run.
constexpr int BuilderNiceness = 10;
// The builder's own argument when the server that starts it waits for it.
constexpr const char *NextSaveArgument = "--next-save";

std::string &executable() {
  static std::string Path;
  return Path;
}

PrefixWanted Wanted = PrefixWanted::ByALaterRun;

// Builders a long-lived process (the language server) started: waited for once they end.
std::mutex StartedMutex;
std::vector<pid_t> Started;

void reapEndedBuilders() {
  std::lock_guard<std::mutex> Lock(StartedMutex);
  Started.erase(std::remove_if(Started.begin(), Started.end(),
                               [](pid_t P) { return ::waitpid(P, nullptr, WNOHANG) != 0; }),
                Started.end());
}

Descriptor openLock(const std::string &StoreDirectory) {
  std::string Error;
  Descriptor Shard = openShard(StoreDirectory, PrefixesShard, /*Create=*/true, Error);
  if (Shard.get() < 0)
    return Descriptor();
  return Descriptor(
      ::openat(Shard.get(), LockName, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666));
}

std::vector<std::string> pendingRequests(const std::string &StoreDirectory) {
  std::vector<std::string> Names;
  std::string Error;
  Descriptor Shard = openShard(StoreDirectory, PrefixesShard, /*Create=*/false, Error);
  if (Shard.get() < 0)
    return Names;
  DIR *Listing = ::fdopendir(::dup(Shard.get()));
  if (!Listing)
    return Names;
  while (dirent *Entry = ::readdir(Listing)) {
    llvm::StringRef Name(Entry->d_name);
    if (Name.ends_with(RequestExtension) && !Name.starts_with("."))
      Names.push_back(Name.str());
  }
  ::closedir(Listing);
  std::sort(Names.begin(), Names.end());
  return Names;
}

// Builds every request there is, taking each out of the store before building it (a builder
// that dies half-way loses it; the next run that misses the prefix asks again).
void buildPending(const std::string &StoreDirectory) {
  ResultStore Store(StoreDirectory, StoreDirectory);
  FileHashes Hashes;
  for (std::vector<std::string> Names = pendingRequests(StoreDirectory); !Names.empty();
       Names = pendingRequests(StoreDirectory)) {
    for (const std::string &Name : Names) {
      std::optional<std::string> Text =
          readStoreFile(StoreDirectory, PrefixesShard, Name, MaxRequestBytes);
      std::string Error;
      Descriptor Shard = openShard(StoreDirectory, PrefixesShard, /*Create=*/false, Error);
      if (Shard.get() < 0)
        return;
      if (::unlinkat(Shard.get(), Name.c_str(), 0) != 0)
        return;
      if (!Text)
        continue;
      StoredPrefixes Prefixes(Store, Hashes, {}, BuildLimit, /*InBackground=*/false);
      if (std::optional<DeferredPrefix> TU = StoredPrefixes::deferredIn(*Text)) {
        StoredScans Scans(Store, Hashes, {});
        buildOwnStoredPrefix(*TU, Prefixes, Scans, BuildLimit);
      } else {
        Prefixes.buildRequested(*Text);
      }
    }
  }
}

} // namespace

void enableBackgroundPrefixBuilds(PrefixWanted When) {
  executable() = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  Wanted = When;
}

bool backgroundPrefixBuildsEnabled() { return !executable().empty(); }

bool nextSaveWantsThePrefix() {
  return backgroundPrefixBuildsEnabled() && Wanted == PrefixWanted::ByTheNextSave;
}

std::string prefixBuilderLockPath(const std::string &StoreDirectory) {
  return StoreDirectory + "/" + PrefixesShard + "/" + LockName;
}

void startPrefixBuilder(const std::string &StoreDirectory) {
  if (!backgroundPrefixBuildsEnabled())
    return;
  reapEndedBuilders();
  Descriptor Lock = openLock(StoreDirectory);
  // A builder is running: it looks for requests again before it ends.
  if (Lock.get() < 0 || ::flock(Lock.get(), LOCK_EX | LOCK_NB) != 0)
    return;
  llvm::SmallString<256> Store;
  if (llvm::sys::fs::real_path(StoreDirectory, Store))
    return;
  // The lock goes to the builder as its descriptor 3, and only it: the caller's pipes (a hook's
  // output read by git, the editor's connection) must not be held open by it.
  if (Lock.get() == LockDescriptor)
    Lock = Descriptor(::fcntl(Lock.get(), F_DUPFD_CLOEXEC, LockDescriptor + 1));
  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  for (int FD : {0, 1, 2})
    posix_spawn_file_actions_addopen(&Actions, FD, "/dev/null", FD ? O_WRONLY : O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&Actions, Lock.get(), LockDescriptor);
  posix_spawn_file_actions_addclosefrom_np(&Actions, LockDescriptor + 1);
  // Its own session: the terminal's Ctrl-C for the hook does not end it half-way (and if
  // something does, it leaves no half-written entry).
  posix_spawnattr_t Attributes;
  posix_spawnattr_init(&Attributes);
  sigset_t Empty, Defaults;
  sigemptyset(&Empty);
  sigemptyset(&Defaults);
  for (int Signal : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD})
    sigaddset(&Defaults, Signal);
  posix_spawnattr_setsigmask(&Attributes, &Empty);
  posix_spawnattr_setsigdefault(&Attributes, &Defaults);
  posix_spawnattr_setflags(&Attributes,
                           POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::string Program = executable();
  std::string Subcommand = PrefixBuilderSubcommand;
  std::string Directory(Store);
  std::string NextSave = NextSaveArgument;
  char *Argv[] = {Program.data(), Subcommand.data(), Directory.data(),
                  nextSaveWantsThePrefix() ? NextSave.data() : nullptr, nullptr};
  pid_t Pid;
  if (::posix_spawn(&Pid, Program.c_str(), &Actions, &Attributes, Argv, environ) == 0) {
    std::lock_guard<std::mutex> Guard(StartedMutex);
    Started.push_back(Pid);
  }
  posix_spawnattr_destroy(&Attributes);
  posix_spawn_file_actions_destroy(&Actions);
}

int runPrefixBuilder(int Argc, const char **Argv) {
  bool ForNextSave = Argc == 3 && llvm::StringRef(Argv[2]) == NextSaveArgument;
  if (Argc != 2 && !ForNextSave)
    return 2;
  std::string StoreDirectory = Argv[1];
  // The lock the starting run took for it; without it, another builder may be at work.
  if (::flock(LockDescriptor, LOCK_EX | LOCK_NB) != 0)
    return 0;
  ::fcntl(LockDescriptor, F_SETFD, FD_CLOEXEC);
  if (!ForNextSave)
    ::setpriority(PRIO_PROCESS, 0, BuilderNiceness);
  enableCrashContainment();
  for (;;) {
    buildPending(StoreDirectory);
    // A run that found the lock taken left its request for this builder: look once more after
    // letting it go, and go on only if no other builder took it meanwhile.
    ::flock(LockDescriptor, LOCK_UN);
    if (pendingRequests(StoreDirectory).empty() ||
        ::flock(LockDescriptor, LOCK_EX | LOCK_NB) != 0)
      return 0;
  }
}

bool awaitBuilderOutput(const std::string &StoreDirectory, const std::string &Entry,
                        std::chrono::milliseconds Limit, const std::function<bool()> &Ready) {
  reapEndedBuilders();
  // A builder's end is an event through its pidfd; it stays this process's child (its pid
  // cannot be reused) until reaped.
  std::vector<Descriptor> Builders;
  {
    std::lock_guard<std::mutex> Guard(StartedMutex);
    for (pid_t Pid : Started)
      if (int FD = static_cast<int>(::syscall(SYS_pidfd_open, Pid, 0)); FD >= 0)
        Builders.emplace_back(FD);
  }
  if (Builders.empty())
    return false;
  std::string Directory = StoreDirectory + "/" + PrefixesShard;
  Descriptor Watch(::inotify_init1(IN_CLOEXEC | IN_NONBLOCK));
  if (Watch.get() < 0 || ::inotify_add_watch(Watch.get(), Directory.c_str(), IN_MOVED_TO) < 0)
    return false;
  // Renamed in before the watch began. (An Entry there that is not Ready, one stale since a
  // header changed, is waited past: only a rename is an event.)
  if (Ready())
    return true;
  auto Deadline = std::chrono::steady_clock::now() + Limit;
  while (!Builders.empty()) {
    auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
        Deadline - std::chrono::steady_clock::now());
    if (Left.count() <= 0)
      return false;
    std::vector<pollfd> Events{{Watch.get(), POLLIN, 0}};
    for (const Descriptor &Builder : Builders)
      Events.push_back({Builder.get(), POLLIN, 0});
    int Polled = ::poll(Events.data(), Events.size(), static_cast<int>(Left.count()));
    if (Polled < 0 && errno == EINTR)
      continue;
    if (Polled <= 0)
      return false;
    if (Events[0].revents) {
      alignas(inotify_event) char Buffer[4096];
      for (ssize_t Read; (Read = ::read(Watch.get(), Buffer, sizeof Buffer)) > 0;)
        for (char *At = Buffer; At < Buffer + Read;) {
          const auto *Event = reinterpret_cast<const inotify_event *>(At);
          if (Event->len && Entry == Event->name && Ready())
            return true;
          At += sizeof(inotify_event) + Event->len;
        }
    }
    for (size_t B = Builders.size(); B-- > 0;)
      if (Events[B + 1].revents)
        Builders.erase(Builders.begin() + static_cast<std::ptrdiff_t>(B));
  }
  // Every builder ended: what they stored is there.
  return Ready();
}

} // namespace contractcheck
