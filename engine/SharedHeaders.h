// Parsing the system headers that several TUs include once for all of them: most of what a
// C++20 TU costs is its standard headers (their constexpr bodies cannot be skipped), and the
// same <map>, <string>, <vector> are parsed again for every TU of a code base.
//
// Before the TUs of a run are parsed, each is preprocessed (about a tenth of its parse) to find
// the system headers its own code includes and how many of them may move to its top
// (SystemHeaderRoots.h); TUs with the same compiler settings whose leading roots agree share a
// precompiled header of those roots, and each is parsed with it loaded (-include-pch), which
// means the same as its own text: the roots come first, as they would have, and a root's later
// #include finds its include guard already defined. A parse with the prefix that fails is
// repeated without it.
#pragma once

#include "CompilationDatabase.h"
#include "IncludeDirectories.h"
#include "PrecompiledPrefix.h"
#include "SharedPrefixPlan.h"
#include "StoredPrefixes.h"
#include "StoredScans.h"
#include "TranslationUnitAnalyzer.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace contractcheck {

// The builder's side of a TU whose scan a single-file run left to it (PrefixBuilder.h): scans
// it (or takes its stored scan) and builds and stores its own prefix, as the run would have.
void buildOwnStoredPrefix(const DeferredPrefix &TU, StoredPrefixes &Stored, StoredScans &Scans,
                          std::chrono::seconds Limit);

class SharedHeaders {
public:
  // Plans the prefixes for Commands, the TUs about to be parsed (none when the mode is Never).
  // Auto precompiles only a prefix at least two of them share; Always also one a single TU
  // begins with, which makes every TU go through this path (tests). A TU that shares its
  // compiler settings with no other (a hook's or an editor's one file) takes its own prefix from
  // Stored, when there is a result store (StoredPrefixes.h). Scans, when given, keeps each TU's
  // scan, taken instead of scanning again while what it was computed from is unchanged
  // (StoredScans.h).
  SharedHeaders(const std::vector<const CompileCommand *> &Commands,
                const AnalysisSettings &Settings, unsigned Workers,
                StoredPrefixes *Stored = nullptr, StoredScans *Scans = nullptr);
  ~SharedHeaders();
  SharedHeaders(const SharedHeaders &) = delete;
  SharedHeaders &operator=(const SharedHeaders &) = delete;

  // The prefix the I-th command's TU should load in a parse that skips template bodies or
  // keeps them, or null; the first call for a prefix builds it and the others wait for it.
  // Thread-safe.
  const PrecompiledPrefix *prefixFor(size_t I, bool KeepTemplateBodies);
  // Whether the I-th TU should parse once, with its prefix that keeps template bodies, and
  // decide at the end of the TU whether the library's instantiations are needed
  // (ParseStart::DecideAtEnd): when that prefix is there for a TU sharing it that needed
  // them. Otherwise the parse that skips template bodies costs less (its prefix is cheaper to
  // build, to load and to finish: no instantiation it left pending is looked at), and most TUs
  // need no second parse.
  bool decidesAtEnd(size_t I) const;
  // The I-th TU will keep template bodies from the start (a previous analysis needed them, as
  // its stale stored result or the language server says): so will the TUs sharing its prefix,
  // from the first of them parsed, instead of the ones parsed before it building the prefix
  // that skips them and finding out again. Call before the TUs are parsed.
  void keepsTemplateBodies(size_t I);
  // The scan of the I-th TU that its prefix was planned from, or null.
  const SystemHeaderRoots *scanOf(size_t I) const {
    return I < Roots.size() && Roots[I].Preprocessed ? &Roots[I] : nullptr;
  }
  // The I-th TU failed to parse with Prefix and parsed without it.
  void rejected(size_t I, const PrecompiledPrefix *Prefix);
  // Roughly what parsing the I-th TU costs with its prefix loaded: the tokens its scan lexed
  // outside the prefix, and in it too for the TU that represents the prefix and will build it
  // (the most there is when it was not scanned). Parsing the costliest first keeps every worker busy to the end
  // instead of leaving one TU to finish alone.
  size_t estimatedCost(size_t I) const;
  // The scan of the I-th TU's system headers (a preprocessing of it) took longer than the
  // run's --tu-timeout: its parse would too, so it is reported as timed out unparsed.
  bool scanTimedOut(size_t I) const { return I < ScanTimedOut.size() && ScanTimedOut[I]; }

private:
  void build(size_t Prefix, bool KeepTemplateBodies);
  // Prefix, built with the include directories of the TU that represents it, as the I-th TU
  // loads it: itself when the TU's command is the same; when only its include directories
  // differ, a copy whose lookups add those that prove the TU finds every file of it where it
  // was found (searchesAgree), or nothing when they do not.
  const PrecompiledPrefix *asLoadedBy(size_t I, const PrecompiledPrefix &Prefix,
                                      size_t Representative, std::optional<PrecompiledPrefix> &Copy);

  std::vector<const CompileCommand *> Commands;
  std::vector<std::vector<std::string>> Args; // each command without its main file
  // Each command without its main file, and without its warning flags when they change nothing
  // (WarningFlags.h): what TUs sharing a prefix agree on.
  std::vector<std::vector<std::string>> Key;
  std::vector<SystemHeaderRoots> Roots;
  std::vector<SharedPrefix> Prefixes;
  std::string Directory; // temporary, removed with this object or by a signal (OwnedTemporaries)
  // [0]: for the parse that skips template bodies, [1]: for the one that keeps them.
  std::vector<std::optional<PrecompiledPrefix>> Built[2];
  std::unique_ptr<std::once_flag[]> BuildOnce[2];
  // Per prefix: a TU sharing it asked for it keeping template bodies.
  std::unique_ptr<std::atomic<bool>[]> KeepsTemplates;
  std::vector<size_t> PrefixOf;
  std::vector<char> ScanTimedOut;
  std::chrono::seconds TimeLimit;
  StoredPrefixes *Stored;
  std::vector<std::vector<SystemHeaderRoot>> OwnPrefix; // per TU: what its stored prefix holds
  // Per TU alone: its scan is not stored, and is left to the builder with its prefix.
  std::vector<bool> Deferred;
  std::vector<std::vector<std::string>> FullCommands; // each TU's whole analysis command
  // Per TU: its include directories, and the copy of its prefix it loads when they are not
  // those the prefix was built with ([0] skips template bodies, [1] keeps them).
  std::vector<std::vector<IncludeDirectory>> Search;
  std::vector<std::optional<PrecompiledPrefix>> LoadedCopy[2];
  std::vector<char> Refused; // per TU: its include directories may find another file than its prefix's
};

} // namespace contractcheck
