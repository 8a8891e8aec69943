#include "StoredPrefixes.h"

#include "CrashContainment.h"
#include "IncludeLookups.h"
#include "JsonText.h"
#include "OwnedTemporaries.h"
#include "PrefixBuilder.h"
#include "StoreEviction.h"
#include "ResultStore.h"
#include "StoreFiles.h"

#include <llvm/Support/FileSystem.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace contractcheck {

namespace {

constexpr const char *Shard = PrefixesShard;
constexpr const char *Format = "contractcheck-precompiled-prefix";
constexpr const char *RequestFormat = "contractcheck-prefix-request";
constexpr int FormatVersion = 1;
constexpr uint64_t MaxDescriptionBytes = 256 << 20;
constexpr uint64_t MaxPchBytes = uint64_t{4} << 30;
// Clang checks a precompiled file's inputs by size and modification time, and finds what it
// knows of a header (its #pragma once) by both: a checkout that gives a header a new time
// without changing it would fail the load, or include a #pragma once header twice. Built
// without the times, the size is checked, and the content when it differs; that the content
// is what the prefix was parsed from is this store's own check. Said to the frontend itself:
// the driver drops these unless modules are on.
const std::vector<std::string> BuildArgs = {"-Xclang", "-fno-pch-timestamp", "-Xclang",
                                            "-fvalidate-ast-input-files-content"};
const std::vector<std::string> LoadArgs = {"-Xclang", "-fvalidate-ast-input-files-content"};

nlohmann::json identityJson(const StoredFileIdentity &Id) {
  return {Id.Device, Id.Inode, Id.Size, Id.ModifiedNs};
}

// The description of the prefix Name: what it was parsed from and which .pch is its.
std::string describe(const std::string &Name, const nlohmann::json &Described) {
  return jsonText({{"format", Format},
                   {"version", FormatVersion},
                   {"build", buildFingerprint()},
                   {"name", Name},
                   {"checksum", contentHash(jsonText(Described))},
                   {"prefix", Described}});
}

// The headers as the key and a request name them: as spelled, and as resolved.
nlohmann::json spelled(const std::vector<SystemHeaderRoot> &Headers) {
  nlohmann::json Spelled = nlohmann::json::array();
  for (const SystemHeaderRoot &H : Headers)
    Spelled.push_back({H.Spelling, H.Path});
  return Spelled;
}

} // namespace

struct StoredPrefixes::Slot {
  std::string Name; // <family>-<build>
  std::once_flag Once;
  // A TU refused this prefix when it was loaded (<name>.refused): built now, and tried at once.
  bool BuildNow = false;
  std::optional<PrecompiledPrefix> Prefix;
  Descriptor Pch; // the loaded .pch, read by clang as /dev/fd/N: what was validated is what loads
};

StoredPrefixes::StoredPrefixes(const ResultStore &Store, FileHashes &Hashes,
                               std::map<std::string, std::string> Overlays,
                               std::chrono::seconds TimeLimit, bool InBackground)
    : Store(Store), Hashes(Hashes), Overlays(std::move(Overlays)), TimeLimit(TimeLimit),
      InBackground(InBackground) {}

StoredPrefixes::~StoredPrefixes() {
  if (!Temporary.empty())
    removeOwnedTemporaryDirectory(Temporary);
  // The run is over: what it requested is built while its user reads the report.
  if (Requested)
    startPrefixBuilder(Store.directory());
}

bool StoredPrefixes::prepareDirectory() {
  std::call_once(DirectoryOnce, [&] {
    std::string Error;
    if (llvm::sys::fs::create_directories(Store.directory()) ||
        openShard(Store.directory(), Shard, /*Create=*/true, Error).get() < 0)
      return;
    // Real: the prefix's header is left out of a TU's files read by this path.
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::real_path(Store.directory() + "/" + Shard, Real))
      RealDirectory = std::string(Real);
  });
  return !RealDirectory.empty();
}

