// compile_commands.json, validated before use so a malformed one gets a positioned error.
#pragma once

#include "InputError.h"
#include "Paths.h"

#include <map>
#include <string>
#include <vector>

namespace contractcheck {

struct CompileCommand {
  std::string Directory;
  std::string File; // absolute, normalised
  std::vector<std::string> Arguments;
};

class CompilationDatabase {
public:
  // BuildDir holds compile_commands.json (or is that file). Throws InputError.
  static CompilationDatabase load(const std::string &BuildDir);
  // `contractcheck FILES -- FLAGS`, as clang-tidy: every file compiled with the same flags, in
  // Directory. Such a database has no file (path() is empty) and no build directory.
  static CompilationDatabase fixed(const std::string &Directory,
                                   const std::vector<std::string> &Files,
                                   const std::vector<std::string> &Flags);

  const std::string &path() const { return Path; }
  bool isFixed() const { return Path.empty(); }
  const std::vector<CompileCommand> &commands() const { return Commands; }
  // The deepest directory holding the database's file and every source it compiles (for
  // project/{src,build}: project), found once, as the entries are read; empty when isFixed().
  const std::string &sourcesDirectory() const { return SourcesDirectory; }
  const CompileCommand *find(const std::string &AbsoluteFile) const;
  // The entries after the first for File, which are not analysed (the first entry of each file
  // is used; a build that compiles a file twice, with two configurations, lists it twice).
  size_t repeatedEntries(const std::string &AbsoluteFile) const;
  // Flags clang's driver does not accept, dropped from the commands (see CommandMangler.h), each
  // once, in the order first met.
  const std::vector<std::string> &droppedFlags() const { return Dropped; }
  // The build's precompiled headers the commands loaded, each once (mangleCommand).
  const std::vector<std::string> &unloadedPrecompiledHeaders() const { return UnloadedPch; }
  // Entries left out because they could not be read (bytes that are not UTF-8 in a path), each
  // "compile_commands.json:line:col: error: entry N: ..." once rendered: the others are
  // analysed, and the run is incomplete (exit code 3).
  const std::vector<InputError> &unreadableEntries() const { return Unreadable; }

private:
  // One entry, its command as clang's driver takes it (CommandMangler.h).
  void add(const std::string &Directory, std::string File,
           const std::vector<std::string> &CommandLine);

  std::string Path;
  std::string SourcesDirectory;
  std::vector<CompileCommand> Commands; // one per file, first entry wins
  std::vector<std::string> Dropped;
  std::vector<std::string> UnloadedPch;
  std::vector<InputError> Unreadable;
  std::map<std::string, size_t> Repeated; // file -> entries after its first
};

} // namespace contractcheck
