#include "rules/enum-table/ArrayCounts.h"

#include "rules/enum-table/MissingSlots.h"
#include "rules/enum-table/ParameterReads.h"
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
    : RangeMarkers(Options.getBool("range-markers")),
      PassedValues(Options.getBool("passed-values")) {}

namespace {

// A finding on an indexed array, as its facts describe it, and the enumerators the codebase
// shows it need not list.
struct ArrayRevision {
  std::string Head;
  uint64_t Size = 0;
  std::vector<MissingSlot> Missing;
  std::set<std::string> Dropped; // USRs
};

} // namespace

// With facts from part of the codebase only, the judgement is that of the TUs seen, as
// clang-tidy's is that of its one TU (docs: "Counts by use", "Reads at parameters").
void EnumTableGlobalRule::run(GlobalContext &Context) {
  withdrawSharedOmissions(Context);
  using Key = std::tuple<std::string, unsigned, unsigned, std::string>;
  std::map<Key, ArrayRevision> Revisions;
  auto RevisionOf = [&](const SourcePosition &Where, const std::string &Message,
                        const std::string &Head, uint64_t Size,
                        const std::vector<MissingSlot> &Missing) -> ArrayRevision & {
    auto [It, New] = Revisions.try_emplace(Key{Where.File, Where.Line, Where.Column, Message});
    if (New)
      It->second = {Head, Size, Missing, {}};
    return It->second;
  };
  // Counts: enumerators some TU uses as a bound or a size and none as a value.
  if (RangeMarkers) {
    std::vector<ArrayGapsFact> Arrays = Context.facts().all<ArrayGapsFact>();
    CodebaseEnumeratorUses Uses;
    if (!Arrays.empty())
      for (const EnumeratorUsesFact &Fact : Context.facts().all<EnumeratorUsesFact>())
        Uses.add(Fact);
    for (const ArrayGapsFact &Array : Arrays) {
      std::set<std::string> Counts;
      for (const MissingSlot &Slot : Array.Missing)
        if (Uses.onlyCount(Slot.Usr) && !Slot.SizesTheArray)
          Counts.insert(Slot.Usr);
      if (!Counts.empty())
        RevisionOf(Array.Where, Array.Message, Array.Head, Array.Size, Array.Missing)
            .Dropped.merge(Counts);
    }
  }
  // Reads at parameters: enumerators no call of their functions passes.
  if (PassedValues) {
    std::vector<ArrayHooksFact> Arrays = Context.facts().all<ArrayHooksFact>();
    PassedValueIndex Calls;
    if (!Arrays.empty()) {
      for (const ConstantCallFact &Call : Context.facts().all<ConstantCallFact>())
        Calls.add(Call);
      for (const FunctionRefsFact &Refs : Context.facts().all<FunctionRefsFact>())
        Calls.add(Refs);
    }
    for (const ArrayHooksFact &Array : Arrays) {
      std::set<std::string> Unreached =
          unreachedSlots(Array.Missing, Array.Hooks, Array.Unhooked, Calls);
      if (!Unreached.empty())
        RevisionOf(Array.Where, Array.Message, Array.Head, Array.Size, Array.Missing)
            .Dropped.merge(Unreached);
    }
  }
  if (Revisions.empty())
    return;
  // The finding's new message; none: withdrawn.
  std::map<Key, std::optional<std::string>> Revised;
  // The engine keeps the map revision until it collects the columns, after this step.
  auto Unlinked = std::make_shared<std::map<std::pair<std::string, unsigned>,
                                            std::set<std::string>>>();
  for (auto &[K, Revision] : Revisions) {
    std::vector<MissingSlot> Kept;
    for (MissingSlot &Slot : Revision.Missing) {
      if (Revision.Dropped.contains(Slot.Usr))
        (*Unlinked)[{std::get<0>(K), std::get<1>(K)}].insert(Slot.Enumerator);
      else
        Kept.push_back(std::move(Slot));
    }
    if (Kept.empty())
      Revised.emplace(K, std::nullopt);
    else
      Revised.emplace(K, missingSlotsMessage(Revision.Head, Kept, Revision.Size, slotsNeeded(Kept)));
  }
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
