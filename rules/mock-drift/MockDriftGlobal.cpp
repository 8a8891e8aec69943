#include "MockDriftGlobal.h"

#include "MockDriftFacts.h"
#include "MockDriftJudge.h"
#include "RuleOptions.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace contractcheck {

namespace {

constexpr const char *RuleId = "contract-mock-drift";

// Facts with the same USR come from TUs that saw the same class; should two differ (a member
// instantiated in one TU only), the choice must not depend on the order TUs finished in.
template <typename T> std::map<std::string, T> byKey(const FactStore &Facts) {
  std::map<std::string, std::pair<std::string, T>> Chosen;
  for (T &Value : Facts.all<T>(RuleId)) {
    std::string Dump = nlohmann::json(Value).dump();
    std::string Key = Value.key();
    auto It = Chosen.find(Key);
    if (It == Chosen.end())
      Chosen.emplace(std::move(Key), std::make_pair(std::move(Dump), std::move(Value)));
    else if (Dump < It->second.first)
      It->second = {std::move(Dump), std::move(Value)};
  }
  std::map<std::string, T> Result;
  for (auto &[Key, Entry] : Chosen)
    Result.emplace(Key, std::move(Entry.second));
  return Result;
}

bool contains(const std::vector<std::string> &List, const std::string &Item) {
  return std::find(List.begin(), List.end(), Item) != List.end();
}

} // namespace

MockDriftGlobalRule::MockDriftGlobalRule(const RuleOptions &Options)
    : Patterns(parseNamePatterns(Options.getList("name-patterns"))) {}

void MockDriftGlobalRule::run(GlobalContext &Context) {
  const FactStore &Facts = Context.facts();
  std::map<std::string, MockClassFact> Mocks = byKey<MockClassFact>(Facts);
  std::map<std::string, RealClassFact> Reals = byKey<RealClassFact>(Facts);

  // (template, parameter position) -> the mocks and the real classes instantiated there.
  using Site = std::pair<std::string, unsigned>;
  std::map<Site, std::set<std::string>> MocksAt, RealsAt;
  std::map<std::string, std::string> ShownTemplate;
  for (const TemplateArgFact &A : Facts.all<TemplateArgFact>(RuleId)) {
    (A.IsMock ? MocksAt : RealsAt)[{A.Template, A.Index}].insert(A.Class);
    if (A.IsMock)
      ShownTemplate.emplace(A.Template, A.Shown);
  }

  // The same rule as within one TU: a class that has at least half of the names the mock mocks,
  // at the same position of the same template; the one the naming convention names wins.
  struct Candidate {
    std::string RealId;
    std::string Via;
  };
  std::map<std::string, std::vector<Candidate>> Candidates;
  for (const auto &[S, MockIds] : MocksAt) {
    auto RealIds = RealsAt.find(S);
    if (RealIds == RealsAt.end())
      continue;
    for (const std::string &MockId : MockIds) {
      auto Mock = Mocks.find(MockId);
      if (Mock == Mocks.end() || Mock->second.Names.empty())
        continue;
      std::vector<Candidate> &Found = Candidates[MockId];
      for (const std::string &RealId : RealIds->second) {
        auto Real = Reals.find(RealId);
        if (Real == Reals.end() || contains(Mock->second.Bases, RealId) ||
            contains(Real->second.Bases, MockId) ||
            std::any_of(Found.begin(), Found.end(),
                        [&](const Candidate &C) { return C.RealId == RealId; }))
          continue;
        size_t Shared =
            std::count_if(Mock->second.Names.begin(), Mock->second.Names.end(),
                          [&](const std::string &Name) { return Real->second.Table.has(Name); });
        if (Shared > 0 && 2 * Shared >= Mock->second.Names.size())
          Found.push_back({RealId, ShownTemplate[S.first]});
      }
    }
  }

  // Once per mock method and real class template, counting what the TUs reported themselves.
  using ReportKey = std::tuple<std::string, unsigned, std::string, std::string>;
  std::set<ReportKey> Reported;
  for (const ReportedFact &R : Facts.all<ReportedFact>(RuleId))
    Reported.insert({R.File, R.Offset, R.Method, R.Real});
  for (auto &[MockId, Found] : Candidates) {
    if (Found.empty())
      continue;
    const MockClassFact &Mock = Mocks.at(MockId);
    std::vector<std::string> Named = realNamesFor(Mock.Identifier, Patterns);
    std::vector<Candidate> Chosen;
    for (const Candidate &C : Found)
      if (contains(Named, Reals.at(C.RealId).Identifier))
        Chosen.push_back(C);
    if (Chosen.empty())
      Chosen = Found;

    for (const Candidate &C : Chosen) {
      const RealClassFact &Real = Reals.at(C.RealId);
      for (const Drift &D : judgeExact(Mock.StandIns, Real.Table)) {
        const StandInEntry &S = Mock.StandIns[D.StandIn];
        if (!Reported.insert({S.Where.File, S.Where.Offset, S.Sig.Name, Real.Pattern}).second)
          continue;
        Finding F;
        F.Position = S.Where;
        F.Message = "mock method '" + S.Shown + "' " + D.What;
        if (D.Candidate)
          F.Notes.push_back({D.Candidate->Where, D.CandidateNote});
        F.Notes.push_back(
            {Real.Where,
             describePairing(Mock.Name, Real.Table.Name,
                             "both instantiate '" + C.Via + "', in different translation units")});
        Context.report(std::move(F));
      }
    }
  }
}

} // namespace contractcheck
