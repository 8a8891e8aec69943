#include "rules/enum-table/ArrayCounts.h"

#include "rules/enum-table/MissingSlots.h"
#include "rules/enum-table/SharedOmissions.h"
#include "rules/utils/EnumeratorUsesFact.h"
#include "ContractMap.h"
#include "RuleOptions.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

namespace contractcheck {

EnumTableGlobalRule::EnumTableGlobalRule(const RuleOptions &Options)
    : RangeMarkers(Options.getBool("range-markers")) {}

// With facts from part of the codebase only, the judgement is that of the TUs seen, as
// clang-tidy's is that of its one TU (docs: "Counts by use").
void EnumTableGlobalRule::run(GlobalContext &Context) {
  withdrawSharedOmissions(Context);
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
  // The engine keeps the map revision until it collects the columns, after this step.
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
