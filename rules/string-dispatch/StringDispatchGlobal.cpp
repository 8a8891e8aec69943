#include "rules/string-dispatch/StringDispatchGlobal.h"

#include "DidYouMean.h"
#include "RuleOptions.h"

#include <map>
#include <set>

namespace contractcheck {

namespace {

// The sites of one dispatch, by literal, in key order (so in position order per literal).
using SitesByName = std::map<std::string, std::vector<DispatchSiteFact>>;

std::vector<std::string> namesOf(const SitesByName &Sites) {
  std::vector<std::string> Names;
  for (const auto &[Name, _] : Sites)
    Names.push_back(Name);
  return Names;
}

} // namespace

StringDispatchGlobalRule::StringDispatchGlobalRule(const RuleOptions &Options)
    : Dispatches(Options.getRecords<DispatchSpec>("dispatch")) {}

void StringDispatchGlobalRule::run(GlobalContext &Context) {
  if (Dispatches.empty())
    return;
  // When a TU was not analysed (a file subset without stored facts, a TU that did not parse), the
  // registration of a called name (or the call of a registered one) may sit in it: judging either
  // direction would report names that are fine, and passing would say they were checked.
  if (!Context.factsAreComplete()) {
    for (size_t I = 0; I < Dispatches.size(); ++I)
      Context.inputProblem(Context.optionPosition("/dispatch/" + std::to_string(I) + "/name"),
                           "dispatch '" + Dispatches[I].Name + "': not judged because " +
                               Context.whyFactsAreIncomplete());
    return;
  }

  std::map<std::string, std::pair<SitesByName, SitesByName>> Sites; // dispatch -> (registered, called)
  for (DispatchSiteFact &F : Context.facts().all<DispatchSiteFact>()) {
    auto &[Registered, Called] = Sites[F.Dispatch];
    (F.Role == DispatchRole::Register ? Registered : Called)[F.Name].push_back(std::move(F));
  }

  // A side that also receives names built at runtime (a wrapper forwarding its parameter) holds
  // names no TU lists: the other side's names cannot be judged missing from it.
  std::set<std::pair<std::string, DispatchRole>> Dynamic;
  for (const DynamicSiteFact &F : Context.facts().all<DynamicSiteFact>())
    Dynamic.insert({F.Dispatch, F.Role});

  for (const DispatchSpec &Spec : Dispatches) {
    auto It = Sites.find(Spec.Name);
    if (It == Sites.end())
      continue;
    const auto &[Registered, Called] = It->second;
    const bool RegistersUnknownNames = Dynamic.count({Spec.Name, DispatchRole::Register}) != 0;
    const bool CallsUnknownNames = Dynamic.count({Spec.Name, DispatchRole::Call}) != 0;
    std::vector<std::string> RegisteredNames = namesOf(Registered);
    std::vector<std::string> CalledNames = namesOf(Called);

    for (const auto &[Name, Calls] : Called) {
      if (RegistersUnknownNames || Registered.count(Name))
        continue;
      std::optional<std::string> Close = closestMatch(Name, RegisteredNames);
      for (const DispatchSiteFact &Call : Calls) {
        Finding F;
        F.Position = Call.Where;
        F.Message = "'" + Name + "' is passed to '" + Call.Function + "' but no '" + Spec.Name +
                    "' registration registers it" + didYouMean(Name, RegisteredNames);
        if (Close) {
          const DispatchSiteFact &Near = Registered.at(*Close).front();
          F.Notes.push_back(
              {Near.Where, "'" + *Close + "' is registered here by '" + Near.Function + "'"});
        }
        Context.report(std::move(F));
      }
    }

    for (const auto &[Name, Registrations] : Registered) {
      if (CallsUnknownNames || Called.count(Name))
        continue;
      for (const DispatchSiteFact &Registration : Registrations) {
        Finding F;
        F.Position = Registration.Where;
        F.Message = "'" + Name + "' is registered with '" + Registration.Function +
                    "' but no '" + Spec.Name + "' call ever passes it: a dead handler" +
                    didYouMean(Name, CalledNames);
        Context.report(std::move(F));
      }
    }
  }
}

} // namespace contractcheck
