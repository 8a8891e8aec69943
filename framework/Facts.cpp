#include "Facts.h"

#include <algorithm>

namespace contractcheck {

void to_json(nlohmann::json &J, const Fact &F) {
  J = {{"rule", F.RuleId}, {"kind", F.Kind}, {"key", F.Key}, {"version", F.Version},
       {"data", F.Data}};
}

void from_json(const nlohmann::json &J, Fact &F) {
  J.at("rule").get_to(F.RuleId);
  J.at("kind").get_to(F.Kind);
  J.at("key").get_to(F.Key);
  J.at("version").get_to(F.Version);
  F.Data = J.at("data");
}

void FactStore::add(Fact F) {
  std::vector<Fact> &Same = Buckets[{F.RuleId, F.Kind}][F.Key];
  // Facts under one key are few (one class seen by several TUs), so a scan is cheap.
  if (std::find(Same.begin(), Same.end(), F) != Same.end())
    return;
  Same.push_back(std::move(F));
  ++Count;
}

const FactStore::Bucket *FactStore::bucket(std::string_view RuleId, std::string_view Kind) const {
  auto It = Buckets.find({std::string(RuleId), std::string(Kind)});
  return It == Buckets.end() ? nullptr : &It->second;
}

} // namespace contractcheck
