#include "rules/declared-service/DeclaredServiceFacts.h"

#include "ContractMap.h"

namespace contractcheck {

std::string ContractProblemFact::key() const {
  return Where.File + ":" + std::to_string(Where.Line) + ":" + std::to_string(Where.Column) + ":" +
         Message;
}

std::span<const FactKind> declaredServiceFactKinds() {
  static constexpr FactKind Kinds[] = {factKindOf<ContractJudgedFact>(),
                                       factKindOf<ContractProblemFact>(),
                                       factKindOf<ServiceStandIn>()};
  return Kinds;
}

} // namespace contractcheck
