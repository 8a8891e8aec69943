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

// How a YAML node is named in messages: "a mapping", "a list", "'text'", "nothing".
std::string kindOf(const YAML::Node &Node);

// kindOf for a value where a string was expected. YAML reads an empty item, and an unquoted
// `null` or `~`, as no value at all: the word `null` (a catch-all word the docs list) written
// bare in a list arrives as nothing, and the message says how to write it.
std::string kindOfNonString(const YAML::Node &Node);

// The spec's default, typed.
nlohmann::json defaultValue(const OptionSpec &Spec);

// A typed value back in CheckOptions form: parseOptionString(Spec, toOptionString(V)) == V.
std::string toOptionString(const OptionSpec &Spec, const nlohmann::json &Value);

} // namespace contractcheck
