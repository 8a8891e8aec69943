// Judging a literal against the names a function or enum accepts, and the words of the
// findings: shared by the per-TU rule and its global step so both report the same text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contractcheck {

bool acceptsName(const std::vector<std::string> &Names, std::string_view Literal,
                 bool CaseInsensitive);
// The accepted name closest to a rejected literal, if it is a likely typo.
std::optional<std::string> suggestName(const std::vector<std::string> &Names,
                                       std::string_view Literal, bool CaseInsensitive);

// A test assertion expects the call to return the function's fallback (the value it returns for
// a name it does not accept): the name is invalid on purpose. Both values as enumValueText
// writes them; unknown on either side is no.
bool expectsFallback(const std::optional<std::string> &Expected,
                     const std::optional<std::string> &Fallback);

std::string notAcceptedMessage(std::string_view Literal, std::string_view Function,
                               const std::optional<std::string> &Suggestion);
std::string acceptedNamesNote(std::string_view Function, const std::vector<std::string> &Names,
                              bool CaseInsensitive);

} // namespace contractcheck
