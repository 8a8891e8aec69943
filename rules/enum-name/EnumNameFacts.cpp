#include "rules/enum-name/EnumNameFacts.h"

#include "rules/utils/EnumDefinitionFact.h"

namespace contractcheck {

void to_json(nlohmann::json &J, const StringParserFact &F) {
  J = {{"usr", F.Usr},
       {"name", F.Name},
       {"accepts", F.Accepts},
       {"case_insensitive", F.CaseInsensitive},
       {"where", F.Where}};
}

void from_json(const nlohmann::json &J, StringParserFact &F) {
  J.at("usr").get_to(F.Usr);
  J.at("name").get_to(F.Name);
  J.at("accepts").get_to(F.Accepts);
  J.at("case_insensitive").get_to(F.CaseInsensitive);
  J.at("where").get_to(F.Where);
}

void to_json(nlohmann::json &J, const LiteralCallFact &F) {
  J = {{"callee", F.Callee}, {"literal", F.Literal}, {"where", F.Where}};
}

void from_json(const nlohmann::json &J, LiteralCallFact &F) {
  J.at("callee").get_to(F.Callee);
  J.at("literal").get_to(F.Literal);
  J.at("where").get_to(F.Where);
}

std::span<const FactKind> enumNameFactKinds() {
  static constexpr FactKind Kinds[] = {factKindOf<StringParserFact>(),
                                       factKindOf<LiteralCallFact>(),
                                       factKindOf<EnumDefinitionFact>()};
  return Kinds;
}

} // namespace contractcheck
