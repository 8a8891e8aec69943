#include "rules/mock-drift/MockDriftGlobal.h"

#include "rules/mock-drift/MockDriftFacts.h"
#include "rules/mock-drift/MockDriftJudge.h"
#include "rules/mock-drift/MockSubstitutes.h"
#include "ContractMap.h"
#include "RuleOptions.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <concepts>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace contractcheck {

namespace {

// Facts with the same USR come from TUs that saw the same class; should two differ (a member
// instantiated in one TU only), the choice must not depend on the order TUs finished in: the
// least JSON text, the first of equal ones. A class seen by a hundred TUs is almost always the
// same fact a hundred times: one equal to the fact kept (every member compared, so its text is
// the same) is passed over without writing either out, which was most of this step on orc.
template <typename T> std::map<std::string, T> byKey(const RuleFacts &Facts) {
  std::map<std::string, std::pair<std::optional<std::string>, T>> Chosen;
  for (T &Value : Facts.template all<T>()) {
    std::string Key = Value.key();
    auto It = Chosen.find(Key);
    if (It == Chosen.end()) {
      Chosen.emplace(std::move(Key), std::make_pair(std::nullopt, std::move(Value)));
      continue;
    }
    auto &[KeptDump, Kept] = It->second;
    if constexpr (std::equality_comparable<T>)
      if (Value == Kept)
        continue;
    if (!KeptDump)
      KeptDump = nlohmann::json(Kept).dump();
    std::string Dump = nlohmann::json(Value).dump();
    if (Dump < *KeptDump)
      It->second = {std::move(Dump), std::move(Value)};
  }
  std::map<std::string, T> Result;
  for (auto &[Key, Entry] : Chosen)
    Result.emplace(Key, std::move(Entry.second));
  return Result;
}

static_assert(std::equality_comparable<RealClassFact>, "byKey passes over equal real classes");

bool contains(const std::vector<std::string> &List, const std::string &Item) {
  return std::find(List.begin(), List.end(), Item) != List.end();
}

// A real class a mock is paired with, and why, for the pairing note.
struct Candidate {
  std::string RealId;
  std::string Reason;
};

// Naming convention across TUs: a mock no TU could pair (its test never includes the real
// class's header) and the one class any TU defines under the name a pattern gives. Several
// classes of that name are not guessed between, and a class that has none of the methods the
// mock mocks is taken for a namesake, not the class the mock stands in for.
void pairByName(const RuleFacts &Facts, const std::map<std::string, MockClassFact> &Mocks,
                const std::map<std::string, RealClassFact> &Reals,
                const std::vector<NamePattern> &Patterns,
                std::map<std::string, std::vector<Candidate>> &Candidates) {
  std::set<std::string> Paired, Unpaired;
  for (const MockPairingFact &P : Facts.all<MockPairingFact>())
    (P.Paired ? Paired : Unpaired).insert(P.Usr);
  std::map<std::string, std::vector<std::string>> RealsByName;
  for (const auto &[Id, Real] : Reals)
    if (!Real.Identifier.empty() && Real.Pattern == Id)
      RealsByName[Real.Identifier].push_back(Id);

  for (const std::string &MockId : Unpaired) {
    auto Mock = Mocks.find(MockId);
    if (Paired.count(MockId) || Mock == Mocks.end() || Mock->second.Names.empty())
      continue;
    if (auto It = Candidates.find(MockId); It != Candidates.end() && !It->second.empty())
      continue; // co-instantiation is the stronger evidence
    std::vector<std::string> Found;
    for (const std::string &Name : realNamesFor(Mock->second.Identifier, Patterns)) {
      auto Named = RealsByName.find(Name);
      if (Named == RealsByName.end())
        continue;
      for (const std::string &RealId : Named->second)
        if (RealId != MockId && !contains(Mock->second.Bases, RealId) &&
            !contains(Reals.at(RealId).Bases, MockId) && !contains(Found, RealId))
          Found.push_back(RealId);
    }
    if (Found.size() != 1)
      continue;
    const RealClassFact &Real = Reals.at(Found.front());
    if (std::none_of(Mock->second.Names.begin(), Mock->second.Names.end(),
                     [&](const std::string &Name) { return Real.Table.has(Name); }))
      continue;
    Candidates[MockId].push_back(
        {Found.front(), "naming convention, with the real class in another translation unit"});
  }
}

// The mocks some TU of the run injects into a template.
std::set<std::string> injectedMocks(const RuleFacts &Facts) {
  std::set<std::string> Injected;
  for (const MockInjectionFact &I : Facts.all<MockInjectionFact>())
    Injected.insert(I.Usr);
  for (const MockClassFact &Mock : Facts.all<MockClassFact>())
    if (std::any_of(Mock.StandIns.begin(), Mock.StandIns.end(),
                    [](const StandInEntry &S) { return S.Injected; }))
      Injected.insert(Mock.Usr);
  return Injected;
}

// A mock is judged alike in every TU: when one TU injects it, the calls of every injecting TU
// are what its stand-ins are judged by, whichever TU's table of it byKey chose, and no TU's
// exact comparison stands.
void mergeInjections(const RuleFacts &Facts, const std::set<std::string> &Injected,
                     std::map<std::string, MockClassFact> &Mocks) {
  auto SameCall = [](const TemplateCall &A, const TemplateCall &B) {
    return A.Where == B.Where && A.Template == B.Template;
  };
  for (const MockClassFact &Seen : Facts.all<MockClassFact>()) {
    auto Mock = Mocks.find(Seen.Usr);
    if (Mock == Mocks.end())
      continue;
    for (const StandInEntry &From : Seen.StandIns)
      for (StandInEntry &Into : Mock->second.StandIns)
        if (Into.Where == From.Where && Into.Shown == From.Shown)
          for (const TemplateCall &Call : From.Calls)
            if (std::none_of(Into.Calls.begin(), Into.Calls.end(),
                             [&](const TemplateCall &C) { return SameCall(C, Call); }))
              Into.Calls.push_back(Call);
  }
  for (auto &[Usr, Mock] : Mocks) {
    if (!Injected.count(Usr))
      continue;
    for (StandInEntry &S : Mock.StandIns) {
      S.Injected = true;
      // The first call no real method takes is the one named: the same whatever order the TUs
      // finished in.
      std::sort(S.Calls.begin(), S.Calls.end(), [](const TemplateCall &A, const TemplateCall &B) {
        return std::tie(A.Where.File, A.Where.Offset, A.Template) <
               std::tie(B.Where.File, B.Where.Offset, B.Template);
      });
    }
  }
}

// A pair only the facts of several TUs make, as a column of the real class's service map.
ServiceStandIn crossTUColumn(const MockClassFact &Mock, const RealClassFact &Real,
                             const std::vector<Drift> &Drifts) {
  ServiceStandIn Column;
  Column.Service = Real.Table.Name;
  Column.ServiceAt = Real.Where;
  for (const auto &[Name, _] : Real.Table.Methods)
    Column.Methods.push_back(Name);
  Column.Methods.insert(Column.Methods.end(), Real.Table.TemplateNames.begin(),
                        Real.Table.TemplateNames.end());
  bool Injected = std::any_of(Mock.StandIns.begin(), Mock.StandIns.end(),
                              [](const StandInEntry &S) { return S.Injected; });
  bool GMock = std::any_of(Mock.StandIns.begin(), Mock.StandIns.end(),
                           [](const StandInEntry &S) { return S.GMock; });
  Column.StandIn = Injected ? "template-injected mock" : GMock ? "mock" : "fake";
  Column.Label = Mock.Name;
  for (size_t I = 0; I < Mock.StandIns.size(); ++I) {
    const StandInEntry &S = Mock.StandIns[I];
    if (Column.At.File.empty())
      Column.At = S.Where;
    auto Drifted = std::find_if(Drifts.begin(), Drifts.end(),
                                [&](const Drift &D) { return D.StandIn == I; });
    if (Drifted != Drifts.end())
      addCell(Column.Cells, {S.Sig.Name, "differing", Drifted->What, S.Where});
    else if (!S.SelfCalled)
      addCell(Column.Cells, {S.Sig.Name, "matching", {}, {}});
  }
  return Column;
}

} // namespace

