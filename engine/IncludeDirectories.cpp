#include "IncludeDirectories.h"

#include "Paths.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Path.h>

#include <algorithm>

namespace contractcheck {

namespace {

// The option that names a directory, and how it is spelled before the directory when joined.
struct Spelling {
  llvm::StringRef Separate;
  llvm::StringRef Joined;
  char Kind;
};

constexpr Spelling Spellings[] = {
    {"-I", "-I", 'I'},
    {"--include-directory", "--include-directory=", 'I'},
    {"-iquote", "-iquote", 'q'},
    {"-isystem", "-isystem", 's'},
};

// A directory the driver would not take as it is written.
bool plain(llvm::StringRef Dir) {
  return !Dir.empty() && Dir != "-" && !Dir.starts_with("=") && !Dir.starts_with("$SYSROOT");
}

} // namespace

IncludeSearch splitIncludeDirectories(const std::vector<std::string> &Args,
                                      const std::string &Directory) {
  IncludeSearch Search;
  std::vector<IncludeDirectory> ByKind[3]; // q, I, s
  auto Take = [&](char Kind, llvm::StringRef Dir) {
    ByKind[Kind == 'q' ? 0 : Kind == 'I' ? 1 : 2].push_back(
        {absolutePath(Dir.str(), Directory), Kind});
  };
  for (size_t A = 0; A < Args.size(); ++A) {
    llvm::StringRef Arg = Args[A];
    bool Taken = false;
    for (const Spelling &S : Spellings) {
      if (Arg == S.Separate && A + 1 < Args.size() && plain(Args[A + 1])) {
        Take(S.Kind, Args[++A]);
        Taken = true;
        break;
      }
      // -isystem-after is another option; "-I" joined is only "-Idir".
      if (Arg.starts_with(S.Joined) && Arg.size() > S.Joined.size() &&
          !(S.Kind == 's' && Arg.starts_with("-isystem-after")) &&
          plain(Arg.drop_front(S.Joined.size()))) {
        Take(S.Kind, Arg.drop_front(S.Joined.size()));
        Taken = true;
        break;
      }
    }
    if (!Taken)
      Search.Rest.push_back(Args[A]);
  }
  for (std::vector<IncludeDirectory> &Kind : ByKind)
    Search.Directories.insert(Search.Directories.end(), Kind.begin(), Kind.end());
  return Search;
}

std::optional<PathLookups> searchesAgree(const std::vector<std::string> &Names,
                                         const std::vector<IncludeDirectory> &BuiltWith,
                                         const std::vector<IncludeDirectory> &Loading) {
  // The end both lists share is searched alike by both.
  size_t Common = 0;
  while (Common < BuiltWith.size() && Common < Loading.size() &&
         BuiltWith[BuiltWith.size() - 1 - Common] == Loading[Loading.size() - 1 - Common])
    ++Common;
  std::vector<std::string> Before;
  for (const std::vector<IncludeDirectory> *List : {&BuiltWith, &Loading})
    for (size_t D = 0; D + Common < List->size(); ++D)
      Before.push_back((*List)[D].Path);
  std::sort(Before.begin(), Before.end());
  Before.erase(std::unique(Before.begin(), Before.end()), Before.end());
  LookupLog Log;
  for (const std::string &Dir : Before) {
    Log.record(Dir);
    for (const std::string &Name : Names) {
      if (llvm::sys::path::is_absolute(Name))
        continue; // not searched for
      llvm::SmallString<256> Path(Dir);
      llvm::sys::path::append(Path, Name);
      Log.record(std::string(Path));
    }
  }
  PathLookups Asked = Log.take();
  for (const auto &[Path, State] : Asked) {
    bool IsDirectory = std::binary_search(Before.begin(), Before.end(), Path);
    if (State != "missing" && !(IsDirectory && State == "dir"))
      return std::nullopt;
  }
  return Asked;
}

void addNamesLookedUp(std::vector<std::string> &Names, const PathLookups &Lookups,
                      const std::vector<IncludeDirectory> &Directories) {
  for (const auto &[Path, State] : Lookups)
    for (const IncludeDirectory &Dir : Directories)
      if (Path.size() > Dir.Path.size() + 1 && llvm::StringRef(Path).starts_with(Dir.Path) &&
          Path[Dir.Path.size()] == '/')
        Names.push_back(Path.substr(Dir.Path.size() + 1));
  std::sort(Names.begin(), Names.end());
  Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
}

} // namespace contractcheck
