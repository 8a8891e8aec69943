#include "StoredScans.h"

#include "IncludeRegion.h"
#include "JsonText.h"
#include "Paths.h"
#include "RealPaths.h"
#include "ResultStore.h"
#include "StoreEntry.h"
#include "StoreFiles.h"
#include "StoredPathLists.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace contractcheck {

namespace {

constexpr const char *Shard = ScansShard;
constexpr const char *Format = "contractcheck-system-header-scan";
constexpr int FormatVersion = 4;
constexpr uint64_t MaxEntryBytes = 64 << 20;

// What a scan entry's header says it is (StoreEntry.h).
nlohmann::json headerOf(const std::string &Key) {
  return {{"format", Format}, {"version", FormatVersion}, {"build", buildFingerprint()}, {"key", Key}};
}

nlohmann::json scanJson(const SystemHeaderRoots &Scanned) {
  nlohmann::json Roots = nlohmann::json::array(), Standard = nlohmann::json::array();
  for (const SystemHeaderRoot &R : Scanned.Roots)
    Roots.push_back({R.Spelling, R.Path, R.Tokens});
  for (const StandardHeaderUse &U : Scanned.Standard) {
    nlohmann::json Enters = nlohmann::json::array();
    for (const SystemHeaderRoot &E : U.Enters)
      Enters.push_back({E.Spelling, E.Path});
    Standard.push_back({U.Spelling, U.Path, U.Root, U.IsRoot, U.Files, Enters, U.MayFollow});
  }
  // The files entered under each root, their directories numbered once (most are a few of the
  // implementation's).
  nlohmann::json Directories = nlohmann::json::array(), Entered = nlohmann::json::array();
  std::map<std::string, size_t> DirectoryIds;
  for (const std::vector<std::string> &Files : Scanned.Entered) {
    nlohmann::json Under = nlohmann::json::array();
    for (const std::string &File : Files) {
      size_t Slash = File.rfind('/');
      std::string Directory = Slash == std::string::npos ? "" : File.substr(0, Slash + 1);
      auto [It, Inserted] = DirectoryIds.try_emplace(Directory, DirectoryIds.size());
      if (Inserted)
        Directories.push_back(Directory);
      Under.push_back({It->second, File.substr(Directory.size())});
    }
    Entered.push_back(std::move(Under));
  }
  return {{"roots", Roots},         {"standard", Standard},
          {"directories", Directories}, {"entered", Entered},
          {"unshared", Scanned.UnsharedTokens}};
}

// Throws nlohmann's exceptions when J is not what scanJson wrote.
SystemHeaderRoots scanFromJson(const nlohmann::json &J) {
  SystemHeaderRoots Scanned;
  for (const nlohmann::json &R : J.at("roots"))
    Scanned.Roots.push_back({R.at(0).get<std::string>(), R.at(1).get<std::string>(),
                             R.at(2).get<size_t>()});
  for (const nlohmann::json &U : J.at("standard")) {
    std::vector<SystemHeaderRoot> Enters;
    for (const nlohmann::json &E : U.at(5))
      Enters.push_back({E.at(0).get<std::string>(), E.at(1).get<std::string>()});
    Scanned.Standard.push_back({U.at(0).get<std::string>(), U.at(1).get<std::string>(),
                                U.at(2).get<size_t>(), U.at(3).get<bool>(),
                                U.at(4).get<unsigned>(), std::move(Enters),
                                U.at(6).get<bool>()});
  }
  std::vector<std::string> Directories = J.at("directories").get<std::vector<std::string>>();
  for (const nlohmann::json &Under : J.at("entered")) {
    std::vector<std::string> &Files = Scanned.Entered.emplace_back();
    for (const nlohmann::json &F : Under)
      Files.push_back(Directories.at(F.at(0).get<size_t>()) + F.at(1).get<std::string>());
  }
  if (Scanned.Entered.size() != Scanned.Roots.size())
    throw nlohmann::json::other_error::create(501, "files entered outside the roots", nullptr);
  // A standard header's root must be one of the roots: the planner indexes them.
  for (const StandardHeaderUse &U : Scanned.Standard)
    if (U.Root >= Scanned.Roots.size())
      throw nlohmann::json::other_error::create(501, "a standard header outside the roots",
                                                nullptr);
  Scanned.UnsharedTokens = J.at("unshared").get<size_t>();
  Scanned.Preprocessed = true;
  return Scanned;
}

} // namespace

