#include "IncludeScanner.h"
#include "InputFile.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

namespace contractcheck {

std::vector<std::string> includeDirectories(const CompileCommand &Command) {
  std::vector<std::string> Dirs;
  const std::vector<std::string> &Args = Command.arguments();
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    for (llvm::StringRef Flag : {"-I", "-iquote", "-isystem", "-idirafter", "/I"}) {
      if (!Arg.starts_with(Flag))
        continue;
      llvm::StringRef Dir = Arg.drop_front(Flag.size());
      if (Dir.empty() && I + 1 < Args.size())
        Dir = Args[++I];
      if (!Dir.empty())
        Dirs.push_back(absolutePath(Dir.str(), Command.Directory));
      break;
    }
  }
  return Dirs;
}

std::vector<std::string> includedNames(std::string_view Text) {
  std::vector<std::string> Names;
  llvm::SmallVector<llvm::StringRef, 256> Lines;
  llvm::StringRef(Text.data(), Text.size()).split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    Line = Line.ltrim();
    if (!Line.consume_front("#"))
      continue;
    Line = Line.ltrim();
    if (!Line.consume_front("include_next") && !Line.consume_front("include") &&
        !Line.consume_front("import"))
      continue;
    Line = Line.ltrim();
    if (Line.empty() || (Line.front() != '"' && Line.front() != '<'))
      continue;
    char Close = Line.front() == '"' ? '"' : '>';
    size_t End = Line.find(Close, 1);
    if (End != llvm::StringRef::npos)
      Names.push_back(Line.substr(1, End - 1).str());
  }
  return Names;
}

const std::vector<std::string> &IncludeScanner::includesOf(const std::string &File) {
  auto [It, Inserted] = Includes.try_emplace(File);
  if (!Inserted)
    return It->second;
  std::string Problem;
  if (std::optional<std::string> Text = readInputFile(File, InputKind::Source, Problem))
    It->second = includedNames(*Text);
  return It->second;
}

bool IncludeScanner::includes(const CompileCommand &Command, const std::string &AbsoluteHeader) {
  std::vector<std::string> Dirs = includeDirectories(Command);
  std::set<std::string> Seen{Command.File};
  std::vector<std::string> Work{Command.File};
  while (!Work.empty()) {
    std::string File = std::move(Work.back());
    Work.pop_back();
    std::string Here = parentDirectory(File);
    for (const std::string &Name : includesOf(File)) {
      std::vector<std::string> Candidates{absolutePath(Name, Here)};
      for (const std::string &Dir : Dirs)
        Candidates.push_back(absolutePath(Name, Dir));
      for (const std::string &Candidate : Candidates) {
        if (!llvm::sys::fs::exists(Candidate))
          continue;
        if (Candidate == AbsoluteHeader)
          return true;
        if (Seen.insert(Candidate).second)
          Work.push_back(Candidate);
        break;
      }
    }
  }
  return false;
}

} // namespace contractcheck
