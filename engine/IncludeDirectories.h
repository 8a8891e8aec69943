// The include directories a command names (-iquote, -I, -isystem), apart from the rest of it:
// TUs whose commands differ in those alone may load a prefix of standard headers precompiled
// with another's directories, when the prefix's own lookups prove that neither command's
// directories hold any file the prefix looked for (SharedHeaders.h).
#pragma once

#include "IncludeLookups.h"

#include <optional>
#include <string>
#include <vector>

namespace contractcheck {

struct IncludeDirectory {
  std::string Path; // absolute
  char Kind = 'I';  // 'q': -iquote, 'I': -I, 's': -isystem
  bool operator==(const IncludeDirectory &) const = default;
};

struct IncludeSearch {
  // In the order the preprocessor searches them: -iquote, then -I, then -isystem, each in the
  // command's order; the system directories the driver adds come after all of them.
  std::vector<IncludeDirectory> Directories;
  std::vector<std::string> Rest; // the command without them
};

// Args (a command) split in Directory. Only the spellings that name a plain directory are
// taken out: a sysroot-relative one ('=dir', '$SYSROOT/dir'), `-I-`, -idirafter, frameworks and
// a clang-cl `/I` stay in Rest, which TUs must then agree on.
IncludeSearch splitIncludeDirectories(const std::vector<std::string> &Args,
                                      const std::string &Directory);

// Whether a parse with the include directories Loading finds every one of Names (what a
// prefix's #include, __has_include and #embed looked for, as spelled) where a parse with
// BuiltWith found it, the rest of the commands being the same: yes when no directory outside
// the run that both lists end with (the same directories, of the same kind, in the same order)
// holds any of them, nor is anything but a directory or missing (a header map). Both searches
// then pass those directories by and go on alike, through that common end and the system
// directories the driver adds, to the same file with the same system-ness (or to none). A
// quoted name found beside the file including it is found there by both. The paths asked
// about, all missing, are returned: a TU's stored result that relied on them must see a file
// that appears there. Nothing when the proof fails.
std::optional<PathLookups> searchesAgree(const std::vector<std::string> &Names,
                                         const std::vector<IncludeDirectory> &BuiltWith,
                                         const std::vector<IncludeDirectory> &Loading);

// Names: the relative part of each of Lookups (a parse's) under one of Directories: what it
// looked for there. A lookup the preprocessor made without telling (no callback) still counts.
void addNamesLookedUp(std::vector<std::string> &Names, const PathLookups &Lookups,
                      const std::vector<IncludeDirectory> &Directories);

} // namespace contractcheck
