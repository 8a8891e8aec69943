// contract-mock-drift's facts: what one TU knows about mocks, real classes and the templates they
// are instantiated in, for the global step that pairs across TUs. Classes and templates are
// identified by USR.
#pragma once

#include "Facts.h"
#include "Finding.h"
#include "JsonFields.h"
#include "rules/mock-drift/MockDriftJudge.h"
#include "RuleInfo.h"

#include <span>
#include <string>
#include <vector>

namespace contractcheck {

struct MockClassFact {
  static constexpr std::string_view Kind = "mock-class";
  static constexpr unsigned Version = 3;
  std::string Usr;
  std::string Name;       // as messages name classes
  std::string Identifier; // the unqualified name, for naming conventions
  std::vector<std::string> Arguments; // of a class template specialization (see argumentsAgree)
  std::vector<std::string> Bases; // USRs
  std::vector<std::string> Names; // the method names it mocks
  std::vector<StandInEntry> StandIns;
  std::string key() const { return Usr; }
};

struct RealClassFact {
  static constexpr std::string_view Kind = "real-class";
  static constexpr unsigned Version = 3;
  std::string Usr;
  std::string Identifier;
  std::vector<std::string> Arguments; // of a class template specialization (see argumentsAgree)
  SourcePosition Where;
  std::string Pattern; // USR of the class template it instantiates, else its own
  std::vector<std::string> Bases;
  RealClassTable Table;
  std::string key() const { return Usr; }
  // Every member, the ones not serialised too: equal facts have equal JSON text.
  friend bool operator==(const RealClassFact &, const RealClassFact &) = default;
};

// A class used as the Index-th argument of a class template that calls members on it.
struct TemplateArgFact {
  static constexpr std::string_view Kind = "template-arg";
  static constexpr unsigned Version = 1;
  std::string Template; // USR
  std::string Shown;    // as messages name the template
  unsigned Index = 0;
  std::string Class; // USR of a MockClassFact or a RealClassFact
  bool IsMock = false;
  std::string key() const { return Template + "#" + std::to_string(Index); }
};

// A mock method a TU reported against a real class (template), so the global step does not
// report it again.
struct ReportedFact {
  static constexpr std::string_view Kind = "reported";
  static constexpr unsigned Version = 1;
  std::string File;
  unsigned Offset = 0;
  std::string Method;
  std::string Real; // USR of the real class (template)
  std::string key() const { return File + ":" + std::to_string(Offset); }
};

// Whether one TU paired a mock whose name a naming pattern fits (MockTcpTransport). A mock no TU
// paired is paired by name across TUs, with a RealClassFact of the class its name names.
struct MockPairingFact {
  static constexpr std::string_view Kind = "mock-pairing";
  static constexpr unsigned Version = 1;
  std::string Usr; // of the mock; its MockClassFact is emitted when it is unpaired
  bool Paired = false;
  std::string key() const { return Usr; }
};

// A mock a TU injects into a template (see MockCallNeeds.h): every TU's judgement of its
// signatures is what the templates' calls need, never the exact signature.
struct MockInjectionFact {
  static constexpr std::string_view Kind = "mock-injection";
  static constexpr unsigned Version = 1;
  std::string Usr; // of the mock
  std::string key() const { return Usr; }
};

// A signature difference a TU found between a duck-typed mock defined in a header and its real
// class, without seeing the mock injected into a template: another TU may inject it, and there
// only the template's calls count. The global step reports it when no TU of the run injects the
// mock.
struct DeferredDriftFact {
  static constexpr std::string_view Kind = "deferred-drift";
  static constexpr unsigned Version = 1;
  std::string Mock;   // USR
  std::string Method; // the mock method's name
  std::string Real;   // USR of the real class (template), as ReportedFact has it
  Finding Drift;      // as the TU would have reported it
  std::string key() const {
    return Drift.Position.File + ":" + std::to_string(Drift.Position.Offset) + "#" + Real;
  }
};

// A gMock or virtual method of a substitute header's class (see SubstituteClassFact).
struct SubstituteMethod {
  std::string Name;
  std::string Shown; // "ns::Reader::expired(int)"
  SourcePosition Where;
};

// A class with gMock methods declared in a substitute header (SubstituteHeader.h): the double of
// the real class of the same name declared in the header it shadows, which this TU never sees.
// The global step judges its gMock and virtual methods against the method table of that class,
// which a TU implementing it emitted as a RealClassFact (MockSubstitutes.h).
struct SubstituteClassFact {
  static constexpr std::string_view Kind = "substitute-class";
  static constexpr unsigned Version = 1;
  std::string Usr; // the real class's too: the same qualified name
  std::string Name;
  SourcePosition Where;
  std::string Shadowed; // the shadowed header, as positions name files
  std::vector<SubstituteMethod> Methods;
  // The methods this TU sees the class's own code use as hooks: called on itself, or by a class
  // derived from it.
  std::vector<std::string> Hooks;
  // This TU defines every method of the class it declares: no body it cannot see may call one.
  bool Complete = false;
  std::string key() const { return Where.File + ":" + std::to_string(Where.Offset); }
};

CONTRACTCHECK_JSON_FIELDS(MockClassFact, (Usr, "usr"), (Name, "name"), (Identifier, "identifier"),
                          (Arguments, "arguments"), (Bases, "bases"), (Names, "names"),
                          (StandIns, "stand_ins"))
CONTRACTCHECK_JSON_FIELDS(RealClassFact, (Usr, "usr"), (Identifier, "identifier"),
                          (Arguments, "arguments"), (Where, "where"), (Pattern, "pattern"),
                          (Bases, "bases"), (Table, "table"))
CONTRACTCHECK_JSON_FIELDS(TemplateArgFact, (Template, "template"), (Shown, "shown"),
                          (Index, "index"), (Class, "class"), (IsMock, "is_mock"))
CONTRACTCHECK_JSON_FIELDS(ReportedFact, (File, "file"), (Offset, "offset"), (Method, "method"),
                          (Real, "real"))
CONTRACTCHECK_JSON_FIELDS(MockPairingFact, (Usr, "usr"), (Paired, "paired"))
CONTRACTCHECK_JSON_FIELDS(MockInjectionFact, (Usr, "usr"))
CONTRACTCHECK_JSON_FIELDS(DeferredDriftFact, (Mock, "mock"), (Method, "method"), (Real, "real"),
                          (Drift, "drift"))

CONTRACTCHECK_JSON_FIELDS(SubstituteMethod, (Name, "name"), (Shown, "shown"), (Where, "where"))
CONTRACTCHECK_JSON_FIELDS(SubstituteClassFact, (Usr, "usr"), (Name, "name"), (Where, "where"),
                          (Shadowed, "shadowed"), (Methods, "methods"), (Hooks, "hooks"),
                          (Complete, "complete"))

std::span<const FactKind> mockDriftFactKinds();

} // namespace contractcheck
