#include "rules/mock-drift/MockDriftFacts.h"

#include "ContractMap.h"

namespace contractcheck {

std::span<const FactKind> mockDriftFactKinds() {
  static constexpr FactKind Kinds[] = {factKindOf<MockClassFact>(), factKindOf<RealClassFact>(),
                                       factKindOf<TemplateArgFact>(), factKindOf<ReportedFact>(),
                                       factKindOf<MockPairingFact>(),
                                       factKindOf<MockInjectionFact>(),
                                       factKindOf<DeferredDriftFact>(),
                                       factKindOf<SubstituteClassFact>(),
                                       factKindOf<ServiceStandIn>()};
  return Kinds;
}

} // namespace contractcheck
