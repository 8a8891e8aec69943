#include "GlobFiles.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace contractcheck {

namespace {

// The directories of Pattern before its first component holding a wildcard.
std::string literalPrefix(const std::string &Pattern) {
  size_t Wild = Pattern.find_first_of("*?[\\");
  std::string Literal = Pattern.substr(0, Wild);
  size_t Slash = Literal.rfind('/');
  if (Wild == std::string::npos) // no wildcard: the file itself; walk its directory
    return Slash == std::string::npos ? std::string() : Pattern.substr(0, Slash);
  return Slash == std::string::npos ? std::string() : Literal.substr(0, Slash);
}

// A hidden directory, unless the pattern names it.
bool hiddenFrom(const std::string &Pattern, const std::string &Name) {
  return Name.size() > 1 && Name.front() == '.' && Name != ".." &&
         Pattern.find("/" + Name + "/") == std::string::npos && Pattern.rfind(Name + "/", 0) != 0;
}

} // namespace

std::vector<std::string> filesMatching(const std::vector<Glob> &Globs, const std::string &Base,
                                       const std::function<bool(const std::string &)> &Excluded) {
  std::vector<std::string> Files;
  const fs::path BasePath = fs::path(Base).lexically_normal();
  for (const Glob &G : Globs) {
    const bool Absolute = fs::path(G.pattern()).is_absolute();
    fs::path Start =
        Absolute ? fs::path(literalPrefix(G.pattern())) : BasePath / literalPrefix(G.pattern());
    if (Absolute && Start.empty())
      Start = "/";
    std::error_code Error;
    if (!fs::is_directory(Start, Error))
      continue;
    // Without '**' the pattern names files a fixed number of directories below Start.
    const std::string Rest = G.pattern().substr(literalPrefix(G.pattern()).size());
    const bool AnyDepth = G.pattern().find("**") != std::string::npos;
    const int MaxDepth = static_cast<int>(std::count(Rest.begin(), Rest.end(), '/')) - 1;
    for (fs::recursive_directory_iterator
             It(Start, fs::directory_options::skip_permission_denied, Error),
         End;
         !Error && It != End; It.increment(Error)) {
      fs::path Path = It->path().lexically_normal();
      if (It->is_directory(Error)) {
        if ((!AnyDepth && It.depth() >= MaxDepth) ||
            hiddenFrom(G.pattern(), Path.filename().string()) ||
            (Excluded && Excluded(Path.string())))
          It.disable_recursion_pending();
        continue;
      }
      if (!It->is_regular_file(Error) || (Excluded && Excluded(Path.string())))
        continue;
      std::string Matched =
          Absolute ? Path.generic_string() : Path.lexically_relative(BasePath).generic_string();
      if (G.matches(Matched))
        Files.push_back(Path.string());
    }
  }
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  return Files;
}

} // namespace contractcheck
