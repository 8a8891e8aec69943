// Runs the real binaries under test (contractcheck, clang-tidy-19, python3) and captures output.
#pragma once

#include <string>
#include <vector>

namespace contractcheck::test {

struct ProcessResult {
  int ExitCode = -1;
  std::string Stdout;
  std::string Stderr;
};

// Env: "NAME=value" entries added to (or replacing in) this process's environment.
ProcessResult runProcess(const std::vector<std::string> &Args, const std::string &WorkingDir = {},
                         const std::vector<std::string> &Env = {});

// A process running while the test does something else (interrupts it, edits its inputs, runs
// another beside it). Output is captured as runProcess captures it.
class BackgroundProcess {
public:
  BackgroundProcess(const std::vector<std::string> &Args, const std::string &WorkingDir = {});
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess &) = delete;
  BackgroundProcess &operator=(const BackgroundProcess &) = delete;
  void signal(int Signal) const;
  // Waits for the end; ExitCode is 128 + N when the process was killed by signal N.
  ProcessResult wait();

private:
  int Pid = -1;
  std::string CaptureDir;
};

// A fresh directory under the system temp dir, removed when this object dies.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
  const std::string &path() const { return Path; }
  std::string file(const std::string &Name) const { return Path + "/" + Name; }
  // Writes Text to Name (creating parent directories) and returns the absolute path.
  std::string write(const std::string &Name, const std::string &Text) const;

private:
  std::string Path;
};

std::string readFile(const std::string &Path);

// Waits until no prefix builder (engine/PrefixBuilder.h) works on a result store under Dir: a
// single-file run leaves its precompiled prefix to one, which holds <store>/prefixes/
// builder.lock while it works. Taking that lock is the event a test synchronises on.
void waitForPrefixBuilders(const std::string &Dir);

// A compile_commands.json for Files (absolute paths) compiled as Args, in BuildDir.
void writeCompilationDatabase(const std::string &BuildDir, const std::vector<std::string> &Files,
                              const std::vector<std::string> &Args);

} // namespace contractcheck::test
