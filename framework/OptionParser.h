// The one validation of rule options, for .contractcheck.yaml (YAML nodes, errors positioned in
// the file) and for clang-tidy's CheckOptions (strings, errors reported through clang-tidy).
#pragma once

#include "RuleInfo.h"

#include <nlohmann/json.hpp>

#include <string>

namespace YAML {
class Node;
}

namespace contractcheck {

// What is wrong with an option value, and where in the YAML it was given (0 when unknown).
struct OptionError {
  std::string Message;
  unsigned Line = 0;
  unsigned Column = 0;
};

// The typed value of a YAML node, or throws OptionError. What names the option in messages.
nlohmann::json parseOption(const OptionSpec &Spec, const YAML::Node &Node);

// The typed value of a CheckOptions string, or throws OptionError.
nlohmann::json parseOptionString(const OptionSpec &Spec, const std::string &Text);

// The spec's default, typed.
nlohmann::json defaultValue(const OptionSpec &Spec);

// A typed value back in CheckOptions form: parseOptionString(Spec, toOptionString(V)) == V.
std::string toOptionString(const OptionSpec &Spec, const nlohmann::json &Value);

} // namespace contractcheck
