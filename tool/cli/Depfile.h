// The depfile `contractcheck extract --depfile` writes for Make and Ninja: the target and every
// file the extraction's parses read.
#pragma once

#include "TUOutcome.h"

#include <string>
#include <vector>

namespace contractcheck {

// A path as Make and Ninja read it in a depfile; false when no escape can write it.
bool escapeForDepfile(const std::string &Path, std::string &Out);

// The depfile of an extraction; Untracked: the files it cannot name. Throws InputError when the
// target itself cannot be named.
std::string depfileOf(const std::string &Target, const std::vector<TUOutcome> &Outcomes,
                      std::vector<std::string> &Untracked);

} // namespace contractcheck