std::string StoredPrefixes::nameOf(const std::vector<std::string> &Args,
                                   const std::string &Directory,
                                   const std::vector<SystemHeaderRoot> &Headers, bool CLanguage,
                                   bool KeepTemplateBodies) const {
  nlohmann::json Spelled = spelled(Headers);
  nlohmann::json Family = {{"command", Args},
                           {"directory", Directory},
                           {"environment", includeEnvironment()},
                           {"headers", Spelled},
                           {"language", CLanguage ? "c" : "c++"},
                           {"templates", KeepTemplateBodies},
                           {"store", RealDirectory}};
  return contentHash(jsonText(Family)) + "-" + buildFingerprint().substr(0, 16);
}

const PrecompiledPrefix *StoredPrefixes::prefixFor(const std::vector<std::string> &Args,
                                                   const std::string &Directory,
                                                   const std::vector<SystemHeaderRoot> &Headers,
                                                   bool CLanguage, bool KeepTemplateBodies) {
  if (Headers.empty() || !prepareDirectory())
    return nullptr;
  std::string Name = nameOf(Args, Directory, Headers, CLanguage, KeepTemplateBodies);
  Slot *S;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    std::unique_ptr<Slot> &Owned = Slots[Name];
    if (!Owned) {
      Owned = std::make_unique<Slot>();
      Owned->Name = Name;
    }
    S = Owned.get();
  }
  // TUs of this run with the same prefix wait for it: a TU's time limit must not end its
  // build half-way. The build has a limit of its own.
  Uninterruptible WhileShared;
  std::call_once(S->Once, [&] {
    loadOrBuild(*S, Args, Directory, Headers, CLanguage, KeepTemplateBodies);
  });
  return S->Prefix && !touchesOverlays(*S->Prefix) ? &*S->Prefix : nullptr;
}

void StoredPrefixes::loadOrBuild(Slot &S, const std::vector<std::string> &Args,
                                 const std::string &Directory,
                                 const std::vector<SystemHeaderRoot> &Headers, bool CLanguage,
                                 bool KeepTemplateBodies) {
  if (load(S))
    return;
  if (InBackground && !S.BuildNow)
    request(S, Args, Directory, Headers, CLanguage, KeepTemplateBodies);
  else
    build(S, Args, Directory, Headers, CLanguage, KeepTemplateBodies);
}

void StoredPrefixes::request(Slot &S, const std::vector<std::string> &Args,
                             const std::string &Directory,
                             const std::vector<SystemHeaderRoot> &Headers, bool CLanguage,
                             bool KeepTemplateBodies) {
  nlohmann::json Spelled = spelled(Headers);
  std::string Text = jsonText({{"format", RequestFormat},
                               {"kind", "prefix"},
                               {"name", S.Name},
                               {"command", Args},
                               {"directory", Directory},
                               {"headers", Spelled},
                               {"c", CLanguage},
                               {"templates", KeepTemplateBodies}});
  if (writeStoreFile(Store.directory(), Shard, S.Name + ".request", Text).empty())
    Requested = true;
}

void StoredPrefixes::request(const DeferredPrefix &TU) {
  std::string Text = jsonText({{"format", RequestFormat},
                               {"kind", "tu"},
                               {"command", TU.Command},
                               {"directory", TU.Directory},
                               {"file", TU.File},
                               {"templates", TU.KeepTemplateBodies},
                               {"build", buildFingerprint()}});
  if (prepareDirectory() &&
      writeStoreFile(Store.directory(), Shard, contentHash(Text) + ".request", Text).empty())
    Requested = true;
}

std::optional<DeferredPrefix> StoredPrefixes::deferredIn(const std::string &Text) {
  nlohmann::json Request = nlohmann::json::parse(Text, nullptr, /*allow_exceptions=*/false);
  if (!Request.is_object() || Request.value("format", "") != RequestFormat ||
      Request.value("kind", "") != "tu" || Request.value("build", "") != buildFingerprint())
    return std::nullopt;
  DeferredPrefix TU;
  try {
    Request.at("command").get_to(TU.Command);
    Request.at("directory").get_to(TU.Directory);
    Request.at("file").get_to(TU.File);
    Request.at("templates").get_to(TU.KeepTemplateBodies);
  } catch (const nlohmann::json::exception &) {
    return std::nullopt;
  }
  return TU;
}

