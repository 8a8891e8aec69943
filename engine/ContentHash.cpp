#include "ContentHash.h"
#include "InputFile.h"

#include "IncludeLookups.h"
#include "StoreFiles.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/BLAKE3.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>

#include <sys/stat.h>

#include <tuple>

namespace contractcheck {

std::string contentHash(std::string_view Bytes) {
  auto Hash = llvm::BLAKE3::hash<16>(llvm::arrayRefFromStringRef(Bytes));
  return llvm::toHex(Hash, /*LowerCase=*/true);
}

void FileHashes::newSnapshot() {
  std::lock_guard<std::mutex> Lock(Mutex);
  ++Snapshot;
}

std::optional<std::string> FileHashes::of(const std::string &AbsolutePath) {
  std::string Status;
  uint64_t Now = 0;
  if (Revalidate) {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      Now = Snapshot;
      if (auto It = Known.find(AbsolutePath); It != Known.end() && Now && It->second.Checked == Now)
        return It->second.Hash;
    }
    if (std::optional<ChangeStatus> Current = changeStatusOf(AbsolutePath))
      Status = std::move(Current->Text);
  }
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (auto It = Known.find(AbsolutePath); It != Known.end() && It->second.Status == Status) {
      It->second.Checked = Now;
      return It->second.Hash;
    }
  }
  if (!KeptIn.empty())
    return ofKept(AbsolutePath);
  return hashNow(AbsolutePath, Status);
}

std::optional<std::string> FileHashes::ofKept(const std::string &AbsolutePath) {
  std::optional<ChangeStatus> Before = changeStatusOf(AbsolutePath);
  if (Before) {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (auto It = Kept.find(AbsolutePath); It != Kept.end() && It->second.first == Before->Text)
      return Known.try_emplace(AbsolutePath, Entry{It->second.second, std::string()})
          .first->second.Hash;
  }
  auto Now = std::chrono::system_clock::now();
  std::optional<std::string> Hash = hashNow(AbsolutePath, std::string());
  // Kept only when nothing changed while it was read, and its last change is not so recent
  // that another in the same clock tick could go unseen.
  std::optional<ChangeStatus> After = changeStatusOf(AbsolutePath);
  if (Hash && Before && After && Before->Text == After->Text &&
      Before->LastChange + Settle < Now && AbsolutePath.find('\n') == std::string::npos) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Kept[AbsolutePath] = {Before->Text, *Hash};
    KeptChanged = true;
  }
  return Hash;
}

std::optional<std::string> FileHashes::hashNow(const std::string &AbsolutePath,
                                               std::string Status) {
  ++Hashed;
  // Streamed through the hasher: a run checks every header of every stored TU.
  std::optional<std::string> Hash;
  std::string Problem;
  llvm::BLAKE3 Hasher;
  if (readInputFileChunks(AbsolutePath, InputKind::Source, Problem, [&](std::string_view Chunk) {
        Hasher.update(llvm::arrayRefFromStringRef(Chunk));
      }))
    Hash = llvm::toHex(Hasher.final<16>(), /*LowerCase=*/true);
  std::lock_guard<std::mutex> Lock(Mutex);
  // Checked in the snapshot in which its status was taken (before it was read).
  auto [It, Inserted] = Known.try_emplace(AbsolutePath, Entry{Hash, Status, Snapshot});
  // Two threads that hashed the file at once: within a run the first answer stands, so every
  // reader of the run sees one content; revalidating, the newer one does.
  if (!Inserted && Revalidate)
    It->second = {std::move(Hash), std::move(Status), Snapshot};
  return It->second.Hash;
}

namespace {

constexpr const char *KeptShard = "hashes";
constexpr const char *KeptFile = "files";
constexpr uint64_t MaxKeptBytes = 64 << 20;

} // namespace

std::optional<FileHashes::ChangeStatus> FileHashes::changeStatusOf(const std::string &Path) {
  struct stat S;
  if (::stat(Path.c_str(), &S) != 0 || !S_ISREG(S.st_mode))
    return std::nullopt;
  auto Time = [](const struct timespec &T) {
    return std::to_string(T.tv_sec) + "." + std::to_string(T.tv_nsec);
  };
  ChangeStatus Status;
  Status.Text = std::to_string(S.st_dev) + ":" + std::to_string(S.st_ino) + ":" +
                std::to_string(S.st_size) + ":" + Time(S.st_mtim) + ":" + Time(S.st_ctim);
  const struct timespec &Last =
      std::tie(S.st_mtim.tv_sec, S.st_mtim.tv_nsec) > std::tie(S.st_ctim.tv_sec, S.st_ctim.tv_nsec)
          ? S.st_mtim
          : S.st_ctim;
  Status.LastChange = std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::seconds(Last.tv_sec) + std::chrono::nanoseconds(Last.tv_nsec)));
  return Status;
}

