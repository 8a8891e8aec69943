#include "rules/switch-coverage/CallerDefaultFacts.h"

#include <algorithm>
#include <iterator>

namespace contractcheck {

void CallerIndex::add(const DefaultCallFact &Call) { CallsByCallee[Call.Callee].push_back(Call); }

void CallerIndex::add(const FunctionRefsFact &Refs) {
  Referenced.insert(Refs.Functions.begin(), Refs.Functions.end());
}

void CallerIndex::add(const ConstantCallFact &Call) {
  ConstantCallsByCallee[Call.Callee].push_back(Call);
}

void CallerIndex::add(const ReturnedValuesFact &Returned) { Returns[Returned.Function] = Returned; }

std::set<std::string> CallerIndex::filteredForEveryCall(const SwitchHookFact &Hook) const {
  std::optional<std::set<std::string>> Common;
  for (const std::string &Callee : Hook.Callees) {
    // A call passing constants is made from no default (or its values are not the switched one).
    if (Referenced.contains(Callee) || ConstantCallsByCallee.contains(Callee))
      return {};
    auto It = CallsByCallee.find(Callee);
    if (It == CallsByCallee.end())
      continue;
    for (const DefaultCallFact &Call : It->second) {
      if (Call.Argument != Hook.Parameter)
        return {};
      std::set<std::string> Filtered(Call.Filtered.begin(), Call.Filtered.end());
      if (!Common) {
        Common = std::move(Filtered);
        continue;
      }
      std::set<std::string> Both;
      std::set_intersection(Common->begin(), Common->end(), Filtered.begin(), Filtered.end(),
                            std::inserter(Both, Both.end()));
      Common = std::move(Both);
    }
  }
  return Common ? *Common : std::set<std::string>();
}

std::optional<std::set<std::string>>
CallerIndex::passedByEveryCall(const SwitchHookFact &Hook) const {
  std::set<std::string> Passed;
  bool Called = false;
  for (const std::string &Callee : Hook.Callees) {
    if (Referenced.contains(Callee) || CallsByCallee.contains(Callee))
      return std::nullopt;
    auto It = ConstantCallsByCallee.find(Callee);
    if (It == ConstantCallsByCallee.end())
      continue;
    for (const ConstantCallFact &Call : It->second) {
      const auto Argument = std::find_if(
          Call.Arguments.begin(), Call.Arguments.end(),
          [&](const PassedArgument &A) { return A.Index == Hook.Parameter; });
      if (Argument == Call.Arguments.end() || Argument->Enum != Hook.Enum)
        return std::nullopt;
      Passed.insert(Argument->Values.begin(), Argument->Values.end());
      Called = true;
    }
  }
  if (!Called)
    return std::nullopt;
  return Passed;
}

std::optional<std::set<std::string>> CallerIndex::reachingValues(const SwitchHookFact &Hook) const {
  if (Hook.Enum.empty())
    return std::nullopt;
  std::optional<std::set<std::string>> Reaching;
  if (!Hook.Returner.empty()) {
    auto It = Returns.find(Hook.Returner);
    if (It != Returns.end() && It->second.Enum == Hook.Enum)
      Reaching.emplace(It->second.Values.begin(), It->second.Values.end());
  } else if (!Hook.Callees.empty()) {
    Reaching = passedByEveryCall(Hook);
  }
  if (Reaching && !std::all_of(Hook.Named.begin(), Hook.Named.end(),
                               [&](const std::string &Usr) { return Reaching->contains(Usr); }))
    return std::nullopt;
  return Reaching;
}

} // namespace contractcheck
