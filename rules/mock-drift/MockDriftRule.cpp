#include "rules/mock-drift/MockDriftRule.h"

#include "rules/mock-drift/MockCallNeeds.h"
#include "rules/mock-drift/MockDriftFacts.h"
#include "rules/mock-drift/MockDriftMap.h"
#include "rules/mock-drift/MockDriftGlobal.h"
#include "rules/mock-drift/MockDriftJudge.h"
#include "rules/mock-drift/MockDriftMethods.h"
#include "rules/mock-drift/MockMemberUses.h"
#include "rules/mock-drift/MockSignatureDiff.h"
#include "SourcePositions.h"
#include "rules/utils/Usr.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SmallPtrSet.h>
#include <llvm/ADT/StringSet.h>

#include <optional>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

constexpr FieldSpec PairFields[] = {
    {"mock", OptionType::String, true, "qualified name of the mock or fake class"},
    {"real", OptionType::String, true, "qualified name of the class it stands in for"},
};

constexpr OptionSpec Options[] = {
    {"name-patterns", OptionType::StringList, "Mock*;Fake*;*Mock;Stub*",
     "How a mock's name gives its real class's name, '*' standing for the real name "
     "('MockTurtle' -> 'Turtle'). Used when the mock has no base class."},
    {"pairs", OptionType::RecordList, "",
     "Explicit {mock, real} pairs of qualified class names (e.g. "
     "{mock: tests::FakeClock, real: core::SteadyClock}); they take precedence over every other "
     "pairing.",
     PairFields, {}, '='},
    {"report-unpaired", OptionType::Bool, "false",
     "Also report gMock classes for which no real class was found."},
};

std::vector<std::pair<std::string, std::string>> pairsOf(const RuleOptions &Options) {
  std::vector<std::pair<std::string, std::string>> Pairs;
  for (const nlohmann::json &Pair : Options.get("pairs"))
    Pairs.emplace_back(Pair.at("mock").get<std::string>(), Pair.at("real").get<std::string>());
  return Pairs;
}


// A method of a mock class that stands in for a real one.
struct StandIn {
  const CXXMethodDecl *Method;
  const FieldDecl *Mocker; // gMock methods only
  bool GMock;
};

// The real method a drifted stand-in most likely meant, and what differs.
struct Closest {
  const CXXMethodDecl *Candidate = nullptr;
  std::vector<SignatureDiff> Diffs;
};

} // namespace

// The end-of-TU pass: pairs each mock class and judges its methods.
class MockDriftRule::Analysis {
public:
  Analysis(MockDriftRule &Rule, ASTContext &Ctx)
      : Rule(Rule), Ctx(Ctx), SM(Ctx.getSourceManager()),
        Pairer(Ctx, Rule.Patterns, Rule.Pairs,
               {[this](const CXXRecordDecl &C) { return isMock(C); },
                [this](const CXXRecordDecl &C) { return mockedNames(C); }}),
        Counterpart([this](const CXXRecordDecl &C) { return counterpartOf(C); }) {
    for (const CXXRecordDecl *Record : Rule.Records)
      Pairer.addRecord(Record);
    for (const ClassTemplateDecl *Template : Rule.Templates)
      Pairer.addTemplate(Template);
  }

  void run() {
    llvm::SetVector<const CXXRecordDecl *> Classes(Rule.Records.begin(), Rule.Records.end());
    // A mock class template (or a mock of a template parameter) is judged in its
    // instantiations, where the signatures are concrete.
    for (const ClassTemplateDecl *Template : Rule.Templates)
      for (const ClassTemplateSpecializationDecl *Spec : Template->specializations())
        if (const CXXRecordDecl *Def = Spec->getDefinition(); Def && !Def->isDependentContext())
          Classes.insert(Def);
    for (const CXXRecordDecl *Class : Classes)
      if (isMock(*Class) && !inSystemHeader(*Class))
        judge(*Class);
    emitCoInstantiationFacts();
    emitNamedRealFacts();
  }

private:
  const std::vector<GMockMethod> &gmockOf(const CXXRecordDecl &Class) {
    auto [It, Inserted] = GMock.try_emplace(&Class);
    if (Inserted)
      It->second = gmockMethods(Class, SM);
    return It->second;
  }

