// Whether a class is declared in a substitute header: a test double of a project header that
// the include path puts first (`-I test/mock/X -I include`, both holding `lib/x.h`), so that the
// code under test, compiled into the test, includes the double instead of the real header.
// See docs/rules/contract-mock-drift.md ("What stays quiet", "Substitute headers").
#pragma once

#include <optional>
#include <string>

namespace clang {
class Decl;
class HeaderSearch;
} // namespace clang

namespace contractcheck {

// When the file declaring D was found in one include directory while a directory searched later
// holds a different file at the same relative path: the first such file (the one the TU would
// include, were the substitute's directory not on its path), named as positionOf names files.
std::optional<std::string> shadowedHeader(const clang::Decl &D, const clang::HeaderSearch *Headers);

inline bool inSubstituteHeader(const clang::Decl &D, const clang::HeaderSearch *Headers) {
  return shadowedHeader(D, Headers).has_value();
}

} // namespace contractcheck
