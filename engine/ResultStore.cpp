#include "ResultStore.h"

#include "BuildId.h"
#include "IncludeLookups.h"
#include "InputFile.h"
#include "JsonText.h"
#include "RealPaths.h"
#include "StoreEntry.h"
#include "StoreFiles.h"
#include "StoredPathLists.h"
#include "rules/RuleRegistry.h"

#include <clang/Basic/Version.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <string_view>

namespace contractcheck {

namespace {

constexpr const char *Format = "contractcheck-unit-result";
// 2: lookups, the include environment in the key; 3: paths relative to the roots (StoreRoots);
// 4: a header line, then the outcome's text, which the checksum covers as stored
constexpr int FormatVersion = 4;

// Through the shared reader: an entry that is a FIFO or a device (a poisoned shared cache) is a
// miss, not a hung or out-of-memory run.
std::string readAll(const std::string &Path, InputKind Kind = InputKind::StoreEntry) {
  std::string Problem;
  return readInputFile(Path, Kind, Problem).value_or(std::string());
}

// The largest entry the store reads: a TU with tens of thousands of findings stays far below it;
// a file beyond it (or /dev/zero planted in a shared store) is a miss, not an out-of-memory.
constexpr uint64_t MaxEntryBytes = 256 << 20;

} // namespace

const std::string &buildFingerprint() {
  static const std::string Fingerprint = [] {
    nlohmann::json Parts = {{"version", CONTRACTCHECK_VERSION}, {"format", FormatVersion}};
    // A rebuilt binary may judge differently under the same version number. Its build ID is
    // the linker's hash of its code, read from memory; hashing the 7 MB file instead was a tenth
    // of a single-file run of a small TU.
    if (std::optional<std::string> Id = executableBuildId()) {
      Parts["executable"] = "build-id " + *Id;
    } else {
      std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
      Parts["executable"] =
          Exe.empty() ? std::string() : contentHash(readAll(Exe, InputKind::Source));
    }
    // The parser is the shared libclang-cpp, which a distribution update replaces under an
    // unchanged executable: its version (from the library itself) is part of the build.
    Parts["clang"] = clang::getClangFullVersion();
    nlohmann::json Kinds = nlohmann::json::object();
    for (const RuleInfo *Info : allRules()) {
      for (const FactKind &Kind : Info->FactKinds)
        Kinds[std::string(Info->Id) + "/" + std::string(Kind.Kind)] = Kind.Version;
      for (const TUAnalysisInfo *Analysis : Info->Analyses)
        for (const FactKind &Kind : Analysis->FactKinds)
          Kinds[std::string(Analysis->Id) + "/" + std::string(Kind.Kind)] = Kind.Version;
    }
    Parts["facts"] = Kinds;
    return contentHash(jsonText(Parts));
  }();
  return Fingerprint;
}

namespace {

using Spelling = StoreRoots::Spelling;

// Every string in J (object keys too) through Map, in place: findings' and facts' paths are
// where a rule put them (a position, a contract's path, a fact key that names a file), not in
// known fields. Only what Map changes is rebuilt; a warm run maps every stored outcome back.
// TaggedOnly: Map changes only a text holding a '$' (a stored text made relative is tagged, or
// has its '$' doubled; most are neither), so no other is handed to it (a copy each).
void mapStrings(nlohmann::json &J, const std::function<std::string(std::string_view)> &Map,
                bool TaggedOnly = false) {
  auto Skipped = [TaggedOnly](std::string_view Text) {
    return TaggedOnly && Text.find('$') == std::string_view::npos;
  };
  if (J.is_string()) {
    std::string &Text = J.get_ref<std::string &>();
    if (Skipped(Text))
      return;
    if (std::string Mapped = Map(Text); Mapped != Text)
      Text = std::move(Mapped);
  } else if (J.is_array()) {
    for (nlohmann::json &Item : J)
      mapStrings(Item, Map, TaggedOnly);
  } else if (J.is_object()) {
    bool KeysChange = false;
    for (auto &[Key, Value] : J.items()) {
      KeysChange = KeysChange || (!Skipped(Key) && Map(Key) != Key);
      mapStrings(Value, Map, TaggedOnly);
    }
    if (!KeysChange)
      return;
    nlohmann::json Out = nlohmann::json::object();
    for (auto &[Key, Value] : J.items())
      Out[Skipped(Key) ? Key : Map(Key)] = std::move(Value);
    J = std::move(Out);
  }
}

// An outcome's paths relative to the roots (To) or back (From). What the parse read is recorded
// by real path, as are the files its lookups found: those are taken relative to the roots' real
// paths, so a checkout under a symlink still finds them; all else as named.
void relocate(nlohmann::json &Outcome, const StoreRoots &Roots, bool ToRoots) {
  auto Map = [&](Spelling S) {
    return [&Roots, ToRoots, S](std::string_view Text) {
      return ToRoots ? Roots.relative(Text, S) : Roots.absolute(Text, S);
    };
  };
  for (auto &[Field, Value] : Outcome.items()) {
    bool Pairs = (Field == "dependencies" || Field == "lookups") && Value.is_array();
    // Back from the roots, only a tagged text changes (StoreRoots::absolute).
    bool TaggedOnly = !ToRoots;
    if (!Pairs) {
      mapStrings(Value, Map(Spelling::AsNamed), TaggedOnly);
      continue;
    }
    for (nlohmann::json &Pair : Value)
      if (Pair.is_array() && Pair.size() == 2) {
        mapStrings(Pair[0], Map(Field == "dependencies" ? Spelling::Real : Spelling::AsNamed),
                   TaggedOnly);
        mapStrings(Pair[1], Map(Spelling::Real), TaggedOnly);
      }
  }
}

// Path lists read by splitPathLists, back to this checkout's paths as relocate() maps them:
// the first of each pair spelled First, the second (a hash, or a lookup's answer) real.
StringPairs relocated(StringPairs Pairs, const StoreRoots &Roots, Spelling First) {
  auto Map = [&](std::string &Text, Spelling S) {
    if (Text.find('$') != std::string::npos) // tagged, or a '$' doubled: most paths are neither
      Text = Roots.absolute(Text, S);
  };
  for (auto &[Path, State] : Pairs) {
    Map(Path, First);
    Map(State, Spelling::Real);
  }
  return Pairs;
}

// ',"Name":[["first","second"],...]' with the paths relative to the roots as relocate() takes
// them: the first of each pair spelled First, the second (a hash, or a lookup's answer) real.
void writePathList(std::string &Out, std::string_view Name,
                   const std::vector<std::pair<std::string, std::string>> &Pairs,
                   const StoreRoots &Roots, Spelling First) {
  Out += ",\"";
  Out += Name;
  Out += "\":[";
  for (size_t I = 0; I < Pairs.size(); ++I) {
    Out += I ? ",[" : "[";
    appendJsonString(Out, Roots.relative(Pairs[I].first, First));
    Out += ',';
    appendJsonString(Out, Roots.relative(Pairs[I].second, Spelling::Real));
    Out += ']';
  }
  Out += ']';
}

} // namespace

std::string ResultStore::keyOf(const std::vector<std::string> &CommandLine,
                               const std::string &Directory, const std::string &File,
                               const std::string &ConfigFingerprint) const {
  StoreRoots Roots = rootsFor(Directory);
  auto Relative = [&](std::string_view Text) { return Roots.relative(Text); };
  nlohmann::json Command = nlohmann::json::array();
  for (const std::string &Arg : CommandLine)
    Command.push_back(Relative(Arg));
  nlohmann::json Environment = nlohmann::json::array();
  for (const std::string &Variable : includeEnvironment())
    Environment.push_back(Relative(Variable));
  nlohmann::json Parts = {{"build", buildFingerprint()},
                          {"command", Command},
                          {"directory", Relative(Directory)},
                          {"file", Relative(File)},
                          {"config", configKey(Directory, ConfigFingerprint)},
                          {"environment", Environment}};
  return contentHash(jsonText(Parts));
}

std::string ResultStore::configKey(const std::string &Directory,
                                   const std::string &ConfigFingerprint) const {
  std::pair<std::string, std::string> Of{Directory, ConfigFingerprint};
  {
    std::lock_guard<std::mutex> Lock(ConfigKeysMutex);
    if (auto It = ConfigKeys.find(Of); It != ConfigKeys.end())
      return It->second;
  }
  // The configuration's own paths (its directory, the files its globs name) relative to the
  // roots: a default configuration's base is the project root, "${project}" in every checkout.
  StoreRoots Roots = rootsFor(Directory);
  auto Relative = [&](std::string_view Text) { return Roots.relative(Text); };
  nlohmann::json Config = nlohmann::json::parse(ConfigFingerprint, nullptr, false);
  if (Config.is_discarded())
    Config = Relative(ConfigFingerprint);
  else
    mapStrings(Config, Relative);
  std::string Key = contentHash(jsonText(Config));
  std::lock_guard<std::mutex> Lock(ConfigKeysMutex);
  return ConfigKeys.try_emplace(std::move(Of), std::move(Key)).first->second;
}

std::optional<TUOutcome> ResultStore::load(const std::string &Key, const std::string &Directory,
                                           FileHashes &Hashes) const {
  std::optional<StoredResult> Stored = openUnchanged(Key, Directory, Hashes);
  if (!Stored)
    return std::nullopt;
  return std::move(*Stored).outcome();
}

namespace {

std::string latestName(const std::string &Key) { return Key + ".json"; }
// Earlier results are named after the key too: eviction takes them like any entry (<key>.N.json).
std::string earlierName(const std::string &Key, int I) {
  return Key + "." + std::to_string(I) + ".json";
}

} // namespace

std::optional<StoredResult> ResultStore::openEarlier(const std::string &Key,
                                                     const std::string &Directory,
                                                     FileHashes &Hashes,
                                                     const std::string &First) const {
  // An earlier result of another version of the main file (an edit's, most often) is known by
  // its header, before its checksum and path lists are read.
  std::optional<std::string> Main;
  if (!First.empty())
    Main = Hashes.of(First);
  for (int I = 1; I <= EarlierResults; ++I) {
    std::optional<StoredResult> Stored =
        openEntry(Key, earlierName(Key, I), Directory, Main ? *Main : std::string());
    if (!Stored || !Stored->readsUnchanged(Hashes, First))
      continue;
    // The next run finds it first; the stale latest becomes an earlier one.
    promoteStoreFile(Dir, resultShardOf(Key), earlierName(Key, I), latestName(Key));
    return Stored;
  }
  return std::nullopt;
}

std::optional<StoredResult> ResultStore::openUnchanged(const std::string &Key,
                                                       const std::string &Directory,
                                                       FileHashes &Hashes) const {
  std::optional<StoredResult> Stored = open(Key, Directory);
  if (Stored && Stored->readsUnchanged(Hashes))
    return Stored;
  return openEarlier(Key, Directory, Hashes);
}

namespace {

bool readsUnchangedBut(const std::vector<std::pair<std::string, std::string>> &Dependencies,
                       const PathLookups &Lookups, FileHashes &Hashes,
                       const std::vector<std::string> &Changed) {
  for (const auto &[Path, Hash] : Dependencies) {
    if (std::binary_search(Changed.begin(), Changed.end(), Path))
      continue;
    if (!Hashes.hasHash(Path, Hash))
      return false;
  }
  // Every path the parse asked about answers as it did: no include would resolve elsewhere.
  for (const auto &[Path, State] : Lookups)
    if (!Hashes.answers(Path, State))
      return false;
  return true;
}

} // namespace

bool ResultStore::readsUnchanged(const TUOutcome &Stored, FileHashes &Hashes) {
  return readsUnchangedBut(Stored.Dependencies, Stored.Lookups, Hashes, {});
}

bool ResultStore::readsUnchanged(
    const std::vector<std::pair<std::string, std::string>> &Dependencies,
    const PathLookups &Lookups, FileHashes &Hashes) {
  return readsUnchangedBut(Dependencies, Lookups, Hashes, {});
}

// Beside the entries, not among them: eviction keeps it, and no key can name it.
constexpr const char *BuildsShard = "builds";
constexpr const char *LastBuild = "last";

bool ResultStore::lastWrittenByAnotherBuild() const {
  std::optional<std::string> Last = readStoreFile(Dir, BuildsShard, LastBuild, 1024);
  return Last && *Last != buildFingerprint();
}

void ResultStore::recordBuild() const {
  if (readStoreFile(Dir, BuildsShard, LastBuild, 1024) != buildFingerprint())
    (void)writeStoreFile(Dir, BuildsShard, LastBuild, buildFingerprint());
}

StoredResult::StoredResult(std::string TheText, std::unique_ptr<SplitOutcome> TheSplit,
                           StoreRoots TheRoots)
    : Text(std::move(TheText)), Split(std::move(TheSplit)), Roots(std::move(TheRoots)) {}
StoredResult::StoredResult(StoredResult &&) noexcept = default;
StoredResult::~StoredResult() = default;

const std::vector<std::pair<std::string, std::string>> &StoredResult::dependencies() const {
  return Split->Dependencies;
}

const PathLookups &StoredResult::lookups() const { return Split->Lookups; }

bool StoredResult::readsUnchanged(FileHashes &Hashes, const std::string &First) const {
  if (!First.empty()) {
    auto It = std::lower_bound(Split->Dependencies.begin(), Split->Dependencies.end(),
                               std::pair<std::string, std::string>(First, {}));
    if (It != Split->Dependencies.end() && It->first == First) {
      std::optional<std::string> Now = Hashes.of(First);
      if (!Now || *Now != It->second)
        return false;
    }
  }
  return readsUnchangedBut(Split->Dependencies, Split->Lookups, Hashes, {});
}

bool StoredResult::keptTemplateBodies() const {
  // Written by this build's to_json as a JSON boolean.
  return Split->member("kept-template-bodies") == std::string_view("true");
}

std::optional<std::vector<Fact>> StoredResult::facts() const {
  std::optional<std::string_view> Text = Split->member("facts");
  if (!Text)
    return std::nullopt;
  return factsFromText(*Text, Roots);
}

namespace {

// A stored text read back with a checkout's roots: through the store's own reader, mapping the
// tagged strings as it reads them (parseStoredJson), or through nlohmann and relocate() when
// that reader does not take it (nlohmann decides). Null when it is no JSON, or nests deeper than
// anything stored (mapStrings and from_json recurse).
nlohmann::json readStored(std::string_view Text, const StoreRoots &Roots) {
  nlohmann::json Read;
  if (parseStoredJson(Text, Read, [&Roots](std::string_view Tagged) {
        return Roots.absolute(Tagged, Spelling::AsNamed);
      }))
    return Read;
  if (!shallowJsonValue(Text))
    return nullptr;
  Read = nlohmann::json::parse(Text, nullptr, /*allow_exceptions=*/false);
  if (Read.is_discarded())
    return nullptr;
  mapStrings(
      Read, [&Roots](std::string_view Tagged) { return Roots.absolute(Tagged); },
      /*TaggedOnly=*/true);
  return Read;
}

// Facts as from_json reads them, each one's data moved out of the document, not copied.
std::vector<Fact> factsMovedFrom(nlohmann::json &Facts) {
  std::vector<Fact> Out;
  Out.reserve(Facts.size());
  for (nlohmann::json &J : Facts.get_ref<nlohmann::json::array_t &>()) {
    Fact F;
    J.at("rule").get_to(F.RuleId);
    J.at("kind").get_to(F.Kind);
    J.at("key").get_to(F.Key);
    J.at("version").get_to(F.Version);
    F.Data = std::move(J.at("data"));
    Out.push_back(std::move(F));
  }
  return Out;
}

} // namespace

std::optional<std::vector<Fact>> factsFromText(std::string_view Text, const StoreRoots &Roots) {
  nlohmann::json Facts = readStored(Text, Roots);
  if (!Facts.is_array())
    return std::nullopt;
  try {
    return factsMovedFrom(Facts);
  } catch (const nlohmann::json::exception &) {
    return std::nullopt;
  }
}

std::optional<TUOutcome> StoredResult::outcome() const & {
  std::optional<TUOutcome> Outcome = outcomeFromRestText(Split->Rest, Roots);
  if (Outcome) {
    Outcome->Dependencies = Split->Dependencies;
    Outcome->Lookups = Split->Lookups;
  }
  return Outcome;
}

std::optional<TUOutcome> StoredResult::outcome() && {
  std::optional<TUOutcome> Outcome = outcomeFromRestText(Split->Rest, Roots);
  if (Outcome) {
    Outcome->Dependencies = std::move(Split->Dependencies);
    Outcome->Lookups = std::move(Split->Lookups);
  }
  return Outcome;
}

std::string_view StoredResult::restText() const { return Split->Rest; }

std::optional<TUOutcome> outcomeFromRestText(std::string_view Rest, const StoreRoots &Roots) {
  // Every member is mapped as relocate() maps it back (the path lists are not among them).
  nlohmann::json Stored = readStored(Rest, Roots);
  if (!Stored.is_object())
    return std::nullopt;
  TUOutcome Outcome;
  try {
    nlohmann::json &Facts = Stored.at("facts");
    if (!Facts.is_array())
      return std::nullopt;
    std::vector<Fact> Moved = factsMovedFrom(Facts);
    Facts = nlohmann::json::array();
    Stored["dependencies"] = nlohmann::json::array();
    Stored["lookups"] = nlohmann::json::array();
    Stored.get_to(Outcome);
    Outcome.Facts = std::move(Moved);
  } catch (const nlohmann::json::exception &) {
    return std::nullopt;
  }
  return Outcome;
}

std::optional<StoredResult> ResultStore::open(const std::string &Key,
                                              const std::string &Directory) const {
  return openEntry(Key, latestName(Key), Directory);
}

std::optional<StoredResult> ResultStore::openEntry(const std::string &Key, const std::string &Name,
                                                   const std::string &Directory,
                                                   const std::string &Main) const {
  std::string Text =
      readStoreFile(Dir, resultShardOf(Key), Name, MaxEntryBytes).value_or(std::string());
  // A truncated or corrupt entry does not match its checksum; a foreign one has another format,
  // build or key. Each is a miss.
  nlohmann::json Expected = {{"format", Format}, {"build", buildFingerprint()}, {"key", Key}};
  if (!Main.empty())
    Expected["main"] = Main;
  std::optional<std::string_view> Body = storeEntryBody(Text, Expected);
  if (!Body)
    return std::nullopt;
  size_t BodyStart = Body->data() - Text.data();
  Text.erase(0, BodyStart); // the members view the body where it stays
  // The path lists, most of the bytes, are read directly; the rest when asked for. This build
  // writes every entry so; text of another shape is not one of its entries.
  std::optional<SplitOutcome> Split = splitPathLists(Text);
  if (!Split)
    return std::nullopt;
  StoreRoots Roots = rootsFor(Directory);
  Split->Dependencies = relocated(std::move(Split->Dependencies), Roots, Spelling::Real);
  Split->Lookups = relocated(std::move(Split->Lookups), Roots, Spelling::AsNamed);
  // Sorted by the paths of the checkout that stored them: sorted again by this one's, unless
  // they still are (the same checkout's, or one whose paths map alike: most runs).
  for (StringPairs *List : {&Split->Dependencies, &Split->Lookups})
    if (!std::is_sorted(List->begin(), List->end()))
      std::sort(List->begin(), List->end());
  return StoredResult(std::move(Text), std::make_unique<SplitOutcome>(std::move(*Split)),
                      std::move(Roots));
}

std::optional<std::vector<Fact>> ResultStore::loadFacts(const std::string &Key,
                                                        const std::string &Directory,
                                                        FileHashes &Hashes,
                                                        KeptFacts *Kept) const {
  if (!Kept) {
    std::optional<StoredResult> Stored = openUnchanged(Key, Directory, Hashes);
    if (!Stored)
      return std::nullopt;
    return Stored->facts();
  }
  auto IdentityNow = [&]() -> std::optional<StoredFileIdentity> {
    auto Opened = openStoreFile(Dir, resultShardOf(Key), latestName(Key), MaxEntryBytes);
    return Opened ? std::optional(Opened->second) : std::nullopt;
  };
  // An entry due for its use mark is read (readStoreFile marks it, which eviction needs).
  std::string Id = Dir + '\n' + Key + '\n' + Directory;
  std::optional<StoredFileIdentity> Before = IdentityNow();
  if (auto It = Kept->ByEntry.find(Id); It != Kept->ByEntry.end()) {
    if (Before && It->second.Entry == *Before && !dueForUseMark(*Before) &&
        It->second.Result.readsUnchanged(Hashes))
      return It->second.Facts;
    Kept->ByEntry.erase(It);
  }
  ++Kept->Read;
  std::optional<StoredResult> Stored = open(Key, Directory);
  if (Stored && Stored->readsUnchanged(Hashes)) {
    std::optional<std::vector<Fact>> Facts = Stored->facts();
    // Kept only when the file read is the one whose identity was taken on either side of the
    // read (not replaced meanwhile, nor marked used by the read).
    if (Facts && Before && IdentityNow() == Before)
      Kept->ByEntry.emplace(Id, KeptFacts::Kept{*Before, std::move(*Stored), *Facts});
    return Facts;
  }
  std::optional<StoredResult> Earlier = openEarlier(Key, Directory, Hashes);
  if (!Earlier)
    return std::nullopt;
  return Earlier->facts();
}

std::string ResultStore::save(const std::string &Key, const std::string &Directory,
                              const TUOutcome &Outcome, std::string *Rest) const {
  if (Outcome.State != TUOutcome::Status::Analyzed)
    return {};
  StoreRoots Roots = rootsFor(Directory);
  // The path lists, most of the bytes, are written directly; the rest through nlohmann.
  std::string Text = restText(Directory, Outcome);
  if (Rest)
    *Rest = Text;
  Text.pop_back(); // the object's closing brace
  writePathList(Text, "dependencies", Outcome.Dependencies, Roots, Spelling::Real);
  writePathList(Text, "lookups", Outcome.Lookups, Roots, Spelling::AsNamed);
  Text += '}';
  nlohmann::json Header = {{"format", Format}, {"build", buildFingerprint()}, {"key", Key}};
  // The content of the main file as the analysis read it, which tells an earlier result of
  // another version of the file without reading more than the header (openEarlier).
  std::string MainPath = realPathOf(Outcome.File);
  auto Main = std::lower_bound(Outcome.Dependencies.begin(), Outcome.Dependencies.end(),
                               std::pair<std::string, std::string>(MainPath, {}));
  if (Main != Outcome.Dependencies.end() && Main->first == MainPath)
    Header["main"] = Main->second;
  std::vector<std::string> Earlier;
  for (int I = 1; I <= EarlierResults; ++I)
    Earlier.push_back(earlierName(Key, I));
  keepEarlierVersions(Dir, resultShardOf(Key), latestName(Key), Earlier);
  return writeStoreFile(Dir, resultShardOf(Key), latestName(Key), storeEntryText(Header, Text));
}

std::string ResultStore::restText(const std::string &Directory, const TUOutcome &Outcome) const {
  TUOutcome Rest = Outcome;
  Rest.Dependencies.clear();
  Rest.Lookups.clear();
  nlohmann::json Relocated = Rest;
  relocate(Relocated, rootsFor(Directory), /*ToRoots=*/true);
  Relocated.erase("dependencies");
  Relocated.erase("lookups");
  // Findings and file names may hold any bytes; the store must not throw on them (jsonText).
  return jsonText(Relocated);
}

std::optional<std::vector<std::string>>
ResultStore::dependencies(const std::string &Key, const std::string &Directory,
                          FileHashes &Hashes, const std::vector<std::string> &Changed) const {
  std::optional<StoredResult> Stored = open(Key, Directory);
  if (!Stored || !readsUnchangedBut(Stored->dependencies(), Stored->lookups(), Hashes, Changed))
    return std::nullopt;
  std::vector<std::string> Files;
  for (const auto &[File, Hash] : Stored->dependencies())
    Files.push_back(File);
  return Files;
}

} // namespace contractcheck