  bool inSystemHeader(const Decl &D) const { return SM.isInSystemHeader(locationOf(D)); }

  bool isMock(const CXXRecordDecl &Class) {
    if (Class.isLambda() || Class.isDependentContext() || isGMockOwn(Class))
      return false;
    return !gmockOf(Class).empty() || Pairer.matchesNamePattern(Class) ||
           Pairer.isConfiguredMock(Class);
  }

  const Pairing &pairingOf(const CXXRecordDecl &Mock) {
    auto It = Pairings.find(&Mock);
    if (It == Pairings.end())
      It = Pairings.try_emplace(&Mock, Pairer.pair(Mock)).first;
    return It->second;
  }

  // For a class named in a mock method's signature: the real class, when it is a mock.
  std::optional<const CXXRecordDecl *> counterpartOf(const CXXRecordDecl &Class) {
    const CXXRecordDecl *Def = unwrapGMockWrapper(Class.getDefinition());
    if (!Def || !isMock(*Def))
      return std::nullopt;
    const Pairing &Pair = pairingOf(*Def);
    if (Pair.Reals.size() != 1)
      return nullptr;
    return Pair.Reals.front().Real;
  }

  // Hand-written methods that may stand in for real ones: named, non-static, not special.
  static bool isOrdinaryMethod(const CXXMethodDecl &Method) {
    return !Method.isImplicit() && Method.getIdentifier() && !Method.isStatic() &&
           !Method.isDeleted() && !isGMockPlumbing(Method);
  }

  std::vector<DeclarationName> mockedNames(const CXXRecordDecl &Class) {
    std::vector<DeclarationName> Names;
    for (const GMockMethod &M : gmockOf(Class))
      Names.push_back(M.Method->getDeclName());
    if (Names.empty())
      for (const CXXMethodDecl *Method : Class.methods())
        if (isOrdinaryMethod(*Method) && Method->getAccess() == AS_public)
          Names.push_back(Method->getDeclName());
    return Names;
  }

  bool callsItself(const CXXRecordDecl &Class, llvm::StringRef Name) {
    const CXXRecordDecl *Source = Class.getTemplateInstantiationPattern();
    if (!Source)
      Source = &Class;
    auto [It, Inserted] = SelfCalled.try_emplace(Source);
    if (Inserted) {
      It->second = membersCalledOnItself(*Source);
    }
    return It->second.contains(Name);
  }

  std::vector<StandIn> standInsOf(const CXXRecordDecl &Mock) {
    std::vector<StandIn> StandIns;
    llvm::SmallPtrSet<const CXXMethodDecl *, 16> IsGMock;
    for (const GMockMethod &M : gmockOf(Mock)) {
      StandIns.push_back({M.Method, M.Mocker, true});
      IsGMock.insert(M.Method);
    }
    for (const CXXMethodDecl *Method : Mock.methods())
      if (isOrdinaryMethod(*Method) && !isa<CXXConstructorDecl, CXXDestructorDecl>(Method) &&
          !IsGMock.contains(Method) && !reexposesBaseHelper(Mock, *Method))
        StandIns.push_back({Method, nullptr, false});
    return StandIns;
  }

  // A hand-written method named like a protected or private non-virtual method of one of the
  // mock's bases makes it callable in tests (`int helper() { return Base::helper(); }`): the
  // test's own helper, not a stand-in for anything the code under test calls.
  static bool reexposesBaseHelper(const CXXRecordDecl &Mock, const CXXMethodDecl &Method) {
    std::vector<const CXXRecordDecl *> Classes = classAndBases(Mock);
    for (size_t I = 1; I < Classes.size(); ++I)
      for (const NamedDecl *Found : Classes[I]->lookup(Method.getDeclName())) {
        const auto *Helper =
            dyn_cast_or_null<CXXMethodDecl>(Found->getUnderlyingDecl()->getAsFunction());
        if (Helper && !Helper->isVirtual() && Helper->getAccess() != AS_public)
          return true;
      }
    return false;
  }

