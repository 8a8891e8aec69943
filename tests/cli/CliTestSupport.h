// Shared set-up for the tests that run the contractcheck binary as a user would.
#pragma once

#include "Subprocess.h"
#include "TestPaths.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace contractcheck::test {

inline ProcessResult runContractcheck(std::vector<std::string> Args, const std::string &Cwd = {}) {
  Args.insert(Args.begin(), contractcheckBinary());
  return runProcess(Args, Cwd);
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
