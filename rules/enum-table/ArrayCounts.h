// Counts an enum-indexed array has no slot for (chessx's `ConstPieceTypes`, the number of pieces:
// `QPixmap m_piece[ConstPieceTypes]`, `p < ConstPieceTypes`), whatever their name: an enumerator
// the project uses only as a bound or a size (EnumeratorUses.h), never as a value, is never an
// index. clang-tidy takes out what its TU so uses; the CLI records what each finding lacks and
// its global step asks every TU's uses. Clang-free: the global step reads the facts back.
#pragma once

#include "Facts.h"
#include "Finding.h"
#include "GlobalRule.h"
#include "JsonFields.h"

#include <cstdint>
#include <string>
#include <vector>

namespace contractcheck {

class RuleOptions;

// An enumerator an indexed array has no slot for, as the finding names it.
struct MissingSlot {
  std::string Usr;
  std::string Enumerator; // its bare name: its row in the enum map
  std::string Name;       // as the message spells it
  uint64_t Value = 0;     // zero-extended, as the array's slots are counted
  // The array's own dimension: whether that size is right is the question, not evidence that
  // the enumerator is a count (`const char *names[Phase::Drain]` read at Drain and Stop).
  bool SizesTheArray = false;
};
CONTRACTCHECK_JSON_FIELDS(MissingSlot, (Usr, "usr"), (Enumerator, "enumerator"), (Name, "name"),
                          (Value, "value"), (SizesTheArray, "sizes_the_array"))

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
  std::string key() const {
    return Where.File + ":" + std::to_string(Where.Line) + ":" + std::to_string(Where.Column);
  }
};
CONTRACTCHECK_JSON_FIELDS(ArrayGapsFact, (Where, "where"), (Message, "message"), (Head, "head"),
                          (Size, "size"), (Missing, "missing"))

// "<Head>has no entry for 2 enumerators: A, B (...)", with the slots they need when some lie
// past the array's end.
std::string missingSlotsMessage(const std::string &Head, const std::vector<MissingSlot> &Missing,
                                uint64_t Size, uint64_t Needed);
// The slots the missing values need: one past the greatest.
uint64_t slotsNeeded(const std::vector<MissingSlot> &Missing);
std::string plural(size_t N, const char *One, const char *Many);

class EnumTableGlobalRule : public GlobalRule {
public:
  explicit EnumTableGlobalRule(const RuleOptions &Options);
  void run(GlobalContext &Context) override;

private:
  const bool RangeMarkers;
};

} // namespace contractcheck