  void judge(const CXXRecordDecl &Mock) {
    const Pairing &Pair = pairingOf(Mock);
    emitPairingFact(Mock, Pair);
    if (Pair.Reals.empty()) {
      if (Rule.ReportUnpaired && !gmockOf(Mock).empty())
        reportUnpaired(Mock);
      return;
    }
    std::vector<StandIn> StandIns = standInsOf(Mock);
    Drifted.clear();
    if (Pair.Inheritance)
      judgeInheritance(Mock, Pair, StandIns);
    else
      for (const RealCounterpart &Real : Pair.Reals)
        judgeAgainst(Mock, Real, StandIns);
    if (Rule.keepsFacts())
      mapStandIn(Mock, Pair, StandIns);
  }

  // The pair as a column of each real class's service map (MockDriftMap.h).
  void mapStandIn(const CXXRecordDecl &Mock, const Pairing &Pair,
                  const std::vector<StandIn> &StandIns) {
    MockStandInShape Shape{Pair.Inheritance, !gmockOf(Mock).empty(), {}};
    for (const StandIn &S : StandIns)
      Shape.Names.push_back(S.Method->getNameAsString());
    for (const RealCounterpart &Real : Pair.Reals)
      if (!inSystemHeader(*Real.Real))
        Rule.emitFact(standInColumn(Mock, *Real.Real, Shape, Drifted, SM));
  }

  std::string shownName(const CXXRecordDecl &Mock, const MethodSignature &Sig) {
    return className(Mock) + "::" + printSignature(Sig);
  }

  // Picks the candidate with the fewest (and least serious) differences; a candidate another
  // mock method already matches is the less likely one to have been meant.
  template <typename DiffFn>
  Closest closest(const std::vector<const CXXMethodDecl *> &Candidates, DiffFn Diff,
                  const llvm::SmallPtrSetImpl<const CXXMethodDecl *> &Taken) {
    Closest Best;
    unsigned BestScore = ~0u;
    for (const CXXMethodDecl *Candidate : Candidates) {
      std::vector<SignatureDiff> Diffs = Diff(*Candidate);
      unsigned Score = Taken.contains(Candidate->getCanonicalDecl());
      for (const SignatureDiff &D : Diffs)
        Score += 2 * D.Weight;
      if (Score < BestScore) {
        BestScore = Score;
        Best.Candidate = Candidate;
        Best.Diffs = std::move(Diffs);
      }
    }
    return Best;
  }

  // Methods of a class that are not method templates; nullopt when a method template has that
  // name (it could match anything, so nothing is judged).
  static std::optional<std::vector<const CXXMethodDecl *>>
  concreteMethods(const std::vector<const NamedDecl *> &Found) {
    std::vector<const CXXMethodDecl *> Methods;
    for (const NamedDecl *D : Found) {
      if (isa<FunctionTemplateDecl>(D))
        return std::nullopt;
      Methods.push_back(cast<CXXMethodDecl>(D));
    }
    return Methods;
  }

