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
#include <csignal>
#include <dirent.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/resource.h>
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

std::string &executable() {
  static std::string Path;
  return Path;
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

void enableBackgroundPrefixBuilds() {
  executable() = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
}

bool backgroundPrefixBuildsEnabled() { return !executable().empty(); }

std::string prefixBuilderLockPath(const std::string &StoreDirectory) {
  return StoreDirectory + "/" + PrefixesShard + "/" + LockName;
}

void startPrefixBuilder(const std::string &StoreDirectory) {
  if (!backgroundPrefixBuildsEnabled())
    return;
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
  char *Argv[] = {Program.data(), Subcommand.data(), Directory.data(), nullptr};
  pid_t Pid;
  ::posix_spawn(&Pid, Program.c_str(), &Actions, &Attributes, Argv, environ);
  posix_spawnattr_destroy(&Attributes);
  posix_spawn_file_actions_destroy(&Actions);
}

int runPrefixBuilder(int Argc, const char **Argv) {
  if (Argc != 2)
    return 2;
  std::string StoreDirectory = Argv[1];
  // The lock the starting run took for it; without it, another builder may be at work.
  if (::flock(LockDescriptor, LOCK_EX | LOCK_NB) != 0)
    return 0;
  ::fcntl(LockDescriptor, F_SETFD, FD_CLOEXEC);
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

} // namespace contractcheck
