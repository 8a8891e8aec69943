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
#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/wait.h>
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
  // A working directory is given to the child alone: switching this process's own would race
  // with a test that runs two processes from two threads (ConcurrentRunsLeaveAUsableStore), and
  // could leave it in a temporary directory that has since been removed.
  if (!WorkingDir.empty() && Env.empty())
    return BackgroundProcess(Args, WorkingDir).wait();
  TempDir Capture;
  std::string Out = Capture.file("stdout"), Err = Capture.file("stderr");
  std::vector<llvm::StringRef> Argv(Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef("/dev/null"), llvm::StringRef(Out),
                                                llvm::StringRef(Err)};
  // ExecuteAndWait has no working-directory parameter: with an environment, the process cwd is
  // switched around the call (no test does that from two threads).
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

BackgroundProcess::BackgroundProcess(const std::vector<std::string> &Args,
                                     const std::string &WorkingDir) {
  llvm::SmallString<128> Dir;
  if (llvm::sys::fs::createUniqueDirectory("contractcheck-bg", Dir))
    throw std::runtime_error("cannot create a temporary directory");
  CaptureDir = std::string(Dir);
  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  posix_spawn_file_actions_addopen(&Actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&Actions, 1, (CaptureDir + "/stdout").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&Actions, 2, (CaptureDir + "/stderr").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (!WorkingDir.empty())
    posix_spawn_file_actions_addchdir_np(&Actions, WorkingDir.c_str());
  std::vector<char *> Argv;
  for (const std::string &Arg : Args)
    Argv.push_back(const_cast<char *>(Arg.c_str()));
  Argv.push_back(nullptr);
  if (posix_spawnp(&Pid, Argv[0], &Actions, nullptr, Argv.data(), environ) != 0)
    Pid = -1;
  posix_spawn_file_actions_destroy(&Actions);
  if (Pid < 0)
    throw std::runtime_error("cannot start " + Args.front());
}

BackgroundProcess::~BackgroundProcess() {
  if (Pid > 0) {
    ::kill(Pid, SIGKILL);
    ::waitpid(Pid, nullptr, 0);
  }
  std::error_code EC;
  std::filesystem::remove_all(CaptureDir, EC);
}

void BackgroundProcess::signal(int Signal) const { ::kill(Pid, Signal); }

ProcessResult BackgroundProcess::wait() {
  int Status = 0;
  ::waitpid(Pid, &Status, 0);
  Pid = -1;
  ProcessResult Result;
  Result.ExitCode = WIFSIGNALED(Status) ? 128 + WTERMSIG(Status) : WEXITSTATUS(Status);
  Result.Stdout = readFile(CaptureDir + "/stdout");
  Result.Stderr = readFile(CaptureDir + "/stderr");
  return Result;
}

TempDir::TempDir() {
  llvm::SmallString<128> Dir;
  if (llvm::sys::fs::createUniqueDirectory("contractcheck-test", Dir))
    throw std::runtime_error("cannot create a temporary directory");
  Path = std::filesystem::canonical(std::string(Dir));
}

TempDir::~TempDir() {
  // A builder still writing into it would leave part of it behind.
  waitForPrefixBuilders(Path);
  std::error_code EC;
  std::filesystem::remove_all(Path, EC);
}

void waitForPrefixBuilders(const std::string &Dir) {
  std::error_code EC;
  for (std::filesystem::recursive_directory_iterator It(Dir, EC), End; !EC && It != End;
       It.increment(EC)) {
    if (It->path().filename() != "builder.lock" || It->path().parent_path().filename() != "prefixes")
      continue;
    int FD = ::open(It->path().c_str(), O_RDONLY | O_CLOEXEC);
    if (FD < 0)
      continue;
    ::flock(FD, LOCK_EX);
    ::close(FD);
  }
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
