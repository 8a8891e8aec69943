// Shared set-up for the tests that run the contractcheck binary as a user would.
#pragma once

#include "Subprocess.h"
#include "TestPaths.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace contractcheck::test {

inline ProcessResult runContractcheck(std::vector<std::string> Args, const std::string &Cwd = {}) {
  Args.insert(Args.begin(), contractcheckBinary());
  return runProcess(Args, Cwd);
}

// As runContractcheck, after the shell commands Setup (limits set with ulimit).
inline ProcessResult runContractcheckAfter(const std::string &Setup, std::vector<std::string> Args,
                                           const std::string &Cwd = {}) {
  std::vector<std::string> Shell{"/bin/sh", "-c", Setup + "; exec \"$@\"", "sh",
                                 contractcheckBinary()};
  Shell.insert(Shell.end(), Args.begin(), Args.end());
  return runProcess(Shell, Cwd);
}

// As runContractcheck, with files limited to MaxFileBytes (ulimit -f): any write past it fails
// with EFBIG, as on a full disk.
inline ProcessResult runContractcheckWithFileLimit(size_t MaxFileBytes, std::vector<std::string> Args,
                                                   const std::string &Cwd = {}) {
  return runContractcheckAfter("trap '' XFSZ; ulimit -f " + std::to_string(MaxFileBytes / 512),
                               std::move(Args), Cwd);
}

// As runContractcheck, with the address space limited to MaxBytes (ulimit -v): an allocation past
// it fails, as when the machine's memory runs out.
inline ProcessResult runContractcheckWithAddressSpace(size_t MaxBytes, std::vector<std::string> Args,
                                                      const std::string &Cwd = {}) {
  return runContractcheckAfter("ulimit -v " + std::to_string(MaxBytes / 1024), std::move(Args),
                               Cwd);
}

// A switch over a four-enumerator enum that names three of them behind a default: one finding
// with a fix-it, in a function called Name.
inline std::string switchMissingOne(const std::string &Name, const std::string &Eol = "\n") {
  return "enum class " + Name + "Mode { Idle, Busy, Stopped, Draining };" + Eol + "int " + Name +
         "(" + Name + "Mode m) {" + Eol + "  switch (m) {" + Eol + "  case " + Name + "Mode::Idle:" +
         Eol + "  case " + Name + "Mode::Busy:" + Eol + "  case " + Name + "Mode::Stopped:" + Eol +
         "    return 0;" + Eol + "  default:" + Eol + "    return 1;" + Eol + "  }" + Eol + "}" + Eol;
}

// A translation unit whose parse takes seconds (a long constant evaluation), for interrupting a
// run or editing a file while it is analysed. Needs -fconstexpr-steps=2147483647.
inline std::string slowToParse(long Iterations) {
  return "constexpr long spin() {\n  long S = 0;\n  for (long I = 0; I < " +
         std::to_string(Iterations) +
         "; ++I)\n    S += I % 7;\n  return S;\n}\nstatic_assert(spin() > 0);\n";
}

// The .cpp files directly in Dir, sorted: a fixture directory's or a project folder's TUs.
inline std::vector<std::string> cppFilesIn(const std::string &Dir) {
  std::vector<std::string> Files;
  for (const auto &E : std::filesystem::directory_iterator(Dir))
    if (E.path().extension() == ".cpp")
      Files.push_back(E.path().string());
  std::sort(Files.begin(), Files.end());
  return Files;
}

// A compile database in BuildDir for the example's TUs (examples/src and examples/tests), as
// its CMake build compiles them; returns those TUs.
inline std::vector<std::string> writeExampleDatabase(const std::string &BuildDir) {
  std::string Example = sourceDir() + "/examples";
  std::vector<std::string> Sources = cppFilesIn(Example + "/src");
  for (std::string &Test : cppFilesIn(Example + "/tests"))
    Sources.push_back(std::move(Test));
  writeCompilationDatabase(BuildDir, Sources, {"-std=c++20", "-I" + Example + "/include"});
  return Sources;
}

// Waits for an event of a running tool (a file it creates, a line it prints), polling: a test
// synchronises on what the tool did, never on a guess at how long it takes. False on timeout.
inline bool waitUntil(const std::function<bool()> &Happened,
                      std::chrono::milliseconds Timeout = std::chrono::minutes(5)) {
  auto Deadline = std::chrono::steady_clock::now() + Timeout;
  while (!Happened()) {
    if (std::chrono::steady_clock::now() > Deadline)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

// How many TU results the result store in StoreDir holds (<store>/<2 hex>/<key>.json): each is
// written as its TU's analysis ends, so a count says how many TUs a running tool has finished.
inline size_t storedResults(const std::string &StoreDir) {
  size_t N = 0;
  std::error_code EC;
  for (auto It = std::filesystem::recursive_directory_iterator(StoreDir, EC);
       !EC && It != std::filesystem::recursive_directory_iterator(); It.increment(EC))
    if (It->path().extension() == ".json" && It->is_regular_file(EC))
      ++N;
  return N;
}

// Files in Dir other than those named: leftovers such as temporary files.
inline std::vector<std::string> otherFiles(const std::string &Dir, const std::vector<std::string> &Known) {
  std::vector<std::string> Others;
  for (const auto &Entry : std::filesystem::directory_iterator(Dir)) {
    std::string Name = Entry.path().filename().string();
    if (std::find(Known.begin(), Known.end(), Name) == Known.end())
      Others.push_back(Name);
  }
  return Others;
}

// A build dir whose compile_commands.json lists every .cpp of fixtures/cli/<Name>.
inline std::vector<std::string> cliFixture(const std::string &Name, const TempDir &Build) {
  std::vector<std::string> Files;
  for (const auto &Entry : std::filesystem::directory_iterator(fixturesDir() + "/cli/" + Name))
    if (Entry.path().extension() == ".cpp")
      Files.push_back(Entry.path().string());
  std::sort(Files.begin(), Files.end());
  writeCompilationDatabase(Build.path(), Files, {"-std=c++20"});
  return Files;
}

} // namespace contractcheck::test
