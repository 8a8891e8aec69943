// MockDriftRule's end-of-TU pass, shared by the files that implement it, each one job:
// MockDriftAnalysis.cpp finds the mocks, what they stand in for and their method tables;
// MockDriftJudging.cpp judges each mock's methods against the real ones and reports;
// MockDriftCrossTUFacts.cpp emits what only several TUs together can pair, for
// MockDriftGlobalRule. Private to the rule.
#pragma once

#include "rules/mock-drift/MockDriftRule.h"

#include "SourcePositions.h"
#include "rules/mock-drift/MockBaseReach.h"
#include "rules/mock-drift/MockCallNeeds.h"
#include "rules/mock-drift/MockDriftFacts.h"
#include "rules/mock-drift/MockDriftGlobal.h"
#include "rules/mock-drift/MockDriftJudge.h"
#include "rules/mock-drift/MockDriftMap.h"
#include "rules/mock-drift/MockDriftMethods.h"
#include "rules/mock-drift/MockMemberUses.h"
#include "rules/mock-drift/MockSignatureDiff.h"
#include "rules/utils/Usr.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SmallPtrSet.h>
#include <llvm/ADT/StringSet.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace contractcheck {

namespace mock_drift {

// A method of a mock class that stands in for a real one.
struct StandIn {
  const clang::CXXMethodDecl *Method;
  const clang::FieldDecl *Mocker; // gMock methods only
  bool GMock;
};

// The real method a drifted stand-in most likely meant, and what differs.
struct Closest {
  const clang::CXXMethodDecl *Candidate = nullptr;
  std::vector<SignatureDiff> Diffs;
};

} // namespace mock_drift

// The end-of-TU pass: pairs each mock class and judges its methods.
class MockDriftRule::Analysis {
  using StandIn = mock_drift::StandIn;
  using Closest = mock_drift::Closest;

public:
  Analysis(MockDriftRule &Rule, clang::ASTContext &Ctx);

  void run();

private:
  const std::vector<GMockMethod> &gmockOf(const clang::CXXRecordDecl &Class);

  bool inSystemHeader(const clang::Decl &D) const { return SM.isInSystemHeader(locationOf(D)); }

  bool isMock(const clang::CXXRecordDecl &Class);

  const Pairing &pairingOf(const clang::CXXRecordDecl &Mock);

  // For a class named in a mock method's signature: the real class, when it is a mock.
  std::optional<const clang::CXXRecordDecl *> counterpartOf(const clang::CXXRecordDecl &Class);

  // Hand-written methods that may stand in for real ones: named, non-static, not special.
  static bool isOrdinaryMethod(const clang::CXXMethodDecl &Method);

  std::vector<clang::DeclarationName> mockedNames(const clang::CXXRecordDecl &Class);

  bool callsItself(const clang::CXXRecordDecl &Class, llvm::StringRef Name);

  std::vector<StandIn> standInsOf(const clang::CXXRecordDecl &Mock);

  // A hand-written method named like a protected or private non-virtual method of one of the
  // mock's bases makes it callable in tests (`int helper() { return Base::helper(); }`): the
  // test's own helper, not a stand-in for anything the code under test calls.
  static bool reexposesBaseHelper(const clang::CXXRecordDecl &Mock, const clang::CXXMethodDecl &Method);

  void judge(const clang::CXXRecordDecl &Mock);

  // The pair as a column of each real class's service map (MockDriftMap.h).
  void mapStandIn(const clang::CXXRecordDecl &Mock, const Pairing &Pair,
                  const std::vector<StandIn> &StandIns);

  std::string shownName(const clang::CXXRecordDecl &Mock, const MethodSignature &Sig);

  // Picks the candidate with the fewest (and least serious) differences; a candidate another
  // mock method already matches is the less likely one to have been meant.
  template <typename DiffFn>
  Closest closest(const std::vector<const clang::CXXMethodDecl *> &Candidates, DiffFn Diff,
                  const llvm::SmallPtrSetImpl<const clang::CXXMethodDecl *> &Taken);

  // Methods of a class that are not method templates; nullopt when a method template has that
  // name (it could match anything, so nothing is judged).
  static std::optional<std::vector<const clang::CXXMethodDecl *>>
  concreteMethods(const std::vector<const clang::NamedDecl *> &Found);

  void judgeInheritance(const clang::CXXRecordDecl &Mock, const Pairing &Pair,
                        const std::vector<StandIn> &StandIns);

  // The stand-ins template dependency injection judges, as plain data: gMock methods and the
  // fake's public methods. WithSpots: for facts, which outlive this TU.
  std::vector<StandInEntry> standInEntries(const clang::CXXRecordDecl &Mock,
                                           const std::vector<StandIn> &StandIns, bool WithSpots);

  // The methods of Real (and its bases) with the given names, or with every name when Names is
  // null.
  RealClassTable tableOf(const clang::CXXRecordDecl &Real, const std::vector<std::string> *Names,
                         bool WithSpots);

