#include "CompilationDatabase.h"

#include "CommandMangler.h"
#include "InputError.h"
#include "InputFile.h"
#include "JsonPositions.h"
#include "NormalPaths.h"
#include "Paths.h"
#include "StoredPathLists.h"
#include "Utf8.h"

#include <clang/Tooling/JSONCompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/ADT/DenseSet.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>

namespace contractcheck {

struct CompileCommand::State {
  // As the database wrote it, until mangled: its 'arguments', or its 'command' to be split.
  std::vector<std::string> CommandLine;
  std::optional<std::string> Command;
  // Or, read from a database's text (Source) and not decoded yet: its 'arguments' ([...]) or
  // its 'command' ("...") as written there.
  std::shared_ptr<const std::string> Source;
  std::string_view Text;
  bool TextIsList = false;
  bool Written = false;      // false: given as clang's driver takes it
  bool FromDatabase = false; // read from compile_commands.json, as clang's JSON database reads it
  std::once_flag Once;
  std::atomic<bool> Done{false};
  MangledCommand Mangled;
};

CompileCommand::CompileCommand(std::string Directory, std::string File,
                               std::vector<std::string> Arguments)
    : Directory(std::move(Directory)), File(std::move(File)),
      Command(std::make_shared<State>()) {
  Command->Mangled.Arguments = std::move(Arguments);
  Command->Done = true;
}

CompileCommand CompileCommand::asWritten(std::string Directory, std::string File,
                                         std::vector<std::string> CommandLine) {
  CompileCommand Result(std::move(Directory), std::move(File), {});
  Result.Command->CommandLine = std::move(CommandLine);
  Result.Command->Written = true;
  Result.Command->Done = false;
  return Result;
}

namespace {
std::vector<std::string> databaseCommandLine(const CompileCommand &Command,
                                             std::vector<std::string> CommandLine,
                                             const std::optional<std::string> &Written);
} // namespace

const std::vector<std::string> &CompileCommand::arguments() const {
  State &S = *Command;
  if (!S.Done.load(std::memory_order_acquire))
    std::call_once(S.Once, [&] {
      if (S.Source) {
        if (S.TextIsList)
          S.CommandLine = flatList(S.Text);
        else
          S.Command = flatString(S.Text);
        S.Source.reset();
      }
      if (S.FromDatabase)
        S.CommandLine = databaseCommandLine(*this, std::move(S.CommandLine), S.Command);
      S.Mangled = mangleCommand(S.CommandLine);
      S.CommandLine = {};
      S.Command.reset();
      S.Done.store(true, std::memory_order_release);
    });
  return S.Mangled.Arguments;
}

const MangledCommand *CompileCommand::mangled() const {
  return Command->Written && Command->Done.load(std::memory_order_acquire) ? &Command->Mangled
                                                                           : nullptr;
}

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
    // The store's reader gives the document nlohmann's parser gives, a few times faster; what
    // it does not take (malformed text, a fraction, ...) nlohmann reads, or refuses with its
    // position.
    if (!parseStoredJson(Text, Root, [](std::string_view S) { return std::string(S); }))
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
    // What clang's JSON database refuses (the whole database, as it read it).
    for (const auto &[Key, Value] : Entry.items()) {
      if (Key != "directory" && Key != "file" && Key != "arguments" && Key != "command" &&
          Key != "output")
        Fail("unknown key '" + Key + "' (an entry has 'directory', 'file', 'arguments' or "
             "'command', and 'output')");
      if (Key == "output" && !Value.is_string())
        Fail("'output' must be a string");
    }
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

// llvm::sys::path::is_absolute without making a Twine of Path: on POSIX a path that starts at
// the root (0.2 K instructions an entry).
bool isAbsolute(const std::string &Path) {
#ifdef _WIN32
  return llvm::sys::path::is_absolute(Path);
#else
  return !Path.empty() && Path.front() == '/';
#endif
}

// `ccache g++ -c a.cpp` (CMake's compiler launcher, CC="distcc gcc"): the wrapper is dropped
// when the word after it is the compiler (no flag, no file name with an extension), as clang's
// JSON database drops it, as often as one wraps another.
bool dropCompilerWrapper(std::vector<std::string> &CommandLine) {
  if (CommandLine.size() < 2)
    return false;
  llvm::StringRef Name = llvm::sys::path::filename(CommandLine.front());
  Name.consume_back(".exe");
  if (Name != "distcc" && Name != "ccache" && Name != "sccache")
    return false;
  const std::string &Next = CommandLine[1];
  if (llvm::StringRef(Next).starts_with("-") || llvm::sys::path::has_extension(Next))
    return false;
  CommandLine.erase(CommandLine.begin());
  return true;
}

// An entry's command line as clang's JSON database reads it (its 'arguments', or its 'command'
// split), made when the command is first used: splitting every command of a database was most
// of what reading it cost a run that uses one. LibTooling splits a `command` at spaces only, so a
// CMakeLists that indents its flags with tabs gives every TU a "no such file or directory:
// '\t\t-Wall'": the command is split as the shell that ran it did. A command line of one word is
// unescaped by clang's database (an 'arguments' of one string is taken as a command), which its
// own reader does for that entry alone. @file.rsp arguments are expanded as clang-tidy expands
// them (its JSON database plugin wraps the database the same way), relative to the entry's
// directory.
std::vector<std::string> databaseCommandLine(const CompileCommand &Command,
                                             std::vector<std::string> CommandLine,
                                             const std::optional<std::string> &Written) {
  if (Written)
    CommandLine = splitCommand(*Written);
  if (CommandLine.size() == 1) {
    nlohmann::json One = nlohmann::json::array(
        {{{"directory", Command.Directory}, {"file", Command.File}, {"arguments", CommandLine}}});
    std::string Error;
    auto Database = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
        One.dump(), Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
    if (Database)
      CommandLine = Database->getAllCompileCommands().front().CommandLine;
  } else {
    while (dropCompilerWrapper(CommandLine))
      ;
  }
  clang::tooling::addExpandedResponseFiles(CommandLine, Command.Directory,
                                           llvm::cl::TokenizeGNUCommandLine,
                                           *llvm::vfs::getRealFileSystem());
  return CommandLine;
}

} // namespace

