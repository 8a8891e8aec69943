// The files a rule's path globs name (`files: ["config/*.yaml"]`), found by walking only the
// directories a glob can reach: from its literal prefix, as deep as it has components unless
// it has '**'.
#pragma once

#include "Glob.h"

#include <functional>
#include <string>
#include <vector>

namespace contractcheck {

// Absolute paths, sorted and unique. Relative globs match paths relative to BaseDir, absolute
// ones absolute paths. Excluded(path) prunes files and whole directories.
std::vector<std::string> findFilesMatching(const std::string &BaseDir,
                                           const std::vector<Glob> &Globs,
                                           const std::function<bool(const std::string &)> &Excluded);

} // namespace contractcheck