  static std::vector<const clang::CXXRecordDecl *> classAndBases(const clang::CXXRecordDecl &Class);

  void judgeAgainst(const clang::CXXRecordDecl &Mock, const RealCounterpart &Real,
                    const std::vector<StandIn> &StandIns);

  // The counterparts to name in the pairing note: the base through which Owner is inherited.
  static std::vector<RealCounterpart> realsFor(const Pairing &Pair, const clang::CXXRecordDecl &Owner);

  clang::SourceLocation locationOf(const clang::Decl &D) const { return SM.getExpansionLoc(D.getLocation()); }

  void report(const clang::CXXMethodDecl &Method, const std::string &Shown, const clang::CXXMethodDecl *Candidate,
              const std::string &What, const std::string &CandidateNote,
              const std::vector<RealCounterpart> &Reals, const clang::Expr *Call = nullptr,
              const std::string &CallNote = "");

  void reportUnpaired(const clang::CXXRecordDecl &Mock);

  // A duck-typed mock defined in a header that this TU does not inject into a template: another
  // TU may, and there only the template's calls count. So this TU reports what no call could
  // excuse (a name the real class lacks) and leaves a signature difference to the global step,
  // which reports it when no TU of the run injects the mock (MockDriftGlobal.cpp). clang-tidy,
  // which keeps no facts, judges as a run of this TU alone would: exactly.
  bool defersSignatures(const clang::CXXRecordDecl &Mock);

  void defer(const clang::CXXRecordDecl &Mock, const StandInEntry &S, const Drift &D,
             const RealCounterpart &Real);

  // The real class a finding is reported once for: the template of a specialization.
  static const clang::CXXRecordDecl *reportedReal(const RealCounterpart &Real);

  // Co-instantiation across TUs: a mock this TU could not pair that is a template argument, and
  // every other class the same templates are instantiated with, as facts the global step joins
  // by template and parameter position.
  void emitCoInstantiationFacts();

  // A class the same TU and every other can name: not local, not in an unnamed namespace, not
  // an instantiation (whose name is its template's).
  static bool namedAcrossTUs(const clang::CXXRecordDecl &Class);

  // Naming convention across TUs: whether this TU paired a mock a naming pattern fits, and the
  // mock itself when it did not, so the global step can pair it with the class its name names
  // in a TU that defines that class.
  void emitPairingFact(const clang::CXXRecordDecl &Mock, const Pairing &Pair);

  // That this TU injects a mock defined in a header: no TU may judge its signatures exactly.
  void emitInjectionFact(const clang::CXXRecordDecl &Mock);

  // A class of a substitute header (SubstituteHeader.h) stands in for the class of the same name
  // in the header it shadows, which this TU never sees: its gMock and virtual methods, and which
  // of them its own code uses as hooks here, for the global step to judge against that class's method table
  // (MockSubstitutes.h).
  void emitSubstituteFact(const clang::CXXRecordDecl &Mock);

  // The classes this TU implements — defined in the main file, or with a method defined there
  // (tcp_transport.cpp defines TcpTransport::Send) — that a mock elsewhere could be named after,
  // or that a substitute header elsewhere doubles: the real side of naming across TUs and of
  // substitute headers. Only the implementing TU emits a class's method table,
  // not every TU that includes its header, so the facts grow with the codebase's classes, not
  // with classes times includers.
  bool implementedHere(const clang::CXXRecordDecl &Class) const;

  void emitNamedRealFacts();

  // The templates the TU instantiates with the mock, and what they call on it.
  const Injections &injectionsOf(const clang::CXXRecordDecl &Mock);

  bool usesParameter(const clang::ClassTemplateDecl &Template, unsigned Index);

  // Identifies a class across TUs.
  static std::string classId(const clang::CXXRecordDecl &Class) { return usrOf(Class); }

  std::vector<std::string> baseIds(const clang::CXXRecordDecl &Class);

  std::string mockFact(const clang::CXXRecordDecl &Mock);

  std::string realFact(const clang::CXXRecordDecl &Real);

  MockDriftRule &Rule;
  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  MockPairer Pairer;
  MockCounterpartFn Counterpart;
  llvm::DenseMap<const clang::CXXRecordDecl *, std::vector<GMockMethod>> GMock;
  llvm::DenseMap<const clang::CXXRecordDecl *, Pairing> Pairings;
  llvm::DenseMap<const clang::CXXRecordDecl *, llvm::StringSet<>> SelfCalled;
  // Member pointers the main file takes (computed when first needed).
  std::optional<llvm::DenseSet<const clang::CXXMethodDecl *>> MainFilePointers;
  llvm::DenseMap<const clang::CXXRecordDecl *, Injections> Injected;
  std::set<std::string> Emitted;
  std::map<std::pair<const clang::ClassTemplateDecl *, unsigned>, bool> UsesParameter;
  MockBaseReach BaseReach{Ctx};
  // What report() said of each mock method name, while judging one mock.
  std::map<std::string, MockMethodDrift> Drifted;
};

} // namespace contractcheck
