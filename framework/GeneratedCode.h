// Which files a code generator wrote (Bison, flex, protoc, moc, uic, rcc, gperf, SWIG), told by
// the banner each writes at the top. Their findings are the generator's input's to fix, so by
// default no front end reports in them (paths.generated in the configuration).
#pragma once

#include <cstddef>
#include <string_view>

namespace contractcheck {

// How far into a file a banner is looked for: every generator above writes it in its first
// lines, after at most a licence-free comment header.
inline constexpr std::size_t GeneratedBannerWindow = 2048;

// The generator whose banner opens Text ("moc", "protoc", ...), or empty for a file written by
// hand. Only the first GeneratedBannerWindow bytes are read.
std::string_view generatorOf(std::string_view Text);

} // namespace contractcheck
