// The headers of the C and C++ standard libraries, which the standards let a program include in
// any order ([using.headers]/3, C17 7.1.2/4): what lets TUs that include them in different orders
// share one precompiled parse of them (SharedPrefixPlan.h).
#pragma once

#include <string_view>

namespace contractcheck {

// Whether Spelling (what #include <...> names) is a header of the C or C++ standard library.
bool isStandardHeader(std::string_view Spelling);

// Whether it is a header of POSIX or of the C or C++ library beyond the standards: not order-free
// by any standard, but part of the same implementation as the standard headers, which include
// them and share their configuration macros.
bool isPlatformHeader(std::string_view Spelling);

// Whether it is a standard header whose meaning does not depend on where it is included. <assert.h>
// and <cassert> are not: each inclusion redefines assert after NDEBUG as it is at that point.
bool isOrderFreeStandardHeader(std::string_view Spelling);

} // namespace contractcheck
