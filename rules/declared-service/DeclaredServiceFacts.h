// contract-declared-service's facts: which contracts a TU judged (its class is defined there),
// and the contracts it could not judge, for the global step that reports contracts no TU judged
// and each input problem once per run.
#pragma once

#include "Facts.h"
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

void to_json(nlohmann::json &J, const ContractJudgedFact &F);
void from_json(const nlohmann::json &J, ContractJudgedFact &F);
void to_json(nlohmann::json &J, const ContractProblemFact &F);
void from_json(const nlohmann::json &J, ContractProblemFact &F);

std::span<const FactKind> declaredServiceFactKinds();

} // namespace contractcheck
