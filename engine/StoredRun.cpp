#include "StoredRun.h"

#include "JsonText.h"
#include "StoreEntry.h"
#include "StoreFiles.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

namespace contractcheck {

namespace {

constexpr const char *Format = "contractcheck-run-summary";
constexpr const char *RunsShard = "runs";
constexpr uint64_t MaxSummaryBytes = 1ull << 30;
constexpr uint32_t None = std::numeric_limits<uint32_t>::max();

enum : uint8_t { Unknown = 0, Same = 1, Differs = 2 };

// Not ".json": a TU's entry is "<key>.json", which nothing here is.
std::string fileName(const std::string &Name) { return Name + ".run"; }

void appendPairs(std::string &Out, const StringPairs &Pairs) {
  Out += '[';
  for (size_t I = 0; I < Pairs.size(); ++I) {
    Out += I ? ",[" : "[";
    appendJsonString(Out, Pairs[I].first);
    Out += ',';
    appendJsonString(Out, Pairs[I].second);
    Out += ']';
  }
  Out += ']';
}

void appendIndices(std::string &Out, const std::vector<uint32_t> &Indices) {
  Out += '[';
  for (size_t I = 0; I < Indices.size(); ++I) {
    if (I)
      Out += ',';
    Out += std::to_string(Indices[I]);
  }
  Out += ']';
}

std::string pairKey(const std::pair<std::string, std::string> &Pair) {
  std::string Key = Pair.first;
  Key += '\0';
  Key += Pair.second;
  return Key;
}

// The index of Pair in List, added when it is not there yet.
uint32_t indexOf(const std::pair<std::string, std::string> &Pair, StringPairs &List,
                 std::unordered_map<std::string, uint32_t> &Index) {
  auto [It, Added] = Index.try_emplace(pairKey(Pair), static_cast<uint32_t>(List.size()));
  if (Added)
    List.push_back(Pair);
  return It->second;
}

} // namespace

struct StoredRun::Read {
  std::string Text; // the body, which Split's outcomes view
  StoredRunText Split;
  std::unordered_map<std::string, size_t> ByKey;
  // Per file and per lookup: unknown, the same as when stored, or not.
  std::unique_ptr<std::atomic<uint8_t>[]> DependencyState, LookupState;
  std::vector<bool> Kept; // served, for the next summary; under Mutex
  // The summary was last marked used over an hour ago: the entries of the TUs it serves are
  // marked too (StoreEviction.h), so that those a later run needs (when the summary is stale
  // for them) are still there.
  bool MarkEntries = false;
};

StoredRun::StoredRun(const ResultStore &TheStore, const std::string &DatabasePath)
    : Store(TheStore),
      Name(contentHash(jsonText(nlohmann::json{{"database", DatabasePath},
                                               {"project", TheStore.projectRoot()}}))) {
  auto Opened = openStoreFile(Store.directory(), RunsShard, fileName(Name), MaxSummaryBytes);
  if (!Opened)
    return;
  bool MarkEntries = dueForUseMark(Opened->second);
  std::optional<std::string> Text =
      readStoreFile(Store.directory(), RunsShard, fileName(Name), MaxSummaryBytes);
  if (!Text)
    return;
  nlohmann::json Expected = {{"format", Format}, {"build", buildFingerprint()}, {"key", Name}};
  std::optional<std::string_view> Body = storeEntryBody(*Text, Expected);
  if (!Body)
    return;
  auto R = std::make_unique<Read>();
  R->Text = std::string(*Body);
  std::optional<StoredRunText> Split = splitStoredRun(R->Text);
  if (!Split)
    return;
  R->Split = std::move(*Split);
  for (size_t I = 0; I < R->Split.Units.size(); ++I)
    R->ByKey.try_emplace(R->Split.Units[I].Key, I);
  R->DependencyState = std::make_unique<std::atomic<uint8_t>[]>(R->Split.Dependencies.size());
  R->LookupState = std::make_unique<std::atomic<uint8_t>[]>(R->Split.Lookups.size());
  R->Kept.assign(R->Split.Units.size(), false);
  R->MarkEntries = MarkEntries;
  Old = std::move(R);
}

StoredRun::~StoredRun() = default;

// Each file and lookup is checked once for all the TUs that name it; the answers are those
// ResultStore::readsUnchanged gives an entry.
bool StoredRun::unchanged(size_t U, FileHashes &Hashes) {
  const StoredRunText::Unit &Unit = Old->Split.Units[U];
  auto Check = [](std::atomic<uint8_t> &State, auto &&Ask) {
    uint8_t Known = State.load(std::memory_order_relaxed);
    if (Known == Unknown) {
      Known = Ask() ? Same : Differs;
      State.store(Known, std::memory_order_relaxed);
    }
    return Known == Same;
  };
  for (uint32_t I : Unit.Reads) {
    const auto &[Path, Hash] = Old->Split.Dependencies[I];
    if (!Check(Old->DependencyState[I], [&] { return Hashes.hasHash(Path, Hash); }))
      return false;
  }
  for (uint32_t I : Unit.Asks) {
    const auto &[Path, State] = Old->Split.Lookups[I];
    if (!Check(Old->LookupState[I], [&] { return Hashes.answers(Path, State); }))
      return false;
  }
  return true;
}

std::optional<size_t> StoredRun::unchangedUnit(const std::string &Key, FileHashes &Hashes) {
  if (!Old)
    return std::nullopt;
  auto It = Old->ByKey.find(Key);
  if (It == Old->ByKey.end() || !unchanged(It->second, Hashes))
    return std::nullopt;
  return It->second;
}

std::optional<TUOutcome> StoredRun::outcome(const std::string &Key, const std::string &Directory,
                                            FileHashes &Hashes) {
  std::optional<size_t> U = unchangedUnit(Key, Hashes);
  if (!U)
    return std::nullopt;
  const StoredRunText::Unit &Unit = Old->Split.Units[*U];
  std::optional<TUOutcome> Outcome =
      outcomeFromRestText(Unit.Outcome, StoreRoots(Directory, Store.projectRoot()));
  if (!Outcome)
    return std::nullopt;
  Outcome->Dependencies.reserve(Unit.Reads.size());
  for (uint32_t I : Unit.Reads)
    Outcome->Dependencies.push_back(Old->Split.Dependencies[I]);
  keepRead(*U);
  return Outcome;
}

std::optional<std::vector<Fact>> StoredRun::facts(const std::string &Key,
                                                  const std::string &Directory,
                                                  FileHashes &Hashes) {
  std::optional<size_t> U = unchangedUnit(Key, Hashes);
  if (!U)
    return std::nullopt;
  auto Members = objectMembers(Old->Split.Units[*U].Outcome);
  if (!Members)
    return std::nullopt;
  auto Facts = std::find_if(Members->begin(), Members->end(),
                            [](const auto &Member) { return Member.first == "facts"; });
  if (Facts == Members->end())
    return std::nullopt;
  std::optional<std::vector<Fact>> Read =
      factsFromText(Facts->second, StoreRoots(Directory, Store.projectRoot()));
  if (Read)
    keepRead(*U);
  return Read;
}

// Nothing is copied until a summary is written: a warm run serves every TU and writes none.
void StoredRun::keepRead(size_t U) {
  ++Served;
  const std::string &Key = Old->Split.Units[U].Key;
  if (Old->MarkEntries)
    markStoreFileUsed(Store.directory(), resultShardOf(Key), Key + ".json");
  std::lock_guard<std::mutex> Lock(Mutex);
  if (KeysKept.try_emplace(Key, true).second)
    Old->Kept[U] = true;
}

void StoredRun::add(const std::string &Key, std::string Outcome, const StringPairs &Reads,
                    const StringPairs &Asks) {
  std::lock_guard<std::mutex> Lock(Mutex);
  if (KeysKept.try_emplace(Key, true).second)
    Added.push_back({Key, std::move(Outcome), Reads, Asks});
}

void StoredRun::keep(const std::string &Key, std::string Rest, const TUOutcome &Outcome) {
  if (Outcome.State != TUOutcome::Status::Analyzed)
    return;
  add(Key, std::move(Rest), Outcome.Dependencies, Outcome.Lookups);
}

void StoredRun::keep(const std::string &Key, const StoredResult &Stored) {
  add(Key, std::string(Stored.restText()), Stored.dependencies(), Stored.lookups());
}

std::string StoredRun::write(size_t Count) {
  Wrote = false;
  std::lock_guard<std::mutex> Lock(Mutex);
  if (KeysKept.size() != Count)
    return {};
  size_t FromOld = Old ? std::count(Old->Kept.begin(), Old->Kept.end(), true) : 0;
  if (Added.empty() && Old && FromOld == Old->Split.Units.size())
    return {};
  // Every TU kept, in the order of their keys, whatever order the workers kept them in: the
  // same results make the same summary.
  struct Source {
    std::string_view Key, Outcome;
    const StoredRunText::Unit *Read = nullptr; // kept from the last summary, or
    const Unit *New = nullptr;                 // added in this run
  };
  std::vector<Source> Sources;
  if (Old)
    for (size_t U = 0; U < Old->Split.Units.size(); ++U)
      if (Old->Kept[U])
        Sources.push_back({Old->Split.Units[U].Key, Old->Split.Units[U].Outcome,
                           &Old->Split.Units[U], nullptr});
  for (const Unit &New : Added)
    Sources.push_back({New.Key, New.Outcome, nullptr, &New});
  std::sort(Sources.begin(), Sources.end(),
            [](const Source &A, const Source &B) { return A.Key < B.Key; });
  // The distinct files and lookups of every TU kept, each once, in the order they first come.
  StringPairs Dependencies, Lookups;
  std::unordered_map<std::string, uint32_t> DependencyIndex, LookupIndex;
  std::vector<uint32_t> DependencyToNew(Old ? Old->Split.Dependencies.size() : 0, None),
      LookupToNew(Old ? Old->Split.Lookups.size() : 0, None);
  auto Indices = [](const Source &S, bool Reads, const StringPairs &OldList,
                    std::vector<uint32_t> &ToNew, StringPairs &List,
                    std::unordered_map<std::string, uint32_t> &Index) {
    std::vector<uint32_t> Out;
    if (S.Read)
      for (uint32_t I : Reads ? S.Read->Reads : S.Read->Asks) {
        if (ToNew[I] == None)
          ToNew[I] = indexOf(OldList[I], List, Index);
        Out.push_back(ToNew[I]);
      }
    else
      for (const auto &Pair : Reads ? S.New->Reads : S.New->Asks)
        Out.push_back(indexOf(Pair, List, Index));
    return Out;
  };
  static const StringPairs NoPairs;
  std::string Units;
  for (size_t I = 0; I < Sources.size(); ++I) {
    const Source &S = Sources[I];
    Units += I ? ",{\"key\":" : "{\"key\":";
    appendJsonString(Units, S.Key);
    Units += ",\"reads\":";
    appendIndices(Units, Indices(S, true, Old ? Old->Split.Dependencies : NoPairs,
                                 DependencyToNew, Dependencies, DependencyIndex));
    Units += ",\"asks\":";
    appendIndices(Units, Indices(S, false, Old ? Old->Split.Lookups : NoPairs, LookupToNew,
                                 Lookups, LookupIndex));
    Units += ",\"outcome\":";
    Units += S.Outcome;
    Units += '}';
  }
  std::string Body = "{\"dependencies\":";
  appendPairs(Body, Dependencies);
  Body += ",\"lookups\":";
  appendPairs(Body, Lookups);
  Body += ",\"units\":[";
  Body += Units;
  Body += "]}";
  nlohmann::json Header = {{"format", Format}, {"build", buildFingerprint()}, {"key", Name}};
  std::string Error =
      writeStoreFile(Store.directory(), RunsShard, fileName(Name), storeEntryText(Header, Body));
  Wrote = Error.empty();
  // The summary is marked used from now: so are the entries of the TUs it took from the last
  // one, which the runs since may have served without reading them (StoreEviction.h).
  if (Wrote && Old)
    for (size_t U = 0; U < Old->Split.Units.size(); ++U)
      if (Old->Kept[U])
        markStoreFileUsed(Store.directory(), resultShardOf(Old->Split.Units[U].Key),
                          Old->Split.Units[U].Key + ".json");
  return Error;
}

} // namespace contractcheck
