// Every rule, every optional part configured, through both front ends over library code: a
// translation unit that includes every libstdc++ header a C++20 TU can (and gMock), and one that
// includes Qt 5's module headers, each instantiating the library's templates with the project's
// types. Library headers are the most varied C++ every user's project includes; a rule that
// crashes on them loses real translation units (the CLI) or kills the run (clang-tidy). Both
// units are correct code that must stay silent. tests/crash-corpus/run.sh does the same on demand
// over any directory of inputs, such as clang's own tests.
#include "CliTestSupport.h"
#include "Config.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace contractcheck::test {
namespace {

struct Unit {
  std::string File;
  std::vector<std::string> Args;
};

const std::string QtInclude = "/usr/include/x86_64-linux-gnu/qt5";

std::string inputDir() { return fixturesDir() + "/cli/library-headers"; }

std::vector<Unit> units() {
  std::vector<std::string> Qt{"-std=c++17", "-fPIC", "-isystem", QtInclude};
  for (const char *Module : {"QtCore", "QtGui", "QtWidgets"})
    Qt.insert(Qt.end(), {"-isystem", QtInclude + "/" + Module});
  return {{inputDir() + "/all-std.cpp", {"-std=c++20"}}, {inputDir() + "/qt5.cpp", Qt}};
}

void writeDatabase(const TempDir &Build, const std::vector<Unit> &Units) {
  nlohmann::json Entries = nlohmann::json::array();
  for (const Unit &U : Units) {
    std::vector<std::string> Command{"clang++"};
    Command.insert(Command.end(), U.Args.begin(), U.Args.end());
    Command.insert(Command.end(), {"-c", U.File});
    Entries.push_back({{"directory", inputDir()}, {"file", U.File}, {"arguments", Command}});
  }
  std::ofstream(Build.file("compile_commands.json")) << Entries.dump(2);
}

class LibraryHeadersTest : public ::testing::Test {
protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(QtInclude + "/QtWidgets"))
      GTEST_SKIP() << "Qt 5 headers (qtbase5-dev) are not installed";
    writeDatabase(Build, units());
  }
  TempDir Build;
  const std::string ConfigPath = inputDir() + "/.contractcheck.yaml";
};

TEST_F(LibraryHeadersTest, TheCliAnalysesEveryUnitAndReportsNothing) {
  ProcessResult R = runContractcheck(
      {"-p", Build.path(), "--no-cache", "--format", "json", "--config", ConfigPath});
  EXPECT_EQ(R.ExitCode, 0) << R.Stdout << R.Stderr;
  nlohmann::json Report = nlohmann::json::parse(R.Stdout, nullptr, false);
  ASSERT_FALSE(Report.is_discarded()) << R.Stdout << R.Stderr;
  EXPECT_EQ(Report["summary"]["analyzed"], units().size()) << R.Stdout;
  EXPECT_EQ(Report["failures"], nlohmann::json::array()) << R.Stdout;
  EXPECT_EQ(Report["findings"], nlohmann::json::array()) << R.Stdout;
}

TEST_F(LibraryHeadersTest, ClangTidyRunsEveryRuleOnEveryUnitAndReportsNothing) {
  const std::string TidyConfig = Config::load(ConfigPath).toClangTidyConfig();
  for (const Unit &U : units()) {
    ProcessResult R = runProcess({clangTidyBinary(), "-load", tidyModule(), "--config", TidyConfig,
                                  "--warnings-as-errors=contract-*", "--header-filter=.*",
                                  "--quiet", "-p", Build.path(), U.File});
    EXPECT_EQ(R.ExitCode, 0) << U.File << "\n" << R.Stdout << R.Stderr;
    EXPECT_EQ(R.Stdout.find("[contract-"), std::string::npos) << U.File << "\n" << R.Stdout;
  }
}

} // namespace
} // namespace contractcheck::test