StoredScans::StoredScans(const ResultStore &Store, FileHashes &Hashes,
                         const std::map<std::string, std::string> &Overlays)
    : Store(Store), Hashes(Hashes) {
  // The scan names files by real path; an editor names its buffers by the path it opened.
  for (const auto &[Path, Text] : Overlays)
    OverlaidByRealPath[realPathOf(Path)] = {Text, contentHash(Text)};
}

std::string StoredScans::keyOf(const std::vector<std::string> &Args,
                               const std::string &Directory) const {
  return contentHash(jsonText({{"command", Args},
                               {"directory", Directory},
                               {"environment", includeEnvironment()}}));
}

std::optional<std::string> StoredScans::hashOf(const std::string &RealPath) {
  auto It = OverlaidByRealPath.find(RealPath);
  if (It != OverlaidByRealPath.end())
    return It->second.Hash;
  return Hashes.of(RealPath);
}

std::optional<std::string> StoredScans::textOf(const std::string &RealPath) const {
  auto It = OverlaidByRealPath.find(RealPath);
  if (It != OverlaidByRealPath.end())
    return It->second.Text;
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(RealPath, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt;
  return (*Buffer)->getBuffer().str();
}

std::optional<SystemHeaderRoots> StoredScans::load(const std::vector<std::string> &Args,
                                                   const std::string &Directory,
                                                   const std::string &MainFile) {
  std::string Key = keyOf(Args, Directory);
  std::optional<std::string> Text =
      readStoreFile(Store.directory(), Shard, Key + ".scan", MaxEntryBytes);
  if (!Text)
    return std::nullopt;
  // Truncated, corrupt (checksum), foreign or of another build: a miss.
  std::optional<std::string_view> Body = storeEntryBody(*Text, headerOf(Key));
  if (!Body)
    return std::nullopt;
  // Its path lists, most of its bytes, read directly (StoredPathLists.h).
  std::optional<SplitOutcome> Split = splitPathLists(*Body);
  if (!Split)
    return std::nullopt;
  nlohmann::json S = nlohmann::json::parse(Split->Rest, nullptr, /*allow_exceptions=*/false);
  SystemHeaderRoots Scanned;
  std::string StoredMain, RegionHash;
  size_t Region = 0;
  try {
    Scanned = scanFromJson(S);
    S.at("main").get_to(StoredMain);
    S.at("region").get_to(Region);
    S.at("regionHash").get_to(RegionHash);
  } catch (const nlohmann::json::exception &) {
    return std::nullopt;
  }
  const StringPairs &Dependencies = Split->Dependencies;
  const PathLookups &Lookups = Split->Lookups;
  // The main file: the same file, with the same text up to the end of its last #include, and
  // no #include after it.
  std::string Main = realPathOf(absolutePath(MainFile, Directory));
  if (Main != StoredMain)
    return std::nullopt;
  std::optional<std::string> MainText = textOf(Main);
  if (!MainText || includeRegionEnd(*MainText) != Region ||
      contentHash(std::string_view(*MainText).substr(0, Region)) != RegionHash)
    return std::nullopt;
  for (const auto &[Path, Hash] : Dependencies) {
    std::optional<std::string> Now = hashOf(Path);
    if (!Now || *Now != Hash)
      return std::nullopt;
  }
  if (!ResultStore::readsUnchanged({}, Lookups, Hashes))
    return std::nullopt;
  return Scanned;
}

void StoredScans::store(const std::vector<std::string> &Args, const std::string &Directory,
                        const SystemHeaderRoots &Scanned, const ScanInputs &Inputs) {
  if (!Scanned.Preprocessed || Inputs.MainFile.empty() || Inputs.MainFileReentered)
    return;
  std::string Error;
  if (llvm::sys::fs::create_directories(Store.directory()) ||
      openShard(Store.directory(), Shard, /*Create=*/true, Error).get() < 0)
    return;
  std::string Key = keyOf(Args, Directory);
  nlohmann::json Scan = scanJson(Scanned);
  Scan["main"] = Inputs.MainFile;
  Scan["region"] = Inputs.MainRegion;
  Scan["regionHash"] = Inputs.MainRegionHash;
  Scan["dependencies"] = Inputs.Dependencies;
  Scan["lookups"] = Inputs.Lookups;
  // A failure to write costs the next run a scan, nothing else.
  writeStoreFile(Store.directory(), Shard, Key + ".scan",
                 storeEntryText(headerOf(Key), jsonText(Scan)));
}

} // namespace contractcheck
