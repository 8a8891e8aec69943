#include "CompilationDatabase.h"

#include "CommandMangler.h"
#include "InputError.h"
#include "InputFile.h"
#include "JsonPositions.h"
#include "Paths.h"

#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/JSONCompilationDatabase.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace contractcheck {

namespace {

// The top-level entries of the array whose bytes are not UTF-8 (a path in another encoding:
// nlohmann refuses the whole text for one byte of it). Each is blanked out in Text ("null" and
// spaces, its line breaks kept, so that every other position holds) and its index and offset
// returned; the others are loaded.
std::vector<std::pair<size_t, size_t>> blankEntriesNotInUtf8(std::string &Text) {
  std::vector<std::pair<size_t, size_t>> Blanked;
  int Depth = 0;
  bool InString = false;
  size_t Index = 0, Start = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"') {
      InString = true;
    } else if (C == '[' || C == '{') {
      if (Depth++ == 1)
        Start = I;
    } else if (C == ',' && Depth == 1) {
      ++Index; // entries are counted by the commas between them, whatever their kind
    } else if (C == ']' || C == '}') {
      if (--Depth != 1)
        continue;
      llvm::StringRef Entry(Text.data() + Start, I + 1 - Start);
      size_t Bad = 0;
      // Shorter than "null" it is no object anyway: left for the parser to refuse.
      if (Entry.size() >= 4 && !llvm::json::isUTF8(Entry, &Bad)) {
        Blanked.emplace_back(Index, Start + Bad);
        for (size_t J = Start; J <= I; ++J)
          if (Text[J] != '\n')
            Text[J] = ' ';
        Text.replace(Start, 4, "null");
      }
    }
  }
  return Blanked;
}

nlohmann::json validate(const std::string &Path, const std::string &Text,
                        const std::vector<size_t> &Blanked = {}) {
  nlohmann::json Root;
  try {
    Root = nlohmann::json::parse(Text);
  } catch (const nlohmann::json::parse_error &E) {
    throw InputError::fromJsonParseError(E, E.byte, Path, Text);
  } catch (const nlohmann::json::exception &E) {
    // Not a syntax error but a value nlohmann cannot hold, e.g. a number too large for a double
    // (found by the fuzzer); it has no position.
    throw InputError::fromJsonError(E, Path);
  }
  if (!Root.is_array())
    throw InputError("a compilation database must be a JSON array of entries", Path, 1, 1);
  for (size_t I = 0; I < Root.size(); ++I) {
    if (std::binary_search(Blanked.begin(), Blanked.end(), I))
      continue;
    const nlohmann::json &Entry = Root[I];
    auto Fail = [&](const std::string &Message) {
      DataPosition At = jsonValuePosition(Text, {I});
      throw InputError("entry " + std::to_string(I + 1) + ": " + Message, Path, At.Line,
                       At.Column);
    };
    if (!Entry.is_object())
      Fail("must be an object with 'directory', 'file' and 'arguments' or 'command'");
    for (const char *Key : {"directory", "file"})
      if (!Entry.contains(Key) || !Entry[Key].is_string())
        Fail(std::string("missing string '") + Key + "'");
    // Relative to what? To wherever contractcheck runs: another file would be analysed, with
    // its include paths resolved from there.
    const std::string &Directory = Entry["directory"].get_ref<const std::string &>();
    if (!llvm::sys::path::is_absolute(Directory))
      Fail((Directory.empty() ? std::string("'directory' is empty")
                              : "'directory' is relative ('" + Directory + "')") +
           "; it must be the compiler's working directory as an absolute path, else '" +
           Entry["file"].get<std::string>() + "' would be looked up from wherever contractcheck runs");
    bool HasArguments = Entry.contains("arguments");
    if (HasArguments) {
      const nlohmann::json &Args = Entry["arguments"];
      if (!Args.is_array() || Args.empty() ||
          !std::all_of(Args.begin(), Args.end(), [](const auto &A) { return A.is_string(); }))
        Fail("'arguments' must be a non-empty list of strings");
    } else if (!Entry.contains("command") || !Entry["command"].is_string()) {
      Fail("needs 'arguments' (a list of strings) or 'command' (a string)");
    }
  }
  return Root;
}

// LibTooling splits a `command` at spaces only, so a CMakeLists that indents its flags with tabs
// gives every TU a "no such file or directory: '\t\t-Wall'"; the command is split as the shell
// that ran it did, and handed on as `arguments`.
std::string withCommandsSplit(nlohmann::json Root) {
  for (nlohmann::json &Entry : Root)
    if (!Entry.contains("arguments")) {
      Entry["arguments"] = splitCommand(Entry["command"].get<std::string>());
      Entry.erase("command");
    }
  return Root.dump();
}

} // namespace