  void judgeInheritance(const CXXRecordDecl &Mock, const Pairing &Pair,
                        const std::vector<StandIn> &StandIns) {
    // Base methods some mock method overrides: the less likely meaning of a drifted one.
    // Transitively: an override of Derived::f also overrides the Base::f that one overrides.
    llvm::SmallPtrSet<const CXXMethodDecl *, 16> Taken;
    std::vector<const CXXMethodDecl *> Work(Mock.method_begin(), Mock.method_end());
    while (!Work.empty()) {
      const CXXMethodDecl *Method = Work.back();
      Work.pop_back();
      for (const CXXMethodDecl *Overridden : Method->overridden_methods())
        if (Taken.insert(Overridden->getCanonicalDecl()).second)
          Work.push_back(Overridden);
    }

    for (const StandIn &S : StandIns) {
      const CXXMethodDecl &Method = *S.Method;
      if (Method.size_overridden_methods() > 0)
        continue; // an override: the compiler checked the pair
      std::vector<const NamedDecl *> Found;
      for (const CXXBaseSpecifier &Base : Mock.bases())
        if (const CXXRecordDecl *BaseClass = Base.getType()->getAsCXXRecordDecl())
          for (const NamedDecl *D : methodsNamed(*BaseClass, Method.getDeclName()))
            if (std::find(Found.begin(), Found.end(), D) == Found.end())
              Found.push_back(D);
      std::optional<std::vector<const CXXMethodDecl *>> Candidates = concreteMethods(Found);
      if (!Candidates)
        continue;
      // A hand-written method is a stand-in when it is virtual, or when it hides a base virtual
      // of the same name that nothing in the mock overrides; otherwise it is the fake's own
      // helper (an overload next to the override, `Advance()`, `SetNow()`).
      bool HidesVirtual =
          std::any_of(Candidates->begin(), Candidates->end(), [&](const CXXMethodDecl *C) {
            return C->isVirtual() && !Taken.contains(C->getCanonicalDecl());
          });
      if (!S.GMock && !Method.isVirtual() && !HidesVirtual)
        continue;
      // Overriding needs the very same types: no mock class stands in for another here.
      MethodSignature MockSig = signatureOf(Method, S.Mocker, Ctx);
      std::string Shown = shownName(Mock, MockSig);
      if (Candidates->empty()) {
        if (callsItself(Mock, Method.getName()))
          continue;
        report(Method, Shown, nullptr,
               "overrides nothing: no base class has a method named '" + Method.getNameAsString() +
                   "'",
               {}, Pair.Reals);
        continue;
      }
      auto Diff = [&](const CXXMethodDecl &Candidate) {
        std::vector<SignatureDiff> Diffs =
            diffSignatures(signatureOf(Candidate, nullptr, Ctx), MockSig, Comparison::Override);
        if (!Candidate.isVirtual())
          Diffs.push_back({"is not virtual", 1, false});
        return Diffs;
      };
      const CXXMethodDecl *Exact = nullptr;
      for (const CXXMethodDecl *Candidate : *Candidates)
        if (matches(Diff(*Candidate)) && !Exact)
          Exact = Candidate;
      if (Exact) {
        // Same parameters yet no override: only a non-virtual base method does that.
        if (Exact->isVirtual())
          continue;
        std::string Hidden = className(*Exact->getParent()) +
                             "::" + printSignature(signatureOf(*Exact, nullptr, Ctx));
        report(Method, Shown, Exact,
               "hides non-virtual '" + Hidden +
                   "': calls through the base class never reach the mock",
               "'" + Hidden + "' is not virtual", realsFor(Pair, *Exact->getParent()));
        continue;
      }
      // An override forwarding to a mock method of another signature: the override's hook.
      if (S.GMock && callsMethodOnItself(Mock, Method))
        continue;
      Closest Best = closest(*Candidates, Diff, Taken);
      const CXXRecordDecl &Owner = *Best.Candidate->getParent();
      report(
          Method, Shown, Best.Candidate,
          "overrides nothing: its signature matches no '" + className(Owner) +
              "::" + Method.getNameAsString() + "'",
          candidateNote(className(Owner), signatureOf(*Best.Candidate, nullptr, Ctx), Best.Diffs),
          realsFor(Pair, Owner));
    }
  }

  // The stand-ins template dependency injection judges, as plain data: gMock methods and the
  // fake's public methods. WithSpots: for facts, which outlive this TU.
  std::vector<StandInEntry> standInEntries(const CXXRecordDecl &Mock,
                                           const std::vector<StandIn> &StandIns, bool WithSpots) {
    std::vector<StandInEntry> Entries;
    for (const StandIn &S : StandIns) {
      if (!S.GMock && S.Method->getAccess() != AS_public)
        continue;
      StandInEntry E;
      E.Sig = signatureOf(*S.Method, S.Mocker, Ctx, &Counterpart);
      E.Shown = shownName(Mock, E.Sig);
      E.GMock = S.GMock;
      E.Decl = S.Method;
      const Injections &Injected = injectionsOf(Mock);
      E.Injected = Injected.Injected;
      if (auto It = Injected.Calls.find(S.Method->getCanonicalDecl()); It != Injected.Calls.end())
        E.Calls = It->second;
      if (WithSpots) {
        E.SelfCalled = S.GMock && callsItself(Mock, S.Method->getName());
        E.Where = positionOf(locationOf(*S.Method), SM);
      }
      Entries.push_back(std::move(E));
    }
    return Entries;
  }

