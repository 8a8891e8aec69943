#include "rules/string-dispatch/StringDispatchFacts.h"

namespace contractcheck {

void from_json(const nlohmann::json &J, DispatchEndpoint &E) {
  J.at("function").get_to(E.Function);
  J.at("arg").get_to(E.Arg);
}

void from_json(const nlohmann::json &J, DispatchSpec &S) {
  J.at("name").get_to(S.Name);
  J.at("register").get_to(S.Register);
  J.at("call").get_to(S.Call);
}

namespace {

std::string roleName(DispatchRole Role) {
  return Role == DispatchRole::Register ? "register" : "call";
}

DispatchRole roleNamed(const std::string &Name) {
  if (Name == "register")
    return DispatchRole::Register;
  if (Name == "call")
    return DispatchRole::Call;
  throw nlohmann::json::other_error::create(501, "unknown dispatch role '" + Name + "'", nullptr);
}

} // namespace

// In (dispatch, name, role, position) order: the order the global step meets sites in.
std::string DispatchSiteFact::key() const {
  return Dispatch + '\x1f' + Name + '\x1f' + (Role == DispatchRole::Register ? "r" : "c") +
         '\x1f' + Where.File + ':' + std::to_string(Where.Offset);
}

void to_json(nlohmann::json &J, const DispatchSiteFact &F) {
  J = {{"dispatch", F.Dispatch}, {"role", roleName(F.Role)},   {"name", F.Name},
       {"function", F.Function}, {"where", F.Where}};
}

void from_json(const nlohmann::json &J, DispatchSiteFact &F) {
  J.at("dispatch").get_to(F.Dispatch);
  F.Role = roleNamed(J.at("role").get<std::string>());
  J.at("name").get_to(F.Name);
  J.at("function").get_to(F.Function);
  J.at("where").get_to(F.Where);
}

std::string DynamicSiteFact::key() const {
  return Dispatch + '\x1f' + (Role == DispatchRole::Register ? "r" : "c") + '\x1f' + Where.File +
         ':' + std::to_string(Where.Offset);
}

void to_json(nlohmann::json &J, const DynamicSiteFact &F) {
  J = {{"dispatch", F.Dispatch},
       {"role", roleName(F.Role)},
       {"function", F.Function},
       {"where", F.Where}};
}

void from_json(const nlohmann::json &J, DynamicSiteFact &F) {
  J.at("dispatch").get_to(F.Dispatch);
  F.Role = roleNamed(J.at("role").get<std::string>());
  J.at("function").get_to(F.Function);
  J.at("where").get_to(F.Where);
}

std::span<const FactKind> stringDispatchFactKinds() {
  static constexpr FactKind Kinds[] = {factKindOf<DispatchSiteFact>(),
                                       factKindOf<DynamicSiteFact>()};
  return Kinds;
}

} // namespace contractcheck