void FileHashes::keepBetweenRuns(const std::string &StoreDirectory, std::chrono::seconds Within) {
  if (Revalidate)
    return;
  KeptIn = StoreDirectory;
  Settle = Within;
  // Lines of "<hash> <status> <path>"; a line of any other shape is skipped.
  std::string Text =
      readStoreFile(StoreDirectory, KeptShard, KeptFile, MaxKeptBytes).value_or(std::string());
  std::string_view Rest(Text);
  while (!Rest.empty()) {
    size_t End = Rest.find('\n');
    std::string_view Line = Rest.substr(0, End);
    Rest.remove_prefix(End == std::string_view::npos ? Rest.size() : End + 1);
    size_t HashEnd = Line.find(' ');
    size_t StatusEnd = HashEnd == std::string_view::npos ? HashEnd : Line.find(' ', HashEnd + 1);
    if (StatusEnd == std::string_view::npos || StatusEnd + 1 >= Line.size())
      continue;
    Kept[std::string(Line.substr(StatusEnd + 1))] = {
        std::string(Line.substr(HashEnd + 1, StatusEnd - HashEnd - 1)),
        std::string(Line.substr(0, HashEnd))};
  }
}

std::string FileHashes::saveKept() {
  std::string Text;
  std::lock_guard<std::mutex> Lock(Mutex);
  if (KeptIn.empty() || !KeptChanged)
    return {};
  // Only what may still match is written again: a file this run did not look at is kept while
  // its status is the one kept with it; one removed, or changed since (it would be hashed
  // again), goes. Without this every file ever hashed stayed, and every run read its line.
  for (auto It = Kept.begin(); It != Kept.end();) {
    std::optional<ChangeStatus> Now;
    if (Known.count(It->first) || ((Now = changeStatusOf(It->first)) &&
                                   Now->Text == It->second.first)) {
      Text += It->second.second + " " + It->second.first + " " + It->first + "\n";
      ++It;
    } else {
      It = Kept.erase(It);
    }
  }
  KeptChanged = false;
  return writeStoreFile(KeptIn, KeptShard, KeptFile, Text);
}

void FileHashes::remember(const std::vector<std::pair<std::string, std::string>> &Read,
                          std::chrono::system_clock::time_point ReadSince) {
  if (Revalidate)
    return;
  std::vector<std::pair<std::string, ChangeStatus>> Settled;
  if (!KeptIn.empty())
    for (const auto &[Path, Hash] : Read)
      if (std::optional<ChangeStatus> Now = changeStatusOf(Path);
          Now && Now->LastChange + Settle < ReadSince && Path.find('\n') == std::string::npos)
        Settled.emplace_back(Path, std::move(*Now));
  std::lock_guard<std::mutex> Lock(Mutex);
  for (const auto &[Path, Hash] : Read)
    Known.try_emplace(Path, Entry{Hash, std::string()});
  size_t Next = 0;
  for (const auto &[Path, Hash] : Read) {
    if (Next == Settled.size() || Settled[Next].first != Path)
      continue;
    auto &Held = Kept[Path];
    if (Held.first != Settled[Next].second.Text || Held.second != Hash) {
      Held = {Settled[Next].second.Text, Hash};
      KeptChanged = true;
    }
    ++Next;
  }
}

bool FileHashes::hasHash(const std::string &AbsolutePath, const std::string &Hash) {
  if (!Revalidate) {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (auto It = Known.find(AbsolutePath); It != Known.end())
      return It->second.Hash == Hash;
  }
  return of(AbsolutePath) == Hash;
}

bool FileHashes::answers(const std::string &Path, const std::string &State) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (auto It = Looked.find(Path);
        It != Looked.end() && (!Revalidate || (Snapshot && It->second.Checked == Snapshot)))
      return It->second.State == State;
  }
  return lookup(Path) == State;
}

std::string FileHashes::lookup(const std::string &Path) {
  if (Revalidate) {
    uint64_t Now;
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      Now = Snapshot;
      if (auto It = Looked.find(Path); It != Looked.end() && Now && It->second.Checked == Now)
        return It->second.State;
    }
    // A fresh resolver each time: a directory may be re-pointed between snapshots.
    RealPaths Fresh;
    std::string State = lookupState(Path, Fresh);
    if (!Now)
      return State;
    std::lock_guard<std::mutex> Lock(Mutex);
    Answer &Kept = Looked[Path];
    Kept = {State, Now};
    return State;
  }
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (auto It = Looked.find(Path); It != Looked.end())
      return It->second.State;
  }
  std::string State = lookupState(Path, Real);
  std::lock_guard<std::mutex> Lock(Mutex);
  return Looked.try_emplace(Path, Answer{std::move(State)}).first->second.State;
}

} // namespace contractcheck
