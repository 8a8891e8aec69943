// Facts: what a per-TU pass learned that only the whole codebase can judge (an enum's members,
// a mock's methods, a string-dispatch registration). Each TU emits them; the global phase merges.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace contractcheck {

struct Fact {
  std::string RuleId;
  std::string Kind;
  nlohmann::json Data;
  friend bool operator==(const Fact &, const Fact &) = default;
};

void to_json(nlohmann::json &J, const Fact &F);
void from_json(const nlohmann::json &J, Fact &F);

// The merged facts of a run. A header seen by many TUs yields the same fact many times; it is
// stored once.
class FactStore {
public:
  void add(Fact F);
  std::vector<const Fact *> find(std::string_view RuleId, std::string_view Kind) const;
  size_t size() const { return Facts.size(); }

private:
  std::vector<Fact> Facts;
  std::vector<std::string> Keys; // serialised facts, sorted, to drop duplicates
};

} // namespace contractcheck
