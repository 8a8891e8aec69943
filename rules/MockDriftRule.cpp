#include "MockDriftRule.h"

#include "MockDriftMethods.h"
#include "MockSignatureDiff.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SmallPtrSet.h>
#include <llvm/ADT/StringSet.h>

#include <optional>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

constexpr OptionSpec Options[] = {
    {"name-patterns", OptionType::StringList, "Mock*;Fake*;*Mock;Stub*",
     "How a mock's name gives its real class's name, '*' standing for the real name "
     "('MockTurtle' -> 'Turtle'). Used when the mock has no base class."},
    {"pairs", OptionType::StringList, "",
     "Explicit 'mock=real' pairs of qualified class names (e.g. "
     "'tests::FakeClock=core::SteadyClock'); they take precedence over every other pairing."},
    {"report-unpaired", OptionType::Bool, "false",
     "Also report gMock classes for which no real class was found."},
};

std::vector<NamePattern> parsePatterns(const std::vector<std::string> &Texts) {
  std::vector<NamePattern> Patterns;
  for (const std::string &Text : Texts)
    if (std::optional<NamePattern> Pattern = NamePattern::parse(Text))
      Patterns.push_back(std::move(*Pattern));
  return Patterns;
}

std::vector<std::pair<std::string, std::string>> parsePairs(const std::vector<std::string> &Texts) {
  std::vector<std::pair<std::string, std::string>> Pairs;
  for (llvm::StringRef Text : Texts) {
    auto [Mock, Real] = Text.split('=');
    if (!Mock.trim().empty() && !Real.trim().empty())
      Pairs.emplace_back(Mock.trim().str(), Real.trim().str());
  }
  return Pairs;
}

// Messages go through a diagnostic format string.
std::string escape(llvm::StringRef Text) {
  std::string Escaped;
  for (char C : Text) {
    if (C == '%')
      Escaped += '%';
    Escaped += C;
  }
  return Escaped;
}

// Names of the members a class calls on itself. A mock method with no counterpart that the mock
// calls itself (gMock's destructor idiom: `MOCK_METHOD(void, Die, ()); ~MockFoo() { Die(); }`)
// is the mock's own hook, not a stand-in for a real method.
class SelfCalls : public RecursiveASTVisitor<SelfCalls> {
public:
  llvm::StringSet<> Names;

  static bool onThis(const Expr *Base) {
    return !Base || isa<CXXThisExpr>(Base->IgnoreParenImpCasts());
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (onThis(E->getBase()) && E->getMemberDecl()->getIdentifier())
      Names.insert(E->getMemberDecl()->getName());
    return true;
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    if (E->isImplicitAccess() || onThis(E->getBase()))
      Names.insert(E->getMember().getAsString());
    return true;
  }
  bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *E) {
    if (E->isImplicitAccess() || onThis(E->getBase()))
      Names.insert(E->getName().getAsString());
    return true;
  }
};

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

std::string joinDiffs(const std::vector<SignatureDiff> &Diffs) {
  std::string Text;
  for (const SignatureDiff &Diff : Diffs)
    Text += (Text.empty() ? "" : "; ") + Diff.Text;
  return Text;
}

} // namespace

// The end-of-TU pass: pairs each mock class and judges its methods.
class MockDriftRule::Analysis {
public:
  Analysis(MockDriftRule &Rule, ASTContext &Ctx)
      : Rule(Rule), Ctx(Ctx), SM(Ctx.getSourceManager()),
        Pairer(Ctx, Rule.Patterns, Rule.Pairs,
               {[this](const CXXRecordDecl &C) { return isMock(C); },
                [this](const CXXRecordDecl &C) { return mockedNames(C); }}) {
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
      if (isMock(*Class) && !SM.isInSystemHeader(SM.getExpansionLoc(Class->getLocation())))
        judge(*Class);
  }

private:
  const std::vector<GMockMethod> &gmockOf(const CXXRecordDecl &Class) {
    auto [It, Inserted] = GMock.try_emplace(&Class);
    if (Inserted)
      It->second = gmockMethods(Class, SM);
    return It->second;
  }

