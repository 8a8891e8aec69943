#include "Subprocess.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Program.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace contractcheck::test {

std::string readFile(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  std::ostringstream Buffer;
  Buffer << In.rdbuf();
  return Buffer.str();
}

ProcessResult runProcess(const std::vector<std::string> &Args, const std::string &WorkingDir,
                         const std::vector<std::string> &Env) {
  TempDir Capture;
  std::string Out = Capture.file("stdout"), Err = Capture.file("stderr");
  std::vector<llvm::StringRef> Argv(Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef("/dev/null"), llvm::StringRef(Out),
                                                llvm::StringRef(Err)};
  // ExecuteAndWait has no working-directory parameter; the tests are single-threaded, so the
  // process cwd is switched around the call.
  std::string Saved = std::filesystem::current_path();
  if (!WorkingDir.empty())
    std::filesystem::current_path(WorkingDir);
  std::optional<llvm::ArrayRef<llvm::StringRef>> Environment;
  std::vector<std::string> EnvStrings;
  std::vector<llvm::StringRef> EnvRefs;
  if (!Env.empty()) {
    EnvStrings = Env;
    for (char **E = environ; *E; ++E) {
      std::string Entry = *E;
      std::string Name = Entry.substr(0, Entry.find('='));
      if (std::none_of(Env.begin(), Env.end(),
                       [&](const std::string &O) { return O.rfind(Name + "=", 0) == 0; }))
        EnvStrings.push_back(Entry);
    }
    EnvRefs.assign(EnvStrings.begin(), EnvStrings.end());
    Environment = EnvRefs;
  }
  std::string Program = Args.front();
  if (Program.find('/') == std::string::npos)
    if (auto Found = llvm::sys::findProgramByName(Program))
      Program = *Found;
  std::string ErrorMessage;
  ProcessResult Result;
  Result.ExitCode = llvm::sys::ExecuteAndWait(Program, Argv, Environment, Redirects,
                                              /*SecondsToWait=*/300, 0, &ErrorMessage);
  std::filesystem::current_path(Saved);
  Result.Stdout = readFile(Out);
  Result.Stderr = readFile(Err) + ErrorMessage;
  return Result;
}

TempDir::TempDir() {
  llvm::SmallString<128> Dir;
  if (llvm::sys::fs::createUniqueDirectory("contractcheck-test", Dir))
    throw std::runtime_error("cannot create a temporary directory");
  Path = std::filesystem::canonical(std::string(Dir));
}

TempDir::~TempDir() {
  std::error_code EC;
  std::filesystem::remove_all(Path, EC);
}

std::string TempDir::write(const std::string &Name, const std::string &Text) const {
  std::filesystem::path Full = std::filesystem::path(Path) / Name;
  std::filesystem::create_directories(Full.parent_path());
  std::ofstream(Full, std::ios::binary) << Text;
  return Full.string();
}

void writeCompilationDatabase(const std::string &BuildDir, const std::vector<std::string> &Files,
                              const std::vector<std::string> &Args) {
  nlohmann::json Entries = nlohmann::json::array();
  for (const std::string &File : Files) {
    std::vector<std::string> Command{"clang++"};
    Command.insert(Command.end(), Args.begin(), Args.end());
    Command.insert(Command.end(), {"-c", File});
    Entries.push_back({{"directory", std::filesystem::path(File).parent_path().string()},
                       {"file", File},
                       {"arguments", Command}});
  }
  std::filesystem::create_directories(BuildDir);
  std::ofstream(BuildDir + "/compile_commands.json") << Entries.dump(2);
}

} // namespace contractcheck::test
