// Counts an enum-indexed array has no slot for (chessx's `ConstPieceTypes`, the number of pieces:
// `QPixmap m_piece[ConstPieceTypes]`, `p < ConstPieceTypes`), whatever their name: an enumerator
// the project uses only as a bound or a size (EnumeratorUses.h), never as a value, is never an
// index. clang-tidy takes out what its TU so uses; the CLI records what each finding lacks and
// its global step asks every TU's uses. The same step takes out the values no call passes to an
// array's reads at parameters (ParameterReads.h). Clang-free: it reads the facts back.
#pragma once

#include "Facts.h"
#include "Finding.h"
#include "GlobalRule.h"
#include "JsonFields.h"
#include "PositionKey.h"
#include "rules/enum-table/MissingSlots.h"

#include <cstdint>
#include <string>
#include <vector>

namespace contractcheck {

class RuleOptions;

// A reported indexed array whose missing enumerators this TU never uses as values: the global
// step may find some of them counts, across the codebase, and rewrite the finding without them.
struct ArrayGapsFact {
  static constexpr std::string_view Kind = "array-gaps";
  static constexpr unsigned Version = 1;
  SourcePosition Where;
  std::string Message;
  std::string Head; // "array 'a' is indexed by 'E' but "
  uint64_t Size = 0;
  std::vector<MissingSlot> Missing;
  std::string key() const { return positionKey(Where); }
};
CONTRACTCHECK_JSON_FIELDS(ArrayGapsFact, (Where, "where"), (Message, "message"), (Head, "head"),
                          (Size, "size"), (Missing, "missing"))

class EnumTableGlobalRule : public GlobalRule {
public:
  explicit EnumTableGlobalRule(const RuleOptions &Options);
  void run(GlobalContext &Context) override;

private:
  const bool RangeMarkers;
  const bool PassedValues; // reads at parameters (ParameterReads.h)
};

} // namespace contractcheck