bool StoredPrefixes::buildRequested(const std::string &Text) {
  nlohmann::json Request = nlohmann::json::parse(Text, nullptr, /*allow_exceptions=*/false);
  if (!Request.is_object() || Request.value("format", "") != RequestFormat ||
      Request.value("kind", "") != "prefix" || !prepareDirectory())
    return false;
  std::vector<std::string> Args;
  std::string Directory, Name;
  std::vector<SystemHeaderRoot> Headers;
  bool CLanguage = false, KeepTemplateBodies = false;
  try {
    Request.at("command").get_to(Args);
    Request.at("directory").get_to(Directory);
    Request.at("name").get_to(Name);
    for (const nlohmann::json &H : Request.at("headers"))
      Headers.push_back({H.at(0).get<std::string>(), H.at(1).get<std::string>()});
    Request.at("c").get_to(CLanguage);
    Request.at("templates").get_to(KeepTemplateBodies);
  } catch (const nlohmann::json::exception &) {
    return false;
  }
  // Another build's request, or one written under another include environment, would be
  // stored under a name no run of it looks for.
  if (Headers.empty() || Name != nameOf(Args, Directory, Headers, CLanguage, KeepTemplateBodies))
    return false;
  prefixFor(Args, Directory, Headers, CLanguage, KeepTemplateBodies);
  return true;
}

// True when the store answered: with an up-to-date prefix, or with one known not to work.
bool StoredPrefixes::load(Slot &S) {
  S.BuildNow = openStoreFile(Store.directory(), Shard, S.Name + ".refused", 0).has_value();
  std::optional<std::string> Text =
      readStoreFile(Store.directory(), Shard, S.Name + ".prefix", MaxDescriptionBytes);
  if (!Text)
    return false;
  // Truncated, corrupt (checksum), foreign or of another build: a miss.
  nlohmann::json Entry = nlohmann::json::parse(*Text, nullptr, /*allow_exceptions=*/false);
  if (!Entry.is_object() || Entry.value("format", "") != Format ||
      Entry.value("version", 0) != FormatVersion ||
      Entry.value("build", "") != buildFingerprint() || Entry.value("name", "") != S.Name ||
      !Entry.contains("prefix") || !Entry["prefix"].is_object() ||
      Entry.value("checksum", "") != contentHash(jsonText(Entry["prefix"])))
    return false;
  PrecompiledPrefix Prefix;
  bool Usable = false;
  nlohmann::json Pch;
  try {
    const nlohmann::json &P = Entry["prefix"];
    Usable = P.at("usable").get<bool>();
    P.at("dependencies").get_to(Prefix.Dependencies);
    P.at("lookups").get_to(Prefix.Lookups);
    Pch = P.at("pch");
  } catch (const nlohmann::json::exception &) {
    return false;
  }
  if (!ResultStore::readsUnchanged(Prefix.Dependencies, Prefix.Lookups, Hashes))
    return false;
  if (!Usable)
    return true; // it failed a TU's parse, and nothing it was parsed from has changed since
  auto Opened = openStoreFile(Store.directory(), Shard, S.Name + ".pch", MaxPchBytes);
  if (!Opened || identityJson(Opened->second) != Pch)
    return false; // another run's, replaced since its description was written: a miss
  S.Pch = std::move(Opened->first);
  Prefix.HeaderPath = RealDirectory + "/" + S.Name + ".hpp";
  Prefix.PchPath = "/dev/fd/" + std::to_string(S.Pch.get());
  Prefix.LoadArgs = LoadArgs;
  Prefix.FromStore = true;
  S.Prefix = std::move(Prefix);
  // Recently used: evicted last.
  std::string Error;
  Descriptor Dir = openShard(Store.directory(), Shard, /*Create=*/false, Error);
  if (Dir.get() >= 0)
    ::utimensat(Dir.get(), (S.Name + ".prefix").c_str(), nullptr, AT_SYMLINK_NOFOLLOW);
  return true;
}

