// Whether a path is already what absolutePath (Paths.h) makes of it, asked without making it:
// a caller that holds the path's text elsewhere (a compilation database's entry) copies it once.
#pragma once

#include <string_view>

namespace contractcheck {

// Whether remove_dots would leave an absolute path as it is: one '/' at its start, no empty,
// '.' or '..' component, no '/' at its end (llvm's remove_dots rewrites all of these). Then
// absolutePath(Path) is Path, whatever the base.
bool normalAbsolute(std::string_view Path);

} // namespace contractcheck
