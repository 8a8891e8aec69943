// What reaches a parameter, from the passed-values facts of the codebase (or of one TU, in
// clang-tidy): the judgement contract-switch-coverage makes of a switch on a parameter and
// contract-enum-table of an array read at one. Clang-free.
#pragma once

#include "rules/utils/PassedValueFacts.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace contractcheck {

class PassedValueIndex {
public:
  void add(const ConstantCallFact &Call);
  void add(const FunctionRefsFact &Refs);
  void add(const ReturnedValuesFact &Returns);
  // Function is called in a way the facts above do not describe (contract-switch-coverage's
  // calls from a `default:`, DefaultCallFact): what reaches its parameters is not theirs to say.
  void calledOtherwise(const std::string &Function) { Otherwise.insert(Function); }

  // Some reference to Function lets any value through: a call passing something else, its
  // address taken.
  bool referenced(const std::string &Function) const { return Referenced.contains(Function); }
  // Some call of Function passes values a fact describes.
  bool calledWithValues(const std::string &Function) const {
    return CallsByCallee.contains(Function);
  }
  // The enumerators of Enum (USRs, every name of each value) that every call of Callees passes
  // as the parameter Parameter: constants, a bit-field's values, or (followed up to a few calls
  // up) what reaches the caller's own parameter it passes on. None when some call passes
  // anything else, some other reference lets any value through, or no call is seen.
  std::optional<std::set<std::string>> passedByEveryCall(const std::vector<std::string> &Callees,
                                                         unsigned Parameter,
                                                         const std::string &Enum) const;
  // What Returner's every `return` gives, when its returns are all enumerators of Enum.
  std::optional<std::set<std::string>> returnedBy(const std::string &Returner,
                                                  const std::string &Enum) const;

private:
  std::optional<std::set<std::string>> passed(const std::vector<std::string> &Callees,
                                              unsigned Parameter, const std::string &Enum,
                                              unsigned Depth) const;
  std::map<std::string, std::vector<ConstantCallFact>> CallsByCallee;
  std::map<std::string, ReturnedValuesFact> Returns;
  std::set<std::string> Referenced;
  std::set<std::string> Otherwise;
};

} // namespace contractcheck
