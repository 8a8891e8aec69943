#include "SharedPrefixPlan.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

namespace contractcheck {

namespace {

// A trie of root sequences per group; a node is a prefix, Count how many candidates begin
// with it.
struct Node {
  std::map<std::string, size_t> Children;
  size_t Count = 0;
  size_t Depth = 0;
};

// A set of a group's standard headers, one bit each.
class HeaderSet {
public:
  explicit HeaderSet(size_t Headers = 0) : Words((Headers + 63) / 64) {}
  void insert(size_t H) { Words[H / 64] |= uint64_t{1} << (H % 64); }
  bool contains(size_t H) const { return Words[H / 64] >> (H % 64) & 1; }
  bool subsetOf(const HeaderSet &Other) const {
    for (size_t W = 0; W < Words.size(); ++W)
      if (Words[W] & ~Other.Words[W])
        return false;
    return true;
  }
  HeaderSet &operator|=(const HeaderSet &Other) {
    for (size_t W = 0; W < Words.size(); ++W)
      Words[W] |= Other.Words[W];
    return *this;
  }
  HeaderSet &operator&=(const HeaderSet &Other) {
    for (size_t W = 0; W < Words.size(); ++W)
      Words[W] &= Other.Words[W];
    return *this;
  }
  HeaderSet &operator-=(const HeaderSet &Other) {
    for (size_t W = 0; W < Words.size(); ++W)
      Words[W] &= ~Other.Words[W];
    return *this;
  }
  bool operator<(const HeaderSet &Other) const { return Words < Other.Words; }
  bool operator==(const HeaderSet &Other) const { return Words == Other.Words; }

private:
  std::vector<uint64_t> Words;
};

// The standard headers of one group's candidates, numbered.
struct GroupHeaders {
  std::map<std::string, size_t> Ids;
  std::vector<std::string> Paths;
  std::vector<unsigned> Weights; // the largest any candidate gave
};

class Planner {
public:
  Planner(const std::vector<PrefixCandidate> &Candidates, size_t MinShare, bool ShareBeyond)
      : Candidates(Candidates), MinShare(MinShare), ShareBeyond(ShareBeyond) {
    Plan.PrefixOf.assign(Candidates.size(), SharedPrefixPlan::None);
  }

  SharedPrefixPlan run() {
    std::map<std::string, std::vector<size_t>> Groups;
    for (size_t I = 0; I < Candidates.size(); ++I)
      Groups[Candidates[I].Group].push_back(I);
    for (const auto &[Group, Members] : Groups)
      planGroup(Members);
    return std::move(Plan);
  }

private:
  void planGroup(const std::vector<size_t> &Members) {
    // What a candidate includes of the standard headers, each of which may lead: those its
    // code or its libraries include, and the C++ ones these enter first (weighed as part of
    // the header that enters them).
    GroupHeaders Headers;
    auto Number = [&](const std::string &Path, unsigned Weight) {
      auto [It, Inserted] = Headers.Ids.try_emplace(Path, Headers.Paths.size());
      if (Inserted) {
        Headers.Paths.push_back(Path);
        Headers.Weights.push_back(0);
      }
      Headers.Weights[It->second] = std::max(Headers.Weights[It->second], Weight);
    };
    for (size_t I : Members)
      for (const LeadingStandardHeader &S : Candidates[I].Standard) {
        Number(S.Path, S.Weight);
        for (const std::string &Entered : S.Enters)
          Number(Entered, 0);
      }
    std::map<size_t, HeaderSet> Standard;
    for (size_t I : Members) {
      HeaderSet Set(Headers.Paths.size());
      for (const LeadingStandardHeader &S : Candidates[I].Standard) {
        Set.insert(Headers.Ids.at(S.Path));
        for (const std::string &Entered : S.Enters)
          Set.insert(Headers.Ids.at(Entered));
      }
      Standard.emplace(I, std::move(Set));
    }

    // The longest shared run of library roots, with the standard headers its TUs all include.
    std::vector<Node> Nodes(1);
    for (size_t I : Members) {
      size_t At = 0;
      for (const std::string &Root : Candidates[I].Roots) {
        auto [It, Inserted] = Nodes[At].Children.try_emplace(Root, Nodes.size());
        if (Inserted)
          Nodes.push_back({{}, 0, Nodes[At].Depth + 1});
        At = It->second;
        ++Nodes[At].Count;
      }
    }
    std::map<size_t, std::vector<size_t>> ByNode; // node: members, in order
    for (size_t I : Members) {
      size_t At = 0;
      for (const std::string &Root : Candidates[I].Roots) {
        size_t Next = Nodes[At].Children.at(Root);
        if (Nodes[Next].Count < MinShare)
          break;
        At = Next;
      }
      ByNode[At].push_back(I);
    }
    std::vector<size_t> Pool = std::move(ByNode[0]);
    ByNode.erase(0);
    size_t First = Plan.Prefixes.size();
    GroupSets.clear();
    for (const auto &[At, Sharing] : ByNode) {
      std::vector<size_t> Left = shareRun(Sharing, Nodes[At].Depth, Standard, Headers);
      Pool.insert(Pool.end(), Left.begin(), Left.end());
    }
    std::sort(Pool.begin(), Pool.end());
    shareStandardHeaders(Pool, Standard, Headers);
    chainGroup(Members, Standard, Headers, First);
    if (ShareBeyond)
      shareBeyond(Members, Standard, Headers, First);
  }

