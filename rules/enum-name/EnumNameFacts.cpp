#include "rules/enum-name/EnumNameFacts.h"

#include "rules/utils/EnumDefinitionFact.h"

namespace contractcheck {

std::span<const FactKind> enumNameFactKinds() {
  static constexpr FactKind Kinds[] = {factKindOf<StringParserFact>(),
                                       factKindOf<LiteralCallFact>(),
                                       factKindOf<EnumDefinitionFact>()};
  return Kinds;
}

} // namespace contractcheck
