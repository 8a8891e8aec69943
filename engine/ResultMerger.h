// The reduce step: merges every unit's outcome, runs the global rules over the merged facts,
// drops duplicate findings (a header seen by many TUs, under any spelling of its path, reports
// once) and suppressed ones.
#pragma once

#include "Config.h"
#include "ContractMaps.h"
#include "DataFiles.h"
#include "FileIdentity.h"
#include "FileWarning.h"
#include "RuleProblem.h"
#include "SourceFiles.h"
#include "TUOutcome.h"

#include <functional>
#include <map>

namespace contractcheck {

struct RunReport {
  std::vector<Finding> Findings; // unique, unsuppressed, in findingLess order
  std::vector<TUOutcome> Failures; // units not analysed, with their errors
  std::vector<RuleProblem> Problems; // global rules' problems with their settings and inputs
  size_t TranslationUnits = 0;
  size_t FromStore = 0; // TUs whose result came from the result store
  // TUs parsed with their system headers precompiled from the result store (StoredPrefixes.h)
  size_t PrefixesFromStore = 0;
  size_t Suppressed = 0;
  size_t Baselined = 0; // accepted by --baseline / recorded by --write-baseline
  // Entries of --baseline that no finding matched, in a run of the whole database in which every
  // TU was analysed (a run of some files, or one with a TU missing, cannot tell).
  size_t BaselineUnmatched = 0;
  size_t Excluded = 0; // TUs skipped by paths.exclude, not counted in TranslationUnits
  // Database entries after the first for a file analysed: not analysed (nor counted).
  size_t RepeatedEntries = 0;
  // Findings left out because a code generator wrote their file (paths.generated), and those
  // files with their generator.
  size_t InGeneratedCode = 0;
  std::map<std::string, std::string> GeneratedFiles;
  // The same for vendored copies of single-file libraries (paths.vendored), with their library.
  size_t InVendoredCode = 0;
  std::map<std::string, std::string> VendoredFiles;
  // Problems worth telling the user that are not findings, e.g. an unmatched BEGIN directive.
  std::vector<FileWarning> Warnings;
  // What the units read, with content hashes: for --fix and the output-path check.
  ReadFiles Read;
  // Who depends on each enum and who stands in for each service, as the rules saw them.
  ContractMaps Maps;
  std::map<std::string, size_t> findingsByRule() const;
  size_t analyzed() const;
};

// What the global phase runs with.
struct GlobalPhase {
  // The distinct configurations governing the analysed files: each global rule runs once per
  // configuration, and keeps the findings in the files that configuration governs.
  std::vector<const Config *> Configs;
  std::function<const Config &(const std::string &AbsolutePath)> ConfigFor;
  // False when facts cover only part of the codebase (see GlobalContext::factsAreComplete).
  bool FactsComplete = true;
  std::string WhyIncomplete; // see GlobalContext::whyFactsAreIncomplete; empty: the default
};

class ResultMerger {
public:
  ResultMerger(SourceFiles &Sources, DataFiles &Data) : Sources(Sources), Data(Data) {}

  // Governing: the configuration the unit was analysed under. Its findings take their severity
  // from it here, not at analysis: a stored result is the same whatever the severities, so
  // editing one re-parses nothing (the configuration's fingerprint leaves them out).
  void add(TUOutcome Outcome, const Config &Governing);
  // The facts of a unit this run did not analyse (a file subset), from the result store.
  void addFacts(std::vector<Fact> Facts);
  RunReport finish(const GlobalPhase &Phase);

private:
  // Every path in a finding, note or fix-it is replaced by the first spelling seen for its file.
  void fillOffset(SourcePosition &P);
  void canonicalize(Finding &F);

  void runGlobalRules(const GlobalPhase &Phase);
  // The maps' columns the per-TU parts emitted as facts, beside those global rules handed over.
  void collectMapFacts();
  // The generator that wrote the finding's file, when the finding is left out for it; else empty.
  // Why a finding is left out of the report: who wrote its file (a generator, a vendored
  // library) and the report's count and file list it goes to instead; no Count: reported.
  struct LeftOut {
    std::string_view Author;
    size_t *Count = nullptr;
    std::map<std::string, std::string> *Files = nullptr;
  };
  LeftOut leftOut(const Finding &F, const GlobalPhase &Phase);
  SourceFiles &Sources;
  DataFiles &Data;
  FileSpellings Spellings;
  FactStore Facts;
  std::vector<Finding> Findings;
  ContractMapBuilder Map;
  // Global rules' rewrites of their per-TU map columns (GlobalContext::reviseMapColumns).
  std::vector<std::pair<std::string, std::function<void(EnumConsumer &)>>> MapRevisions;
  RunReport Report;
};

} // namespace contractcheck