  // The methods of Real (and its bases) with the given names, or with every name when Names is
  // null.
  RealClassTable tableOf(const CXXRecordDecl &Real, const std::vector<std::string> *Names,
                         bool WithSpots) {
    std::vector<std::string> All;
    if (!Names) {
      llvm::StringSet<> Seen;
      for (const CXXRecordDecl *Class : classAndBases(Real))
        for (const Decl *Member : Class->decls()) {
          const auto *Named = dyn_cast<NamedDecl>(Member);
          if (Named && isa<CXXMethodDecl, FunctionTemplateDecl>(Named) && Named->getIdentifier() &&
              Seen.insert(Named->getName()).second)
            All.push_back(Named->getNameAsString());
        }
      Names = &All;
    }
    RealClassTable Table;
    Table.Name = className(Real);
    for (const std::string &Name : *Names) {
      std::vector<const NamedDecl *> Found =
          methodsNamed(Real, DeclarationName(&Ctx.Idents.get(Name)));
      std::optional<std::vector<const CXXMethodDecl *>> Methods = concreteMethods(Found);
      if (!Methods) {
        Table.TemplateNames.insert(Name);
        continue;
      }
      if (Methods->empty())
        continue;
      std::vector<RealMethodEntry> &Entries = Table.Methods[Name];
      for (const CXXMethodDecl *Method : *Methods) {
        RealMethodEntry E;
        E.Sig = signatureOf(*Method, nullptr, Ctx);
        E.Owner = className(*Method->getParent());
        E.Decl = Method;
        if (WithSpots)
          E.Where = positionOf(locationOf(*Method->getCanonicalDecl()), SM); // the class body
        Entries.push_back(std::move(E));
      }
    }
    return Table;
  }

  static std::vector<const CXXRecordDecl *> classAndBases(const CXXRecordDecl &Class) {
    std::vector<const CXXRecordDecl *> Found{&Class};
    for (size_t Next = 0; Next < Found.size(); ++Next)
      for (const CXXBaseSpecifier &Base : Found[Next]->bases())
        if (const CXXRecordDecl *Named = Base.getType()->getAsCXXRecordDecl())
          if (const CXXRecordDecl *Def = Named->getDefinition();
              Def && std::find(Found.begin(), Found.end(), Def) == Found.end())
            Found.push_back(Def);
    return Found;
  }

  void judgeAgainst(const CXXRecordDecl &Mock, const RealCounterpart &Real,
                    const std::vector<StandIn> &StandIns) {
    // Template dependency injection: every observable part of the signature counts.
    std::vector<StandInEntry> Entries = standInEntries(Mock, StandIns, /*WithSpots=*/false);
    std::vector<std::string> Names;
    Names.reserve(Entries.size());
    for (const StandInEntry &E : Entries)
      Names.push_back(E.Sig.Name);
    RealClassTable Table = tableOf(*Real.Real, &Names, /*WithSpots=*/false);
    for (StandInEntry &E : Entries)
      E.SelfCalled = E.GMock && !Table.has(E.Sig.Name) && callsItself(Mock, E.Sig.Name);
    for (const Drift &D : judgeStandIns(Entries, Table))
      report(*Entries[D.StandIn].Decl, Entries[D.StandIn].Shown,
             D.Candidate ? D.Candidate->Decl : nullptr, D.What, D.CandidateNote, {Real},
             D.Call ? D.Call->Expr : nullptr, D.CallNote);
  }

  // The counterparts to name in the pairing note: the base through which Owner is inherited.
  static std::vector<RealCounterpart> realsFor(const Pairing &Pair, const CXXRecordDecl &Owner) {
    for (const RealCounterpart &Real : Pair.Reals)
      if (Real.Real == &Owner || Real.Real->isDerivedFrom(&Owner))
        return {Real};
    return {Pair.Reals.front()};
  }

  SourceLocation locationOf(const Decl &D) const { return SM.getExpansionLoc(D.getLocation()); }

