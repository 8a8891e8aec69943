#include "MockDriftGlobal.h"

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

struct MockClass {
  std::string Name, Identifier;
  std::vector<std::string> Bases, Names;
  std::vector<StandInEntry> StandIns;
};

struct RealClass {
  std::string Identifier, Pattern;
  SourcePosition Where;
  std::vector<std::string> Bases;
  RealClassTable Table;
};

// The facts come from this rule's own per-TU part; one that does not read as expected (written
// by another version of the rule) is left out of the join.
template <typename T>
std::optional<T> parse(const nlohmann::json &J, void (*Read)(const nlohmann::json &, T &)) {
  T Value;
  try {
    Read(J, Value);
  } catch (const nlohmann::json::exception &) {
    return std::nullopt;
  }
  return Value;
}

void readMock(const nlohmann::json &J, MockClass &M) {
  J.at("name").get_to(M.Name);
  J.at("identifier").get_to(M.Identifier);
  J.at("bases").get_to(M.Bases);
  J.at("names").get_to(M.Names);
  J.at("stand_ins").get_to(M.StandIns);
}

void readReal(const nlohmann::json &J, RealClass &R) {
  J.at("identifier").get_to(R.Identifier);
  J.at("pattern").get_to(R.Pattern);
  J.at("where").get_to(R.Where);
  J.at("bases").get_to(R.Bases);
  J.at("table").get_to(R.Table);
}

// A mock or a real class at a template parameter position.
struct SiteArg {
  std::string Template, Shown, Class;
  unsigned Index = 0;
};

void readMockArg(const nlohmann::json &J, SiteArg &A) {
  J.at("template").get_to(A.Template);
  J.at("shown").get_to(A.Shown);
  J.at("index").get_to(A.Index);
  J.at("mock").get_to(A.Class);
}

void readRealArg(const nlohmann::json &J, SiteArg &A) {
  J.at("template").get_to(A.Template);
  J.at("index").get_to(A.Index);
  J.at("real").get_to(A.Class);
}

using ReportKey = std::tuple<std::string, unsigned, std::string, std::string>;

void readReported(const nlohmann::json &J, ReportKey &K) {
  J.at("file").get_to(std::get<0>(K));
  J.at("offset").get_to(std::get<1>(K));
  J.at("method").get_to(std::get<2>(K));
  J.at("real").get_to(std::get<3>(K));
}

// Facts with the same id come from TUs that saw the same class; should two differ (a member
// instantiated in one TU only), the choice must not depend on the order TUs finished in.
template <typename T>
std::map<std::string, T> byId(const FactStore &Facts, const char *Kind,
                              void (*Read)(const nlohmann::json &, T &)) {
  std::map<std::string, std::pair<std::string, T>> Chosen;
  for (const Fact *F : Facts.find(RuleId, Kind)) {
    auto Id = F->Data.find("id");
    if (Id == F->Data.end() || !Id->is_string())
      continue;
    std::optional<T> Value = parse(F->Data, Read);
    if (!Value)
      continue;
    std::string Dump = F->Data.dump();
    auto It = Chosen.find(Id->get<std::string>());
    if (It == Chosen.end())
      Chosen.emplace(Id->get<std::string>(), std::make_pair(Dump, std::move(*Value)));
    else if (Dump < It->second.first)
      It->second = {Dump, std::move(*Value)};
  }
  std::map<std::string, T> Result;
  for (auto &[Id, Entry] : Chosen)
    Result.emplace(Id, std::move(Entry.second));
  return Result;
}

bool contains(const std::vector<std::string> &List, const std::string &Item) {
  return std::find(List.begin(), List.end(), Item) != List.end();
}

} // namespace

MockDriftGlobalRule::MockDriftGlobalRule(const RuleOptions &Options)
    : Patterns(parseNamePatterns(Options.getList("name-patterns"))) {}

void MockDriftGlobalRule::run(const FactStore &Facts, std::vector<Finding> &Findings) {
  std::map<std::string, MockClass> Mocks = byId(Facts, "mock-class", readMock);
  std::map<std::string, RealClass> Reals = byId(Facts, "real-class", readReal);

  // (template, parameter position) -> the mocks and the real classes instantiated there.
  using Site = std::pair<std::string, unsigned>;
  std::map<Site, std::set<std::string>> MocksAt, RealsAt;
  std::map<std::string, std::string> ShownTemplate;
  for (const Fact *F : Facts.find(RuleId, "mock-arg"))
    if (std::optional<SiteArg> A = parse(F->Data, readMockArg)) {
      MocksAt[{A->Template, A->Index}].insert(A->Class);
      ShownTemplate.emplace(A->Template, A->Shown);
    }
  for (const Fact *F : Facts.find(RuleId, "real-arg"))
    if (std::optional<SiteArg> A = parse(F->Data, readRealArg))
      RealsAt[{A->Template, A->Index}].insert(A->Class);

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
  std::set<ReportKey> Reported;
  for (const Fact *F : Facts.find(RuleId, "reported"))
    if (std::optional<ReportKey> Key = parse(F->Data, readReported))
      Reported.insert(std::move(*Key));
  for (auto &[MockId, Found] : Candidates) {
    if (Found.empty())
      continue;
    const MockClass &Mock = Mocks.at(MockId);
    std::vector<std::string> Named = realNamesFor(Mock.Identifier, Patterns);
    std::vector<Candidate> Chosen;
    for (const Candidate &C : Found)
      if (contains(Named, Reals.at(C.RealId).Identifier))
        Chosen.push_back(C);
    if (Chosen.empty())
      Chosen = Found;

    for (const Candidate &C : Chosen) {
      const RealClass &Real = Reals.at(C.RealId);
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
        Findings.push_back(std::move(F));
      }
    }
  }
}

} // namespace contractcheck