MockDriftGlobalRule::MockDriftGlobalRule(const RuleOptions &Options)
    : Patterns(parseNamePatterns(Options.getList("name-patterns"))) {}

void MockDriftGlobalRule::run(GlobalContext &Context) {
  const RuleFacts Facts = Context.facts();
  std::map<std::string, MockClassFact> Mocks = byKey<MockClassFact>(Facts);
  std::map<std::string, RealClassFact> Reals = byKey<RealClassFact>(Facts);
  const std::set<std::string> Injected = injectedMocks(Facts);
  mergeInjections(Facts, Injected, Mocks);

  // (template, parameter position) -> the mocks and the real classes instantiated there.
  using Site = std::pair<std::string, unsigned>;
  std::map<Site, std::set<std::string>> MocksAt, RealsAt;
  std::map<std::string, std::string> ShownTemplate;
  for (const TemplateArgFact &A : Facts.all<TemplateArgFact>()) {
    (A.IsMock ? MocksAt : RealsAt)[{A.Template, A.Index}].insert(A.Class);
    if (A.IsMock)
      ShownTemplate.emplace(A.Template, A.Shown);
  }

  // The same rule as within one TU: a class that has at least half of the names the mock mocks,
  // at the same position of the same template; the one the naming convention names wins.
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
            !argumentsAgree(Mock->second.Arguments, Real->second.Arguments) ||
            std::any_of(Found.begin(), Found.end(),
                        [&](const Candidate &C) { return C.RealId == RealId; }))
          continue;
        size_t Shared =
            std::count_if(Mock->second.Names.begin(), Mock->second.Names.end(),
                          [&](const std::string &Name) { return Real->second.Table.has(Name); });
        if (Shared > 0 && 2 * Shared >= Mock->second.Names.size())
          Found.push_back({RealId, "both instantiate '" + ShownTemplate[S.first] +
                                       "', in different translation units"});
      }
    }
  }

  pairByName(Facts, Mocks, Reals, Patterns, Candidates);

  // Once per mock method and real class template, counting what the TUs reported themselves.
  ReportedMockMethods Reported;
  for (const ReportedFact &R : Facts.all<ReportedFact>())
    Reported.insert({R.File, R.Offset, R.Method, R.Real});
  // What a TU that did not inject a header mock left to this step: a signature difference,
  // reported only when no TU injects the mock (then no call excuses it). byKey makes the choice
  // among TUs that saw the same difference independent of the order they finished in.
  for (auto &[_, D] : byKey<DeferredDriftFact>(Facts))
    if (!Injected.count(D.Mock) &&
        Reported.insert({D.Drift.Position.File, D.Drift.Position.Offset, D.Method, D.Real}).second)
      Context.report(std::move(D.Drift));
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
      const std::vector<Drift> Drifts = judgeStandIns(Mock.StandIns, Real.Table);
      Context.map(crossTUColumn(Mock, Real, Drifts));
      for (const Drift &D : Drifts) {
        const StandInEntry &S = Mock.StandIns[D.StandIn];
        if (!Reported.insert({S.Where.File, S.Where.Offset, S.Sig.Name, Real.Pattern}).second)
          continue;
        Finding F;
        F.Position = S.Where;
        F.Message = "mock method '" + S.Shown + "' " + D.What;
        if (D.Candidate)
          F.Notes.push_back({D.Candidate->Where, D.CandidateNote});
        if (D.Call)
          F.Notes.push_back({D.Call->Where, D.CallNote});
        F.Notes.push_back({Real.Where, describePairing(Mock.Name, Real.Table.Name, C.Reason)});
        Context.report(std::move(F));
      }
    }
  }
  judgeSubstitutes(Facts, Context, Reported);
}

} // namespace contractcheck
