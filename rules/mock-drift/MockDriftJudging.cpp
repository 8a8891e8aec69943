// Judging a mock's methods against the real class's and reporting what drifted. See
// MockDriftAnalysis.h.
#include "rules/mock-drift/MockDriftAnalysis.h"
#include "rules/mock-drift/MockMemberUses.h"
#include "rules/mock-drift/SubstituteHeader.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>

#include <algorithm>

using namespace clang;

namespace contractcheck {

using mock_drift::Closest;
using mock_drift::StandIn;

namespace {

// A base that takes the mock itself as a template argument (the curiously recurring template
// pattern: `struct MockVisitor : ExprVisitor<MockVisitor, Result>`) calls the derived class's
// methods through that argument (`static_cast<Impl *>(this)->VisitAdd(e)`): a mock method of
// the same name is what its calls reach, not a method hiding the base's, and the compiler checks
// every call the base makes against it.
bool takesAsTemplateArgument(const CXXRecordDecl &Base, const CXXRecordDecl &Mock) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&Base);
  if (!Spec)
    return false;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
    if (Arg.getKind() == TemplateArgument::Type)
      if (const CXXRecordDecl *Class = Arg.getAsType()->getAsCXXRecordDecl();
          Class && Class->getCanonicalDecl() == Mock.getCanonicalDecl())
        return true;
  return false;
}

} // namespace

void MockDriftRule::Analysis::judge(const CXXRecordDecl &Mock) {
  const Pairing &Pair = pairingOf(Mock);
  emitPairingFact(Mock, Pair);
  if (!Pair.Inheritance)
    emitInjectionFact(Mock);
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

void MockDriftRule::Analysis::mapStandIn(const CXXRecordDecl &Mock, const Pairing &Pair,
                                         const std::vector<StandIn> &StandIns) {
  MockStandInShape Shape{Pair.Inheritance, !Pair.Inheritance && injectionsOf(Mock).Injected,
                         !gmockOf(Mock).empty(), {}};
  for (const StandIn &S : StandIns)
    Shape.Names.push_back(S.Method->getNameAsString());
  for (const RealCounterpart &Real : Pair.Reals)
    if (!inSystemHeader(*Real.Real))
      Rule.emitFact(standInColumn(Mock, *Real.Real, Shape, Drifted, SM));
}

std::string MockDriftRule::Analysis::shownName(const CXXRecordDecl &Mock,
                                               const MethodSignature &Sig) {
  return className(Mock) + "::" + printSignature(Sig);
}

template <typename DiffFn>
Closest
MockDriftRule::Analysis::closest(const std::vector<const CXXMethodDecl *> &Candidates, DiffFn Diff,
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

std::optional<std::vector<const CXXMethodDecl *>>
MockDriftRule::Analysis::concreteMethods(const std::vector<const NamedDecl *> &Found) {
  std::vector<const CXXMethodDecl *> Methods;
  for (const NamedDecl *D : Found) {
    if (isa<FunctionTemplateDecl>(D))
      return std::nullopt;
    Methods.push_back(cast<CXXMethodDecl>(D));
  }
  return Methods;
}

void MockDriftRule::Analysis::judgeInheritance(const CXXRecordDecl &Mock, const Pairing &Pair,
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
    if (!Candidates->empty() &&
        std::all_of(Candidates->begin(), Candidates->end(), [&](const CXXMethodDecl *C) {
          return !C->isVirtual() && takesAsTemplateArgument(*C->getParent(), Mock);
        }))
      continue; // static dispatch: the CRTP base calls the mock's method
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
      // A class of a substitute header is the real class's double, not a mock of its base: its
      // own methods stand in for the shadowed header's, which this TU does not see.
      if (callsItself(Mock, Method.getName()) || definesMembersElsewhere(Mock) ||
          derivedClassCallsMethod(Mock, Method, Rule.Records.getArrayRef()) ||
          inSubstituteHeader(Mock, Rule.Headers))
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
      if (!BaseReach.reachesBase(Mock))
        continue; // nothing calls it through the base: the test calls the mock itself, or nothing
      std::string Hidden =
          className(*Exact->getParent()) + "::" + printSignature(signatureOf(*Exact, nullptr, Ctx));
      report(Method, Shown, Exact,
             "hides non-virtual '" + Hidden +
                 "': calls through the base class never reach the mock",
             "'" + Hidden + "' is not virtual", realsFor(Pair, *Exact->getParent()));
      continue;
    }
    // An override forwarding to a mock method of another signature: the override's hook, in
    // the mock or in a class derived from it in the mock's file.
    if (S.GMock && (callsMethodOnItself(Mock, Method) ||
                    derivedOverrideCallsMethod(Mock, Method, *Candidates)))
      continue;
    Closest Best = closest(*Candidates, Diff, Taken);
    const CXXRecordDecl &Owner = *Best.Candidate->getParent();
    report(Method, Shown, Best.Candidate,
           "overrides nothing: its signature matches no '" + className(Owner) +
               "::" + Method.getNameAsString() + "'",
           candidateNote(className(Owner), signatureOf(*Best.Candidate, nullptr, Ctx), Best.Diffs),
           realsFor(Pair, Owner));
  }
}

