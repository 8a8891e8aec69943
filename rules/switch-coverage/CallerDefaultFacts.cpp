#include "rules/switch-coverage/CallerDefaultFacts.h"

#include <algorithm>
#include <iterator>

namespace contractcheck {

void CallerIndex::add(const DefaultCallFact &Call) {
  CallsByCallee[Call.Callee].push_back(Call);
  Passed.calledOtherwise(Call.Callee);
}

void CallerIndex::add(const FunctionRefsFact &Refs) { Passed.add(Refs); }

void CallerIndex::add(const ConstantCallFact &Call) { Passed.add(Call); }

void CallerIndex::add(const ReturnedValuesFact &Returned) { Passed.add(Returned); }

std::set<std::string> CallerIndex::filteredForEveryCall(const SwitchHookFact &Hook) const {
  std::optional<std::set<std::string>> Common;
  for (const std::string &Callee : Hook.Callees) {
    // A call passing constants is made from no default (or its values are not the switched one).
    if (Passed.referenced(Callee) || Passed.calledWithValues(Callee))
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

std::optional<std::set<std::string>> CallerIndex::reachingValues(const SwitchHookFact &Hook) const {
  if (Hook.Enum.empty())
    return std::nullopt;
  std::optional<std::set<std::string>> Reaching;
  if (!Hook.Returner.empty())
    Reaching = Passed.returnedBy(Hook.Returner, Hook.Enum);
  else if (!Hook.Callees.empty())
    Reaching = Passed.passedByEveryCall(Hook.Callees, Hook.Parameter, Hook.Enum);
  if (Reaching && !std::all_of(Hook.Named.begin(), Hook.Named.end(),
                               [&](const std::string &Usr) { return Reaching->contains(Usr); }))
    return std::nullopt;
  return Reaching;
}

} // namespace contractcheck