  // The TUs of a prefix (or of a lower prefix they load directly) include more standard headers
  // than they all share: yaml-cpp's src/ TUs share <string> and its kind, and each parsed
  // <memory>, <map>, <sstream> or <cmath> itself. Those beyond the prefix are shared again among
  // its TUs as shareStandardHeaders shares them, each such set by a prefix chained on it
  // (Lower), and so on within each new prefix: every prefix still holds only standard headers
  // all its TUs include. A chained prefix's headers come after its lower one's, so on a prefix
  // that leads with library roots (src/'s TUs that begin with <cassert>, a test's gtest.h) only
  // the standard headers each TU includes after those roots are shared beyond it: each moves
  // up to just after them, above the TU's own code and the library roots between (which a
  // standard header may lead, SystemHeaderRoots.h), and never below a library root it came
  // before. A standard header that such a root entered is in the prefix already.
  void shareBeyond(const std::vector<size_t> &Members, const std::map<size_t, HeaderSet> &Standard,
                   const GroupHeaders &Headers, size_t First) {
    for (size_t P = First; P < Plan.Prefixes.size(); ++P) {
      std::vector<size_t> Pool;
      for (size_t I : Members)
        if (Plan.PrefixOf[I] == P)
          Pool.push_back(I);
      if (Pool.size() < MinShare)
        continue;
      HeaderSet Below(Headers.Paths.size());
      for (const std::string &Path : Plan.Prefixes[P].Standard)
        Below.insert(Headers.Ids.at(Path));
      size_t Roots = leadingRoots(P);
      std::map<size_t, HeaderSet> Beyond;
      for (size_t I : Pool)
        Beyond.emplace(I, (Roots == 0 ? HeaderSet(Standard.at(I)) : after(I, Roots, Headers)) -=
                          Below);
      shareStandardHeaders(Pool, Beyond, Headers, P, &Below);
    }
  }

  // How many library roots lead the prefix: its own, or those of the prefix it is chained on.
  size_t leadingRoots(size_t P) const {
    for (; P != SharedPrefixPlan::None; P = Plan.Prefixes[P].Lower)
      if (Plan.Prefixes[P].Length != 0)
        return Plan.Prefixes[P].Length;
    return 0;
  }

