// Which compile database and which translation unit an open file is analysed with.
#pragma once

#include "CompilationDatabase.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace contractcheck::lsp {

class Workspace {
public:
  // CompileCommandsDir: as clangd's --compile-commands-dir, one database for every file.
  explicit Workspace(std::optional<std::string> CompileCommandsDir)
      : CompileCommandsDir(std::move(CompileCommandsDir)) {}

  struct Resolution {
    std::shared_ptr<const CompilationDatabase> Database; // null: no database covers the file
    std::optional<CompileCommand> Command;               // the TU analysed for the file
    std::string Problem;      // why there is no database or TU, for the user
    bool BadDatabase = false; // Problem is an error in the compile database itself
  };

  // Finds the database like clangd: compile_commands.json in the file's directory or a parent,
  // or in a build/ directory beside one of them. A database is reloaded when the file changes.
  Resolution resolve(const std::string &File);

private:
  std::shared_ptr<const CompilationDatabase> load(const std::string &Dir, std::string &Problem);
  std::optional<std::string> databaseDirFor(const std::string &File) const;
  const CompileCommand *includerOf(const CompilationDatabase &Database, const std::string &Header);

  struct Loaded {
    std::shared_ptr<const CompilationDatabase> Database;
    long long ModifiedNs = 0;
    std::map<std::string, std::string> IncluderCache; // header -> TU, for this load
  };
  std::optional<std::string> CompileCommandsDir;
  std::mutex Mutex;
  std::map<std::string, Loaded> ByDir;
};

} // namespace contractcheck::lsp
