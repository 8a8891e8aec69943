// Fake standard headers on a directory given with -isystem, for the tests of precompiled
// prefixes shared across include directories (IncludeDirectories.h): sys/valarray includes
// <bits/slice.h>, which sys/ holds and so does shadow/, whose copy defines SHADOWED: a TU with
// -I shadow before -isystem sys reads that one.
#pragma once

#include "Subprocess.h"

namespace contractcheck::test {

inline void writeShadowableStandardHeaders(const TempDir &Dir) {
  Dir.write("sys/valarray", "#pragma once\n#include <bits/slice.h>\nstruct Valarray {};\n");
  Dir.write("sys/bits/slice.h", "#pragma once\nstruct Slice {};\n");
  Dir.write("sys/deque", "#pragma once\nstruct Deque {};\n");
  Dir.write("shadow/bits/slice.h", "#pragma once\n#define SHADOWED 1\n");
}

} // namespace contractcheck::test
