#include "ContractMap.h"

#include <nlohmann/json.hpp>

namespace contractcheck {

// These are the keys of the JSON report's `map` section too (docs/json-output.md): one shape for
// the stored facts and the report.

void to_json(nlohmann::json &J, const MapCell &C) {
  J = {{"row", C.Row}, {"state", C.State}};
  if (!C.How.empty())
    J["how"] = C.How;
  if (!C.FindingAt.File.empty())
    J["finding"] = C.FindingAt;
}
void from_json(const nlohmann::json &J, MapCell &C) {
  J.at("row").get_to(C.Row);
  J.at("state").get_to(C.State);
  C.How = J.value("how", std::string());
  C.FindingAt = J.contains("finding") ? J.at("finding").get<SourcePosition>() : SourcePosition();
}

void to_json(nlohmann::json &J, const EnumConsumer &C) {
  J = {{"enum", C.Enum},         {"enum_location", C.EnumAt}, {"enumerators", C.Enumerators},
       {"kind", C.Consumer},     {"label", C.Label},          {"location", C.At},
       {"cells", C.Cells},       {"rule", C.Rule}};
}
void from_json(const nlohmann::json &J, EnumConsumer &C) {
  J.at("enum").get_to(C.Enum);
  J.at("enum_location").get_to(C.EnumAt);
  J.at("enumerators").get_to(C.Enumerators);
  J.at("kind").get_to(C.Consumer);
  J.at("label").get_to(C.Label);
  J.at("location").get_to(C.At);
  J.at("cells").get_to(C.Cells);
  J.at("rule").get_to(C.Rule);
}

void to_json(nlohmann::json &J, const ServiceStandIn &S) {
  J = {{"service", S.Service}, {"service_location", S.ServiceAt}, {"methods", S.Methods},
       {"kind", S.StandIn},    {"label", S.Label},                {"location", S.At},
       {"cells", S.Cells},     {"rule", S.Rule}};
}
void from_json(const nlohmann::json &J, ServiceStandIn &S) {
  J.at("service").get_to(S.Service);
  J.at("service_location").get_to(S.ServiceAt);
  J.at("methods").get_to(S.Methods);
  J.at("kind").get_to(S.StandIn);
  J.at("label").get_to(S.Label);
  J.at("location").get_to(S.At);
  J.at("cells").get_to(S.Cells);
  J.at("rule").get_to(S.Rule);
}

} // namespace contractcheck
