#include "rules/declared-service/DeclaredServiceFacts.h"

#include <nlohmann/json.hpp>

namespace contractcheck {

std::string ContractProblemFact::key() const {
  return Where.File + ":" + std::to_string(Where.Line) + ":" + std::to_string(Where.Column) + ":" +
         Message;
}

void to_json(nlohmann::json &J, const ContractJudgedFact &F) {
  J = {{"contract", F.Contract}, {"service", F.Service}};
}

void from_json(const nlohmann::json &J, ContractJudgedFact &F) {
  J.at("contract").get_to(F.Contract);
  J.at("service").get_to(F.Service);
}

void to_json(nlohmann::json &J, const ContractProblemFact &F) {
  J = {{"where", F.Where}, {"message", F.Message}};
}

void from_json(const nlohmann::json &J, ContractProblemFact &F) {
  J.at("where").get_to(F.Where);
  J.at("message").get_to(F.Message);
}

std::span<const FactKind> declaredServiceFactKinds() {
  static constexpr FactKind Kinds[] = {factKindOf<ContractJudgedFact>(),
                                       factKindOf<ContractProblemFact>()};
  return Kinds;
}

} // namespace contractcheck
