// Which system headers a translation unit includes, in order, and how many of them could be
// included before any of the TU's own code without changing what the TU means: what lets TUs
// share one precompiled parse of those headers (SharedHeaders.h).
#pragma once

#include <string>
#include <vector>

namespace contractcheck {

// A root is a system header the TU's own code includes (its nested includes are part of it).
struct SystemHeaderRoot {
  std::string Spelling; // as written, without the delimiters: "map", "gtest/gtest.h"
  std::string Path;     // the file it resolved to
};

struct SystemHeaderRoots {
  // Only the leading roots that may move to the top of the TU. The first one that may not, and
  // every root after it, is left out:
  // - a root included inside braces (extern "C" { ... }, a namespace) or with #include_next;
  // - a root whose headers read a macro the TU's own code defined or undefined before it
  //   (NDEBUG, _GNU_SOURCE, a library's configuration macro);
  // - a root that defines a macro the TU's own code used before including it, as an identifier
  //   or in #if/#ifdef/defined();
  // - a root after a #pragma of the TU's own code other than once, diagnostic, region or mark.
  std::vector<SystemHeaderRoot> Roots;
  bool Preprocessed = false; // false: the TU did not preprocess; Roots is empty
};

// Preprocesses (no parse) the TU that the compiler command Args, run in Directory, compiles.
SystemHeaderRoots scanSystemHeaderRoots(const std::vector<std::string> &Args,
                                        const std::string &Directory);

} // namespace contractcheck
