// contract-enum-table: a table meant to map every enumerator of an enum (a to/from-string map,
// NLOHMANN_JSON_SERIALIZE_ENUM, an enum-indexed name array) that misses one or lists one twice.
// See docs/rules/contract-enum-table.md.
#pragma once

#include "Glob.h"
#include "ContractMap.h"
#include "Rule.h"
#include "rules/enum-table/IndexedArrays.h"
#include "rules/enum-table/TotalityEvidence.h"
#include "rules/utils/DriftHistory.h"
#include "rules/utils/EnumeratorUses.h"
#include "rules/utils/FunctionRefs.h"
#include "rules/utils/PassedValues.h"
#include "rules/utils/Sentinels.h"

#include <optional>
#include <set>

namespace clang {
class VarDecl;
class EnumDecl;
class Expr;
class EnumConstantDecl;
class ASTContext;
class SourceManager;
class FunctionDecl;
class HeaderSearch;
} // namespace clang

namespace contractcheck {

struct KeyedTable;
struct HeldValue;

class EnumTableRule : public Rule {
public:
  explicit EnumTableRule(RuleContext &Context);

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // A table indexed with what depends on a template parameter is indexed by an enum only in
  // an instantiation.
  bool needsInstantiations(const SkippedInstantiations &Skipped) const override;
  void onEndOfTranslationUnit() override;
  // Keeps the TU's header search: which include directory each header was found in.
  void registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;

private:
  void checkKeyedTable(const clang::VarDecl &Var,
                       const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void checkIndexedArray(const clang::VarDecl &Var, const clang::Expr &Index,
                         const clang::ast_matchers::MatchFinder::MatchResult &Result);
  // Judges an array as indexed by Enum: Index is the read that bound it, null when its
  // dimension, SizedBy, the enum's count, did (CountSizedArrays.h).
  void judgeArray(const clang::VarDecl &Var, const clang::Expr *Index, const clang::EnumDecl &Enum,
                  const std::vector<HeldValue> &Held, clang::ASTContext &Ctx,
                  const clang::EnumConstantDecl *SizedBy = nullptr);
  void checkCountSizedArrays();
  void reportIndexedArray(const clang::VarDecl &Var, const clang::Expr *Index,
                          const clang::EnumConstantDecl *SizedBy, const clang::EnumDecl &Enum,
                          const ArrayGaps &Gaps, const clang::ASTContext &Ctx);
  bool namesATableCatchAll(const clang::EnumConstantDecl &E) const;
  void dropOutOfRangeMarkers(ArrayGaps &Gaps, const std::vector<HeldValue> &Held,
                             const std::vector<const clang::EnumConstantDecl *> &SteppedOver,
                             const clang::VarDecl &Var, const clang::ASTContext &Ctx) const;
  void reportDuplicates(const clang::VarDecl &Var, const KeyedTable &Table, bool Missing,
                        const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void checkParserChain(const clang::FunctionDecl &Parser,
                        const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void noteEnum(const clang::EnumDecl &Enum);
  std::vector<const clang::EnumConstantDecl *>
  newerThanEntries(llvm::ArrayRef<Handler> Entries,
                   const std::vector<const clang::EnumConstantDecl *> &Missing,
                   const clang::SourceManager &SM) const;

  const std::vector<Glob> Enums;
  const SentinelPolicy Sentinels;
  const TotalityPolicy Totality;
  const std::vector<std::string> CatchAllWords;
  // An array of records in which one key keys this many entries is a list (0: never).
  const unsigned ListRepeats;
  // Entries in preprocessor branches this build skipped count as written.
  const bool SkippedEntries;
  // A last enumerator used only in `+`/`-` is an offset, not a row.
  const bool OffsetEnumerators;
  // In a git work tree, only enumerators added after every entry was written are reported.
  const bool History;
  // A static_assert ties the table's size to its enum (SizeAsserts.h).
  const bool SizeAsserts;
  // An enumerator used only as a bound or a size is no slot an indexed array needs
  // (ArrayCounts.h).
  const bool RangeMarkers;
  // The enumerators the enum's own operator++ steps over need no slot in an indexed array
  // (SteppedRuns.h).
  const bool IncrementRuns;
  const bool ReportSystemEnums;
  // An array read at a parameter needs slots only for what the calls pass (ParameterReads.h).
  const bool JudgePassedValues;
  FunctionRefs CallRefs;
  PassedValues CallValues;
  std::optional<PassedValueIndex> CallsInTU; // clang-tidy's, built at the end of the TU
  // Takes out of Gaps the missing values this TU's calls never pass to its reads at parameters.
  void dropUnreachedInTU(ArrayGaps &Gaps, const clang::VarDecl &Var);
  // Which reads that may see a missing value are at parameters (ParameterReads.h).
  void hookReads(ArrayGaps &Gaps, const clang::EnumDecl &Enum, const clang::ASTContext &Ctx) const;
  const clang::HeaderSearch *Headers = nullptr;
  // A table is judged once, however often it is indexed.
  std::set<const clang::VarDecl *> Judged;
  // Indexed arrays with missing slots wait for the end of the TU, when its uses are known.
  struct PendingArray {
    const clang::VarDecl *Var;
    const clang::Expr *Index; // null: bound by its dimension, SizedBy
    const clang::EnumConstantDecl *SizedBy;
    const clang::EnumDecl *Enum;
    ArrayGaps Gaps;
  };
  std::vector<PendingArray> Pending;
  // Arrays whose dimension is their enum's count, judged at the end of the TU unless a read by
  // the enum judged them (CountSizedArrays.h).
  std::vector<std::pair<const clang::VarDecl *, const clang::EnumConstantDecl *>> CountSized;
  // Maps and arrays of pairs with missing enumerators wait for the end of the TU too, when its
  // other tables of the enum are known (SharedOmissions.h); the columns of every table judged.
  struct PendingTable {
    clang::SourceLocation At;
    std::string Message;
    const clang::EnumDecl *Enum;
    size_t Column; // in TableColumns
  };
  std::vector<PendingTable> PendingTables;
  std::vector<EnumConsumer> TableColumns;
  SharedAnalysis<EnumeratorUses> Uses; // the TU's, when range markers are asked for
  // The TU being checked, from its first match until its end.
  clang::ASTContext *TU = nullptr;
};

} // namespace contractcheck
