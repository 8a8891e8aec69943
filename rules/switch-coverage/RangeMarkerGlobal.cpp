#include "rules/switch-coverage/RangeMarkerGlobal.h"

#include "rules/switch-coverage/CallerDefaultFacts.h"
#include "rules/switch-coverage/HiddenEnumeratorsText.h"
#include "rules/switch-coverage/RangeMarkerFacts.h"
#include "RuleOptions.h"

#include "ContractMap.h"

#include <llvm/ADT/STLExtras.h>

#include <map>
#include <memory>
#include <set>
#include <tuple>

namespace contractcheck {

namespace {

// What a finding becomes without the range markers it listed and the values its callers
// filtered; nothing left: withdrawn.
struct Revision {
  std::vector<HiddenEnumerator> Kept;
  std::set<std::string> Dropped; // bare names: the map's rows no longer linked to it
  std::string EnumName;
  bool HasDefault = true;
};

using FindingKey = std::tuple<std::string, unsigned, unsigned, std::string>;

FindingKey keyOf(const SourcePosition &Where, const std::string &Message) {
  return {Where.File, Where.Line, Where.Column, Message};
}

void rewrite(Finding &F, const Revision &R) {
  std::vector<std::string> Names, Labels;
  std::string Inserted;
  for (const HiddenEnumerator &H : R.Kept) {
    Names.push_back(H.Name);
    Labels.push_back(H.Label);
    Inserted += H.Insertion;
  }
  F.Message = hiddenEnumeratorsMessage(R.EnumName, R.HasDefault, Names);
  // The per-TU fix-it is one insertion of every label before `default:`.
  if (F.Fixes.size() == 1) {
    F.Fixes.front().Replacement = Inserted;
    F.FixDescription = addCasesTitle(Labels);
  }
}

} // namespace

SwitchCoverageGlobalRule::SwitchCoverageGlobalRule(const RuleOptions &Options)
    : RangeMarkers(Options.getBool("range-markers")),
      CallerDefaults(Options.getBool("caller-defaults")),
      PassedValues(Options.getBool("passed-values")),
      UnproducedValues(Options.getBool("unproduced-values")) {}

// With facts from part of the codebase only (an editor's buffer, a subset without stored facts)
// the judgement is that of the TUs seen, as clang-tidy's is that of its one TU: a value use in
// a TU not analysed cannot keep an enumerator in, nor a call there a hook's values (docs: "Range
// markers across translation units", "Values the callers dispatched").
void SwitchCoverageGlobalRule::run(GlobalContext &Context) {
  if (!RangeMarkers && !CallerDefaults && !PassedValues && !UnproducedValues)
    return;
  std::vector<SwitchHiddenFact> Switches = Context.facts().all<SwitchHiddenFact>();
  if (Switches.empty())
    return;
  CodebaseEnumeratorUses Uses;
  if (RangeMarkers || UnproducedValues)
    for (const EnumeratorUsesFact &Fact : Context.facts().all<EnumeratorUsesFact>())
      Uses.add(Fact);
  // What every caller of a hook filtered, by the hook's finding; and what reaches it, where
  // passed-values says.
  std::map<FindingKey, std::set<std::string>> Filtered;
  std::map<FindingKey, std::set<std::string>> Reaching;
  if (CallerDefaults || PassedValues) {
    std::vector<SwitchHookFact> Hooks = Context.facts().all<SwitchHookFact>();
    if (!Hooks.empty()) {
      CallerIndex Callers;
      for (const DefaultCallFact &Call : Context.facts().all<DefaultCallFact>())
        Callers.add(Call);
      for (const FunctionRefsFact &Refs : Context.facts().all<FunctionRefsFact>())
        Callers.add(Refs);
      for (const ConstantCallFact &Call : Context.facts().all<ConstantCallFact>())
        Callers.add(Call);
      for (const ReturnedValuesFact &Returns : Context.facts().all<ReturnedValuesFact>())
        Callers.add(Returns);
      for (const SwitchHookFact &Hook : Hooks) {
        if (CallerDefaults)
          if (std::set<std::string> Out = Callers.filteredForEveryCall(Hook); !Out.empty())
            Filtered[keyOf(Hook.Where, Hook.Message)].merge(Out);
        if (PassedValues)
          if (std::optional<std::set<std::string>> In = Callers.reachingValues(Hook))
            Reaching[keyOf(Hook.Where, Hook.Message)] = std::move(*In);
      }
    }
  }
  std::map<FindingKey, Revision> Revisions;
  // The map's switch columns, by where the switch is (their cells name no message); kept until
  // the engine collects the columns, after this step.
  auto Unlinked = std::make_shared<std::map<std::tuple<std::string, unsigned, unsigned>,
                                            std::set<std::string>>>();
  for (SwitchHiddenFact &Switch : Switches) {
    Revision R{{}, {}, Switch.EnumName, Switch.HasDefault};
    auto ByCallers = Filtered.find(keyOf(Switch.Where, Switch.Message));
    auto Reached = Reaching.find(keyOf(Switch.Where, Switch.Message));
    // An enumerator no TU gives as a value, of an enum no TU makes from anything else, is no
    // value the switch is given; judged only when every enumerator the switch names is given
    // somewhere (a switch naming values nobody gives is a table of the whole enum), and only
    // from every TU's facts, or from the one TU that declares the enum.
    const bool JudgeUnproduced =
        UnproducedValues && !Switch.Unproduced.empty() && !Switch.EnumUsr.empty() &&
        (Switch.LocalEnum || Context.factsAreComplete()) && !Uses.made(Switch.EnumUsr) &&
        llvm::all_of(Switch.NamedUnproduced,
                     [&](const std::string &Usr) { return Uses.produced(Usr); });
    auto Unproduced = [&](const std::string &Usr) {
      return JudgeUnproduced && llvm::is_contained(Switch.Unproduced, Usr) &&
             !Uses.produced(Usr);
    };
    // A count by its uses: placed where a count stands, sizing an array or bounding a loop in
    // some TU (mumble's VoiceRecorderDialog.cpp), given as a value in none.
    auto Count = [&](const std::string &Usr) {
      return RangeMarkers && llvm::is_contained(Switch.CountPlaced, Usr) &&
             Uses.countNeverGiven(Usr);
    };
    for (HiddenEnumerator &H : Switch.Hidden) {
      if ((RangeMarkers && Uses.onlyBound(H.Usr)) || Count(H.Usr) || Unproduced(H.Usr) ||
          (ByCallers != Filtered.end() && ByCallers->second.contains(H.Usr)) ||
          (Reached != Reaching.end() && !Reached->second.contains(H.Usr)))
        R.Dropped.insert(H.Enumerator);
      else
        R.Kept.push_back(std::move(H));
    }
    if (R.Dropped.empty())
      continue;
    (*Unlinked)[{Switch.Where.File, Switch.Where.Line, Switch.Where.Column}].insert(
        R.Dropped.begin(), R.Dropped.end());
    Revisions.emplace(keyOf(Switch.Where, Switch.Message), std::move(R));
  }
  if (Revisions.empty())
    return;
  Context.reviseFindings([&](Finding &F) {
    auto It = Revisions.find(keyOf(F.Position, F.Message));
    if (It == Revisions.end())
      return true;
    if (It->second.Kept.empty())
      return false;
    rewrite(F, It->second);
    return true;
  });
  Context.reviseMapColumns([Unlinked](EnumConsumer &Column) {
    auto It = Unlinked->find({Column.At.File, Column.At.Line, Column.At.Column});
    if (It == Unlinked->end())
      return;
    for (MapCell &Cell : Column.Cells)
      if (It->second.contains(Cell.Row) && Cell.FindingAt.File == Column.At.File &&
          Cell.FindingAt.Line == Column.At.Line)
        Cell.FindingAt = {};
  });
}

} // namespace contractcheck
