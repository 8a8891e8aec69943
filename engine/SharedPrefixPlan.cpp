#include "SharedPrefixPlan.h"

#include <map>

namespace contractcheck {

namespace {

// A trie of root sequences per group; a node is a prefix, Count how many candidates begin
// with it.
struct Node {
  std::map<std::string, size_t> Children;
  size_t Count = 0;
  size_t Prefix = SharedPrefixPlan::None;
};

} // namespace

SharedPrefixPlan planSharedPrefixes(const std::vector<PrefixCandidate> &Candidates,
                                    size_t MinShare) {
  std::vector<Node> Nodes;
  std::map<std::string, size_t> GroupRoots;
  auto ChildOf = [&Nodes](size_t Parent, const std::string &Root) {
    auto [It, Inserted] = Nodes[Parent].Children.try_emplace(Root, Nodes.size());
    if (Inserted)
      Nodes.emplace_back();
    return It->second;
  };
  std::vector<std::vector<size_t>> Paths(Candidates.size());
  for (size_t I = 0; I < Candidates.size(); ++I) {
    auto [It, Inserted] = GroupRoots.try_emplace(Candidates[I].Group, Nodes.size());
    if (Inserted)
      Nodes.emplace_back();
    size_t At = It->second;
    for (const std::string &Root : Candidates[I].Roots) {
      At = ChildOf(At, Root);
      ++Nodes[At].Count;
      Paths[I].push_back(At);
    }
  }
  SharedPrefixPlan Plan;
  Plan.PrefixOf.assign(Candidates.size(), SharedPrefixPlan::None);
  for (size_t I = 0; I < Candidates.size(); ++I) {
    size_t Length = Paths[I].size();
    while (Length > 0 && Nodes[Paths[I][Length - 1]].Count < MinShare)
      --Length;
    if (Length == 0)
      continue;
    Node &Chosen = Nodes[Paths[I][Length - 1]];
    if (Chosen.Prefix == SharedPrefixPlan::None) {
      Chosen.Prefix = Plan.Prefixes.size();
      Plan.Prefixes.push_back({I, Length});
    }
    Plan.PrefixOf[I] = Chosen.Prefix;
  }
  return Plan;
}

} // namespace contractcheck
