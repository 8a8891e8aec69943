#include "rules/string-dispatch/StringDispatchGlobal.h"

#include "ContractMap.h"
#include "DidYouMean.h"
#include "RuleOptions.h"
#include "rules/string-dispatch/QtCreatedClasses.h"

#include <llvm/ADT/StringExtras.h>

#include <map>
#include <tuple>
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

// The dispatch as an entry of the report's service map: the registered names as rows, the names
// called through it as the column; what the rule reported is the drift.
// UnregisteredReported, DeadReported: whether the rule reported called names no registration
// has, and registered names no call passes (a side that receives names built at run time is not
// judged).
ServiceStandIn dispatchColumn(const DispatchSpec &Spec, const SitesByName &Registered,
                              const SitesByName &Called, bool UnregisteredReported,
                              bool DeadReported) {
  ServiceStandIn Column;
  Column.Service = Spec.Name;
  Column.Methods = namesOf(Registered);
  Column.StandIn = "string-dispatched name";
  if (!Registered.empty())
    Column.ServiceAt = Registered.begin()->second.front().Where;
  auto Earlier = [](const SourcePosition &A, const SourcePosition &B) {
    return std::tie(A.File, A.Line, A.Column) < std::tie(B.File, B.Line, B.Column);
  };
  std::set<std::string> Functions; // quoted
  for (const auto &[Name, Calls] : Called)
    for (const DispatchSiteFact &Call : Calls) {
      if (Column.At.File.empty() || Earlier(Call.Where, Column.At))
        Column.At = Call.Where;
      Functions.insert("'" + Call.Function + "'");
    }
  Column.Label = "names passed to " + llvm::join(Functions, ", ");
  for (const auto &[Name, Registrations] : Registered) {
    auto It = Called.find(Name);
    if (It != Called.end())
      Column.Cells.push_back({Name, "matching",
                              std::to_string(It->second.size()) +
                                  (It->second.size() == 1 ? " call" : " calls"),
                              {}});
    else
      Column.Cells.push_back({Name, "absent", "never called",
                              DeadReported ? Registrations.front().Where : SourcePosition()});
  }
  for (const auto &[Name, Calls] : Called)
    if (!Registered.count(Name))
      Column.Cells.push_back(
          {Name, "differing", "not registered",
           UnregisteredReported ? Calls.front().Where : SourcePosition()});
  return Column;
}

// Whether Class declares (or inherits from a project class) the meta-method a string names.
bool declares(const QtMadeClass &Class, const QtDeferredStringFact &D) {
  return llvm::any_of(Class.Methods, [&](const QtMadeMethod &Method) {
    return qtMadeMethodMatches(Method, D.Wanted, D.Name, D.Arguments, D.NameOnly);
  });
}

// The facts the type tests of the deferred strings are judged with.
struct TypeTestFacts {
  std::map<std::string, QtPredicateFact> Predicates;                          // by method
  std::map<std::string, std::vector<const QtPredicateFact *>> Overriders;     // by overridden
  std::map<std::string, QtClassFact> Classes;                                 // by name

  explicit TypeTestFacts(const RuleFacts &Facts) {
    for (QtPredicateFact &F : Facts.all<QtPredicateFact>())
      Predicates.try_emplace(F.key(), std::move(F));
    for (const auto &[_, F] : Predicates)
      for (const std::string &Overridden : F.Overrides)
        Overriders[Overridden].push_back(&F);
    for (QtClassFact &F : Facts.all<QtClassFact>())
      Classes.try_emplace(F.key(), std::move(F));
  }

  // Whether the test, where it holds, lets through only objects of classes declaring the string.
  // A predicate holds for an object whose final overrider returns anything but false: the called
  // method must return false (or be pure), and every override that may return true (in any
  // analysed TU) be a member of a class that declares the name, one of them at least. A
  // subclass of such a class inherits the name; one that overrides again has its own fact.
  bool admitsOnlyDeclaring(const QtTypeTest &Test, const QtDeferredStringFact &D) const {
    if (Test.Test == "inherits" || Test.Test == "class-name") {
      auto It = Classes.find(Test.Class);
      return It != Classes.end() && declares(It->second.Class, D);
    }
    if (Test.Test != "predicate")
      return false;
    if (!Test.BaseFalse) {
      auto Own = Predicates.find(Test.Predicate);
      if (Own == Predicates.end() || Own->second.Returns != "false")
        return false;
    }
    auto It = Overriders.find(Test.Predicate);
    if (It == Overriders.end())
      return false;
    bool Through = false;
    for (const QtPredicateFact *F : It->second) {
      if (F->Returns == "false")
        continue;
      if (!declares(F->Class, D))
        return false;
      Through = true;
    }
    return Through;
  }
};

// A Qt string on an object that a factory of another TU makes: reported, as that TU would have,
// unless the TU of the factory (or of an override of it, when it is a virtual) was analysed and a
// class it makes declares it (which one it makes is the program's choice, as where the factory is
// seen). A string behind a test of the object's type: reported unless one of its tests lets only
// classes that declare it through. Judged the same whatever order the TUs finished in: by key,
// the first of equal facts.
void judgeMadeObjects(GlobalContext &Context) {
  std::map<std::string, QtFactoryFact> Factories;
  for (QtFactoryFact &F : Context.facts().all<QtFactoryFact>())
    Factories.try_emplace(F.key(), std::move(F));
  std::map<std::string, std::vector<const QtFactoryFact *>> Making; // a factory's and its overrides'
  for (const auto &[Usr, F] : Factories) {
    Making[Usr].push_back(&F);
    for (const std::string &Overridden : F.Overrides)
      Making[Overridden].push_back(&F);
  }
  const TypeTestFacts Tests(Context.facts());
  std::map<std::string, QtDeferredStringFact> Deferred;
  for (QtDeferredStringFact &D : Context.facts().all<QtDeferredStringFact>())
    Deferred.try_emplace(D.key(), std::move(D));
  std::set<std::pair<std::string, unsigned>> Reported; // one finding per string
  for (auto &[_, D] : Deferred) {
    auto It = D.Factory.empty() ? Making.end() : Making.find(D.Factory);
    if (It != Making.end() && llvm::any_of(It->second, [&](const QtFactoryFact *F) {
          return llvm::any_of(F->Classes,
                              [&](const QtMadeClass &Class) { return declares(Class, D); });
        }))
      continue;
    if (llvm::any_of(D.Guards,
                     [&](const QtTypeTest &Test) { return Tests.admitsOnlyDeclaring(Test, D); }))
      continue;
    if (Reported.insert({D.Drift.Position.File, D.Drift.Position.Offset}).second)
      Context.report(std::move(D.Drift));
  }
}

} // namespace

StringDispatchGlobalRule::StringDispatchGlobalRule(const RuleOptions &Options)
    : Dispatches(Options.getRecords<DispatchSpec>("dispatch")) {}

void StringDispatchGlobalRule::run(GlobalContext &Context) {
  judgeMadeObjects(Context);
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
    if (!Called.empty())
      Context.map(
          dispatchColumn(Spec, Registered, Called, !RegistersUnknownNames, !CallsUnknownNames));

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
