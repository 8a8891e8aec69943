// compile_commands.json, validated before use so a malformed one gets a positioned error.
#pragma once

#include "InputError.h"
#include "Paths.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace contractcheck {

struct MangledCommand;

// One TU's compile command. A database's commands are made into ones clang's driver takes
// (mangleCommand, CommandMangler.h) when first asked for: a single-file run reads a database of
// hundreds of commands and needs one of them, and the driver's option parse of every command was
// a third of such a run's own instructions beside clang's parse of a small TU. Copies share the
// command (and what was made of it); asking from several threads at once is safe.
class CompileCommand {
public:
  // Arguments as clang's driver takes them.
  CompileCommand(std::string Directory, std::string File, std::vector<std::string> Arguments);
  // CommandLine as the build wrote it (Arguments[0] the compiler), mangled when first asked for.
  static CompileCommand asWritten(std::string Directory, std::string File,
                                  std::vector<std::string> CommandLine);

  std::string Directory;
  std::string File; // absolute, normalised

  const std::vector<std::string> &arguments() const;
  // What mangling dropped and unloaded; nullptr until arguments() was asked for.
  const MangledCommand *mangled() const;

private:
  friend class CompilationDatabase;
  struct State;
  std::shared_ptr<State> Command;
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
  // Flags clang's driver does not accept, dropped from the commands this process used (their
  // arguments() asked for; see CommandMangler.h), each once, in the database's order.
  std::vector<std::string> droppedFlags() const;
  // The build's precompiled headers those commands loaded, each once (mangleCommand).
  std::vector<std::string> unloadedPrecompiledHeaders() const;
  // Entries left out because they could not be read (bytes that are not UTF-8 in a path), each
  // "compile_commands.json:line:col: error: entry N: ..." once rendered: the others are
  // analysed, and the run is incomplete (exit code 3).
  const std::vector<InputError> &unreadableEntries() const { return Unreadable; }

private:
  // The database of Text (Path's) read without a JSON document, when Text is an ASCII array of
  // entries that the document's validation would take as they are; nullopt for anything else.
  // Each entry's 'arguments' or 'command' is kept as written, a view into Text, and decoded
  // when the command is first used.
  static std::optional<CompilationDatabase>
  fromFlatEntries(const std::string &Path, const std::shared_ptr<const std::string> &Text);
  // One entry, its command as the build wrote it: Arguments, or Command to be split.
  void add(const std::string &Directory, std::string File, std::vector<std::string> Arguments,
           std::optional<std::string> Command = std::nullopt);
  // One entry of Text, its 'arguments' (a list) or 'command' (a string) as written in it.
  void add(std::string Directory, std::string File, const std::shared_ptr<const std::string> &Text,
           std::string_view Written, bool IsList);
  // SourcesDirectory made the deepest directory that holds File as well.
  void widenSourcesDirectory(const std::string &File);

  std::string Path;
  std::string SourcesDirectory;
  std::vector<CompileCommand> Commands; // one per file, first entry wins
  std::vector<InputError> Unreadable;
  std::map<std::string, size_t> Repeated; // file -> entries after its first
};

} // namespace contractcheck
