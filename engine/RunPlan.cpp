#include "RunPlan.h"

#include "IncludeScanner.h"
#include "InputError.h"
#include "RealPaths.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <functional>
#include <set>

namespace contractcheck {

namespace {

// What follows the file name's last '.', as llvm::sys::path::extension gives it for the names
// compared here, without parsing the path (0.5 K instructions a file: a one-file run asks it of
// every command of the database).
llvm::StringRef extensionOf(llvm::StringRef Path) {
  size_t Dot = Path.rfind('.');
  if (Dot == llvm::StringRef::npos || Path.find('/', Dot) != llvm::StringRef::npos)
    return {};
  return Path.substr(Dot);
}

bool hasExtension(llvm::StringRef Path, std::initializer_list<llvm::StringRef> Extensions) {
  llvm::StringRef Ext = extensionOf(Path);
  return std::any_of(Extensions.begin(), Extensions.end(),
                     [&](llvm::StringRef E) { return Ext.equals_insensitive(E); });
}

// Asked of every command of the database by a one-file run: an extension whose first letter
// is neither 's' nor 'a' (either case) is none of these, found before comparing it with each.
bool isAssembly(llvm::StringRef File) {
  llvm::StringRef Ext = extensionOf(File);
  char First = Ext.size() >= 2 ? static_cast<char>(Ext[1] | 0x20) : 0;
  return (First == 's' || First == 'a') && hasExtension(File, {".s", ".S", ".asm", ".sx"});
}

bool isSourcePath(llvm::StringRef File) {
  return hasExtension(File, {".c", ".cc", ".cpp", ".cxx", ".c++", ".cp", ".m", ".mm", ".cu"});
}

// A changed header stands for the TUs that include it: the result store knows what each
// stored TU read while its entry is current apart from the given headers; for the others
// (never stored, or edited since), the include scan. Sorts Headers into P.Headers and
// P.UnmatchedHeaders.
void chooseIncluders(const CompilationDatabase &Database, ConfigResolver &Configs,
                     const std::vector<std::string> &Headers, const ResultStore *Store,
                     FileHashes &Hashes, const AnalysisSettings &Settings, RunPlan &P,
                     const std::function<void(const CompileCommand *)> &Choose) {
  std::vector<std::string> RealHeaders;
  for (const std::string &Header : Headers)
    RealHeaders.push_back(realPathOf(Header));
  std::vector<std::string> Changed = RealHeaders;
  std::sort(Changed.begin(), Changed.end());
  IncludeScanner Scanner;
  std::set<std::string> Matched;
  for (const CompileCommand &Command : Database.commands()) {
    if (isAssembly(Command.File))
      continue;
    std::optional<std::vector<std::string>> Deps;
    if (Store)
      Deps = Store->dependencies(
          storeKeyOf(*Store, {&Command, &Configs.forFile(Command.File)}, Settings),
          Command.Directory, Hashes, Changed);
    for (size_t H = 0; H < Headers.size(); ++H) {
      const std::string &Header = Headers[H];
      bool Includes = false;
      if (Deps) {
        Includes = std::binary_search(Deps->begin(), Deps->end(), RealHeaders[H]);
      } else {
        Includes = Scanner.includes(Command, Header);
        P.HeadersMappedByScan = true;
      }
      if (Includes) {
        Matched.insert(Header);
        Choose(&Command);
      }
    }
  }
  for (const std::string &Header : Headers)
    (Matched.count(Header) ? P.Headers : P.UnmatchedHeaders).push_back(Header);
}

// Every given source the database lacks, in one error: `pre-commit run --all-files` gives a
// vendored test tree's 80 sources, and naming only the first had the user edit paths.exclude and
// re-run once per directory.
std::string notInDatabase(const std::vector<std::string> &Paths, const std::string &Database) {
  if (Paths.size() == 1)
    return "'" + Paths[0] + "' is not in the compilation database " + Database +
           "; if it is new, re-run CMake (or whatever wrote the database); if this build never "
           "compiles it (another platform's source, an option that is off), leave it out with "
           "'paths.exclude' in .contractcheck.yaml";
  constexpr size_t Shown = 20;
  std::string Message = std::to_string(Paths.size()) +
                        " given sources are not in the compilation database " + Database + ":\n";
  for (size_t I = 0; I < Paths.size() && I < Shown; ++I)
    Message += "  " + Paths[I] + "\n";
  if (Paths.size() > Shown)
    Message += "  and " + std::to_string(Paths.size() - Shown) + " more\n";
  return Message + "if they are new, re-run CMake (or whatever wrote the database); if this "
                   "build never compiles them (another platform's sources, an option that is "
                   "off), leave them out with 'paths.exclude' in .contractcheck.yaml";
}

// The headers uic wrote from a Qt Designer form (ui_X.h for X.ui): found in the include
// directories of the database's commands (AUTOUIC's <target>_autogen/include, qmake's build
// directory) and next to the form. A changed form stands for the TUs that include them; its
// SIGNAL()/SLOT() strings are judged there and reported at the form. The header is the one uic
// last wrote: a form edited since the last build is judged as it was then.
std::vector<std::string> uicHeadersOf(const CompilationDatabase &Database,
                                      const std::string &Form) {
  std::string Name = "ui_" + llvm::sys::path::stem(Form).str() + ".h";
  std::set<std::string> Searched, Found;
  auto Look = [&](const std::string &Directory) {
    if (!Searched.insert(Directory).second)
      return;
    llvm::SmallString<256> Path(Directory);
    llvm::sys::path::append(Path, Name);
    if (llvm::sys::fs::is_regular_file(Path))
      Found.insert(std::string(Path));
  };
  Look(llvm::sys::path::parent_path(Form).str());
  for (const CompileCommand &Command : Database.commands())
    for (const std::string &Directory : includeDirectories(Command))
      Look(Directory);
  return {Found.begin(), Found.end()};
}

} // namespace

bool isHeaderPath(const std::string &Path) {
  return hasExtension(Path, {".h", ".hh", ".hpp", ".hxx", ".h++", ".inc", ".inl", ".ipp", ".tcc"});
}

RunPlan planRun(const CompilationDatabase &Database, ConfigResolver &Configs,
                const std::vector<std::string> &Paths, const ResultStore *Store,
                FileHashes &Hashes, const AnalysisSettings &Settings) {
  RunPlan P;
  P.Subset = !Paths.empty();
  std::vector<const CompileCommand *> Commands;
  std::set<const CompileCommand *> Chosen;
  auto Choose = [&](const CompileCommand *Command) {
    if (Chosen.insert(Command).second)
      Commands.push_back(Command);
  };
  std::vector<std::string> Headers;
  std::vector<std::string> NotInDatabase;
  for (const std::string &Path : Paths) {
    std::string Absolute = absolutePath(Path);
    if (!llvm::sys::fs::exists(Absolute))
      throw InputError("'" + Path + "' does not exist");
    if (const CompileCommand *Command = Database.find(Absolute))
      Choose(Command);
    else if (isHeaderPath(Absolute))
      Headers.push_back(Absolute);
    else if (isSourcePath(Absolute) || isAssembly(Absolute)) {
      // Another platform's source or one an option leaves out of this build: the hook is given
      // it on every commit that touches it, and nothing but paths.exclude could let that pass.
      if (Configs.forFile(Absolute).isExcluded(Absolute)) {
        ++P.Excluded;
        continue;
      }
      NotInDatabase.push_back(Path);
    } else if (hasExtension(Absolute, {".ui"})) {
      std::vector<std::string> Generated = uicHeadersOf(Database, Absolute);
      if (Generated.empty())
        P.DataFiles.push_back(Absolute);
      Headers.insert(Headers.end(), Generated.begin(), Generated.end());
    } else
      P.DataFiles.push_back(Absolute);
  }
  if (!NotInDatabase.empty())
    throw InputError(notInDatabase(NotInDatabase, Database.path()));
  if (!P.Subset)
    for (const CompileCommand &Command : Database.commands())
      Choose(&Command);

  if (!Headers.empty())
    chooseIncluders(Database, Configs, Headers, Store, Hashes, Settings, P, Choose);

  for (const CompileCommand *Command : Commands) {
    if (isAssembly(Command->File)) {
      P.NotCOrCpp.push_back(Command->File);
      continue;
    }
    const Config &Cfg = Configs.forFile(Command->File);
    if (Cfg.isExcluded(Command->File))
      ++P.Excluded;
    else {
      P.Jobs.push_back({Command, &Cfg});
      P.RepeatedEntries += Database.repeatedEntries(Command->File);
    }
  }
  if (P.Subset) {
    // A database lists a directory's files together: its configuration is looked up once for
    // them (forFile is the configuration of the file's directory), not once per file (0.08 M
    // instructions of a one-file run in googletest's database of 85 commands).
    llvm::StringRef Directory;
    const Config *Cfg = nullptr;
    for (const CompileCommand &Command : Database.commands()) {
      if (Chosen.count(&Command) || isAssembly(Command.File))
        continue;
      // The database's files are absolute and normal: the text before the last '/' (found with
      // std::string's rfind of a character: StringRef's rsplit compares a one-character string
      // at each position, 0.03 M instructions over googletest's 85 files).
      size_t Slash = Command.File.rfind('/');
      llvm::StringRef Parent(Command.File.data(),
                             Slash == std::string::npos ? Command.File.size() : Slash);
      if (!Cfg || Parent != Directory) {
        Cfg = &Configs.forFile(Command.File);
        Directory = Parent;
      }
      if (!Cfg->isExcluded(Command.File))
        P.Others.push_back({&Command, Cfg});
    }
  }
  return P;
}

} // namespace contractcheck
