#include "rules/switch-coverage/CallerDefaultFacts.h"

#include <algorithm>
#include <iterator>

namespace contractcheck {

void CallerIndex::add(const DefaultCallFact &Call) { CallsByCallee[Call.Callee].push_back(Call); }

void CallerIndex::add(const FunctionRefsFact &Refs) {
  Referenced.insert(Refs.Functions.begin(), Refs.Functions.end());
}

std::set<std::string> CallerIndex::filteredForEveryCall(const SwitchHookFact &Hook) const {
  std::optional<std::set<std::string>> Common;
  for (const std::string &Callee : Hook.Callees) {
    if (Referenced.contains(Callee))
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

} // namespace contractcheck
