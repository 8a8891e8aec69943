// Whether a class is declared in a substitute header: a test double of a project header that
// the include path puts first (`-I test/mock/X -I include`, both holding `lib/x.h`), so that the
// code under test, compiled into the test, includes the double instead of the real header.
// See docs/rules/contract-mock-drift.md ("What stays quiet").
#pragma once

namespace clang {
class Decl;
class HeaderSearch;
} // namespace clang

namespace contractcheck {

// True when the file declaring D was found in one include directory while another directory of
// the same search path holds a different file at the same relative path.
bool inSubstituteHeader(const clang::Decl &D, const clang::HeaderSearch *Headers);

} // namespace contractcheck
