#include "Paths.h"

#include "NormalPaths.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace contractcheck {

// Most paths a run is given are normal (every file of a compilation database), and remove_dots
// splits each into components to find that out.
bool normalAbsolute(std::string_view Path) {
#ifdef _WIN32
  return false; // a drive or share names the root there
#endif
  if (Path.size() < 2 || Path[0] != '/' || Path[1] == '/' || Path.back() == '/')
    return Path == "/";
  for (size_t Slash = 0; Slash != std::string_view::npos;) {
    size_t Next = Path.find('/', Slash + 1);
    size_t Length = (Next == std::string_view::npos ? Path.size() : Next) - Slash - 1;
    const char *Component = Path.data() + Slash + 1;
    if (Length == 0 || (Component[0] == '.' && (Length == 1 || (Length == 2 && Component[1] == '.'))))
      return false;
    Slash = Next;
  }
  return true;
}

std::string absolutePath(const std::string &Path, const std::string &Base) {
  if (normalAbsolute(Path))
    return Path;
  llvm::SmallString<256> Abs(Path);
  if (!llvm::sys::path::is_absolute(Abs)) {
    if (Base.empty()) {
      // Without a working directory the path stays relative; every later lookup then fails with
      // an error naming it, which is the best that can be said.
      static_cast<void>(llvm::sys::fs::make_absolute(Abs));
    } else {
      llvm::SmallString<256> Joined(Base);
      llvm::sys::path::append(Joined, Path);
      Abs = Joined;
    }
  }
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

std::string parentDirectory(const std::string &Path) {
  return std::string(llvm::sys::path::parent_path(absolutePath(Path)));
}

std::optional<std::string_view> relativeUnder(std::string_view Path, std::string_view Dir) {
  if (Dir.empty() || Path.size() <= Dir.size() + 1 || Path.substr(0, Dir.size()) != Dir)
    return std::nullopt;
  if (Dir.back() == '/')
    return Path.substr(Dir.size());
  if (Path[Dir.size()] != '/')
    return std::nullopt;
  return Path.substr(Dir.size() + 1);
}

std::string displayPath(std::string_view Path, std::string_view Base) {
  return std::string(relativeUnder(Path, Base).value_or(Path));
}

std::string displayPosition(std::string_view Path, unsigned Line, unsigned Column,
                            std::string_view Base) {
  std::string Text = displayPath(Path, Base);
  // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on ":" + to_string().
  if (Line) {
    Text += ':';
    Text += std::to_string(Line);
    if (Column) {
      Text += ':';
      Text += std::to_string(Column);
    }
  }
  return Text;
}

std::string workingDirectory() {
  llvm::SmallString<256> Cwd;
  if (llvm::sys::fs::current_path(Cwd))
    return ".";
  return std::string(Cwd);
}

} // namespace contractcheck
