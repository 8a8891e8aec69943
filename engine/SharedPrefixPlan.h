// Which TUs share which precompiled run of system headers: pure bookkeeping, no Clang.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace contractcheck {

struct PrefixCandidate {
  std::string Group;              // TUs may share a prefix only with the same compiler settings
  std::vector<std::string> Roots; // the system headers that may move to the top, in order
};

struct SharedPrefix {
  size_t Representative = 0; // a candidate whose Roots begin with the prefix
  size_t Length = 0;
};

struct SharedPrefixPlan {
  std::vector<SharedPrefix> Prefixes;
  static constexpr size_t None = static_cast<size_t>(-1);
  std::vector<size_t> PrefixOf; // per candidate: an index into Prefixes, or None
};

// Each candidate gets the longest run of its leading roots that at least MinShare candidates of
// its group begin with; a precompiled prefix only pays when it is parsed once for several TUs.
SharedPrefixPlan planSharedPrefixes(const std::vector<PrefixCandidate> &Candidates,
                                    size_t MinShare);

} // namespace contractcheck
