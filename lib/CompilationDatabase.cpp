#include "CompilationDatabase.h"

#include "InputError.h"

#include <clang/Tooling/JSONCompilationDatabase.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <nlohmann/json.hpp>

#include <set>

namespace contractcheck {

namespace {

struct LineColumn {
  unsigned Line = 1, Column = 1;
};

LineColumn lineColumnAt(const std::string &Text, size_t Offset) {
  LineColumn LC;
  for (size_t I = 0; I < Offset && I < Text.size(); ++I) {
    if (Text[I] == '\n') {
      ++LC.Line;
      LC.Column = 1;
    } else {
      ++LC.Column;
    }
  }
  return LC;
}

// Where the Nth element of the top-level array starts, for errors about that entry.
size_t offsetOfEntry(const std::string &Text, size_t Index) {
  int Depth = 0;
  bool InString = false;
  size_t Seen = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"')
      InString = true;
    else if (C == '[' || C == '{') {
      if (Depth == 1 && Seen++ == Index)
        return I;
      ++Depth;
    } else if (C == ']' || C == '}')
      --Depth;
  }
  return 0;
}

void validate(const std::string &Path, const std::string &Text) {
  nlohmann::json Root;
  try {
    Root = nlohmann::json::parse(Text);
  } catch (const nlohmann::json::parse_error &E) {
    LineColumn LC = lineColumnAt(Text, E.byte == 0 ? 0 : E.byte - 1);
    std::string Message = E.what();
    if (size_t Colon = Message.find("syntax error"); Colon != std::string::npos)
      Message = Message.substr(Colon);
    throw InputError("malformed JSON: " + Message, Path, LC.Line, LC.Column);
  }
  if (!Root.is_array())
    throw InputError("a compilation database must be a JSON array of entries", Path, 1, 1);
  for (size_t I = 0; I < Root.size(); ++I) {
    const nlohmann::json &Entry = Root[I];
    LineColumn LC = lineColumnAt(Text, offsetOfEntry(Text, I));
    auto Fail = [&](const std::string &Message) {
      throw InputError("entry " + std::to_string(I + 1) + ": " + Message, Path, LC.Line, LC.Column);
    };
    if (!Entry.is_object())
      Fail("must be an object with 'directory', 'file' and 'arguments' or 'command'");
    for (const char *Key : {"directory", "file"})
      if (!Entry.contains(Key) || !Entry[Key].is_string())
        Fail(std::string("missing string '") + Key + "'");
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
}

} // namespace

std::string absolutePath(const std::string &Path, const std::string &Base) {
  llvm::SmallString<256> Abs(Path);
  if (!llvm::sys::path::is_absolute(Abs)) {
    if (Base.empty()) {
      llvm::sys::fs::make_absolute(Abs);
    } else {
      llvm::SmallString<256> Joined(Base);
      llvm::sys::path::append(Joined, Path);
      Abs = Joined;
    }
  }
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
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
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    throw InputError("cannot read: " + Buffer.getError().message(), Path);
  std::string Text = (*Buffer)->getBuffer().str();
  validate(Path, Text);

  std::string Error;
  auto Database = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
      Text, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    throw InputError(Error, Path);
  CompilationDatabase Result;
  Result.Path = Path;
  std::set<std::string> Seen;
  for (clang::tooling::CompileCommand &Command : Database->getAllCompileCommands()) {
    std::string File = absolutePath(Command.Filename, Command.Directory);
    if (!Seen.insert(File).second)
      continue;
    Result.Commands.push_back({Command.Directory, File, std::move(Command.CommandLine)});
  }
  return Result;
}

const CompileCommand *CompilationDatabase::find(const std::string &AbsoluteFile) const {
  for (const CompileCommand &Command : Commands)
    if (Command.File == AbsoluteFile)
      return &Command;
  return nullptr;
}

} // namespace contractcheck
