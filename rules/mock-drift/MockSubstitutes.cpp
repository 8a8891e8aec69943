#include "rules/mock-drift/MockSubstitutes.h"

#include "GlobalRule.h"
#include "rules/mock-drift/MockDriftFacts.h"
#include "rules/mock-drift/MockPairing.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <vector>

namespace contractcheck {

namespace {

// The fact whose JSON text is least: the same choice whatever order the TUs finished in.
template <typename T> const T &leastOf(const std::vector<T> &Facts) {
  const T *Least = &Facts.front();
  std::string LeastDump = nlohmann::json(*Least).dump();
  for (const T &Fact : Facts)
    if (std::string Dump = nlohmann::json(Fact).dump(); Dump < LeastDump) {
      Least = &Fact;
      LeastDump = std::move(Dump);
    }
  return *Least;
}

} // namespace

std::string shownBeside(const std::string &File, const std::string &Beside) {
  size_t Shared = 0; // the length of the deepest common directory, with its '/'
  for (size_t I = 0; I < File.size() && I < Beside.size() && File[I] == Beside[I]; ++I)
    if (File[I] == '/')
      Shared = I + 1;
  return Shared > 1 ? File.substr(Shared) : File;
}

void judgeSubstitutes(const RuleFacts &Facts, GlobalContext &Context,
                      ReportedMockMethods &Reported) {
  // A line a TU reported already (against a base class) is not reported again.
  std::set<std::pair<std::string, unsigned>> ReportedLines;
  for (const ReportedFact &R : Facts.all<ReportedFact>())
    ReportedLines.insert({R.File, R.Offset});
  // Every TU's fact of each double: its methods are the same in all, its hooks are what any TU
  // saw its code call. A TU that declares a method of the double it does not define cannot see
  // what that body calls: the double is judged only when some TU defines every method it has.
  std::map<std::string, std::vector<SubstituteClassFact>> Doubles;
  for (SubstituteClassFact &Fact : Facts.all<SubstituteClassFact>())
    Doubles[Fact.key()].push_back(std::move(Fact));
  for (const auto &[_, Seen] : Doubles) {
    if (std::none_of(Seen.begin(), Seen.end(),
                     [](const SubstituteClassFact &Fact) { return Fact.Complete; }))
      continue;
    const SubstituteClassFact &Double = leastOf(Seen);
    std::set<std::string> Hooks;
    for (const SubstituteClassFact &Fact : Seen)
      Hooks.insert(Fact.Hooks.begin(), Fact.Hooks.end());
    // The real class: the same USR, declared in the header the double shadows. Several TUs may
    // have seen it under other macros: a name any of them has is not missing.
    std::vector<RealClassFact> Reals;
    for (RealClassFact &Real : Facts.withKey<RealClassFact>(Double.Usr))
      if (Real.Where.File == Double.Shadowed)
        Reals.push_back(std::move(Real));
    if (Reals.empty())
      continue; // no TU of the run implements it: nothing to judge against
    const RealClassFact &Real = leastOf(Reals);
    for (const SubstituteMethod &M : Double.Methods) {
      if (Hooks.count(M.Name) || ReportedLines.count({M.Where.File, M.Where.Offset}) ||
          std::any_of(Reals.begin(), Reals.end(),
                      [&](const RealClassFact &R) { return R.Table.has(M.Name); }) ||
          !Reported.insert({M.Where.File, M.Where.Offset, M.Name, Real.Pattern}).second)
        continue;
      Finding F;
      F.Position = M.Where;
      F.Message = "mock method '" + M.Shown + "' has no counterpart: its class is a substitute for '" +
                  Real.Table.Name + "' declared at " + shownBeside(Real.Where.File, Double.Where.File) +
                  ":" + std::to_string(Real.Where.Line) + ", which has no method named '" + M.Name +
                  "'";
      F.Notes.push_back({Real.Where, describePairing(Double.Name, Real.Table.Name,
                                                     "substitute header: a class of the same "
                                                     "name, found first on the include path")});
      Context.report(std::move(F));
    }
  }
}

} // namespace contractcheck
