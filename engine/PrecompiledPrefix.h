// One precompiled run of system headers, parsed once and loaded by every TU that begins with
// it (SharedHeaders.h).
#pragma once

#include "IncludeLookups.h"
#include "SystemHeaderRoots.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace contractcheck {

struct PrecompiledPrefix {
  std::string HeaderPath; // what was precompiled: a temporary file, no TU's dependency
  std::string PchPath;
  // The files it was parsed from, as TUOutcome::Dependencies: a TU that loads the prefix read
  // them too.
  std::vector<std::pair<std::string, std::string>> Dependencies;
  PathLookups Lookups; // as TUOutcome::Lookups, its own temporary directory left out
};

// Writes HeaderPath (`#include <root>` for each root) and parses it into PchPath with the
// compiler command Args (a TU's analysis command, its main file left out), run in Directory,
// with the function bodies of system headers skipped as in a TU's parse (template bodies kept
// when KeepTemplateBodies, see BodySkipPolicy). Nothing when it does not parse or a root
// resolves to another file than Roots says.
std::optional<PrecompiledPrefix> buildPrecompiledPrefix(std::vector<std::string> Args,
                                                        const std::string &Directory,
                                                        const std::vector<SystemHeaderRoot> &Roots,
                                                        bool CLanguage,
                                                        const std::string &HeaderPath,
                                                        const std::string &PchPath,
                                                        bool KeepTemplateBodies);

} // namespace contractcheck
