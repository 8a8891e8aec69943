// Which system headers a translation unit includes, in order, and how many of them could be
// included before any of the TU's own code without changing what the TU means: what lets TUs
// share one precompiled parse of those headers (SharedHeaders.h).
#pragma once

#include "IncludeLookups.h"

#include <map>
#include <string>
#include <vector>

namespace contractcheck {

// A root is a system header the TU's own code includes (its nested includes are part of it).
struct SystemHeaderRoot {
  std::string Spelling; // as written, without the delimiters: "map", "gtest/gtest.h"
  std::string Path;     // the file it resolved to
  size_t Tokens = 0;    // lexed in it and what it included first: roughly what parsing it costs
};

// A standard header (StandardHeaders.h) that the TU's own code or a library's header includes
// within the kept roots.
struct StandardHeaderUse {
  std::string Spelling;
  std::string Path;
  size_t Root = 0;     // the root it was first entered under, itself when IsRoot
  bool IsRoot = false; // the TU's own code included it
  unsigned Files = 0;  // how many files it entered first: roughly what parsing it costs
  // The C++ standard headers it entered first, directly or through others: they may lead as it
  // may (a prefix may name <string>, which this TU includes through <stdexcept> and another
  // TU includes itself). C headers are left out: the C library's own headers include one
  // another in part (__need_size_t before <stddef.h>).
  std::vector<SystemHeaderRoot> Enters;
  // A root of the TU's own that the library roots after it may move above: nothing their headers
  // read or define is a macro it defines or a name its headers read, nor the reverse (node_test.cpp
  // in yaml-cpp includes <valarray> through its own headers before gMock). A prefix holding those
  // library roots may then leave it out, and the TU includes it after the prefix.
  bool MayFollow = false;
};

struct SystemHeaderRoots {
  // Only the leading roots that may move to the top of the TU. The first one that may not, and
  // every root after it, is left out:
  // - a root included inside braces (extern "C" { ... }, a namespace) or with #include_next;
  // - a root whose headers read a macro the TU's own code defined or undefined before it
  //   (NDEBUG, _GNU_SOURCE, a library's configuration macro);
  // - a root that defines a macro the TU's own code used before including it, as an identifier
  //   or in #if/#ifdef/defined();
  // - a root after a #pragma of the TU's own code other than once, diagnostic, region or mark;
  // - a root with neither an include guard nor #pragma once that is not a standard header nor
  //   includes only headers with one (Qt's <QString>): the TU's own #include would read it
  //   again after the prefix (protobuf's port_def.inc).
  std::vector<SystemHeaderRoot> Roots;
  // The standard headers, which may also move above the library roots before them: empty when
  // they may not, because a library header read a macro before a standard header defined it, a
  // standard header read or changed a macro a library header had defined, or a library header
  // included a standard one inside braces. The standards let their own headers come in any
  // order; a library's macros they do not speak for.
  std::vector<StandardHeaderUse> Standard;
  // Per root of Roots: the system files its #include entered first (itself first), as the scan
  // named them: what the TU's own text has read of a prefix's headers at that #include, which a
  // parse with the prefix loaded checks its code against (PrefixReach.h).
  std::vector<std::vector<std::string>> Entered;
  // Tokens lexed in the TU's own code and in the roots left out: what no prefix spares it.
  size_t UnsharedTokens = 0;
  bool Preprocessed = false; // false: the TU did not preprocess; Roots is empty
};

// What a scan was computed from, so that it can be stored and taken again while that is
// unchanged (StoredScans.h). Of the main file only the part that holds its inclusions counts
// (IncludeRegion.h): what follows its last #include changes neither the roots nor which may lead.
struct ScanInputs {
  std::string MainFile;         // its real path
  size_t MainRegion = 0;        // includeRegionEnd() of the main file's text as scanned
  std::string MainRegionHash;   // contentHash() of that part
  bool MainFileReentered = false; // the TU includes its own main file: all of it counts
  // Every other file the scan read (filesRead) and every path it asked about.
  std::vector<std::pair<std::string, std::string>> Dependencies;
  PathLookups Lookups;
};

// How the scan reads the headers of the implementation (the standard and platform headers and
// what they include): as their directives only (HeaderDirectives.h), where their text cannot
// change the roots, which may lead or whether the scan fails, and whole otherwise; or all of them
// whole (to compare). The roots and the standard headers found are the same either way; the
// token counts of a minimized header are its raw tokens outside directives.
enum class HeaderReading { MinimizeImplementation, Whole };

// Preprocesses (no parse) the TU that the compiler command Args, run in Directory, compiles,
// with an editor's unsaved buffers (absolute path -> text) over the files on disk. Inputs, when
// given, is filled with what the result was computed from.
SystemHeaderRoots
scanSystemHeaderRoots(const std::vector<std::string> &Args, const std::string &Directory,
                      const std::map<std::string, std::string> &Overlays = {},
                      ScanInputs *Inputs = nullptr,
                      HeaderReading Reading = HeaderReading::MinimizeImplementation);

} // namespace contractcheck