  // The standard headers candidate I enters first after its first Roots library roots, or before
  // them where they may follow them, with the C++ ones they enter: those that may come just
  // after them.
  HeaderSet after(size_t I, size_t Roots, const GroupHeaders &Headers) const {
    HeaderSet Late(Headers.Paths.size()), Early(Headers.Paths.size());
    for (const LeadingStandardHeader &S : Candidates[I].Standard) {
      HeaderSet &Set = S.Before < Roots && !S.MayFollow ? Early : Late;
      Set.insert(Headers.Ids.at(S.Path));
      for (const std::string &Entered : S.Enters)
        Set.insert(Headers.Ids.at(Entered));
    }
    return Late -= Early;
  }

  // The standard headers that several of the group's prefixes, and of its candidates left without
  // one, all include: precompiled once as a lower prefix that the others are built on, and that
  // those candidates load. Chosen greedily: from the headers all of them include, the prefix or
  // candidate whose leaving out saves the most is left out while that saves more. The saving is
  // the lower's weight times its users but one: each would parse it again, and it is parsed once.
  void chainGroup(const std::vector<size_t> &Members, const std::map<size_t, HeaderSet> &Standard,
                  const GroupHeaders &Headers, size_t First) {
    if (Plan.Prefixes.size() == First)
      return;
    std::vector<size_t> Alone;
    for (size_t I : Members)
      if (Plan.PrefixOf[I] == SharedPrefixPlan::None)
        Alone.push_back(I);
    // Every user's standard headers: the group's prefixes first, then the candidates alone.
    std::vector<const HeaderSet *> Sets;
    for (const HeaderSet &Set : GroupSets)
      Sets.push_back(&Set);
    for (size_t I : Alone)
      Sets.push_back(&Standard.at(I));
    if (Sets.size() < 2)
      return;
    auto Common = [&](const std::vector<size_t> &In) {
      HeaderSet Set = *Sets[In.front()];
      for (size_t U : In)
        Set &= *Sets[U];
      return Set;
    };
    auto Saving = [&](const HeaderSet &Lower) -> uint64_t {
      size_t Users = std::count_if(Sets.begin(), Sets.end(),
                                   [&](const HeaderSet *Set) { return Lower.subsetOf(*Set); });
      return Users >= 2 ? weight(Lower, Headers) * (Users - 1) : 0;
    };
    std::vector<size_t> In(Sets.size());
    for (size_t U = 0; U < Sets.size(); ++U)
      In[U] = U;
    HeaderSet Lower = Common(In);
    uint64_t Best = Saving(Lower);
    while (In.size() > 2) {
      size_t Out = In.size();
      for (size_t K = 0; K < In.size(); ++K) {
        std::vector<size_t> Rest = In;
        Rest.erase(Rest.begin() + K);
        HeaderSet Set = Common(Rest);
        if (uint64_t S = Saving(Set); S > Best) {
          Best = S;
          Lower = std::move(Set);
          Out = K;
        }
      }
      if (Out == In.size())
        break;
      In.erase(In.begin() + Out);
    }
    if (Best == 0)
      return;
    // A prefix of exactly those standard headers is the lower one; else it is added, spelled as
    // one of its users' TUs spelled them.
    size_t Count = Plan.Prefixes.size() - First;
    size_t LowerAt = SharedPrefixPlan::None;
    for (size_t P = 0; P < Count; ++P)
      if (Plan.Prefixes[First + P].Length == 0 && *Sets[P] == Lower)
        LowerAt = First + P;
    if (LowerAt == SharedPrefixPlan::None) {
      size_t User = std::find_if(Sets.begin(), Sets.end(),
                                 [&](const HeaderSet *Set) { return Lower.subsetOf(*Set); }) -
                    Sets.begin();
      size_t Representative =
          User < Count ? Plan.Prefixes[First + User].Representative : Alone[User - Count];
      LowerAt = Plan.Prefixes.size();
      Plan.Prefixes.push_back({Representative, paths(Lower, Headers), 0});
    }
    for (size_t P = 0; P < Count; ++P)
      if (First + P != LowerAt && Lower.subsetOf(*Sets[P]))
        Plan.Prefixes[First + P].Lower = LowerAt;
    for (size_t A = 0; A < Alone.size(); ++A)
      if (Lower.subsetOf(*Sets[Count + A]))
        Plan.PrefixOf[Alone[A]] = LowerAt;
  }

