// contract-string-dispatch's configuration records and facts: which functions register and call
// names given as strings, and each string literal one TU passed to them.
#pragma once

#include "Facts.h"
#include "JsonFields.h"
#include "Finding.h"
#include "RuleInfo.h"

#include <span>
#include <string>
#include <vector>

namespace contractcheck {

// One argument of one function: `{function: shop::EventBus::publish, arg: 0}`.
struct DispatchEndpoint {
  std::string Function; // qualified name
  unsigned Arg = 0;     // 0 is the first argument after the object of a member call
};

// One `dispatch:` entry: names registered at some endpoints and called at others.
struct DispatchSpec {
  std::string Name; // as messages name it, e.g. "event bus"
  std::vector<DispatchEndpoint> Register;
  std::vector<DispatchEndpoint> Call;
};

CONTRACTCHECK_JSON_FIELDS(DispatchEndpoint, (Function, "function"), (Arg, "arg"))
CONTRACTCHECK_JSON_FIELDS(DispatchSpec, (Name, "name"), (Register, "register"), (Call, "call"))

enum class DispatchRole { Register, Call };

// "register" or "call"; any other string does not read.
void to_json(nlohmann::json &J, DispatchRole Role);
void from_json(const nlohmann::json &J, DispatchRole &Role);

// A string literal passed to a configured endpoint.
struct DispatchSiteFact {
  static constexpr std::string_view Kind = "dispatch-site";
  static constexpr unsigned Version = 1;
  std::string Dispatch; // DispatchSpec::Name
  DispatchRole Role = DispatchRole::Call;
  std::string Name;     // the literal's text
  std::string Function; // the endpoint's qualified name, as configured
  SourcePosition Where; // the literal, or the argument that names a constant holding it
  std::string key() const;
};

// An argument at a configured endpoint that is not a literal (a parameter forwarded by a
// wrapper, a name built at runtime): that side of the dispatch holds names no TU can list.
struct DynamicSiteFact {
  static constexpr std::string_view Kind = "dynamic-site";
  static constexpr unsigned Version = 1;
  std::string Dispatch;
  DispatchRole Role = DispatchRole::Call;
  std::string Function;
  SourcePosition Where;
  std::string key() const;
};

CONTRACTCHECK_JSON_FIELDS(DispatchSiteFact, (Dispatch, "dispatch"), (Role, "role"), (Name, "name"),
                          (Function, "function"), (Where, "where"))
CONTRACTCHECK_JSON_FIELDS(DynamicSiteFact, (Dispatch, "dispatch"), (Role, "role"),
                          (Function, "function"), (Where, "where"))

// A Qt meta-method of a class a factory makes, as the judging step compares a string with it.
struct QtMadeMethod {
  std::string Name;
  std::string Kind; // qtMethodKindName: "signal", "slot" or "Q_INVOKABLE method"
  std::vector<std::vector<std::string>> Parameters; // QtMetaMethod::Parameters
  std::vector<std::string> Canonical;               // QtMetaMethod::CanonicalParameters
  unsigned Required = 0;
  bool AnyParameters = false;
};

// A class a factory makes, with every meta-method it has (its bases' too).
struct QtMadeClass {
  std::string Name; // qualified
  std::vector<QtMadeMethod> Methods;
};

// A function defined in this TU whose every return statement returns an object it makes with
// `new` (or null, or what another such function returns, or a member written only with those):
// classes its result can be of. A virtual's override names the methods it overrides, so that a
// call of any of them reads its classes too.
struct QtFactoryFact {
  static constexpr std::string_view Kind = "qt-factory";
  static constexpr unsigned Version = 2;
  std::string Factory; // USR
  std::vector<QtMadeClass> Classes;
  std::vector<std::string> Overrides; // USRs of the methods it overrides, directly or not
  std::string key() const { return Factory; }
};

// A SIGNAL()/SLOT() string (or invokeMethod name) the receiver's static class lacks, on an object
// a factory defined in another TU returns (or a virtual overridden there): reported by the
// judging step unless a class that factory or an override of it makes declares it.
struct QtDeferredStringFact {
  static constexpr std::string_view Kind = "qt-deferred-string";
  static constexpr unsigned Version = 1;
  std::string Factory;                // USR
  std::string Wanted;                 // "signal", "slot" or "any": what the string may name
  std::string Name;
  // Per argument, its normalised spelling, then the canonical type it names when this TU can
  // resolve it (a typedef).
  std::vector<std::vector<std::string>> Arguments;
  bool NameOnly = false;
  Finding Drift; // as the TU would have reported it
  std::string key() const {
    return Drift.Position.File + ":" + std::to_string(Drift.Position.Offset) + "#" + Factory;
  }
};

CONTRACTCHECK_JSON_FIELDS(QtMadeMethod, (Name, "name"), (Kind, "kind"),
                          (Parameters, "parameters"), (Canonical, "canonical"),
                          (Required, "required"), (AnyParameters, "any_parameters"))
CONTRACTCHECK_JSON_FIELDS(QtMadeClass, (Name, "name"), (Methods, "methods"))
CONTRACTCHECK_JSON_FIELDS(QtFactoryFact, (Factory, "factory"), (Classes, "classes"),
                          (Overrides, "overrides"))
CONTRACTCHECK_JSON_FIELDS(QtDeferredStringFact, (Factory, "factory"), (Wanted, "wanted"),
                          (Name, "name"), (Arguments, "arguments"), (NameOnly, "name_only"),
                          (Drift, "drift"))

std::span<const FactKind> stringDispatchFactKinds();

} // namespace contractcheck