CompilationDatabase CompilationDatabase::load(const std::string &BuildDir) {
  std::string Path = absolutePath(BuildDir);
  if (!llvm::sys::fs::exists(Path))
    throw InputError("build directory '" + BuildDir + "' does not exist");
  if (llvm::sys::fs::is_directory(Path)) {
    llvm::SmallString<256> File(Path);
    llvm::sys::path::append(File, "compile_commands.json");
    if (!llvm::sys::fs::exists(File))
      throw InputError("no compile_commands.json in '" + BuildDir +
                       "'; generate one (CMake: -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or bear)");
    Path = std::string(File);
  }
  ReadProblem Problem;
  std::optional<std::string> Read = readInputFile(Path, InputKind::CompilationDatabase, Problem);
  if (!Read)
    throw InputError(Problem.Message, Path, Problem.Line, Problem.Column);
  std::string Text = std::move(*Read);
  const std::string Original = Text;
  std::vector<std::pair<size_t, size_t>> NotUtf8 = blankEntriesNotInUtf8(Text);
  std::vector<size_t> Blanked;
  for (const auto &[Index, Offset] : NotUtf8)
    Blanked.push_back(Index);
  nlohmann::json Root = validate(Path, Text, Blanked);
  std::vector<InputError> Unreadable;
  for (const auto &[Index, Offset] : NotUtf8)
    Unreadable.push_back(
        InputError::atOffset("entry " + std::to_string(Index + 1) +
                                 ": holds bytes that are not UTF-8 (a path in another encoding?); "
                                 "this entry is not analysed, the others are",
                             Path, Original, Offset));
  // What is left for LibTooling: the entries read.
  for (size_t I = Blanked.size(); I-- > 0;)
    if (Blanked[I] < Root.size())
      Root.erase(Blanked[I]);

  std::string Error;
  auto Database = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
      withCommandsSplit(std::move(Root)), Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    throw InputError(Error, Path);
  // @file.rsp arguments are expanded as clang-tidy expands them (its JSON database plugin wraps
  // the database the same way), relative to each entry's directory.
  std::unique_ptr<clang::tooling::CompilationDatabase> Expanded =
      clang::tooling::expandResponseFiles(std::move(Database), llvm::vfs::getRealFileSystem());
  CompilationDatabase Result;
  Result.Path = Path;
  Result.SourcesDirectory = parentDirectory(Path);
  Result.Unreadable = std::move(Unreadable);
  std::set<std::string> Seen;
  for (clang::tooling::CompileCommand &Command : Expanded->getAllCompileCommands()) {
    std::string File = absolutePath(Command.Filename, Command.Directory);
    if (!Seen.insert(File).second) {
      ++Result.Repeated[File];
      continue;
    }
    Result.add(Command.Directory, std::move(File), Command.CommandLine);
  }
  return Result;
}

CompilationDatabase CompilationDatabase::fixed(const std::string &Directory,
                                               const std::vector<std::string> &Files,
                                               const std::vector<std::string> &Flags) {
  CompilationDatabase Result;
  std::set<std::string> Seen;
  for (const std::string &Given : Files) {
    std::string File = absolutePath(Given, Directory);
    if (!Seen.insert(File).second)
      continue;
    // The driver's name picks the language as a build's would: C for a .c file.
    std::vector<std::string> Command{llvm::sys::path::extension(File) == ".c" ? "clang" : "clang++"};
    Command.insert(Command.end(), Flags.begin(), Flags.end());
    Command.push_back(File);
    Result.add(Directory, std::move(File), Command);
  }
  return Result;
}

void CompilationDatabase::add(const std::string &Directory, std::string File,
                              const std::vector<std::string> &CommandLine) {
  MangledCommand Mangled = mangleCommand(CommandLine);
  for (std::string &Flag : Mangled.Dropped)
    if (std::find(Dropped.begin(), Dropped.end(), Flag) == Dropped.end())
      Dropped.push_back(std::move(Flag));
  for (std::string &Pch : Mangled.PrecompiledHeaders)
    if (std::find(UnloadedPch.begin(), UnloadedPch.end(), Pch) == UnloadedPch.end())
      UnloadedPch.push_back(std::move(Pch));
  if (!isFixed())
    while (SourcesDirectory.size() > 1 && !relativeUnder(File, SourcesDirectory))
      SourcesDirectory = llvm::sys::path::parent_path(SourcesDirectory).str();
  Commands.push_back({Directory, std::move(File), std::move(Mangled.Arguments)});
}

size_t CompilationDatabase::repeatedEntries(const std::string &AbsoluteFile) const {
  auto It = Repeated.find(AbsoluteFile);
  return It == Repeated.end() ? 0 : It->second;
}

const CompileCommand *CompilationDatabase::find(const std::string &AbsoluteFile) const {
  for (const CompileCommand &Command : Commands)
    if (Command.File == AbsoluteFile)
      return &Command;
  return nullptr;
}

} // namespace contractcheck
