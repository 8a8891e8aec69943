#include "rules/enum-name/EnumNameFacts.h"

#include "ContractMap.h"
#include "rules/utils/EnumDefinitionFact.h"

namespace contractcheck {

std::span<const FactKind> enumNameFactKinds() {
  static constexpr FactKind Kinds[] = {factKindOf<StringParserFact>(),
                                       factKindOf<LiteralCallFact>(),
                                       factKindOf<EnumDefinitionFact>(),
                                       factKindOf<EnumConsumer>()};
  return Kinds;
}

} // namespace contractcheck
