// The files a list of path globs names, relative to a base directory: how a rule finds the data
// files its options point at (contracts/*.yaml).
#pragma once

#include "Glob.h"

#include <functional>
#include <string>
#include <vector>

namespace contractcheck {

// Every regular file under Base whose path relative to Base matches a glob (an absolute glob is
// matched against the absolute path), sorted and without repeats. The walk starts at the longest
// directory prefix free of wildcards, so "contracts/*.yaml" lists one directory only. A directory
// that cannot be read contributes nothing; a hidden directory (.git) is entered only when the
// glob spells it; Excluded (the configuration's paths.exclude) prunes files and directories.
std::vector<std::string>
filesMatching(const std::vector<Glob> &Globs, const std::string &Base,
              const std::function<bool(const std::string &)> &Excluded = {});

} // namespace contractcheck
