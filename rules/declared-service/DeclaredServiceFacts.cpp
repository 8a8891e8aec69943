#include "rules/declared-service/DeclaredServiceFacts.h"

#include "ContractMap.h"
#include "PositionKey.h"

namespace contractcheck {

std::string ContractProblemFact::key() const { return positionKey(Where) + ":" + Message; }

std::span<const FactKind> declaredServiceFactKinds() {
  static constexpr FactKind Kinds[] = {factKindOf<ContractJudgedFact>(),
                                       factKindOf<ContractProblemFact>(),
                                       factKindOf<ServiceStandIn>()};
  return Kinds;
}

} // namespace contractcheck
