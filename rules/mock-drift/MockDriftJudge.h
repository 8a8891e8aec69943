// Judging a mock against a real class it stands in for without inheritance (template dependency
// injection): on plain data, so the per-TU pass and the global step (a mock and a real class
// seen in different translation units) judge alike.
#pragma once

#include "rules/mock-drift/MockCallNeeds.h"
#include "rules/mock-drift/MockSignatureDiff.h"

#include "JsonFields.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace clang {
class CXXMethodDecl;
} // namespace clang

namespace contractcheck {

// A mock method (or a public method of a hand-written fake) that stands in for a real one.
struct StandInEntry {
  MethodSignature Sig;
  std::string Shown; // "MockTransport::Send(std::string)"
  bool GMock = false;
  // The mock calls it on itself (gMock's destructor idiom): its own hook, not a stand-in.
  bool SelfCalled = false;
  SourcePosition Where;
  // Template dependency injection through a template the TU instantiates with the mock: what
  // the template calls on it is what counts (see MockCallNeeds.h), not the exact signature.
  bool Injected = false;
  std::vector<TemplateCall> Calls; // the calls that reach this method
  const clang::CXXMethodDecl *Decl = nullptr; // in the TU that extracted it; not serialised
};

struct RealMethodEntry {
  MethodSignature Sig;
  std::string Owner; // the class declaring it, as messages name classes
  SourcePosition Where;
  const clang::CXXMethodDecl *Decl = nullptr; // in the TU that extracted it; not serialised
  friend bool operator==(const RealMethodEntry &, const RealMethodEntry &) = default;
};

struct RealClassTable {
  std::string Name; // as messages name classes
  // Methods by name, in lookup order (the class's own first, then its bases'); a name with a
  // member template is in TemplateNames instead: it could match anything.
  std::map<std::string, std::vector<RealMethodEntry>> Methods;
  std::set<std::string> TemplateNames;

  bool has(const std::string &MethodName) const {
    return Methods.count(MethodName) || TemplateNames.count(MethodName);
  }
  friend bool operator==(const RealClassTable &, const RealClassTable &) = default;
};

struct Drift {
  size_t StandIn = 0;                         // index into the stand-ins judged
  const RealMethodEntry *Candidate = nullptr; // none: the real class has no such name
  std::string What;                           // follows "mock method 'M::f(...)' "
  std::string CandidateNote;                  // at Candidate
  const TemplateCall *Call = nullptr;         // injection: the call no real method takes
  std::string CallNote;                       // at Call
};

// "closest candidate 'Real::f(int)': parameter 1 is 'int' here but 'long' in the mock"
std::string candidateNote(const std::string &Owner, const MethodSignature &Candidate,
                          const std::vector<SignatureDiff> &Diffs);

// A stand-in injected into a template is judged by the calls the template makes on it: drift is
// a call that no real method of that name can take. Any other stand-in is compared by every
// observable part of its signature, except that a real method's trailing defaulted parameters
// may be left out and `T` stands in for `const T &`. Either way, a gMock method whose name the
// real class lacks is drift, unless its mock calls it on itself (a hook); a hand-written fake's
// method with no namesake in the real class is a test helper.
std::vector<Drift> judgeStandIns(const std::vector<StandInEntry> &StandIns,
                                 const RealClassTable &Real);

CONTRACTCHECK_JSON_FIELDS(StandInEntry, (Sig, "sig"), (Shown, "shown"), (GMock, "gmock"),
                          (SelfCalled, "self_called"), (Where, "where"), (Injected, "injected"),
                          (Calls, "calls"))
CONTRACTCHECK_JSON_FIELDS(RealMethodEntry, (Sig, "sig"), (Owner, "owner"), (Where, "where"))
CONTRACTCHECK_JSON_FIELDS(RealClassTable, (Name, "name"), (Methods, "methods"),
                          (TemplateNames, "templates"))

} // namespace contractcheck
