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
  // Every name its #include, __has_include and #embed looked for on the include path, as
  // spelled (sorted, once each): what a TU with other include directories must not find
  // elsewhere to load it (IncludeDirectories.h).
  std::vector<std::string> Searched;
  // What a TU adds to its command to load it, besides -include-pch PchPath: what it was built
  // with that clang checks when loading it.
  std::vector<std::string> LoadArgs;
  bool FromStore = false; // loaded from the result store (StoredPrefixes.h), not built now
};

// What HeaderPath holds: `#include <root>` for each root.
std::string prefixHeaderText(const std::vector<SystemHeaderRoot> &Roots);

// Writes HeaderPath (prefixHeaderText; unless WriteHeader is false: the caller wrote it) and
// parses it into PchPath with the compiler command Args (a TU's analysis command, its main file
// left out) and ExtraArgs, run in Directory, with the function bodies of system headers skipped
// as in a TU's parse (template bodies kept when KeepTemplateBodies, see BodySkipPolicy). Nothing
// when it does not parse or a root resolves to another file than Roots says.
std::optional<PrecompiledPrefix> buildPrecompiledPrefix(std::vector<std::string> Args,
                                                        const std::string &Directory,
                                                        const std::vector<SystemHeaderRoot> &Roots,
                                                        bool CLanguage,
                                                        const std::string &HeaderPath,
                                                        const std::string &PchPath,
                                                        bool KeepTemplateBodies,
                                                        const std::vector<std::string> &ExtraArgs = {},
                                                        bool WriteHeader = true);

} // namespace contractcheck
