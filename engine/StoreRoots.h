// The directories a stored result's paths are relative to, so one store (a CI cache, a build
// system's action cache, a second checkout) serves every checkout of the same code: the compile
// database's `directory` of the TU and the project root (the top of the git work tree holding the
// database). A path under neither (a system header, a symlink's target elsewhere) stays absolute,
// so it is validated where it is.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace contractcheck {

class StoreRoots {
public:
  // How the paths of a text are spelled: as named (by the compile command, the parse, the
  // configuration), or as real paths (what a file's content was read as, a symlink's target).
  // Each is taken relative to the same spelling of a root.
  enum class Spelling { AsNamed, Real };

  // Both absolute and normalised; an empty root or "/" takes nothing relative.
  StoreRoots(const std::string &CompileDirectory, const std::string &ProjectRoot);

  // Text with each path that starts with a root written relative to it ("${directory}/src/a.cpp",
  // "${project}/include/x.h") and every '$' doubled, so no two texts give the same result. A
  // path starts where the text does, after a character no directory name ends with (a quote, a
  // space, '=', ':', ',', a control character such as a fact key's separator, ...) or after a
  // joined option (-I, -isystem, ...); a root ends at '/', at the end or before such a character.
  std::string relative(std::string_view Text, Spelling S = Spelling::AsNamed) const;
  // The inverse, with this checkout's roots.
  std::string absolute(std::string_view Text, Spelling S = Spelling::AsNamed) const;

private:
  struct Root {
    std::string Tag; // "${directory}"
    std::string Named, Real;
  };
  std::vector<Root> Roots; // the longest first: a path under both is relative to the deeper one
};

// The project root of a compile database in DatabaseDirectory: the nearest directory upward from
// it holding `.git` (a work tree or a worktree's link), else DatabaseDirectory itself.
std::string projectRootOf(const std::string &DatabaseDirectory);

} // namespace contractcheck
