// Parsing the system headers that several TUs include once for all of them: most of what a
// C++20 TU costs is its standard headers (their constexpr bodies cannot be skipped), and the
// same <map>, <string>, <vector> are parsed again for every TU of a code base.
//
// Before the TUs of a run are parsed, each is preprocessed (about a tenth of its parse) to find
// the system headers its own code includes and how many of them may move to its top
// (SystemHeaderRoots.h); TUs with the same compiler settings whose leading roots agree share a
// precompiled header of those roots, and each is parsed with it loaded (-include-pch), which
// means the same as its own text: the roots come first, as they would have, and a root's later
// #include finds its include guard already defined. A parse with the prefix that fails is
// repeated without it.
#pragma once

#include "CompilationDatabase.h"
#include "PrecompiledPrefix.h"
#include "TranslationUnitAnalyzer.h"

#include <optional>
#include <string>
#include <vector>

namespace contractcheck {

class SharedHeaders {
public:
  // Prepares the prefixes for Commands, the TUs about to be parsed (none when Mode is Never).
  // Auto precompiles only a prefix at least two of them share; Always also one a single TU
  // begins with, which makes every TU go through this path (tests).
  SharedHeaders(const std::vector<const CompileCommand *> &Commands,
                const AnalysisSettings &Settings, unsigned Workers);
  ~SharedHeaders();
  SharedHeaders(const SharedHeaders &) = delete;
  SharedHeaders &operator=(const SharedHeaders &) = delete;

  // The prefix the I-th command's TU should load, or null.
  const PrecompiledPrefix *prefixFor(size_t I) const;

private:
  std::string Directory; // temporary, removed with this object
  std::vector<std::optional<PrecompiledPrefix>> Built;
  std::vector<size_t> PrefixOf;
};

} // namespace contractcheck