  bool isMock(const CXXRecordDecl &Class) {
    if (Class.isLambda() || Class.isDependentContext() || isInTestingNamespace(Class))
      return false;
    return !gmockOf(Class).empty() || Pairer.matchesNamePattern(Class) ||
           Pairer.isConfiguredMock(Class);
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
      SelfCalls Visitor;
      for (const Decl *Member : Source->decls())
        Visitor.TraverseDecl(const_cast<Decl *>(Member));
      It->second = std::move(Visitor.Names);
    }
    return It->second.contains(Name);
  }

  void judge(const CXXRecordDecl &Mock) {
    Pairing Pair = Pairer.pair(Mock);
    const std::vector<GMockMethod> &GMockMethods = gmockOf(Mock);
    if (Pair.Reals.empty()) {
      if (Rule.ReportUnpaired && !GMockMethods.empty())
        reportUnpaired(Mock);
      return;
    }

    std::vector<StandIn> StandIns;
    llvm::SmallPtrSet<const CXXMethodDecl *, 16> IsGMock;
    for (const GMockMethod &M : GMockMethods) {
      StandIns.push_back({M.Method, M.Mocker, true});
      IsGMock.insert(M.Method);
    }
    for (const CXXMethodDecl *Method : Mock.methods())
      if (isOrdinaryMethod(*Method) && !isa<CXXConstructorDecl, CXXDestructorDecl>(Method) &&
          !IsGMock.contains(Method))
        StandIns.push_back({Method, nullptr, false});

    if (Pair.Inheritance)
      judgeInheritance(Mock, Pair, StandIns);
    else
      for (const RealCounterpart &Real : Pair.Reals)
        judgeAgainst(Mock, Real, StandIns);
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
      MethodSignature MockSig = signatureOf(Method, S.Mocker, Ctx);
      if (Candidates->empty()) {
        if (callsItself(Mock, Method.getName()))
          continue;
        report(Mock, S, nullptr,
               "overrides nothing: no base class has a method named '" + Method.getNameAsString() +
                   "'",
               {}, Pair.Reals);
        continue;
      }
      auto Diff = [&](const CXXMethodDecl &Candidate) {
        std::vector<SignatureDiff> Diffs = diffSignatures(signatureOf(Candidate, nullptr, Ctx),
                                                          MockSig, Comparison::Override, Ctx);
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
        std::string Shown = className(*Exact->getParent()) +
                            "::" + printSignature(signatureOf(*Exact, nullptr, Ctx), Ctx);
        report(Mock, S, Exact,
               "hides non-virtual '" + Shown +
                   "': calls through the base class never reach the mock",
               "'" + Shown + "' is not virtual", realsFor(Pair, *Exact->getParent()));
        continue;
      }
      Closest Best = closest(*Candidates, Diff, Taken);
      const CXXRecordDecl &Owner = *Best.Candidate->getParent();
      report(Mock, S, Best.Candidate,
             "overrides nothing: its signature matches no '" + className(Owner) +
                 "::" + Method.getNameAsString() + "'",
             candidateNote(*Best.Candidate, Best.Diffs), realsFor(Pair, Owner));
    }
  }

  void judgeAgainst(const CXXRecordDecl &Mock, const RealCounterpart &Real,
                    const std::vector<StandIn> &StandIns) {
    // Template dependency injection: every observable part of the signature counts.
    struct Judged {
      const StandIn *S;
      MethodSignature Sig;
      std::vector<const CXXMethodDecl *> Candidates;
    };
    std::vector<Judged> Pending;
    llvm::SmallPtrSet<const CXXMethodDecl *, 16> Taken;
    for (const StandIn &S : StandIns) {
      if (!S.GMock && S.Method->getAccess() != AS_public)
        continue;
      std::optional<std::vector<const CXXMethodDecl *>> Candidates =
          concreteMethods(methodsNamed(*Real.Real, S.Method->getDeclName()));
      // A hand-written fake's method with no namesake is a test helper (`advance()`).
      if (!Candidates || (Candidates->empty() && !S.GMock))
        continue;
      MethodSignature Sig = signatureOf(*S.Method, S.Mocker, Ctx);
      const CXXMethodDecl *Match = nullptr;
      for (const CXXMethodDecl *Candidate : *Candidates)
        if (matches(
                diffSignatures(signatureOf(*Candidate, nullptr, Ctx), Sig, Comparison::Exact, Ctx)))
          Match = Candidate;
      if (Match) {
        Taken.insert(Match->getCanonicalDecl());
        continue;
      }
      Pending.push_back({&S, std::move(Sig), std::move(*Candidates)});
    }
    for (const Judged &J : Pending) {
      const CXXMethodDecl &Method = *J.S->Method;
      if (J.Candidates.empty()) {
        if (callsItself(Mock, Method.getName()))
          continue;
        report(Mock, *J.S, nullptr,
               "has no counterpart: '" + className(*Real.Real) + "' has no method named '" +
                   Method.getNameAsString() + "'",
               {}, {Real});
        continue;
      }
      Closest Best = closest(
          J.Candidates,
          [&](const CXXMethodDecl &Candidate) {
            return diffSignatures(signatureOf(Candidate, nullptr, Ctx), J.Sig, Comparison::Exact,
                                  Ctx);
          },
          Taken);
      report(Mock, *J.S, Best.Candidate,
             "has a signature that matches no '" + className(*Real.Real) +
                 "::" + Method.getNameAsString() + "'",
             candidateNote(*Best.Candidate, Best.Diffs), {Real});
    }
  }

  // The counterparts to name in the pairing note: the base through which Owner is inherited.
  static std::vector<RealCounterpart> realsFor(const Pairing &Pair, const CXXRecordDecl &Owner) {
    for (const RealCounterpart &Real : Pair.Reals)
      if (Real.Real == &Owner || Real.Real->isDerivedFrom(&Owner))
        return {Real};
    return {Pair.Reals.front()};
  }

  std::string candidateNote(const CXXMethodDecl &Candidate,
                            const std::vector<SignatureDiff> &Diffs) {
    return "closest candidate '" + className(*Candidate.getParent()) +
           "::" + printSignature(signatureOf(Candidate, nullptr, Ctx), Ctx) +
           "': " + joinDiffs(Diffs);
  }

  SourceLocation locationOf(const Decl &D) { return SM.getExpansionLoc(D.getLocation()); }

  void report(const CXXRecordDecl &Mock, const StandIn &S, const CXXMethodDecl *Candidate,
              const std::string &What, const std::string &CandidateNote,
              const std::vector<RealCounterpart> &Reals) {
    SourceLocation Loc = locationOf(*S.Method);
    if (SM.isInSystemHeader(Loc))
      return;
    const void *RealKey = nullptr;
    if (!Reals.empty()) {
      RealKey = Reals.front().Real;
      if (const CXXRecordDecl *Pattern = Reals.front().Real->getTemplateInstantiationPattern())
        RealKey = Pattern;
    }
    if (!Rule.Reported.insert({Loc.getRawEncoding(), S.Method->getNameAsString(), RealKey}).second)
      return;
    std::string Shown =
        className(Mock) + "::" + printSignature(signatureOf(*S.Method, S.Mocker, Ctx), Ctx);
    Rule.diag(Loc, escape("mock method '" + Shown + "' " + What));
    if (Candidate)
      Rule.diag(locationOf(*Candidate), escape(CandidateNote), DiagnosticIDs::Note);
    for (const RealCounterpart &Real : Reals)
      Rule.diag(locationOf(*Real.Real), escape(describePairing(Mock, Real)), DiagnosticIDs::Note);
  }

  void reportUnpaired(const CXXRecordDecl &Mock) {
    SourceLocation Loc = locationOf(Mock);
    if (!Rule.Reported.insert({Loc.getRawEncoding(), "", nullptr}).second)
      return;
    Rule.diag(Loc, escape("mock class '" + className(Mock) +
                          "' stands in for no known class: no polymorphic base class, "
                          "configured pair, co-instantiation or naming-convention match"));
  }

  MockDriftRule &Rule;
  ASTContext &Ctx;
  const SourceManager &SM;
  MockPairer Pairer;
  llvm::DenseMap<const CXXRecordDecl *, std::vector<GMockMethod>> GMock;
  llvm::DenseMap<const CXXRecordDecl *, llvm::StringSet<>> SelfCalled;
};

MockDriftRule::MockDriftRule(RuleContext &Context)
    : Rule(Context), Patterns(parsePatterns(options().getList("name-patterns"))),
      Pairs(parsePairs(options().getList("pairs"))),
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
          "configured pair, a class template instantiated with both, or the naming convention "
          "MockX/FakeX/XMock/StubX) and reports mock methods with no counterpart, with a "
          "different signature (parameters, const, ref-qualifier, noexcept, return type), or "
          "hiding a non-virtual base method. A note at the closest real method says what "
          "differs.",
      .Scope = RuleScope::TranslationUnit,
      .Options = Options,
      .CreateTURule = [](RuleContext &Context) -> std::unique_ptr<Rule> {
        return std::make_unique<MockDriftRule>(Context);
      },
  };
  return Info;
}

} // namespace contractcheck
