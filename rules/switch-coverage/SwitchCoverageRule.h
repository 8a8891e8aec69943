// contract-switch-coverage: a switch over an enum whose `default:` swallows enumerators the
// switch never names. See docs/rules/contract-switch-coverage.md.
#pragma once

#include "rules/switch-coverage/CallerDefaults.h"
#include "rules/switch-coverage/EnclosingBodies.h"
#include "rules/switch-coverage/FlagEnums.h"
#include "rules/utils/PassedValues.h"
#include "rules/utils/EnumeratorUses.h"
#include "rules/switch-coverage/RangeMarkerFacts.h"
#include "ContractMap.h"
#include "Glob.h"
#include "Rule.h"
#include "rules/utils/Sentinels.h"

#include <llvm/ADT/SmallPtrSet.h>

#include <optional>
#include <set>
#include <string>
#include <utility>

namespace clang {
class DefaultStmt;
class EnumConstantDecl;
class EnumDecl;
class HeaderSearch;
class SwitchStmt;
} // namespace clang

namespace contractcheck {

struct CaseRange;
struct HeldValue;

class SwitchCoverageRule : public Rule {
public:
  explicit SwitchCoverageRule(RuleContext &Context);

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // Findings wait for the end of the TU: what says an enum is a set of flags (its QFlags, its
  // operator|, its values OR-ed together) may come after the switch.
  void onEndOfTranslationUnit() override;
  // A switch whose condition or labels depend on a template parameter is judged in each
  // instantiation.
  bool needsInstantiations(const SkippedInstantiations &Skipped) const override;
  // Keeps the TU's header search: which include directory each header was found in.
  void registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;

private:
  const std::vector<Glob> Enums;
  const SentinelPolicy Sentinels;
  const bool ReportWithoutDefault;
  const unsigned MinCoveragePercent;
  const unsigned ConverterCoveragePercent;
  const std::vector<std::string> CatchAllWords;
  const bool NeutralZero;
  const bool ReportRefusingDefault;
  const bool ReportDelegatingDefault;
  const bool ReportCatchAllDefault;
  const bool ReportSharedDefault;
  const bool ReportGroupedNames;
  const bool ReportNamedDefault;
  const bool ReportSystemEnums;
  const clang::HeaderSearch *Headers = nullptr;
  const bool History;
  const bool HistorySameCommit;
  const bool HistoryRevisited;
  const bool HistoryRenames;
  const bool SkipFlags;
  const bool RangeMarkers;
  const bool CallerDefaults;
  const bool JudgePassedValues;
  const bool UnproducedValues;
  FlagUses Flags;
  SharedAnalysis<EnumeratorUses> Uses; // the TU's, for range markers and unproduced values
  DefaultCalls Callers; // also every reference to a function, for passed-values
  PassedValues Passed;
  std::optional<CallerIndex> CallersInTU; // clang-tidy's, built at the end of the TU
  const clang::ASTContext *TU = nullptr;
  EnclosingBodies Bodies;
  struct Pending {
    const clang::SwitchStmt *Switch;
    const clang::DefaultStmt *Default;
    const clang::EnumDecl *Enum;
    std::vector<const clang::EnumConstantDecl *> Missing;
    clang::SourceLocation Loc;
    bool Instantiated;
    const clang::ASTContext *Ctx;
    // Kept because history could not date a line (older than a shallow clone's history).
    bool BeforeShallowHistory = false;
    // A switch on a parameter: what reaches it comes from these callees' calls.
    std::optional<SwitchHookFact> Hook;
    // A name table over a cast of its enum (`switch (static_cast<int>(kind))`).
    bool ThroughCast = false;
  };
  std::vector<Pending> Findings;
  void report(const Pending &Finding);
  void emitHidden(const Pending &Finding, const std::string &Message,
                  const std::vector<std::string> &Names, const std::vector<std::string> &Labels,
                  const std::optional<std::string> &Separator);
  void keepNewerThanLabels(Pending &Finding);
  // A name table's default that names the one enumerator it takes (NamingDefault.h), written
  // when that enumerator existed.
  bool namedByItsDefault(const Pending &Finding) const;
  void takeOutFilteredByCallers(Pending &Finding);
  // unproduced-values, from this TU's uses: the hidden enumerators it never gives as values
  // (none when it makes the enum's values from something else, or the enum is a library's),
  // and the named ones it never gives.
  struct UnproducedInTU {
    std::vector<const clang::EnumConstantDecl *> Hidden, Named;
    bool LocalEnum = false;
  };
  UnproducedInTU unproducedInTU(const Pending &Finding) const;
  void markDrift(const Pending &Finding);
  // Every judged switch, for the report's enum map; emitted at the end of the TU, once drift
  // is known.
  struct MappedSwitch {
    const clang::EnumDecl *Enum;
    clang::SourceLocation Loc;
    EnumConsumer Consumer;
  };
  std::vector<MappedSwitch> Consumers;
  std::set<std::pair<unsigned, const void *>> Mapped;
  void mapSwitch(const clang::SwitchStmt &Switch, const clang::EnumDecl &Enum, bool HasDefault,
                 const std::vector<CaseRange> &Ranges,
                 const std::vector<HeldValue> &Held, const clang::ASTContext &Ctx);
  // A switch in a template is seen once per instantiation; it is judged once per enum.
  std::set<std::pair<unsigned, const void *>> Reported;
  // Switches spelled in source seen by the first matcher, until the second one sees them.
  llvm::SmallPtrSet<const clang::SwitchStmt *, 8> SpelledInSource;
};

} // namespace contractcheck
