#include "rules/enum-table/MissingSlots.h"

#include <algorithm>

namespace contractcheck {

std::string plural(size_t N, const char *One, const char *Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many);
}

uint64_t slotsNeeded(const std::vector<MissingSlot> &Missing) {
  uint64_t Needed = 0;
  for (const MissingSlot &Slot : Missing)
    Needed = std::max(Needed, Slot.Value + 1);
  return Needed;
}

std::string missingSlotsMessage(const std::string &Head, const std::vector<MissingSlot> &Missing,
                                uint64_t Size, uint64_t Needed) {
  std::string List;
  bool PastTheEnd = false;
  for (const MissingSlot &Slot : Missing) {
    List += (List.empty() ? "" : ", ") + Slot.Name;
    PastTheEnd = PastTheEnd || Slot.Value >= Size;
  }
  std::string Message = Head + "has no entry for " +
                        plural(Missing.size(), "enumerator", "enumerators") + ": " + List;
  if (PastTheEnd)
    return Message + " (it has " + plural(Size, "slot", "slots") + ", " + std::to_string(Needed) +
           " needed: reading them reads past its end)";
  return Message + " (the initializer leaves their slots empty)";
}

} // namespace contractcheck