std::optional<CompilationDatabase>
CompilationDatabase::fromFlatEntries(const std::string &Path,
                                     const std::shared_ptr<const std::string> &Text) {
  std::optional<FlatObjects> Entries = flatObjects(*Text);
  if (!Entries)
    return std::nullopt;
  CompilationDatabase Result;
  Result.Path = Path;
  Result.SourcesDirectory = parentDirectory(Path);
  // The files of the commands added, which never move: room for every entry is made first.
  Result.Commands.reserve(Entries->Ends.size());
  // Open addressing in one table, not a node per file.
  llvm::DenseSet<llvm::StringRef> Seen;
  Seen.reserve(Entries->Ends.size());
  size_t First = 0;
  for (size_t End : Entries->Ends) {
    const FlatMember *Directory = nullptr, *File = nullptr, *Arguments = nullptr,
                     *Command = nullptr;
    // What validate accepts, member by member; whatever it would refuse or read otherwise is
    // left to it.
    for (size_t I = First; I < End; ++I) {
      const FlatMember &M = Entries->Members[I];
      const FlatMember **Slot = M.Name == "directory" ? &Directory
                                : M.Name == "file"    ? &File
                                : M.Name == "arguments" ? &Arguments
                                : M.Name == "command" ? &Command
                                                      : nullptr;
      if (M.Name == "output" && !M.IsList)
        continue;
      if (!Slot || (M.IsList != (Slot == &Arguments)))
        return std::nullopt;
      *Slot = &M;
    }
    First = End;
    if (!Directory || !File || (Arguments ? Arguments->Empty : !Command))
      return std::nullopt;
    std::string DirectoryText = flatString(Directory->Written);
    if (!isAbsolute(DirectoryText))
      return std::nullopt;
    // A normal absolute path (nearly every database's) is its own absolutePath: not copied.
    std::string Absolute = flatString(File->Written);
    if (!normalAbsolute(Absolute))
      Absolute = absolutePath(Absolute, DirectoryText);
    if (Seen.contains(Absolute)) {
      ++Result.Repeated[Absolute];
      continue;
    }
    const FlatMember &Written = Arguments ? *Arguments : *Command;
    Result.add(std::move(DirectoryText), std::move(Absolute), Text, Written.Written,
               Arguments != nullptr);
    Seen.insert(Result.Commands.back().File);
  }
  return Result;
}

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
  // Text that is ASCII is UTF-8: only a database with other bytes is searched for entries that
  // are not (and copied, for their positions).
  bool Ascii = isAscii(Text);
  const std::string Original = Ascii ? std::string() : Text;
  std::vector<std::pair<size_t, size_t>> NotUtf8;
  if (!Ascii)
    NotUtf8 = blankEntriesNotInUtf8(Text);
  // The common case, read without a document: an ASCII array of entries that validate would
  // take as they are. Anything else (an error to report with its position, a number, a
  // repeated key, bytes that are not ASCII) goes the document's way below, which decides.
  if (Ascii) {
    // Kept for the entries' commands, views into it until each is used.
    auto Shared = std::make_shared<const std::string>(std::move(Text));
    if (std::optional<CompilationDatabase> Direct = fromFlatEntries(Path, Shared))
      return std::move(*Direct);
    Text = *Shared;
  }
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
  CompilationDatabase Result;
  Result.Path = Path;
  Result.SourcesDirectory = parentDirectory(Path);
  Result.Unreadable = std::move(Unreadable);
  std::set<std::string> Seen;
  for (size_t I = 0; I < Root.size(); ++I) {
    if (std::binary_search(Blanked.begin(), Blanked.end(), I))
      continue;
    const nlohmann::json &Entry = Root[I];
    const std::string &Directory = Entry["directory"].get_ref<const std::string &>();
    std::string File =
        absolutePath(Entry["file"].get_ref<const std::string &>(), Directory);
    if (!Seen.insert(File).second) {
      ++Result.Repeated[File];
      continue;
    }
    std::vector<std::string> Arguments;
    std::optional<std::string> Command;
    if (auto Given = Entry.find("arguments"); Given != Entry.end())
      for (const nlohmann::json &Argument : *Given)
        Arguments.push_back(Argument.get<std::string>());
    else
      Command = Entry["command"].get<std::string>();
    Result.add(Directory, std::move(File), std::move(Arguments), std::move(Command));
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

void CompilationDatabase::widenSourcesDirectory(const std::string &File) {
  while (SourcesDirectory.size() > 1 && !relativeUnder(File, SourcesDirectory))
    SourcesDirectory = llvm::sys::path::parent_path(SourcesDirectory).str();
}

void CompilationDatabase::add(std::string Directory, std::string File,
                              const std::shared_ptr<const std::string> &Text,
                              std::string_view Written, bool IsList) {
  widenSourcesDirectory(File);
  CompileCommand Read = CompileCommand::asWritten(std::move(Directory), std::move(File), {});
  Read.Command->Source = Text;
  Read.Command->Text = Written;
  Read.Command->TextIsList = IsList;
  Read.Command->FromDatabase = true;
  Commands.push_back(std::move(Read));
}

void CompilationDatabase::add(const std::string &Directory, std::string File,
                              std::vector<std::string> Arguments,
                              std::optional<std::string> Command) {
  if (!isFixed())
    widenSourcesDirectory(File);
  CompileCommand Read = CompileCommand::asWritten(Directory, std::move(File), std::move(Arguments));
  Read.Command->Command = std::move(Command);
  Read.Command->FromDatabase = !isFixed();
  Commands.push_back(std::move(Read));
}

namespace {

// What mangling said of the commands used (Said: their dropped flags, or the precompiled
// headers not loaded), each once, in the database's order.
std::vector<std::string> saidOfTheCommandsUsed(const std::vector<CompileCommand> &Commands,
                                               std::vector<std::string> MangledCommand::*Said) {
  std::vector<std::string> Each;
  for (const CompileCommand &Command : Commands)
    if (const MangledCommand *Mangled = Command.mangled())
      for (const std::string &It : Mangled->*Said)
        if (std::find(Each.begin(), Each.end(), It) == Each.end())
          Each.push_back(It);
  return Each;
}

} // namespace

std::vector<std::string> CompilationDatabase::droppedFlags() const {
  return saidOfTheCommandsUsed(Commands, &MangledCommand::Dropped);
}

std::vector<std::string> CompilationDatabase::unloadedPrecompiledHeaders() const {
  return saidOfTheCommandsUsed(Commands, &MangledCommand::PrecompiledHeaders);
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
