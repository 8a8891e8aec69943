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

// With facts from part of the codebase only, the judgement is that of the TUs seen, as
// clang-tidy's is that of its one TU (docs: "Counts by use", "Values no call passes").
void EnumTableGlobalRule::run(GlobalContext &Context) {
  withdrawSharedOmissions(Context);
  if (!RangeMarkers && !PassedValues)
    return;
  using Key = std::tuple<std::string, unsigned, unsigned, std::string>;
  auto KeyOf = [](const SourcePosition &Where, const std::string &Message) {
    return Key{Where.File, Where.Line, Where.Column, Message};
  };
  std::map<Key, ArrayGapsFact> Arrays;
  for (ArrayGapsFact &Array : Context.facts().all<ArrayGapsFact>())
    Arrays.emplace(KeyOf(Array.Where, Array.Message), std::move(Array));
  if (Arrays.empty())
    return;
  // The enumerators (USRs) each finding need not list.
  std::map<Key, std::set<std::string>> Revisions;
  // Counts: enumerators some TU uses as a bound or a size and none as a value.
  if (RangeMarkers) {
    CodebaseEnumeratorUses Uses;
    for (const EnumeratorUsesFact &Fact : Context.facts().all<EnumeratorUsesFact>())
      Uses.add(Fact);
    for (const auto &[K, Array] : Arrays)
      for (const MissingSlot &Slot : Array.Missing)
        if (Uses.onlyCount(Slot.Usr) && !Slot.SizesTheArray)
          Revisions[K].insert(Slot.Usr);
  }
  // Reads at parameters: enumerators no call of their functions passes.
  if (PassedValues) {
    std::vector<ArrayHooksFact> Hooked = Context.facts().all<ArrayHooksFact>();
    PassedValueIndex Calls;
    if (!Hooked.empty()) {
      for (const ConstantCallFact &Call : Context.facts().all<ConstantCallFact>())
        Calls.add(Call);
      for (const FunctionRefsFact &Refs : Context.facts().all<FunctionRefsFact>())
        Calls.add(Refs);
    }
    // Each TU that reports a finding says what its own reads see: a value is unreached when it
    // is in none of them.
    std::map<Key, std::set<std::string>> Unreached;
    for (const ArrayHooksFact &Hooks : Hooked) {
      const Key K = KeyOf(Hooks.Where, Hooks.Message);
      auto Array = Arrays.find(K);
      if (Array == Arrays.end())
        continue;
      std::set<std::string> Here =
          unreachedSlots(Array->second.Missing, Hooks.Hooks, Hooks.Unhooked, Calls);
      auto [It, First] = Unreached.try_emplace(K, Here);
      if (!First)
        std::erase_if(It->second, [&](const std::string &Usr) { return !Here.contains(Usr); });
    }
    for (auto &[K, Usrs] : Unreached)
      if (!Usrs.empty())
        Revisions[K].merge(Usrs);
  }
  if (Revisions.empty())
    return;
  // The finding's new message; none: withdrawn.
  std::map<Key, std::optional<std::string>> Revised;
  // The engine keeps the map revision until it collects the columns, after this step.
  auto Unlinked = std::make_shared<std::map<std::pair<std::string, unsigned>,
                                            std::set<std::string>>>();
  for (auto &[K, Dropped] : Revisions) {
    ArrayGapsFact &Array = Arrays.at(K);
    std::vector<MissingSlot> Kept;
    for (MissingSlot &Slot : Array.Missing) {
      if (Dropped.contains(Slot.Usr))
        (*Unlinked)[{std::get<0>(K), std::get<1>(K)}].insert(Slot.Enumerator);
      else
        Kept.push_back(std::move(Slot));
    }
    if (Kept.empty())
      Revised.emplace(K, std::nullopt);
    else
      Revised.emplace(K, missingSlotsMessage(Array.Head, Kept, Array.Size, slotsNeeded(Kept)));
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
