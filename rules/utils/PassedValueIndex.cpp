#include "rules/utils/PassedValueIndex.h"

#include <algorithm>

namespace contractcheck {

void PassedValueIndex::add(const ConstantCallFact &Call) { CallsByCallee[Call.Callee].push_back(Call); }

void PassedValueIndex::add(const FunctionRefsFact &Refs) {
  Referenced.insert(Refs.Functions.begin(), Refs.Functions.end());
}

void PassedValueIndex::add(const ReturnedValuesFact &Returned) {
  Returns[Returned.Function] = Returned;
}

std::optional<std::set<std::string>>
PassedValueIndex::passedByEveryCall(const std::vector<std::string> &Callees, unsigned Parameter,
                                    const std::string &Enum) const {
  return passed(Callees, Parameter, Enum, 0);
}

// A parameter passed on is followed through at most four callers (a cycle gives up).
std::optional<std::set<std::string>> PassedValueIndex::passed(const std::vector<std::string> &Callees,
                                                              unsigned Parameter,
                                                              const std::string &Enum,
                                                              unsigned Depth) const {
  if (Depth > 4)
    return std::nullopt;
  std::set<std::string> Passed;
  bool Called = false;
  for (const std::string &Callee : Callees) {
    if (Referenced.contains(Callee) || Otherwise.contains(Callee))
      return std::nullopt;
    auto It = CallsByCallee.find(Callee);
    if (It == CallsByCallee.end())
      continue;
    for (const ConstantCallFact &Call : It->second) {
      const auto Argument = std::find_if(
          Call.Arguments.begin(), Call.Arguments.end(),
          [&](const PassedArgument &A) { return A.Index == Parameter; });
      if (Argument == Call.Arguments.end() || Argument->Enum != Enum)
        return std::nullopt;
      if (!Argument->From.empty()) {
        std::optional<std::set<std::string>> Further =
            passed({Argument->From}, Argument->FromParameter, Enum, Depth + 1);
        if (!Further)
          return std::nullopt;
        Passed.insert(Further->begin(), Further->end());
      } else {
        Passed.insert(Argument->Values.begin(), Argument->Values.end());
      }
      Called = true;
    }
  }
  if (!Called)
    return std::nullopt;
  return Passed;
}

std::optional<std::set<std::string>> PassedValueIndex::returnedBy(const std::string &Returner,
                                                                  const std::string &Enum) const {
  auto It = Returns.find(Returner);
  if (It == Returns.end() || It->second.Enum != Enum)
    return std::nullopt;
  return std::set<std::string>(It->second.Values.begin(), It->second.Values.end());
}

} // namespace contractcheck
