// The enumerators an enum-indexed array has no slot for, as its finding names them: the words of
// the finding, shared by the per-TU check and the CLI's global step, which rewrites a finding
// without the counts it finds across the codebase (ArrayCounts.h). Clang-free.
#pragma once

#include "JsonFields.h"

#include <cstdint>
#include <string>
#include <vector>

namespace contractcheck {

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

// "<Head>has no entry for 2 enumerators: A, B (...)", with the slots they need when some lie
// past the array's end.
std::string missingSlotsMessage(const std::string &Head, const std::vector<MissingSlot> &Missing,
                                uint64_t Size, uint64_t Needed);
// The slots the missing values need: one past the greatest.
uint64_t slotsNeeded(const std::vector<MissingSlot> &Missing);
// "1 slot", "3 slots".
std::string plural(size_t N, const char *One, const char *Many);

} // namespace contractcheck
