#include "rules/mock-drift/MockDriftFacts.h"

namespace contractcheck {

void to_json(nlohmann::json &J, const MockClassFact &F) {
  J = {{"usr", F.Usr},     {"name", F.Name},   {"identifier", F.Identifier},
       {"bases", F.Bases}, {"names", F.Names}, {"stand_ins", F.StandIns},
       {"arguments", F.Arguments}};
}
void from_json(const nlohmann::json &J, MockClassFact &F) {
  J.at("usr").get_to(F.Usr);
  J.at("name").get_to(F.Name);
  J.at("identifier").get_to(F.Identifier);
  J.at("bases").get_to(F.Bases);
  J.at("names").get_to(F.Names);
  J.at("stand_ins").get_to(F.StandIns);
  J.at("arguments").get_to(F.Arguments);
}

void to_json(nlohmann::json &J, const RealClassFact &F) {
  J = {{"usr", F.Usr},         {"identifier", F.Identifier}, {"where", F.Where},
       {"pattern", F.Pattern}, {"bases", F.Bases},           {"table", F.Table},
       {"arguments", F.Arguments}};
}
void from_json(const nlohmann::json &J, RealClassFact &F) {
  J.at("usr").get_to(F.Usr);
  J.at("identifier").get_to(F.Identifier);
  J.at("where").get_to(F.Where);
  J.at("pattern").get_to(F.Pattern);
  J.at("bases").get_to(F.Bases);
  J.at("table").get_to(F.Table);
  J.at("arguments").get_to(F.Arguments);
}

void to_json(nlohmann::json &J, const TemplateArgFact &F) {
  J = {{"template", F.Template}, {"shown", F.Shown},    {"index", F.Index},
       {"class", F.Class},       {"is_mock", F.IsMock}};
}
void from_json(const nlohmann::json &J, TemplateArgFact &F) {
  J.at("template").get_to(F.Template);
  J.at("shown").get_to(F.Shown);
  J.at("index").get_to(F.Index);
  J.at("class").get_to(F.Class);
  J.at("is_mock").get_to(F.IsMock);
}

void to_json(nlohmann::json &J, const MockPairingFact &F) {
  J = {{"usr", F.Usr}, {"paired", F.Paired}};
}
void from_json(const nlohmann::json &J, MockPairingFact &F) {
  J.at("usr").get_to(F.Usr);
  J.at("paired").get_to(F.Paired);
}

void to_json(nlohmann::json &J, const ReportedFact &F) {
  J = {{"file", F.File}, {"offset", F.Offset}, {"method", F.Method}, {"real", F.Real}};
}
void from_json(const nlohmann::json &J, ReportedFact &F) {
  J.at("file").get_to(F.File);
  J.at("offset").get_to(F.Offset);
  J.at("method").get_to(F.Method);
  J.at("real").get_to(F.Real);
}

std::span<const FactKind> mockDriftFactKinds() {
  static constexpr FactKind Kinds[] = {factKindOf<MockClassFact>(), factKindOf<RealClassFact>(),
                                       factKindOf<TemplateArgFact>(), factKindOf<ReportedFact>(),
                                       factKindOf<MockPairingFact>()};
  return Kinds;
}

} // namespace contractcheck
