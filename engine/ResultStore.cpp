#include "ResultStore.h"

#include "AtomicFile.h"
#include "IncludeLookups.h"
#include "rules/RuleRegistry.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace contractcheck {

namespace {

// Paths in an outcome may be in any encoding: invalid UTF-8 is replaced rather than thrown.
std::string dumpText(const nlohmann::json &J) {
  return J.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

constexpr const char *Format = "contractcheck-unit-result";
constexpr int FormatVersion = 2; // 2: lookups, the include environment in the key

std::string readAll(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  return Buffer ? (*Buffer)->getBuffer().str() : std::string();
}

} // namespace

const std::string &buildFingerprint() {
  static const std::string Fingerprint = [] {
    nlohmann::json Parts = {{"version", CONTRACTCHECK_VERSION}, {"format", FormatVersion}};
    // A rebuilt binary may judge differently under the same version number.
    std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
    Parts["executable"] = Exe.empty() ? std::string() : contentHash(readAll(Exe));
    nlohmann::json Kinds = nlohmann::json::object();
    for (const RuleInfo *Info : allRules())
      for (const FactKind &Kind : Info->FactKinds)
        Kinds[std::string(Info->Id) + "/" + std::string(Kind.Kind)] = Kind.Version;
    Parts["facts"] = Kinds;
    return contentHash(dumpText(Parts));
  }();
  return Fingerprint;
}

std::string ResultStore::keyOf(const std::vector<std::string> &CommandLine,
                               const std::string &Directory, const std::string &File,
                               const std::string &ConfigFingerprint) {
  nlohmann::json Parts = {{"build", buildFingerprint()},
                          {"command", CommandLine},
                          {"directory", Directory},
                          {"file", File},
                          {"config", ConfigFingerprint},
                          {"environment", includeEnvironment()}};
  return contentHash(dumpText(Parts));
}

std::string ResultStore::entryPath(const std::string &Key, const char *Suffix) const {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Key.substr(0, 2), Key + Suffix);
  return std::string(Path);
}

std::optional<TUOutcome> ResultStore::load(const std::string &Key, FileHashes &Hashes) const {
  std::optional<TUOutcome> Outcome = loadAsStored(Key);
  if (!Outcome || !readsUnchanged(*Outcome, Hashes))
    return std::nullopt;
  return Outcome;
}

namespace {

bool readsUnchangedBut(const TUOutcome &Stored, FileHashes &Hashes,
                       const std::vector<std::string> &Changed) {
  for (const auto &[Path, Hash] : Stored.Dependencies) {
    if (std::binary_search(Changed.begin(), Changed.end(), Path))
      continue;
    std::optional<std::string> Now = Hashes.of(Path);
    if (!Now || *Now != Hash)
      return false;
  }
  // Every path the parse asked about answers as it did: no include would resolve elsewhere.
  for (const auto &[Path, State] : Stored.Lookups)
    if (Hashes.lookup(Path) != State)
      return false;
  return true;
}

} // namespace

bool ResultStore::readsUnchanged(const TUOutcome &Stored, FileHashes &Hashes) {
  return readsUnchangedBut(Stored, Hashes, {});
}

std::optional<TUOutcome> ResultStore::loadAsStored(const std::string &Key) const {
  std::string Text = readAll(entryPath(Key, ".json"));
  if (Text.empty())
    return std::nullopt;
  // A truncated or corrupt entry does not parse or does not match its checksum; a foreign one
  // has another format, build or key. Each is a miss.
  nlohmann::json Entry = nlohmann::json::parse(Text, nullptr, /*allow_exceptions=*/false);
  if (!Entry.is_object() || Entry.value("format", "") != Format ||
      Entry.value("build", "") != buildFingerprint() || Entry.value("key", "") != Key ||
      !Entry.contains("outcome") || !Entry["checksum"].is_string() ||
      Entry["checksum"].get<std::string>() != contentHash(dumpText(Entry["outcome"])))
    return std::nullopt;
  TUOutcome Outcome;
  try {
    Entry["outcome"].get_to(Outcome);
  } catch (const nlohmann::json::exception &) {
    return std::nullopt;
  }
  return Outcome;
}

std::string ResultStore::save(const std::string &Key, const TUOutcome &Outcome) const {
  if (Outcome.State != TUOutcome::Status::Analyzed)
    return {};
  std::string Path = entryPath(Key, ".json");
  if (std::error_code EC =
          llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)))
    return "cannot create the result store directory '" +
           llvm::sys::path::parent_path(Path).str() + "': " + EC.message();
  nlohmann::json Stored = Outcome;
  nlohmann::json Entry = {{"format", Format},
                          {"build", buildFingerprint()},
                          {"key", Key},
                          {"checksum", contentHash(dumpText(Stored))},
                          {"outcome", std::move(Stored)}};
  // Findings and file names may hold any bytes; the store must not throw on them.
  std::string Error = writeFileAtomically(Path, dumpText(Entry));
  return Error;
}

std::optional<std::vector<std::string>>
ResultStore::dependencies(const std::string &Key, FileHashes &Hashes,
                          const std::vector<std::string> &Changed) const {
  std::optional<TUOutcome> Stored = loadAsStored(Key);
  if (!Stored || !readsUnchangedBut(*Stored, Hashes, Changed))
    return std::nullopt;
  std::vector<std::string> Files;
  for (const auto &[File, Hash] : Stored->Dependencies)
    Files.push_back(File);
  return Files;
}

} // namespace contractcheck
