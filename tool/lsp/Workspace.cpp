#include "Workspace.h"
#include "InputFile.h"

#include "IncludeScanner.h"

#include "InputError.h"
#include "Paths.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <fstream>
#include <sstream>

namespace contractcheck::lsp {

namespace {

std::string databaseFile(const std::string &Dir) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, "compile_commands.json");
  return std::string(Path);
}

long long modifiedNs(const std::string &Path) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status))
    return -1;
  return Status.getLastModificationTime().time_since_epoch().count();
}

std::string readText(const std::string &Path) {
  std::string Problem;
  return readInputFile(Path, InputKind::Source, Problem).value_or(std::string());
}

// The length of the directories A and B share: "/p/src/foobar.cpp" and "/p/src/foo/x.h" share
// "/p/src/", no more.
size_t sharedDirectories(const std::string &A, const std::string &B) {
  size_t N = 0, Shared = 0;
  while (N < A.size() && N < B.size() && A[N] == B[N])
    if (A[N++] == '/')
      Shared = N;
  return Shared;
}

bool endsWithPath(const std::string &Path, const std::string &Suffix) {
  if (Suffix.empty() || Suffix.size() > Path.size())
    return false;
  if (Path.compare(Path.size() - Suffix.size(), Suffix.size(), Suffix) != 0)
    return false;
  return Suffix.size() == Path.size() || Path[Path.size() - Suffix.size() - 1] == '/';
}

bool isHeaderLike(const std::string &File) {
  llvm::StringRef Ext = llvm::sys::path::extension(File);
  return Ext.empty() || Ext == ".h" || Ext == ".hh" || Ext == ".hpp" || Ext == ".hxx" ||
         Ext == ".h++" || Ext == ".inc" || Ext == ".inl" || Ext == ".ipp" || Ext == ".tcc";
}

} // namespace

std::optional<std::string> Workspace::databaseDirFor(const std::string &File) const {
  if (CompileCommandsDir)
    return *CompileCommandsDir;
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    if (llvm::sys::fs::exists(databaseFile(Dir.str())))
      return Dir.str();
    llvm::SmallString<256> Build(Dir);
    llvm::sys::path::append(Build, "build");
    if (llvm::sys::fs::exists(databaseFile(std::string(Build))))
      return std::string(Build);
  }
  return std::nullopt;
}

std::shared_ptr<const CompilationDatabase> Workspace::load(const std::string &Dir,
                                                           std::string &Problem) {
  long long Modified = modifiedNs(databaseFile(Dir));
  Loaded &Entry = ByDir[Dir];
  if (Entry.Database && Entry.ModifiedNs == Modified)
    return Entry.Database;
  try {
    Entry.Database = std::make_shared<const CompilationDatabase>(CompilationDatabase::load(Dir));
    Entry.ModifiedNs = Modified;
    Entry.IncluderCache.clear();
  } catch (const InputError &E) {
    Problem = E.render();
    ByDir.erase(Dir);
    return nullptr;
  }
  return Entry.Database;
}

// A header is analysed through a TU that includes it, found without running the preprocessor:
//  1. a TU whose #include directives name the header (the spelled path is a suffix of the
//     header's path: "trading/order.h" for .../include/trading/order.h), else
//  2. a TU with the header's stem (order.h -> order.cpp),
// the candidate sharing the most directories with the header winning ties, then one with the
// header's stem (include/znc/Message.h through src/Message.cpp, not through whichever of the
// hundred TUs in src/ that include it comes first). A header reached only through other headers
// is not found unless a TU has its stem.
const CompileCommand *Workspace::includerOf(const CompilationDatabase &Database,
                                            const std::string &Header) {
  llvm::StringRef Stem = llvm::sys::path::stem(Header);
  const CompileCommand *Best = nullptr;
  std::pair<size_t, bool> BestRank;
  auto Consider = [&](const CompileCommand &Command) {
    std::pair<size_t, bool> Rank{sharedDirectories(Command.File, Header),
                                 llvm::sys::path::stem(Command.File) == Stem};
    if (!Best || Rank > BestRank) {
      Best = &Command;
      BestRank = Rank;
    }
  };
  for (const CompileCommand &Command : Database.commands())
    for (const std::string &Spelled : includedNames(readText(Command.File)))
      if (endsWithPath(Header, Spelled)) {
        Consider(Command);
        break;
      }
  if (Best)
    return Best;
  for (const CompileCommand &Command : Database.commands())
    if (llvm::sys::path::stem(Command.File) == Stem)
      Consider(Command);
  return Best;
}

Workspace::Resolution Workspace::resolve(const std::string &File) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Resolution R;
  std::optional<std::string> Dir = databaseDirFor(File);
  if (!Dir) {
    R.Problem = "no compile_commands.json in " + parentDirectory(File) +
                ", its parents or a build/ directory beside them; run `contractcheck lsp "
                "--compile-commands-dir DIR` to name one";
    return R;
  }
  R.Database = load(*Dir, R.Problem);
  if (!R.Database) {
    R.BadDatabase = true;
    return R;
  }
  if (const CompileCommand *Command = R.Database->find(File)) {
    R.Command = *Command;
    return R;
  }
  if (!isHeaderLike(File)) {
    R.Problem = File + " is not in " + R.Database->path();
    return R;
  }
  std::map<std::string, std::string> &Cache = ByDir[*Dir].IncluderCache;
  auto Cached = Cache.find(File);
  const CompileCommand *Command =
      Cached != Cache.end() ? R.Database->find(Cached->second) : includerOf(*R.Database, File);
  if (!Command) {
    R.Problem =
        File + " is not in " + R.Database->path() + " and no translation unit there includes it";
    return R;
  }
  Cache[File] = Command->File;
  R.Command = *Command;
  return R;
}

} // namespace contractcheck::lsp
