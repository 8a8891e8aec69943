#include "rules/enum-table/ArrayCounts.h"

#include "rules/utils/EnumeratorUsesFact.h"
#include "ContractMap.h"
#include "RuleOptions.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

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

EnumTableGlobalRule::EnumTableGlobalRule(const RuleOptions &Options)
    : RangeMarkers(Options.getBool("range-markers")) {}

// With facts from part of the codebase only, the judgement is that of the TUs seen, as
// clang-tidy's is that of its one TU (docs: "Counts by use").
void EnumTableGlobalRule::run(GlobalContext &Context) {
  if (!RangeMarkers)
    return;
  std::vector<ArrayGapsFact> Arrays = Context.facts().all<ArrayGapsFact>();
  if (Arrays.empty())
    return;
  CodebaseEnumeratorUses Uses;
  for (const EnumeratorUsesFact &Fact : Context.facts().all<EnumeratorUsesFact>())
    Uses.add(Fact);
  using Key = std::tuple<std::string, unsigned, unsigned, std::string>;
  // The finding's new message; none: withdrawn.
  std::map<Key, std::optional<std::string>> Revised;
  auto Unlinked = std::make_shared<std::map<std::pair<std::string, unsigned>,
                                            std::set<std::string>>>();
  for (ArrayGapsFact &Array : Arrays) {
    std::vector<MissingSlot> Kept;
    std::set<std::string> Counts;
    for (MissingSlot &Slot : Array.Missing) {
      if (Uses.onlyCount(Slot.Usr) && !Slot.SizesTheArray)
        Counts.insert(Slot.Enumerator);
      else
        Kept.push_back(std::move(Slot));
    }
    if (Counts.empty())
      continue;
    (*Unlinked)[{Array.Where.File, Array.Where.Line}].insert(Counts.begin(), Counts.end());
    Key K{Array.Where.File, Array.Where.Line, Array.Where.Column, Array.Message};
    if (Kept.empty())
      Revised.emplace(K, std::nullopt);
    else
      Revised.emplace(K, missingSlotsMessage(Array.Head, Kept, Array.Size, slotsNeeded(Kept)));
  }
  if (Revised.empty())
    return;
  Context.reviseFindings([&](Finding &F) {
    auto It = Revised.find({F.Position.File, F.Position.Line, F.Position.Column, F.Message});
    if (It == Revised.end())
      return true;
    if (!It->second)
      return false;
    F.Message = *It->second;
    return true;
  });
  Context.reviseMapColumns([Unlinked](EnumConsumer &Column) {
    for (MapCell &Cell : Column.Cells) {
      auto It = Unlinked->find({Cell.FindingAt.File, Cell.FindingAt.Line});
      if (It != Unlinked->end() && It->second.contains(Cell.Row))
        Cell.FindingAt = {};
    }
  });
}

} // namespace contractcheck
