#include "StoreEviction.h"

#include "StoreFiles.h"

#include <algorithm>
#include <dirent.h>
#include <fcntl.h>
#include <functional>
#include <map>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace contractcheck {

namespace {

struct Stored {
  uint64_t Bytes = 0;
  int64_t UsedNs = 0; // the description's modification time, else the newest file's
  bool Described = false;
  std::vector<std::string> Files;
};

std::string familyOf(const std::string &Base) { return Base.substr(0, Base.find('-')); }

int64_t modifiedNs(const struct stat &Info) {
  return static_cast<int64_t>(Info.st_mtim.tv_sec) * 1000000000 + Info.st_mtim.tv_nsec;
}

void remove(int Dir, const Stored &S) {
  // The description first: from then on no run loads it, whatever is left.
  std::vector<std::string> Files = S.Files;
  std::stable_partition(Files.begin(), Files.end(), [](const std::string &F) {
    return F.size() > 7 && F.compare(F.size() - 7, 7, ".prefix") == 0;
  });
  for (const std::string &F : Files)
    ::unlinkat(Dir, F.c_str(), 0);
}

// The names in the directory Dir (left open).
std::vector<std::string> namesIn(int Dir) {
  std::vector<std::string> Names;
  int Listed = ::dup(Dir);
  DIR *Listing = Listed < 0 ? nullptr : ::fdopendir(Listed);
  if (!Listing) {
    if (Listed >= 0)
      ::close(Listed);
    return Names;
  }
  while (struct dirent *E = ::readdir(Listing))
    Names.emplace_back(E->d_name);
  ::closedir(Listing);
  return Names;
}

// Each regular file of the directory Dir with its status, but temporaries (.<name>.tmp-<pid>-*,
// reapStaleTemporaryFiles' business) and what is not a regular file (a planted link).
void forEachFile(int Dir, const std::function<void(const std::string &, const struct stat &)> &Visit) {
  for (const std::string &Name : namesIn(Dir)) {
    struct stat Info;
    if (!Name.empty() && Name[0] != '.' &&
        ::fstatat(Dir, Name.c_str(), &Info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(Info.st_mode))
      Visit(Name, Info);
  }
}

std::string_view extensionOf(std::string_view Name) {
  size_t Dot = Name.rfind('.');
  return Dot == std::string_view::npos ? std::string_view() : Name.substr(Dot + 1);
}

// The prefixes in the shard directory Dir, by base name.
std::map<std::string, Stored> listPrefixes(int Dir) {
  std::map<std::string, Stored> ByBase;
  forEachFile(Dir, [&](const std::string &Name, const struct stat &Info) {
    std::string_view Extension = extensionOf(Name);
    if (Extension != "prefix" && Extension != "pch" && Extension != "hpp")
      return;
    Stored &S = ByBase[Name.substr(0, Name.size() - Extension.size() - 1)];
    S.Bytes += static_cast<uint64_t>(Info.st_size);
    int64_t Ns = modifiedNs(Info);
    if (Extension == "prefix") {
      S.UsedNs = Ns;
      S.Described = true;
    } else if (!S.Described) {
      S.UsedNs = std::max(S.UsedNs, Ns);
    }
    S.Files.push_back(Name);
  });
  return ByBase;
}

// Removes the files named *.<Extension> in Dir last used before CutoffNs.
size_t removeUnused(int Dir, std::string_view Extension, int64_t CutoffNs) {
  size_t Removed = 0;
  forEachFile(Dir, [&](const std::string &Name, const struct stat &Info) {
    if (extensionOf(Name) == Extension && modifiedNs(Info) < CutoffNs &&
        ::unlinkat(Dir, Name.c_str(), 0) == 0)
      ++Removed;
  });
  return Removed;
}

size_t removeUnusedPrefixes(int Dir, int64_t CutoffNs) {
  size_t Removed = 0;
  for (const auto &[Base, S] : listPrefixes(Dir))
    if (S.UsedNs < CutoffNs) {
      remove(Dir, S);
      ++Removed;
    }
  return Removed;
}

bool isResultShard(std::string_view Name) {
  return Name.size() == 2 && std::all_of(Name.begin(), Name.end(), [](char C) {
           return (C >= '0' && C <= '9') || (C >= 'a' && C <= 'f');
         });
}

int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

} // namespace

void evictPrefixes(const std::string &Root, const std::string &Shard, const std::string &Kept,
                   uint64_t MaxTotalBytes) {
  std::string Error;
  Descriptor Dir = openShard(Root, Shard, /*Create=*/false, Error);
  if (Dir.get() < 0)
    return;
  std::map<std::string, Stored> ByBase = listPrefixes(Dir.get());

  std::vector<std::pair<int64_t, std::string>> Candidates;
  uint64_t Total = 0;
  for (const auto &[Base, S] : ByBase) {
    if (Base == Kept) {
      Total += S.Bytes;
    } else if (familyOf(Base) == familyOf(Kept)) {
      remove(Dir.get(), S);
    } else {
      Total += S.Bytes;
      Candidates.emplace_back(S.UsedNs, Base);
    }
  }
  std::sort(Candidates.begin(), Candidates.end());
  for (const auto &[Used, Base] : Candidates) {
    if (Total <= MaxTotalBytes)
      break;
    remove(Dir.get(), ByBase[Base]);
    Total -= ByBase[Base].Bytes;
  }
}

size_t evictUnusedEntries(const std::string &Root, std::chrono::seconds MaxAge) {
  if (MaxAge.count() <= 0)
    return 0;
  Descriptor RootFD(::open(Root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (RootFD.get() < 0)
    return 0;
  constexpr int64_t Day = int64_t{24} * 3600 * 1000000000;
  int64_t Now = nowNs();
  const char *Stamp = ".last-eviction";
  struct stat Info;
  if (::fstatat(RootFD.get(), Stamp, &Info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(Info.st_mode) &&
      Now - modifiedNs(Info) < Day)
    return 0;
  // Stamped before the walk, so that runs ending together do not all walk; a store this run
  // cannot write to is one it cannot remove from either.
  Descriptor StampFD(
      ::openat(RootFD.get(), Stamp, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666));
  if (StampFD.get() < 0 || ::futimens(StampFD.get(), nullptr) != 0)
    return 0;

  int64_t Cutoff = Now - std::chrono::duration_cast<std::chrono::nanoseconds>(MaxAge).count();
  size_t Removed = 0;
  for (const std::string &Name : namesIn(RootFD.get())) {
    bool Results = isResultShard(Name);
    if (!Results && Name != ScansShard && Name != PrefixesShard)
      continue;
    std::string Error;
    Descriptor Dir = openShard(Root, Name, /*Create=*/false, Error);
    if (Dir.get() < 0)
      continue;
    Removed += Results               ? removeUnused(Dir.get(), "json", Cutoff)
               : Name == ScansShard ? removeUnused(Dir.get(), "scan", Cutoff)
                                    : removeUnusedPrefixes(Dir.get(), Cutoff);
  }
  return Removed;
}

} // namespace contractcheck
