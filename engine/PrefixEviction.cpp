#include "PrefixEviction.h"

#include "StoreFiles.h"

#include <algorithm>
#include <dirent.h>
#include <fcntl.h>
#include <map>
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

void remove(int Dir, const Stored &S) {
  // The description first: from then on no run loads it, whatever is left.
  std::vector<std::string> Files = S.Files;
  std::stable_partition(Files.begin(), Files.end(), [](const std::string &F) {
    return F.size() > 7 && F.compare(F.size() - 7, 7, ".prefix") == 0;
  });
  for (const std::string &F : Files)
    ::unlinkat(Dir, F.c_str(), 0);
}

} // namespace

void evictPrefixes(const std::string &Root, const std::string &Shard, const std::string &Kept,
                   uint64_t MaxTotalBytes) {
  std::string Error;
  Descriptor Dir = openShard(Root, Shard, /*Create=*/false, Error);
  if (Dir.get() < 0)
    return;
  int Listed = ::dup(Dir.get());
  DIR *Listing = Listed < 0 ? nullptr : ::fdopendir(Listed);
  if (!Listing) {
    if (Listed >= 0)
      ::close(Listed);
    return;
  }
  std::map<std::string, Stored> ByBase;
  while (struct dirent *E = ::readdir(Listing)) {
    std::string Name = E->d_name;
    size_t Dot = Name.rfind('.');
    if (Name.empty() || Name[0] == '.' || Dot == std::string::npos)
      continue; // temporaries (.<name>.tmp-<pid>-*) are reaped elsewhere
    std::string Extension = Name.substr(Dot + 1);
    struct stat Info;
    if ((Extension != "prefix" && Extension != "pch" && Extension != "hpp") ||
        ::fstatat(Dir.get(), Name.c_str(), &Info, AT_SYMLINK_NOFOLLOW) != 0 ||
        !S_ISREG(Info.st_mode))
      continue;
    Stored &S = ByBase[Name.substr(0, Dot)];
    S.Bytes += static_cast<uint64_t>(Info.st_size);
    int64_t Ns = static_cast<int64_t>(Info.st_mtim.tv_sec) * 1000000000 + Info.st_mtim.tv_nsec;
    if (Extension == "prefix") {
      S.UsedNs = Ns;
      S.Described = true;
    } else if (!S.Described) {
      S.UsedNs = std::max(S.UsedNs, Ns);
    }
    S.Files.push_back(Name);
  }
  ::closedir(Listing);

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

} // namespace contractcheck
