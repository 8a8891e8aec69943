// Which files are a copy of a library that projects vendor as one file (nlohmann/json,
// cpp-httplib, doctest, SQLite's amalgamation), told by the banner the library opens with. Their
// findings are the library's design, or its upstream's to fix, so by default no front end reports
// in them (paths.vendored in the configuration).
#pragma once

#include <string_view>

namespace contractcheck {

// The library whose banner opens Text ("nlohmann/json", ...), or empty. Only the first
// GeneratedBannerWindow bytes are read.
std::string_view vendoredLibraryOf(std::string_view Text);

} // namespace contractcheck
