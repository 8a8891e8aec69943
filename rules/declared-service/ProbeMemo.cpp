#include "rules/declared-service/ProbeMemo.h"

#include <clang/Basic/FileManager.h>
#include <clang/Basic/TargetInfo.h>
#include <clang/Lex/HeaderSearch.h>
#include <clang/Lex/HeaderSearchOptions.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Lex/PreprocessorOptions.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <llvm/Support/xxhash.h>

#include <map>
#include <mutex>

using namespace clang;

namespace contractcheck {

namespace {

struct Memo {
  std::mutex Lock;
  std::map<std::string, ProbeOutcome> Entries;
};

Memo &memo() {
  static Memo *const Instance = new Memo; // never destroyed: threads may outlive statics
  return *Instance;
}

// Bounded: a long-lived process judging many configurations does not grow without end.
constexpr size_t MaxEntries = 256;

bool inputsUnchanged(const ProbeResult &Probe, const Preprocessor &PP) {
  llvm::vfs::FileSystem &FS = PP.getFileManager().getVirtualFileSystem();
  for (const ProbeInput &Input : Probe.Inputs) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer = FS.getBufferForFile(Input.Path);
    if (!Buffer || llvm::xxh3_64bits((*Buffer)->getBuffer()) != Input.Hash)
      return false;
  }
  return true;
}

} // namespace

std::string probeSettingsKey(const Preprocessor &PP) {
  std::string Key = PP.getTargetInfo().getTriple().str() + "\n" + PP.getPredefines() + "\n";
  const HeaderSearchOptions &Search = PP.getHeaderSearchInfo().getHeaderSearchOpts();
  Key += Search.Sysroot + "\n" + Search.ResourceDir + "\n";
  for (const HeaderSearchOptions::Entry &E : Search.UserEntries)
    Key += "-I" + std::to_string(E.Group) + (E.IsFramework ? "F" : "") + E.Path + "\n";
  for (const HeaderSearchOptions::SystemHeaderPrefix &P : Search.SystemHeaderPrefixes)
    Key += "-S" + std::string(P.IsSystemHeader ? "1" : "0") + P.Prefix + "\n";
  Key += std::to_string(Search.UseBuiltinIncludes) +
         std::to_string(Search.UseStandardSystemIncludes) +
         std::to_string(Search.UseStandardCXXIncludes) + std::to_string(Search.UseLibcxx) + "\n";
  for (const std::string &Include : PP.getPreprocessorOpts().Includes)
    Key += "-include" + Include + "\n";
  for (const std::string &Include : PP.getPreprocessorOpts().MacroIncludes)
    Key += "-imacros" + Include + "\n";
  Key += PP.getPreprocessorOpts().ImplicitPCHInclude + "\n";
  if (auto Dir = PP.getFileManager().getVirtualFileSystem().getCurrentWorkingDirectory())
    Key += *Dir;
  return Key;
}

std::optional<ProbeOutcome> recallProbe(const std::string &Key, const Preprocessor &PP) {
  ProbeOutcome Found;
  {
    std::lock_guard<std::mutex> Guard(memo().Lock);
    auto It = memo().Entries.find(Key);
    if (It == memo().Entries.end())
      return std::nullopt;
    Found = It->second;
  }
  if (!inputsUnchanged(Found.Probe, PP))
    return std::nullopt;
  return Found;
}

void rememberProbe(const std::string &Key, const ProbeOutcome &Outcome) {
  if (!Outcome.Probe.Ran)
    return;
  std::lock_guard<std::mutex> Guard(memo().Lock);
  if (memo().Entries.size() >= MaxEntries)
    memo().Entries.erase(memo().Entries.begin());
  memo().Entries[Key] = Outcome;
}

} // namespace contractcheck
