// Text from the user's files as valid UTF-8, for the JSON, SARIF and baseline writers: file names
// and source lines may be in any encoding, and nlohmann::json refuses to dump invalid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace contractcheck {

// Text with every ill-formed UTF-8 sequence replaced by U+FFFD (llvm::json::fixUTF8: one per
// maximal ill-formed subpart, Unicode's recommended practice, so a truncated sequence is one).
// Idempotent, so a value written through it and read back compares equal to validUtf8 of the
// original (the baseline relies on that).
std::string validUtf8(std::string_view Text);

// Whether every byte of Text is below 0x80 (ASCII text is UTF-8), eight bytes at a time.
bool isAscii(std::string_view Text);

} // namespace contractcheck
