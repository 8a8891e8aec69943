// contract-enum-name's facts: what a string-to-enum function defined in one TU accepts, and the
// literals other TUs pass to functions whose bodies they do not see. Functions are identified
// by USR.
#pragma once

#include "Facts.h"
#include "JsonFields.h"
#include "Finding.h"
#include "RuleInfo.h"

#include <optional>
#include <span>

#include <string>
#include <vector>

namespace contractcheck {

struct StringParserFact {
  static constexpr std::string_view Kind = "string-parser";
  static constexpr unsigned Version = 2;
  std::string Usr;
  std::string Name; // qualified, as messages name it
  std::vector<std::string> Accepts;
  bool CaseInsensitive = false;
  // The enum value (decimal) it returns for a name it does not accept, when its body shows it.
  std::optional<std::string> Fallback;
  SourcePosition Where;
  std::string key() const { return Usr; }
};

struct LiteralCallFact {
  static constexpr std::string_view Kind = "literal-call";
  static constexpr unsigned Version = 2;
  std::string Callee; // USR
  std::string Literal;
  // The enum value (decimal) a test assertion expects the call to return, if it is one.
  std::optional<std::string> ExpectedValue;
  SourcePosition Where;
  std::string key() const { return Callee; }
};

CONTRACTCHECK_JSON_FIELDS(StringParserFact, (Usr, "usr"), (Name, "name"), (Accepts, "accepts"),
                          (CaseInsensitive, "case_insensitive"), (Fallback, "fallback"),
                          (Where, "where"))
CONTRACTCHECK_JSON_FIELDS(LiteralCallFact, (Callee, "callee"), (Literal, "literal"),
                          (ExpectedValue, "expected_value"), (Where, "where"))

// Every fact kind the rule emits, for RuleInfo::FactKinds.
std::span<const FactKind> enumNameFactKinds();

} // namespace contractcheck