  void report(const CXXMethodDecl &Method, const std::string &Shown, const CXXMethodDecl *Candidate,
              const std::string &What, const std::string &CandidateNote,
              const std::vector<RealCounterpart> &Reals, const Expr *Call = nullptr,
              const std::string &CallNote = "") {
    SourceLocation Loc = locationOf(Method);
    if (SM.isInSystemHeader(Loc))
      return;
    Drifted.try_emplace(Method.getNameAsString(), MockMethodDrift{What, positionOf(Loc, SM)});
    const CXXRecordDecl *RealKey = nullptr;
    if (!Reals.empty()) {
      RealKey = Reals.front().Real;
      if (const CXXRecordDecl *Pattern = Reals.front().Real->getTemplateInstantiationPattern())
        RealKey = Pattern;
    }
    if (!Rule.Reported.insert({Loc.getRawEncoding(), Method.getNameAsString(), RealKey}).second)
      return;
    // The global step reports a mock method once per real class template too, whichever TU
    // saw the pair.
    if (RealKey) {
      SourcePosition Where = positionOf(Loc, SM);
      Rule.emitFact(ReportedFact{Where.File, Where.Offset, Method.getNameAsString(),
                                 classId(*RealKey)});
    }
    const auto &Mock = *cast<CXXRecordDecl>(Method.getParent());
    Rule.diag(Loc, "mock method '" + Shown + "' " + What);
    if (Candidate)
      Rule.diag(locationOf(*Candidate), CandidateNote, DiagnosticIDs::Note);
    if (Call)
      Rule.diag(SM.getExpansionLoc(Call->getExprLoc()), CallNote, DiagnosticIDs::Note);
    for (const RealCounterpart &Real : Reals)
      Rule.diag(locationOf(*Real.Real), describePairing(Mock, Real), DiagnosticIDs::Note);
  }

  void reportUnpaired(const CXXRecordDecl &Mock) {
    SourceLocation Loc = locationOf(Mock);
    if (!Rule.Reported.insert({Loc.getRawEncoding(), "", nullptr}).second)
      return;
    Rule.diag(Loc, "mock class '" + className(Mock) +
                       "' stands in for no known class: no polymorphic base class, "
                       "configured pair, co-instantiation or naming-convention match");
  }

  // Co-instantiation across TUs: a mock this TU could not pair that is a template argument, and
  // every other class the same templates are instantiated with, as facts the global step joins
  // by template and parameter position.
  void emitCoInstantiationFacts() {
    for (const CoInstantiationSite &Site : Pairer.coInstantiationSites()) {
      const ClassTemplateDecl &Template = *Site.Template;
      // A template of an unnamed namespace or a function is another template in another TU.
      if (Template.isInAnonymousNamespace() || Template.getDeclContext()->isFunctionOrMethod())
        continue;
      // Facts stay small: only templates that use the parameter as a dependency.
      if (!usesParameter(Template, Site.Index))
        continue;
      std::string Key = usrOf(Template);
      for (const CXXRecordDecl *Mock : Site.Mocks) {
        // A configured pair is the user's word, even when its real class is not in this TU.
        if (inSystemHeader(*Mock) || Pairer.isConfiguredMock(*Mock) ||
            !pairingOf(*Mock).Reals.empty())
          continue;
        Rule.emitFact(TemplateArgFact{Key, templateSignature(Template), Site.Index,
                                      mockFact(*Mock), /*IsMock=*/true});
      }
      for (const CXXRecordDecl *Real : Site.Reals) {
        if (inSystemHeader(*Real) || Real->getDeclContext()->isFunctionOrMethod())
          continue;
        Rule.emitFact(TemplateArgFact{Key, templateSignature(Template), Site.Index,
                                      realFact(*Real), /*IsMock=*/false});
      }
    }
  }

  // A class the same TU and every other can name: not local, not in an unnamed namespace, not
  // an instantiation (whose name is its template's).
  static bool namedAcrossTUs(const CXXRecordDecl &Class) {
    return Class.getIdentifier() && !isa<ClassTemplateSpecializationDecl>(Class) &&
           !Class.isInAnonymousNamespace() && !Class.getDeclContext()->isFunctionOrMethod();
  }

