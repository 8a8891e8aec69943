#include "Facts.h"

#include <algorithm>

namespace contractcheck {

void to_json(nlohmann::json &J, const Fact &F) {
  J = {{"rule", F.RuleId}, {"kind", F.Kind}, {"data", F.Data}};
}
void from_json(const nlohmann::json &J, Fact &F) {
  J.at("rule").get_to(F.RuleId);
  J.at("kind").get_to(F.Kind);
  F.Data = J.at("data");
}

void FactStore::add(Fact F) {
  std::string Key = nlohmann::json(F).dump();
  auto It = std::lower_bound(Keys.begin(), Keys.end(), Key);
  if (It != Keys.end() && *It == Key)
    return;
  Keys.insert(It, std::move(Key));
  Facts.push_back(std::move(F));
}

std::vector<const Fact *> FactStore::find(std::string_view RuleId, std::string_view Kind) const {
  std::vector<const Fact *> Found;
  for (const Fact &F : Facts)
    if (F.RuleId == RuleId && F.Kind == Kind)
      Found.push_back(&F);
  return Found;
}

} // namespace contractcheck
