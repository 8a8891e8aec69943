// contract-declared-service's facts: which contracts a TU judged (its class is defined there),
// and the contracts it could not judge, for the global step that reports contracts no TU judged
// and each input problem once per run.
#pragma once

#include "Facts.h"
#include "JsonFields.h"
#include "Finding.h"
#include "RuleInfo.h"

#include <span>
#include <string>

namespace contractcheck {

struct ContractJudgedFact {
  static constexpr std::string_view Kind = "contract-judged";
  static constexpr unsigned Version = 1;
  std::string Contract; // absolute path of the contract file
  std::string Service;
  std::string key() const { return Contract; }
};

// A contract that cannot be judged as written (a declaration that does not parse, a class
// template named as the service).
struct ContractProblemFact {
  static constexpr std::string_view Kind = "contract-problem";
  static constexpr unsigned Version = 1;
  SourcePosition Where;
  std::string Message;
  std::string key() const;
};

CONTRACTCHECK_JSON_FIELDS(ContractJudgedFact, (Contract, "contract"), (Service, "service"))
CONTRACTCHECK_JSON_FIELDS(ContractProblemFact, (Where, "where"), (Message, "message"))

std::span<const FactKind> declaredServiceFactKinds();

} // namespace contractcheck