  // Naming convention across TUs: whether this TU paired a mock a naming pattern fits, and the
  // mock itself when it did not, so the global step can pair it with the class its name names
  // in a TU that defines that class.
  void emitPairingFact(const CXXRecordDecl &Mock, const Pairing &Pair) {
    if (!namedAcrossTUs(Mock) || !Pairer.matchesNamePattern(Mock) ||
        Pairer.isConfiguredMock(Mock))
      return;
    if (Pair.Reals.empty())
      mockFact(Mock);
    Rule.emitFact(MockPairingFact{classId(Mock), !Pair.Reals.empty()});
  }

  // The classes this TU implements — defined in the main file, or with a method defined there
  // (tcp_transport.cpp defines TcpTransport::Send) — that a mock elsewhere could be named after:
  // the real side of naming across TUs. Only the implementing TU emits a class's method table,
  // not every TU that includes its header, so the facts grow with the codebase's classes, not
  // with classes times includers.
  bool implementedHere(const CXXRecordDecl &Class) const {
    if (SM.isInMainFile(SM.getExpansionLoc(Class.getLocation())))
      return true;
    return std::any_of(Class.method_begin(), Class.method_end(), [&](const CXXMethodDecl *M) {
      const FunctionDecl *Definition = M->getDefinition();
      return Definition && Definition != M->getCanonicalDecl() &&
             SM.isInMainFile(SM.getExpansionLoc(Definition->getLocation()));
    });
  }

  // A gTest fixture or TEST body (everything deriving from ::testing::Test): never a class a mock
  // stands in for, and the bulk of a test file's classes.
  static bool isTestFixture(const CXXRecordDecl &Class) {
    return !Class.forallBases([](const CXXRecordDecl *Base) {
      const auto *Namespace = dyn_cast<NamespaceDecl>(Base->getDeclContext());
      return !(Base->getName() == "Test" && Namespace && Namespace->getName() == "testing");
    });
  }

  void emitNamedRealFacts() {
    if (Rule.Patterns.empty())
      return;
    for (const CXXRecordDecl *Class : Rule.Records) {
      if (!namedAcrossTUs(*Class) || inSystemHeader(*Class) || isGMockOwn(*Class) ||
          isMock(*Class) || isTestFixture(*Class) || !implementedHere(*Class))
        continue;
      if (std::any_of(Class->method_begin(), Class->method_end(),
                      [](const CXXMethodDecl *M) { return isOrdinaryMethod(*M); }))
        realFact(*Class);
    }
  }

  // The templates the TU instantiates with the mock, and what they call on it.
  const Injections &injectionsOf(const CXXRecordDecl &Mock) {
    auto It = Injected.find(&Mock);
    if (It == Injected.end())
      It = Injected
               .try_emplace(&Mock, contractcheck::injectionsOf(
                                       Mock, Rule.Templates.getArrayRef(),
                                       [this](const ClassTemplateDecl &T, unsigned Index) {
                                         return usesParameter(T, Index);
                                       },
                                       Ctx))
               .first;
    return It->second;
  }

  bool usesParameter(const ClassTemplateDecl &Template, unsigned Index) {
    auto [Use, Inserted] = UsesParameter.try_emplace({&Template, Index}, false);
    if (Inserted)
      Use->second = callsMembersOf(Template, Index);
    return Use->second;
  }

  // Identifies a class across TUs.
  static std::string classId(const CXXRecordDecl &Class) { return usrOf(Class); }

  std::vector<std::string> baseIds(const CXXRecordDecl &Class) {
    std::vector<std::string> Ids;
    std::vector<const CXXRecordDecl *> All = classAndBases(Class);
    for (size_t I = 1; I < All.size(); ++I)
      Ids.push_back(classId(*All[I]));
    return Ids;
  }

  std::string mockFact(const CXXRecordDecl &Mock) {
    std::string Id = classId(Mock);
    if (!Emitted.insert(Id).second)
      return Id;
    std::vector<std::string> Names;
    for (DeclarationName Name : mockedNames(Mock))
      Names.push_back(Name.getAsString());
    Rule.emitFact(MockClassFact{Id, className(Mock),
                                Mock.getIdentifier() ? Mock.getName().str() : std::string(),
                                templateArgumentsOf(Mock), baseIds(Mock), Names,
                                standInEntries(Mock, standInsOf(Mock), /*WithSpots=*/true)});
    return Id;
  }

