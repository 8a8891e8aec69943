// Spelling suggestions for unknown names: configuration keys, rule ids, enumerators, methods.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace contractcheck {

// The candidate closest to Word by edit distance, if it is close enough to be a likely typo.
std::optional<std::string> closestMatch(const std::string &Word,
                                        const std::vector<std::string> &Candidates);

// " (did you mean 'x'?)" when a candidate is close to Word, else "".
std::string didYouMean(const std::string &Word, const std::vector<std::string> &Candidates);

} // namespace contractcheck
