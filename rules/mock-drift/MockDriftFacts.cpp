#include "rules/mock-drift/MockDriftFacts.h"

namespace contractcheck {

std::span<const FactKind> mockDriftFactKinds() {
  static constexpr FactKind Kinds[] = {factKindOf<MockClassFact>(), factKindOf<RealClassFact>(),
                                       factKindOf<TemplateArgFact>(), factKindOf<ReportedFact>(),
                                       factKindOf<MockPairingFact>()};
  return Kinds;
}

} // namespace contractcheck
