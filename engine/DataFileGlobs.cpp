#include "DataFileGlobs.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace contractcheck {

namespace {

bool hasWildcard(std::string_view Component) {
  return Component.find_first_of("*?[{") != std::string_view::npos;
}

std::vector<std::string> components(std::string_view Pattern) {
  std::vector<std::string> Parts;
  size_t Start = 0;
  while (Start <= Pattern.size()) {
    size_t Slash = Pattern.find('/', Start);
    if (Slash == std::string_view::npos)
      Slash = Pattern.size();
    if (Slash > Start)
      Parts.emplace_back(Pattern.substr(Start, Slash - Start));
    Start = Slash + 1;
  }
  return Parts;
}

void walk(const std::string &BaseDir, const Glob &G,
          const std::function<bool(const std::string &)> &Excluded, std::set<std::string> &Found) {
  const std::string &Pattern = G.pattern();
  bool Absolute = !Pattern.empty() && Pattern.front() == '/';
  std::vector<std::string> Parts = components(Pattern);
  fs::path Root = Absolute ? fs::path("/") : fs::path(BaseDir);
  size_t Literal = 0;
  while (Literal + 1 < Parts.size() && !hasWildcard(Parts[Literal]))
    Root /= Parts[Literal++];
  bool AnyDepth = Pattern.find("**") != std::string::npos;
  // Components left below Root: a file at that depth (1 = directly in Root).
  size_t Depth = Parts.size() - Literal;
  auto Candidate = [&](const fs::path &P) {
    return Absolute ? P.string() : P.lexically_relative(BaseDir).generic_string();
  };
  auto Consider = [&](const fs::path &P) {
    std::string Abs = P.lexically_normal().string();
    if (G.matches(Candidate(P)) && !Excluded(Abs))
      Found.insert(Abs);
  };
  std::error_code Error;
  if (!fs::is_directory(Root, Error))
    return;
  fs::recursive_directory_iterator It(Root, fs::directory_options::skip_permission_denied, Error);
  for (; !Error && It != fs::recursive_directory_iterator(); It.increment(Error)) {
    const fs::directory_entry &Entry = *It;
    std::string Name = Entry.path().filename().string();
    bool Directory = Entry.is_directory(Error);
    if (Directory) {
      bool TooDeep = !AnyDepth && static_cast<size_t>(It.depth()) + 1 >= Depth;
      // A hidden directory (.git) is entered only when the pattern spells it.
      bool Hidden = Name.size() > 1 && Name.front() == '.' &&
                    Pattern.find("/" + Name + "/") == std::string::npos &&
                    Pattern.rfind(Name + "/", 0) != 0;
      if (TooDeep || Hidden || Excluded(Entry.path().lexically_normal().string()))
        It.disable_recursion_pending();
      continue;
    }
    if (Entry.is_regular_file(Error))
      Consider(Entry.path());
  }
}

} // namespace

std::vector<std::string> findFilesMatching(const std::string &BaseDir,
                                           const std::vector<Glob> &Globs,
                                           const std::function<bool(const std::string &)> &Excluded) {
  std::set<std::string> Found;
  for (const Glob &G : Globs)
    walk(BaseDir, G, Excluded, Found);
  return {Found.begin(), Found.end()};
}

} // namespace contractcheck
