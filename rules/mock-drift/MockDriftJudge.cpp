#include "rules/mock-drift/MockDriftJudge.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

namespace contractcheck {

std::string candidateNote(const std::string &Owner, const MethodSignature &Candidate,
                          const std::vector<SignatureDiff> &Diffs) {
  std::string Text = "closest candidate '" + Owner + "::" + printSignature(Candidate) + "': ";
  for (size_t I = 0; I < Diffs.size(); ++I)
    Text += (I ? "; " : "") + Diffs[I].Text;
  return Text;
}

namespace {

// The candidate with the fewest (and least serious) differences; among equals, one no other
// stand-in already matches, then the first in lookup order.
const RealMethodEntry *closest(const StandInEntry &S,
                               const std::vector<RealMethodEntry> &Candidates,
                               const std::set<const RealMethodEntry *> &Taken,
                               std::vector<SignatureDiff> &BestDiffs) {
  const RealMethodEntry *Best = nullptr;
  unsigned BestScore = ~0u;
  for (const RealMethodEntry &Candidate : Candidates) {
    std::vector<SignatureDiff> Diffs = diffSignatures(Candidate.Sig, S.Sig, Comparison::Exact);
    unsigned Score = Taken.count(&Candidate);
    for (const SignatureDiff &D : Diffs)
      Score += 2 * D.Weight;
    if (Score < BestScore) {
      BestScore = Score;
      Best = &Candidate;
      BestDiffs = std::move(Diffs);
    }
  }
  return Best;
}

// The first call the template makes on S that no candidate can take.
std::optional<Drift> judgeCalls(size_t Index, const StandInEntry &S,
                                const std::vector<RealMethodEntry> &Candidates,
                                const RealClassTable &Real) {
  for (const TemplateCall &Call : S.Calls) {
    if (std::any_of(Candidates.begin(), Candidates.end(), [&](const RealMethodEntry &C) {
          return !whyCannotTake(C.Sig, C.Owner, Call);
        }))
      continue;
    // The closest candidate by signature, and why it cannot take the call.
    std::vector<SignatureDiff> Diffs;
    const RealMethodEntry *Best = closest(S, Candidates, {}, Diffs);
    if (!Best)
      return std::nullopt;
    std::optional<std::string> Why = whyCannotTake(Best->Sig, Best->Owner, Call);
    std::string CandidateText =
        "closest candidate '" + Best->Owner + "::" + printSignature(Best->Sig) + "'";
    return Drift{Index, Best,
                 "takes a call from '" + Call.Template + "' that no '" + Real.Name +
                     "::" + S.Sig.Name + "' can take",
                 CandidateText, &Call,
                 "'" + Call.Template + "' calls it here " + Why.value_or("")};
  }
  return std::nullopt;
}

} // namespace

std::vector<Drift> judgeStandIns(const std::vector<StandInEntry> &StandIns,
                                 const RealClassTable &Real) {
  static const std::vector<RealMethodEntry> None;
  struct Pending {
    size_t Index;
    const std::vector<RealMethodEntry> *Candidates;
  };
  std::vector<Pending> Judged;
  std::vector<Drift> Drifts;
  // Real methods another stand-in matches exactly: the less likely meaning of a drifted one.
  std::set<const RealMethodEntry *> Taken;
  // Names another stand-in matches exactly: an overload of them the mock calls on itself is the
  // hook of gMock's forwarding idiom (a `unique_ptr<T> &&` overload matching the real method,
  // forwarding to a MOCK_METHOD taking `unique_ptr<T> &`), not a stand-in.
  std::set<std::string> Covered;
  for (size_t I = 0; I < StandIns.size(); ++I) {
    const StandInEntry &S = StandIns[I];
    if (Real.TemplateNames.count(S.Sig.Name))
      continue;
    auto It = Real.Methods.find(S.Sig.Name);
    const std::vector<RealMethodEntry> &Candidates = It == Real.Methods.end() ? None : It->second;
    if (Candidates.empty() && !S.GMock)
      continue;
    if (S.Injected && !Candidates.empty()) {
      if (std::optional<Drift> D = judgeCalls(I, S, Candidates, Real))
        Drifts.push_back(std::move(*D));
      continue;
    }
    const RealMethodEntry *Match = nullptr;
    for (const RealMethodEntry &Candidate : Candidates)
      if (matches(diffSignatures(Candidate.Sig, S.Sig, Comparison::Exact)))
        Match = &Candidate;
    if (Match) {
      Taken.insert(Match);
      Covered.insert(S.Sig.Name);
      continue;
    }
    Judged.push_back({I, &Candidates});
  }

  for (const Pending &P : Judged) {
    const StandInEntry &S = StandIns[P.Index];
    if (P.Candidates->empty()) {
      if (S.SelfCalled)
        continue;
      Drift &NoCounterpart = Drifts.emplace_back();
      NoCounterpart.StandIn = P.Index;
      NoCounterpart.What =
          "has no counterpart: '" + Real.Name + "' has no method named '" + S.Sig.Name + "'";
      continue;
    }
    if (S.SelfCalled && Covered.count(S.Sig.Name))
      continue;
    std::vector<SignatureDiff> BestDiffs;
    const RealMethodEntry *Best = closest(S, *P.Candidates, Taken, BestDiffs);
    if (!Best)
      continue; // not reached: the candidates are not empty
    Drift &Mismatch = Drifts.emplace_back();
    Mismatch.StandIn = P.Index;
    Mismatch.Candidate = Best;
    Mismatch.What = "has a signature that matches no '" + Real.Name + "::" + S.Sig.Name + "'";
    Mismatch.CandidateNote = candidateNote(Best->Owner, Best->Sig, BestDiffs);
  }
  return Drifts;
}

} // namespace contractcheck