  std::string realFact(const CXXRecordDecl &Real) {
    std::string Id = classId(Real);
    if (!Emitted.insert(Id).second)
      return Id;
    const CXXRecordDecl *Pattern = Real.getTemplateInstantiationPattern();
    Rule.emitFact(RealClassFact{Id, Real.getIdentifier() ? Real.getName().str() : std::string(),
                                templateArgumentsOf(Real), positionOf(locationOf(Real), SM), Pattern ? classId(*Pattern) : Id,
                                baseIds(Real), tableOf(Real, nullptr, /*WithSpots=*/true)});
    return Id;
  }

  MockDriftRule &Rule;
  ASTContext &Ctx;
  const SourceManager &SM;
  MockPairer Pairer;
  MockCounterpartFn Counterpart;
  llvm::DenseMap<const CXXRecordDecl *, std::vector<GMockMethod>> GMock;
  llvm::DenseMap<const CXXRecordDecl *, Pairing> Pairings;
  llvm::DenseMap<const CXXRecordDecl *, llvm::StringSet<>> SelfCalled;
  llvm::DenseMap<const CXXRecordDecl *, Injections> Injected;
  std::set<std::string> Emitted;
  std::map<std::pair<const ClassTemplateDecl *, unsigned>, bool> UsesParameter;
  // What report() said of each mock method name, while judging one mock.
  std::map<std::string, MockMethodDrift> Drifted;
};

MockDriftRule::MockDriftRule(RuleContext &Context)
    : Rule(Context), Patterns(parseNamePatterns(options().getList("name-patterns"))),
      Pairs(pairsOf(options())),
      ReportUnpaired(options().getBool("report-unpaired")) {}

bool MockDriftRule::isLanguageVersionSupported(const LangOptions &LangOpts) const {
  return LangOpts.CPlusPlus;
}

void MockDriftRule::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      cxxRecordDecl(isDefinition(), unless(isExpansionInSystemHeader())).bind("record"), this);
  Finder->addMatcher(classTemplateDecl(unless(isExpansionInSystemHeader())).bind("template"), this);
}

void MockDriftRule::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (const auto *Record = Result.Nodes.getNodeAs<CXXRecordDecl>("record")) {
    if (!Record->isLambda() && !Record->isDependentContext())
      Records.insert(Record);
  } else if (const auto *Template = Result.Nodes.getNodeAs<ClassTemplateDecl>("template")) {
    Templates.insert(Template->getCanonicalDecl());
  }
}

void MockDriftRule::onEndOfTranslationUnit() {
  if (Ctx)
    Analysis(*this, *Ctx).run();
  Ctx = nullptr;
  Records.clear();
  Templates.clear();
  Reported.clear();
}

const RuleInfo &MockDriftRuleInfo() {
  static const RuleInfo Info{
      .Id = "contract-mock-drift",
      .Summary = "mock method that matches no method of the real class it stands in for",
      .Description =
          "A gMock method declared without 'override' (legacy MOCK_METHODn, or MOCK_METHOD "
          "without '(override)'), a hand-written fake, or a mock used for template dependency "
          "injection is never checked against the real class: when the real signature changes, "
          "the mock silently becomes an unrelated overload and every EXPECT_CALL on it stops "
          "meaning anything. This rule pairs each mock with its real class (base class, "
          "configured pair, a class template instantiated with both (in the CLI also across "
          "translation units), or the naming convention "
          "MockX/FakeX/XMock/StubX, in the CLI also across translation units) and reports mock methods with no counterpart, with a "
          "different signature (parameters, const, ref-qualifier, noexcept, return type), or "
          "hiding a non-virtual base method; a mock injected into a template is judged by the "
          "calls the template makes on it instead. A note at the closest real method says what "
          "differs.",
      .Scope = RuleScope::TranslationUnit,
      .Options = Options,
      .CreateTURule = [](RuleContext &Context) -> std::unique_ptr<Rule> {
        return std::make_unique<MockDriftRule>(Context);
      },
      .CreateGlobalRule = [](const RuleOptions &Options) -> std::unique_ptr<GlobalRule> {
        return std::make_unique<MockDriftGlobalRule>(Options);
      },
      .FactKinds = mockDriftFactKinds(),
  };
  return Info;
}

} // namespace contractcheck
