// Where a source file's inclusions end: what lets a stored scan of a TU's system headers
// (StoredScans.h) serve the TU again after an edit below its last #include, the usual edit.
#pragma once

#include <cstddef>
#include <string_view>

namespace contractcheck {

// The length of the leading part of Text that holds every inclusion directive of the file
// (#include, #include_next, #import, #__include_macros, a C++20 `import` or `module` line):
// the end of the logical line of the last one, line splices included; 0 when there is none.
// Two texts with the same such part include the same files in the same context, whatever
// follows it. Found by raw lexing, so comments, string literals and raw strings hide nothing:
// once as C and once as C++ (raw strings, digit separators), the later end of the two, since
// a wrong guess of the language could hide a directive inside what it takes for a literal or a
// comment. A text with trigraphs ("??=" spells '#', "??/" a line splice) is included whole.
size_t includeRegionEnd(std::string_view Text);

} // namespace contractcheck
