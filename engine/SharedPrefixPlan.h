// Which TUs share which precompiled run of system headers: pure bookkeeping, no Clang.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace contractcheck {

// A standard header a TU includes that may move to its top (SystemHeaderRoots.h).
struct LeadingStandardHeader {
  std::string Path;
  unsigned Weight = 1; // roughly what parsing it costs
  // It is one of the TU's roots, the Before-th of them that is not a standard header: a prefix
  // that moves a library root above it must take it along.
  bool IsRoot = false;
  size_t Before = 0;
  // The C++ standard headers it entered first: the candidate includes them too, and they may
  // lead as it may (SystemHeaderRoots.h).
  std::vector<std::string> Enters;
  // A root the library roots after it may move above (SystemHeaderRoots.h): a prefix holding them
  // need not take it along, and a prefix chained after them may hold it.
  bool MayFollow = false;
};

struct PrefixCandidate {
  std::string Group; // TUs may share a prefix only with the same compiler settings
  // The system headers that may move to the top, in order, standard ones left out: they may
  // move in any order (all of them or none are in Standard).
  std::vector<std::string> Roots;
  std::vector<LeadingStandardHeader> Standard;
};

// A precompiled prefix: the Standard headers (paths, sorted) in any order, then the first Length
// Roots of its Representative, in order; each of its TUs includes all of them in its own text.
// Lower, when not None, is another prefix of the plan (standard headers only) whose Standard
// this one's includes: it is precompiled once and this one is built on it (a chained
// precompiled header), so that the standard headers several prefixes have in common are parsed
// once, not once per prefix.
struct SharedPrefix {
  size_t Representative = 0;
  std::vector<std::string> Standard;
  size_t Length = 0;
  size_t Lower = static_cast<size_t>(-1);
};

struct SharedPrefixPlan {
  std::vector<SharedPrefix> Prefixes;
  static constexpr size_t None = static_cast<size_t>(-1);
  std::vector<size_t> PrefixOf; // per candidate: an index into Prefixes, or None
};

// Each candidate gets the longest run of its leading roots that at least MinShare candidates of
// its group begin with, with the standard headers all of them include; a candidate that shares
// no such run shares as many standard headers as it can with at least MinShare - 1 others. A
// precompiled prefix only pays when it is parsed once for several TUs. Then, per group, the
// standard headers that several of its prefixes (and candidates left without one) all include
// become a lower prefix the others are chained on, when that saves parsing (SharedPrefix::Lower):
// the candidates left without a prefix that include all of it load it directly. With
// ShareBeyond, what the candidates of a prefix include beyond it is shared again, by prefixes
// chained on it (of a prefix that leads with library roots, the standard headers each includes
// after those roots).
SharedPrefixPlan planSharedPrefixes(const std::vector<PrefixCandidate> &Candidates,
                                    size_t MinShare, bool ShareBeyond = true);

} // namespace contractcheck
