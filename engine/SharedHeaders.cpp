#include "SharedHeaders.h"

#include "CrashContainment.h"
#include "FilesRead.h"
#include "OwnedTemporaries.h"
#include "Paths.h"
#include "SharedPrefixPlan.h"
#include "SystemHeaderRoots.h"
#include "WarningFlags.h"
#include "WorkerPool.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <limits>
#include <map>

namespace contractcheck {

namespace {

// <system temp>/contractcheck-headers-<pid>-XXXXXX
constexpr std::string_view TemporaryPrefix = "contractcheck-headers";

bool isCSource(const std::string &File) { return llvm::sys::path::extension(File) == ".c"; }

bool isCOrCxxSource(const std::string &File) {
  llvm::StringRef Ext = llvm::sys::path::extension(File);
  return Ext == ".c" || Ext == ".cc" || Ext == ".cpp" || Ext == ".cxx" || Ext == ".c++" ||
         Ext == ".C" || Ext == ".cp";
}

// A command that already loads a precompiled header or builds with modules keeps its own way.
bool buildsItsOwnWay(const std::vector<std::string> &Args) {
  return std::any_of(Args.begin(), Args.end(), [](llvm::StringRef A) {
    return A == "-include-pch" || A.starts_with("-fmodules") || A.starts_with("-fcxx-modules") ||
           A.starts_with("-emit-") || A == "-x";
  });
}

// The command without its main file: what TUs sharing a prefix must agree on.
std::vector<std::string> withoutMainFile(const std::vector<std::string> &Args,
                                         const CompileCommand &Command) {
  std::vector<std::string> Rest;
  for (const std::string &A : Args)
    if (A != Command.File && absolutePath(A, Command.Directory) != Command.File)
      Rest.push_back(A);
  return Rest;
}

std::string groupOf(const std::vector<std::string> &Args, const CompileCommand &Command) {
  std::string Group = Command.Directory;
  for (const std::string &A : Args) {
    Group += '\0';
    Group += A;
  }
  return Group;
}

// Which of the roots are standard headers that may lead.
std::vector<bool> standardRoots(const SystemHeaderRoots &Scanned) {
  std::vector<bool> Leads(Scanned.Roots.size(), false);
  for (const StandardHeaderUse &Use : Scanned.Standard)
    if (Use.IsRoot)
      Leads[Use.Root] = true;
  return Leads;
}

// The library roots stay in order; the standard headers may lead in any order.
PrefixCandidate candidate(std::string Group, const SystemHeaderRoots &Scanned) {
  PrefixCandidate Candidate{std::move(Group), {}, {}};
  std::vector<bool> Leads = standardRoots(Scanned);
  std::vector<size_t> Before(Scanned.Roots.size(), 0);
  for (size_t R = 0; R < Scanned.Roots.size(); ++R) {
    Before[R] = Candidate.Roots.size();
    if (!Leads[R])
      Candidate.Roots.push_back(Scanned.Roots[R].Path);
  }
  for (const StandardHeaderUse &Use : Scanned.Standard) {
    std::vector<std::string> Enters;
    for (const SystemHeaderRoot &Entered : Use.Enters)
      Enters.push_back(Entered.Path);
    Candidate.Standard.push_back(
        {Use.Path, Use.Files, Use.IsRoot, Before[Use.Root], std::move(Enters), Use.MayFollow});
  }
  return Candidate;
}

// What a prefix precompiles, as the TU that represents it spelled it.
std::vector<SystemHeaderRoot> prefixHeaders(const SharedPrefix &Prefix,
                                            const SystemHeaderRoots &Scanned) {
  std::map<std::string, const SystemHeaderRoot *> Spelled;
  for (const StandardHeaderUse &Use : Scanned.Standard)
    for (const SystemHeaderRoot &Entered : Use.Enters)
      Spelled.try_emplace(Entered.Path, &Entered);
  std::vector<SystemHeaderRoot> Headers;
  for (const std::string &Path : Prefix.Standard) {
    auto Use = std::find_if(Scanned.Standard.begin(), Scanned.Standard.end(),
                            [&](const StandardHeaderUse &U) { return U.Path == Path; });
    Headers.push_back(Use != Scanned.Standard.end() ? SystemHeaderRoot{Use->Spelling, Use->Path}
                                                    : *Spelled.at(Path));
  }
  std::vector<bool> Leads = standardRoots(Scanned);
  for (size_t R = 0;
       R < Scanned.Roots.size() && Headers.size() < Prefix.Standard.size() + Prefix.Length; ++R)
    if (!Leads[R])
      Headers.push_back(Scanned.Roots[R]);
  return Headers;
}

// The TU's scan: stored, or scanned now (and stored). A negative Limit takes only a stored one.
std::optional<SystemHeaderRoots> scanOrLoad(const std::vector<std::string> &Full,
                                            const CompileCommand &Command,
                                            const std::map<std::string, std::string> &Overlays,
                                            StoredScans *Scans, std::chrono::seconds Limit,
                                            bool &TimedOut) {
  if (Scans)
    if (std::optional<SystemHeaderRoots> Known = Scans->load(Full, Command.Directory, Command.File))
      return Known;
  if (Limit.count() < 0)
    return std::nullopt;
  SystemHeaderRoots Scanned;
  ScanInputs Inputs;
  // A TU that crashes the compiler is reported by its own parse; here it shares nothing.
  Contained Ended = runContained(
      [&] {
        Scanned = scanSystemHeaderRoots(Full, Command.Directory, Overlays,
                                        Scans ? &Inputs : nullptr);
      },
      Limit);
  TimedOut = Ended == Contained::TimedOut;
  if (Ended != Contained::Finished) {
    abandon(Scanned);
    abandon(Inputs);
    return std::nullopt;
  }
  if (Scans)
    Scans->store(Full, Command.Directory, Scanned, Inputs);
  return Scanned;
}

// What a TU alone stores as its prefix: every root that may lead, as --shared-headers=always
// would share it.
std::vector<SystemHeaderRoot> ownPrefix(const SystemHeaderRoots &Scanned) {
  SharedPrefixPlan Own = planSharedPrefixes({candidate("", Scanned)}, 1);
  return Own.Prefixes.empty() ? std::vector<SystemHeaderRoot>{}
                              : prefixHeaders(Own.Prefixes.front(), Scanned);
}

} // namespace

void buildOwnStoredPrefix(const DeferredPrefix &TU, StoredPrefixes &Stored, StoredScans &Scans,
                          std::chrono::seconds Limit) {
  CompileCommand Command{TU.Directory, TU.File, {}};
  bool TimedOut = false;
  std::optional<SystemHeaderRoots> Scanned =
      scanOrLoad(TU.Command, Command, {}, &Scans, Limit, TimedOut);
  if (!Scanned)
    return;
  std::vector<SystemHeaderRoot> Headers = ownPrefix(*Scanned);
  if (!Headers.empty())
    Stored.prefixFor(withoutMainFile(TU.Command, Command), TU.Directory, Headers,
                     isCSource(TU.File), TU.KeepTemplateBodies);
}

SharedHeaders::SharedHeaders(const std::vector<const CompileCommand *> &Commands,
                             const AnalysisSettings &Settings, unsigned Workers,
                             StoredPrefixes *Stored, StoredScans *Scans)
    : Commands(Commands), PrefixOf(Commands.size(), SharedPrefixPlan::None),
      ScanTimedOut(Commands.size(), false), TimeLimit(Settings.TimeLimit), Stored(Stored) {
  size_t MinShare = Settings.Precompile == PrecompileMode::Always ? 1 : 2;
  // An editor's unsaved buffers are not what a prefix shared in the run was parsed from; a
  // stored prefix is checked against them (StoredPrefixes::prefixFor).
  bool InRun = Settings.Overlays.empty() && Commands.size() >= MinShare;
  if (Settings.Precompile == PrecompileMode::Never || (!InRun && !Stored))
    return;
  Args.resize(Commands.size());
  Roots.resize(Commands.size());
  Search.resize(Commands.size());
  std::vector<std::vector<std::string>> Full(Commands.size());
  std::vector<std::string> Groups(Commands.size());
  // The settings but the include directories: TUs that may share their standard headers.
  std::vector<std::string> Loose(Commands.size());
  std::map<std::string, size_t> GroupSize, LooseSize;
  // Per command line (without its main file) and kind of source: whether its warning flags
  // change nothing (WarningFlags.h).
  std::map<std::pair<std::string, std::string>, bool> Inert;
  Key.resize(Commands.size());
  for (size_t I = 0; I < Commands.size(); ++I) {
    Full[I] = analysisCommandLine(*Commands[I], Settings);
    Args[I] = withoutMainFile(Full[I], *Commands[I]);
    if (isCOrCxxSource(Commands[I]->File) && !buildsItsOwnWay(Full[I])) {
      // TUs whose commands differ in warning flags that change nothing share as if they were
      // the same: googletest's gmock_main.cc adds eleven -W flags to its tests' command.
      Key[I] = withoutWarningFlags(Args[I]);
      if (Key[I] != Args[I]) {
        auto [It, New] = Inert.try_emplace(
            {groupOf(Args[I], *Commands[I]),
             std::string(llvm::sys::path::extension(Commands[I]->File))},
            false);
        if (New)
          It->second = differsOnlyInInertWarnings(Full[I], Commands[I]->Directory);
        if (!It->second)
          Key[I] = Args[I];
      }
      ++GroupSize[Groups[I] = groupOf(Key[I], *Commands[I])];
      IncludeSearch Split = splitIncludeDirectories(Key[I], Commands[I]->Directory);
      Search[I] = std::move(Split.Directories);
      ++LooseSize[Loose[I] = groupOf(Split.Rest, *Commands[I])];
    }
  }
  // A TU alone with its compiler settings has no one to share with: it is scanned only to find
  // its stored prefix, or, with no store, when other TUs' settings differ from its own in
  // include directories alone (the vendored googletest's, each with its own -I and -isystem):
  // those may share standard headers (asLoadedBy).
  auto Alone = [&](size_t I) { return !InRun || GroupSize.at(Groups[I]) < MinShare; };
  auto SharesAcross = [&](size_t I) {
    return InRun && !Stored && LooseSize.at(Loose[I]) > GroupSize.at(Groups[I]);
  };
  // A TU alone whose scan is not stored leaves the scan to the builder with its prefix
  // (PrefixBuilder.h), when there is one: this run parses it directly. Not an editor's buffer:
  // the builder scans the file on disk, whose stored scan a buffer edited above its last
  // #include never matches, so every analysis until the save parsed without the stored prefix
  // (Bear's Parsers.cc: 3 s instead of 0.7 s). Scanning the buffer finds the prefix, stored
  // under its system headers, which such an edit rarely changes.
  bool Defer = Stored && Stored->inBackground() && Settings.Overlays.empty();
  Deferred.assign(Commands.size(), false);
  runOnWorkers(Commands.size(), Workers, [&](size_t I) {
    if (Groups[I].empty() || (Alone(I) && !Stored && !SharesAcross(I)))
      return;
    bool TimedOut = false;
    if (std::optional<SystemHeaderRoots> Scanned =
            scanOrLoad(Full[I], *Commands[I], Settings.Overlays, Scans,
                       Defer && Alone(I) ? std::chrono::seconds(-1) : TimeLimit, TimedOut))
      Roots[I] = std::move(*Scanned);
    else
      Deferred[I] = Defer && Alone(I) && !TimedOut;
    ScanTimedOut[I] = TimedOut;
  });
  FullCommands = std::move(Full);
  std::vector<PrefixCandidate> Candidates(Commands.size());
  OwnPrefix.resize(Commands.size());
  for (size_t I = 0; I < Commands.size(); ++I) {
    if (Groups[I].empty() || !Alone(I)) {
      Candidates[I] = candidate(Groups[I], Roots[I]);
      continue;
    }
    if (Stored)
      OwnPrefix[I] = ownPrefix(Roots[I]);
  }
  SharedPrefixPlan Plan = planSharedPrefixes(Candidates, MinShare);
  // The TUs left without a prefix share the standard headers they include with those whose
  // settings differ from theirs only in include directories; each loads such a prefix only when
  // its lookups prove the TU would have parsed the same files (asLoadedBy).
  std::vector<PrefixCandidate> Standard(Commands.size());
  for (size_t I = 0; I < Commands.size(); ++I)
    if (!Loose[I].empty() && Plan.PrefixOf[I] == SharedPrefixPlan::None && InRun &&
        Roots[I].Preprocessed && OwnPrefix[I].empty()) {
      Standard[I] = candidate(Loose[I], Roots[I]);
      Standard[I].Roots.clear();
    }
  // Not chained beyond: such a prefix keeps template bodies, and its few TUs (yaml-cpp's vendored
  // googletest's four) gained nothing from it (docs/performance.md, "Issue 23, twentieth session").
  SharedPrefixPlan Across = planSharedPrefixes(Standard, MinShare, /*ShareBeyond=*/false);
  size_t Offset = Plan.Prefixes.size();
  for (SharedPrefix &Prefix : Across.Prefixes) {
    if (Prefix.Lower != SharedPrefixPlan::None)
      Prefix.Lower += Offset;
    Plan.Prefixes.push_back(std::move(Prefix));
  }
  for (size_t I = 0; I < Commands.size(); ++I)
    if (Across.PrefixOf[I] != SharedPrefixPlan::None)
      Plan.PrefixOf[I] = Offset + Across.PrefixOf[I];
  if (Plan.Prefixes.empty())
    return;
  // What runs killed before they could clean up left (a prefix is up to 180 MB).
  reapStaleTemporaryDirectories(TemporaryPrefix);
  // Real, as the TUs' dependencies are: the header is left out of them by its path. Removed on
  // SIGINT/SIGTERM/SIGHUP too.
  std::error_code EC;
  Directory = createOwnedTemporaryDirectory(TemporaryPrefix, EC);
  if (EC)
    return; // no temporary directory: every TU parses its own headers
  Prefixes = std::move(Plan.Prefixes);
  for (int Keep : {0, 1}) {
    Built[Keep].resize(Prefixes.size());
    BuildOnce[Keep] = std::make_unique<std::once_flag[]>(Prefixes.size());
    LoadedCopy[Keep].resize(Commands.size());
  }
  KeepsTemplates = std::make_unique<std::atomic<bool>[]>(Prefixes.size());
  PrefixOf = std::move(Plan.PrefixOf);
  // A TU that would parse its headers itself decides at the end of its one parse whether the
  // library's instantiations are needed (analyzeTranslationUnit): with a prefix of standard
  // headers shared across include directories instead, it still does, loading the prefix that
  // keeps template bodies. With the one that skips them, such a TU that needs them (gmock-all.cc,
  // gMock's own code) would parse twice: on yaml-cpp's vendored googletest, 1.86-1.96 s for it
  // alone against 1.12-1.30 s.
  for (size_t P = Offset; P < Prefixes.size(); ++P)
    KeepsTemplates[P] = true;
  Refused.assign(Commands.size(), false);
}

SharedHeaders::~SharedHeaders() {
  if (!Directory.empty())
    removeOwnedTemporaryDirectory(Directory);
}

size_t SharedHeaders::estimatedCost(size_t I) const {
  if (I >= Roots.size() || !Roots[I].Preprocessed)
    return std::numeric_limits<size_t>::max(); // unknown: first, rather than last and alone
  const SystemHeaderRoots &Scanned = Roots[I];
  const SharedPrefix *Prefix =
      PrefixOf[I] == SharedPrefixPlan::None ? nullptr : &Prefixes[PrefixOf[I]];
  std::vector<bool> Leads = standardRoots(Scanned);
  size_t Cost = Scanned.UnsharedTokens;
  size_t InOrder = 0;
  for (size_t R = 0; R < Scanned.Roots.size(); ++R) {
    bool Covered = Prefix && (Leads[R] ? std::binary_search(Prefix->Standard.begin(),
                                                            Prefix->Standard.end(),
                                                            Scanned.Roots[R].Path)
                                       : InOrder++ < Prefix->Length);
    // The TU that represents its prefix is parsed first of those sharing it, and builds it.
    if (!Covered || Prefix->Representative == I)
      Cost += Scanned.Roots[R].Tokens;
  }
  return Cost;
}

const PrecompiledPrefix *SharedHeaders::prefixFor(size_t I, bool KeepTemplateBodies) {
  if (I < Deferred.size() && Deferred[I]) {
    Stored->request({FullCommands[I], Commands[I]->Directory, Commands[I]->File,
                     KeepTemplateBodies});
    return nullptr;
  }
  if (I < OwnPrefix.size() && !OwnPrefix[I].empty())
    return Stored->prefixFor(Args[I], Commands[I]->Directory, OwnPrefix[I],
                             isCSource(Commands[I]->File), KeepTemplateBodies);
  if (I >= PrefixOf.size() || PrefixOf[I] == SharedPrefixPlan::None || Refused[I])
    return nullptr;
  size_t P = PrefixOf[I];
  if (KeepTemplateBodies)
    KeepsTemplates[P] = true;
  // The TUs sharing the prefix wait for its build: a TU's time limit must not end it half-way.
  // The build has a limit of its own.
  Uninterruptible WhileShared;
  std::call_once(BuildOnce[KeepTemplateBodies][P], [&] { build(P, KeepTemplateBodies); });
  const std::optional<PrecompiledPrefix> &Prefix = Built[KeepTemplateBodies][P];
  if (!Prefix)
    return nullptr;
  const PrecompiledPrefix *Loaded =
      asLoadedBy(I, *Prefix, Prefixes[P].Representative, LoadedCopy[KeepTemplateBodies][I]);
  // The TU parses its headers itself, without building its group's other prefix to find that
  // again.
  Refused[I] = !Loaded;
  return Loaded;
}

const PrecompiledPrefix *SharedHeaders::asLoadedBy(size_t I, const PrecompiledPrefix &Prefix,
                                                   size_t Representative,
                                                   std::optional<PrecompiledPrefix> &Copy) {
  // The same command, or one that differs in warning flags that change nothing.
  if (Key[I] == Key[Representative])
    return &Prefix;
  if (Copy)
    return &*Copy;
  std::optional<PathLookups> Asked =
      searchesAgree(Prefix.Searched, Search[Representative], Search[I]);
  if (!Asked)
    return nullptr;
  Copy = Prefix;
  mergeLookups(Copy->Lookups, *Asked);
  return &*Copy;
}

bool SharedHeaders::decidesAtEnd(size_t I) const {
  return I < PrefixOf.size() && PrefixOf[I] != SharedPrefixPlan::None &&
         KeepsTemplates[PrefixOf[I]];
}

void SharedHeaders::keepsTemplateBodies(size_t I) {
  if (I < PrefixOf.size() && PrefixOf[I] != SharedPrefixPlan::None)
    KeepsTemplates[PrefixOf[I]] = true;
}

void SharedHeaders::rejected(size_t I, const PrecompiledPrefix *Prefix) {
  if (I < OwnPrefix.size() && !OwnPrefix[I].empty())
    Stored->rejected(Prefix);
}

void SharedHeaders::build(size_t P, bool KeepTemplateBodies) {
  const SharedPrefix &Prefix = Prefixes[P];
  const CompileCommand &Command = *Commands[Prefix.Representative];
  std::vector<SystemHeaderRoot> Leading = prefixHeaders(Prefix, Roots[Prefix.Representative]);
  bool C = isCSource(Command.File);
  std::string Base =
      Directory + "/prefix-" + std::to_string(P) + (KeepTemplateBodies ? "-templates" : "");
  // Built on its lower prefix (precompiled once for the prefixes that share its standard
  // headers), when that one is there: its header includes only what the lower one does not.
  const PrecompiledPrefix *Lower = nullptr;
  std::optional<PrecompiledPrefix> LowerCopy;
  if (Prefix.Lower != SharedPrefixPlan::None) {
    std::call_once(BuildOnce[KeepTemplateBodies][Prefix.Lower],
                   [&] { build(Prefix.Lower, KeepTemplateBodies); });
    const std::optional<PrecompiledPrefix> &Built = this->Built[KeepTemplateBodies][Prefix.Lower];
    // Its representative's include directories may not be this one's.
    Lower = Built ? asLoadedBy(Prefix.Representative, *Built,
                               Prefixes[Prefix.Lower].Representative, LowerCopy)
                  : nullptr;
  }
  auto Attempt = [&](const PrecompiledPrefix *On) {
    std::vector<SystemHeaderRoot> Headers = Leading;
    std::vector<std::string> Extra;
    if (On) {
      const std::vector<std::string> &Below = Prefixes[Prefix.Lower].Standard;
      std::erase_if(Headers, [&](const SystemHeaderRoot &H) {
        return std::binary_search(Below.begin(), Below.end(), H.Path);
      });
      Extra = On->LoadArgs;
      Extra.insert(Extra.end(), {"-include-pch", On->PchPath});
    }
    std::optional<PrecompiledPrefix> Result;
    if (runContained(
            [&] {
              Result = buildPrecompiledPrefix(Args[Prefix.Representative], Command.Directory,
                                              Headers, C, Base + (C ? ".h" : ".hpp"),
                                              Base + ".pch", KeepTemplateBodies, Extra);
            },
            TimeLimit) != Contained::Finished) {
      abandon(Result);
      return false;
    }
    if (!Result)
      return false;
    if (On) {
      // A TU that loads it reads the lower prefix too, and what that was parsed from.
      mergeFilesRead(Result->Dependencies, On->Dependencies);
      mergeLookups(Result->Lookups, On->Lookups);
      Result->Searched.insert(Result->Searched.end(), On->Searched.begin(), On->Searched.end());
    }
    // What it looked for without a callback saying so counts too.
    addNamesLookedUp(Result->Searched, Result->Lookups, Search[Prefix.Representative]);
    Built[KeepTemplateBodies][P] = std::move(Result);
    return true;
  };
  // Whatever went wrong on the lower prefix, the prefix is built whole.
  if (!(Lower && Attempt(Lower)))
    Attempt(nullptr);
}

} // namespace contractcheck
