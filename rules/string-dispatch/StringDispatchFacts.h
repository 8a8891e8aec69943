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

// A test of the receiver's dynamic type that guards the connect: the string is run only when it
// holds (Cute Chess's `if (player->isHuman()) connect(..., player, SLOT(onHumanMove(...)))`).
//  "predicate": a virtual bool method called on the receiver (Predicate, its USR); it holds only
//               for an object whose final overrider does not return false. BaseFalse: the called
//               method is pure, or its body in the guarding TU returns false.
//  "inherits":  receiver->inherits("Class"): the object's class is Class or derives from it.
//  "class-name": receiver->metaObject()->className() compared equal to "Class": exactly Class.
struct QtTypeTest {
  std::string Test; // "predicate", "inherits" or "class-name"
  std::string Predicate;
  bool BaseFalse = false;
  std::string Class; // qualified, as moc names it
};

// A SIGNAL()/SLOT() string (or invokeMethod name) the receiver's static class lacks, on an object
// a factory defined in another TU returns (or a virtual overridden there), or behind a test of the
// object's type: reported by the judging step unless a class that factory or an override of it
// makes declares it, or a type test lets only classes that declare it through.
struct QtDeferredStringFact {
  static constexpr std::string_view Kind = "qt-deferred-string";
  static constexpr unsigned Version = 2;
  std::string Factory;                // USR; empty when only Guards may excuse it
  std::vector<QtTypeTest> Guards;     // the tests the connect runs under: each must hold
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

// A definition of a virtual bool method of a QObject class (an override, or the method itself in
// its own file), for the type tests of other TUs: what it returns, and, unless it returns false,
// the class it is a member of with the meta-methods that class and its project bases declare.
struct QtPredicateFact {
  static constexpr std::string_view Kind = "qt-predicate";
  static constexpr unsigned Version = 1;
  std::string Method;                 // USR
  std::vector<std::string> Overrides; // USRs of the methods it overrides, directly or not
  std::string Returns;                // "true", "false" or "other"
  QtMadeClass Class;                  // empty when Returns is "false"
  std::string key() const { return Method; }
};

// A QObject class of the project whose member functions this TU's own file defines (its home
// TU), with the meta-methods it and its project bases declare: what an `inherits("Class")` or
// `className()` test in another TU names.
struct QtClassFact {
  static constexpr std::string_view Kind = "qt-class";
  static constexpr unsigned Version = 1;
  QtMadeClass Class;
  std::string key() const { return Class.Name; }
};

CONTRACTCHECK_JSON_FIELDS(QtMadeMethod, (Name, "name"), (Kind, "kind"),
                          (Parameters, "parameters"), (Canonical, "canonical"),
                          (Required, "required"), (AnyParameters, "any_parameters"))
CONTRACTCHECK_JSON_FIELDS(QtMadeClass, (Name, "name"), (Methods, "methods"))
CONTRACTCHECK_JSON_FIELDS(QtFactoryFact, (Factory, "factory"), (Classes, "classes"),
                          (Overrides, "overrides"))
CONTRACTCHECK_JSON_FIELDS(QtTypeTest, (Test, "test"), (Predicate, "predicate"),
                          (BaseFalse, "base_false"), (Class, "class"))
CONTRACTCHECK_JSON_FIELDS(QtDeferredStringFact, (Factory, "factory"), (Guards, "guards"),
                          (Wanted, "wanted"), (Name, "name"), (Arguments, "arguments"),
                          (NameOnly, "name_only"), (Drift, "drift"))
CONTRACTCHECK_JSON_FIELDS(QtPredicateFact, (Method, "method"), (Overrides, "overrides"),
                          (Returns, "returns"), (Class, "class"))
CONTRACTCHECK_JSON_FIELDS(QtClassFact, (Class, "class"))

std::span<const FactKind> stringDispatchFactKinds();

} // namespace contractcheck