  static std::vector<std::string> paths(const HeaderSet &Set, const GroupHeaders &Headers) {
    std::vector<std::string> Paths;
    for (size_t H = 0; H < Headers.Paths.size(); ++H)
      if (Set.contains(H))
        Paths.push_back(Headers.Paths[H]);
    std::sort(Paths.begin(), Paths.end());
    return Paths;
  }

  // The candidates of Sharing begin with the same Length library roots; moving those above a
  // standard root before them takes that one along, so each needs it among the shared standard
  // headers, unless the scan showed that it may follow them (MayFollow): the TU includes it after
  // the prefix (yaml-cpp's node_test.cpp, <valarray> before gMock). Candidates that include different standard headers before the run (a test with
  // <valarray> before gtest.h, another with <deque>) cannot all share one prefix: each prefix
  // takes the largest cluster that can, grown greedily from each candidate in turn, until no
  // two (MinShare) are left that can. Returns the candidates left out.
  std::vector<size_t> shareRun(std::vector<size_t> Sharing, size_t Length,
                               const std::map<size_t, HeaderSet> &Standard,
                               const GroupHeaders &Headers) {
    // What each candidate needs in the prefix: its standard roots before the run.
    std::map<size_t, HeaderSet> Needs;
    for (size_t I : Sharing) {
      HeaderSet Need(Headers.Paths.size());
      for (const LeadingStandardHeader &S : Candidates[I].Standard)
        if (S.IsRoot && S.Before < Length && !S.MayFollow)
          Need.insert(Headers.Ids.at(S.Path));
      Needs.emplace(I, std::move(Need));
    }
    while (Sharing.size() >= MinShare) {
      std::vector<size_t> Best;
      HeaderSet BestCommon;
      for (size_t Seed : Sharing) {
        std::vector<size_t> Cluster{Seed};
        HeaderSet Common = Standard.at(Seed);
        HeaderSet Needed = Needs.at(Seed);
        for (size_t I : Sharing) {
          if (I == Seed)
            continue;
          HeaderSet With = Common;
          With &= Standard.at(I);
          HeaderSet Need = Needed;
          Need |= Needs.at(I);
          if (Need.subsetOf(With)) {
            Cluster.push_back(I);
            Common = std::move(With);
            Needed = std::move(Need);
          }
        }
        if (Cluster.size() > Best.size()) {
          Best = std::move(Cluster);
          BestCommon = std::move(Common);
        }
      }
      if (Best.size() < MinShare)
        break;
      std::sort(Best.begin(), Best.end());
      addPrefix(Best, BestCommon, Length, Headers);
      std::erase_if(Sharing,
                    [&](size_t I) { return std::binary_search(Best.begin(), Best.end(), I); });
    }
    return Sharing;
  }