void MockDriftRule::Analysis::judgeAgainst(const CXXRecordDecl &Mock, const RealCounterpart &Real,
                                           const std::vector<StandIn> &StandIns) {
  // Template dependency injection: every observable part of the signature counts.
  std::vector<StandInEntry> Entries = standInEntries(Mock, StandIns, /*WithSpots=*/false);
  std::vector<std::string> Names;
  Names.reserve(Entries.size());
  for (const StandInEntry &E : Entries)
    Names.push_back(E.Sig.Name);
  RealClassTable Table = tableOf(*Real.Real, &Names, /*WithSpots=*/false);
  // A mock method the mock calls on itself: a hook (gMock's destructor idiom when the real class
  // lacks the name; its forwarding idiom when it has it, resolved to that very overload).
  for (StandInEntry &E : Entries)
    E.SelfCalled = E.GMock && (Table.has(E.Sig.Name) ? callsMethodOnItself(Mock, *E.Decl)
                                                     : callsItself(Mock, E.Sig.Name));
  const bool Defer = defersSignatures(Mock);
  for (const Drift &D : judgeStandIns(Entries, Table)) {
    if (Defer && D.Candidate) {
      defer(Mock, Entries[D.StandIn], D, Real);
      continue;
    }
    report(*Entries[D.StandIn].Decl, Entries[D.StandIn].Shown,
           D.Candidate ? D.Candidate->Decl : nullptr, D.What, D.CandidateNote, {Real},
           D.Call ? D.Call->Expr : nullptr, D.CallNote);
  }
}

bool MockDriftRule::Analysis::defersSignatures(const CXXRecordDecl &Mock) {
  return Rule.keepsFacts() && !SM.isInMainFile(locationOf(Mock)) && !injectionsOf(Mock).Injected;
}

const CXXRecordDecl *MockDriftRule::Analysis::reportedReal(const RealCounterpart &Real) {
  if (const CXXRecordDecl *Pattern = Real.Real->getTemplateInstantiationPattern())
    return Pattern;
  return Real.Real;
}

void MockDriftRule::Analysis::defer(const CXXRecordDecl &Mock, const StandInEntry &S,
                                    const Drift &D, const RealCounterpart &Real) {
  SourceLocation Loc = locationOf(*S.Decl);
  const CXXRecordDecl *RealKey = reportedReal(Real);
  if (SM.isInSystemHeader(Loc) ||
      !Rule.Reported.insert({Loc.getRawEncoding(), S.Decl->getNameAsString(), RealKey}).second)
    return;
  Finding F;
  F.Position = positionOf(Loc, SM);
  F.Message = "mock method '" + S.Shown + "' " + D.What;
  F.Notes.push_back({positionOf(locationOf(*D.Candidate->Decl), SM), D.CandidateNote});
  F.Notes.push_back({positionOf(locationOf(*Real.Real), SM), describePairing(Mock, Real)});
  Rule.emitFact(DeferredDriftFact{classId(Mock), S.Decl->getNameAsString(), classId(*RealKey),
                                  std::move(F)});
}

std::vector<RealCounterpart> MockDriftRule::Analysis::realsFor(const Pairing &Pair,
                                                               const CXXRecordDecl &Owner) {
  for (const RealCounterpart &Real : Pair.Reals)
    if (Real.Real == &Owner || Real.Real->isDerivedFrom(&Owner))
      return {Real};
  return {Pair.Reals.front()};
}

void MockDriftRule::Analysis::report(const CXXMethodDecl &Method, const std::string &Shown,
                                     const CXXMethodDecl *Candidate, const std::string &What,
                                     const std::string &CandidateNote,
                                     const std::vector<RealCounterpart> &Reals, const Expr *Call,
                                     const std::string &CallNote) {
  SourceLocation Loc = locationOf(Method);
  if (SM.isInSystemHeader(Loc))
    return;
  Drifted.try_emplace(Method.getNameAsString(), MockMethodDrift{What, positionOf(Loc, SM)});
  const CXXRecordDecl *RealKey = Reals.empty() ? nullptr : reportedReal(Reals.front());
  if (!Rule.Reported.insert({Loc.getRawEncoding(), Method.getNameAsString(), RealKey}).second)
    return;
  // The global step reports a mock method once per real class template too, whichever TU
  // saw the pair.
  if (RealKey) {
    SourcePosition Where = positionOf(Loc, SM);
    Rule.emitFact(
        ReportedFact{Where.File, Where.Offset, Method.getNameAsString(), classId(*RealKey)});
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

void MockDriftRule::Analysis::reportUnpaired(const CXXRecordDecl &Mock) {
  SourceLocation Loc = locationOf(Mock);
  if (!Rule.Reported.insert({Loc.getRawEncoding(), "", nullptr}).second)
    return;
  Rule.diag(Loc, "mock class '" + className(Mock) +
                     "' stands in for no known class: no polymorphic base class, "
                     "configured pair, co-instantiation or naming-convention match");
}

} // namespace contractcheck