void StoredPrefixes::build(Slot &S, const std::vector<std::string> &Args,
                           const std::string &Directory,
                           const std::vector<SystemHeaderRoot> &Headers, bool CLanguage,
                           bool KeepTemplateBodies) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (Temporary.empty()) {
      // What runs killed before they could clean up left (a prefix is up to 180 MB).
      reapStaleTemporaryDirectories("contractcheck-headers");
      std::error_code EC;
      Temporary = createOwnedTemporaryDirectory("contractcheck-headers", EC);
    }
    if (Temporary.empty())
      return;
  }
  // The header is where the precompiled file names it for as long as the prefix is stored.
  if (!writeStoreFile(Store.directory(), Shard, S.Name + ".hpp", prefixHeaderText(Headers))
           .empty())
    return;
  std::optional<PrecompiledPrefix> Built;
  if (runContained(
          [&] {
            Built = buildPrecompiledPrefix(Args, Directory, Headers, CLanguage,
                                           RealDirectory + "/" + S.Name + ".hpp",
                                           Temporary + "/" + S.Name + ".pch", KeepTemplateBodies,
                                           BuildArgs, /*WriteHeader=*/false);
          },
          TimeLimit) != Contained::Finished) {
    abandon(Built);
    return;
  }
  if (!Built)
    return;
  Built->LoadArgs = LoadArgs;
  // This run loads the copy it built; the store gets the .pch, then its description.
  StoredFileIdentity Written;
  if (copyIntoStore(Store.directory(), Shard, S.Name + ".pch", Built->PchPath, &Written).empty()) {
    nlohmann::json Described = {{"usable", true},
                                {"dependencies", Built->Dependencies},
                                {"lookups", Built->Lookups},
                                {"pch", identityJson(Written)}};
    if (writeStoreFile(Store.directory(), Shard, S.Name + ".prefix", describe(S.Name, Described))
            .empty()) {
      if (S.BuildNow) {
        std::string Error;
        Descriptor Dir = openShard(Store.directory(), Shard, /*Create=*/false, Error);
        if (Dir.get() >= 0)
          ::unlinkat(Dir.get(), (S.Name + ".refused").c_str(), 0);
      }
      evictPrefixes(Store.directory(), Shard, S.Name, MaxTotalBytes);
    }
  }
  S.Prefix = std::move(Built);
}

bool StoredPrefixes::touchesOverlays(const PrecompiledPrefix &Prefix) const {
  if (Overlays.empty())
    return false;
  auto Overlaid = [&](const auto &Entry) { return Overlays.count(Entry.first) > 0; };
  return std::any_of(Prefix.Dependencies.begin(), Prefix.Dependencies.end(), Overlaid) ||
         std::any_of(Prefix.Lookups.begin(), Prefix.Lookups.end(), Overlaid);
}

void StoredPrefixes::rejected(const PrecompiledPrefix *Prefix) {
  std::lock_guard<std::mutex> Lock(Mutex);
  for (auto &[Name, S] : Slots) {
    if (!S->Prefix || &*S->Prefix != Prefix)
      continue;
    std::string Error;
    Descriptor Dir = openShard(Store.directory(), Shard, /*Create=*/false, Error);
    if (Dir.get() < 0)
      return;
    if (Prefix->FromStore) {
      // Damaged, or built by the builder and never tried by a TU: the next run that wants it
      // builds it itself and tries it at once, so a TU that cannot take it (a header without
      // an include guard) does not send it back to the builder on every run.
      ::unlinkat(Dir.get(), (Name + ".prefix").c_str(), 0);
      writeStoreFile(Store.directory(), Shard, Name + ".refused", "");
      return;
    }
    nlohmann::json Described = {{"usable", false},
                                {"dependencies", Prefix->Dependencies},
                                {"lookups", Prefix->Lookups},
                                {"pch", nullptr}};
    if (writeStoreFile(Store.directory(), Shard, Name + ".prefix", describe(Name, Described))
            .empty())
      ::unlinkat(Dir.get(), (Name + ".pch").c_str(), 0);
    return;
  }
}

} // namespace contractcheck