  // Greedily, the set of standard headers that saves the most parsing: its weight times how
  // many candidates include all of it. Tried: the most frequent sets candidates include, and the
  // common part of each two of them (a bound on the work for many TUs that all differ).
  // With a Lower prefix, the sets are what its TUs include beyond Below, its headers: each set
  // shared becomes a prefix of both, chained on it, when sharing it saves parsing at least
  // MinChainedSaving files' worth (a chained prefix costs its own serialisation, and each of its
  // TUs loads one more file: on yaml-cpp's src/, 16 saved less than 64).
  void shareStandardHeaders(std::vector<size_t> Pool, const std::map<size_t, HeaderSet> &Standard,
                            const GroupHeaders &Headers, size_t Lower = SharedPrefixPlan::None,
                            const HeaderSet *Below = nullptr) {
    constexpr uint64_t MinChainedSaving = 64;
    constexpr size_t MostFrequent = 64;
    while (!Pool.empty()) {
      std::map<HeaderSet, size_t> Frequency;
      for (size_t I : Pool)
        ++Frequency[Standard.at(I)];
      std::vector<std::pair<size_t, HeaderSet>> Frequent;
      Frequent.reserve(Frequency.size());
      for (const auto &[Set, Count] : Frequency)
        Frequent.emplace_back(Count, Set);
      std::stable_sort(Frequent.begin(), Frequent.end(), [&](const auto &A, const auto &B) {
        return A.first != B.first ? A.first > B.first
                                  : weight(A.second, Headers) > weight(B.second, Headers);
      });
      if (Frequent.size() > MostFrequent)
        Frequent.resize(MostFrequent);
      std::set<HeaderSet> Sets;
      for (const auto &[Count, Set] : Frequent)
        Sets.insert(Set);
      for (size_t A = 0; A < Frequent.size(); ++A)
        for (size_t B = A + 1; B < Frequent.size(); ++B)
          Sets.insert(HeaderSet(Frequent[A].second) &= Frequent[B].second);

      const HeaderSet *Best = nullptr;
      uint64_t BestScore = 0;
      for (const HeaderSet &Set : Sets) {
        uint64_t Weight = weight(Set, Headers);
        size_t Count = std::count_if(Pool.begin(), Pool.end(),
                                     [&](size_t I) { return Set.subsetOf(Standard.at(I)); });
        if (Below && MinShare > 1 && Weight * (Count - 1) < MinChainedSaving)
          continue;
        if (Weight > 0 && Count >= MinShare && Weight * Count > BestScore) {
          Best = &Set;
          BestScore = Weight * Count;
        }
      }
      if (!Best)
        return;
      auto Rest = std::stable_partition(Pool.begin(), Pool.end(),
                                        [&](size_t I) { return Best->subsetOf(Standard.at(I)); });
      std::vector<size_t> Sharing(Pool.begin(), Rest);
      if (Below) {
        addPrefix(Sharing, HeaderSet(*Best) |= *Below, 0, Headers);
        Plan.Prefixes.back().Lower = Lower;
      } else {
        addPrefix(Sharing, *Best, 0, Headers);
      }
      Pool.erase(Pool.begin(), Rest);
    }
  }

  static uint64_t weight(const HeaderSet &Set, const GroupHeaders &Headers) {
    uint64_t Weight = 0;
    for (size_t H = 0; H < Headers.Paths.size(); ++H)
      if (Set.contains(H))
        Weight += Headers.Weights[H];
    return Weight;
  }

  void addPrefix(const std::vector<size_t> &Sharing, const HeaderSet &Set, size_t Length,
                 const GroupHeaders &Headers) {
    SharedPrefix Prefix{Sharing.front(), paths(Set, Headers), Length};
    if (Prefix.Standard.empty() && Length == 0)
      return;
    for (size_t I : Sharing)
      Plan.PrefixOf[I] = Plan.Prefixes.size();
    Plan.Prefixes.push_back(std::move(Prefix));
    GroupSets.push_back(Set);
  }

  const std::vector<PrefixCandidate> &Candidates;
  const size_t MinShare;
  const bool ShareBeyond;
  SharedPrefixPlan Plan;
  std::vector<HeaderSet> GroupSets; // the standard headers of each prefix of the group planned
};

} // namespace

SharedPrefixPlan planSharedPrefixes(const std::vector<PrefixCandidate> &Candidates,
                                    size_t MinShare, bool ShareBeyond) {
  return Planner(Candidates, MinShare, ShareBeyond).run();
}

} // namespace contractcheck
