// Turning validated option text into the values rules keep: name globs and percentages.
#pragma once

#include "Glob.h"

#include <string>
#include <vector>

namespace contractcheck {

// The configuration loader rejected malformed globs already; a clang-tidy option may still carry
// one, which is dropped rather than matched as something else.
std::vector<Glob> parseNameGlobs(const std::vector<std::string> &Patterns);

// A whole number 0-100; Fallback for text the front end did not validate (clang-tidy options).
unsigned parsePercent(const std::string &Text, unsigned Fallback);

} // namespace contractcheck
