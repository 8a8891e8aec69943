#include "rules/string-dispatch/StringDispatchFacts.h"

#include "ContractMap.h"

namespace contractcheck {

void to_json(nlohmann::json &J, DispatchRole Role) {
  J = Role == DispatchRole::Register ? "register" : "call";
}

void from_json(const nlohmann::json &J, DispatchRole &Role) {
  const std::string &Name = J.get_ref<const std::string &>();
  if (Name == "register")
    Role = DispatchRole::Register;
  else if (Name == "call")
    Role = DispatchRole::Call;
  else
    throw nlohmann::json::other_error::create(501, "unknown dispatch role '" + Name + "'", nullptr);
}

// In (dispatch, name, role, position) order: the order the global step meets sites in.
std::string DispatchSiteFact::key() const {
  return Dispatch + '\x1f' + Name + '\x1f' + (Role == DispatchRole::Register ? "r" : "c") +
         '\x1f' + Where.File + ':' + std::to_string(Where.Offset);
}

std::string DynamicSiteFact::key() const {
  return Dispatch + '\x1f' + (Role == DispatchRole::Register ? "r" : "c") + '\x1f' + Where.File +
         ':' + std::to_string(Where.Offset);
}

std::span<const FactKind> stringDispatchFactKinds() {
  static constexpr FactKind Kinds[] = {factKindOf<DispatchSiteFact>(),
                                       factKindOf<DynamicSiteFact>(),
                                       factKindOf<ServiceStandIn>(),
                                       factKindOf<QtFactoryFact>(),
                                       factKindOf<QtDeferredStringFact>(),
                                       factKindOf<QtPredicateFact>(),
                                       factKindOf<QtClassFact>()};
  return Kinds;
}

} // namespace contractcheck
