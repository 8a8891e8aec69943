// The hook as users install it: real pre-commit runs our .pre-commit-hooks.yaml (try-repo reads it
// from this checkout) on files of a throwaway project.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

namespace contractcheck::test {
namespace {

class PreCommitHookTest : public ::testing::Test {
protected:
  void SetUp() override {
    Project.write("src/bad.cpp", "enum class Mode { Idle, Busy, Stopped, Draining };\n"
                                 "int f(Mode m) {\n"
                                 "  switch (m) { case Mode::Idle: case Mode::Busy: case Mode::Stopped: return 1; default: return 0; }\n"
                                 "}\n");
    Project.write("src/good.cpp", "int g() { return 1; }\n");
    Project.write("src/api.h", "#pragma once\nint g();\n");
    writeCompilationDatabase(Project.path() + "/build",
                             {Project.file("src/bad.cpp"), Project.file("src/good.cpp")},
                             {"-std=c++20"});
    ASSERT_EQ(runProcess({"git", "init", "-q"}, Project.path()).ExitCode, 0);
  }

  ProcessResult runHook(const std::vector<std::string> &Files) {
    std::vector<std::string> Args{"pre-commit", "try-repo", sourceDir(), "contractcheck",
                                  "--color", "never", "--files"};
    Args.insert(Args.end(), Files.begin(), Files.end());
    std::string ToolDir = std::filesystem::path(contractcheckBinary()).parent_path();
    const char *Path = std::getenv("PATH");
    return runProcess(Args, Project.path(),
                      {"PATH=" + ToolDir + ":" + (Path ? Path : "/usr/bin:/bin"),
                       "PRE_COMMIT_HOME=" + Cache.path()});
  }

  TempDir Project, Cache;
};

TEST_F(PreCommitHookTest, FailsWithClangStyleFindingsOnAChangedFile) {
  ProcessResult R = runHook({"src/bad.cpp", "src/api.h"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("src/bad.cpp:3:3: error: switch on 'Mode' has a 'default' label that "
                          "hides 1 unhandled enumerator: Mode::Draining [contract-switch-coverage]"),
            std::string::npos)
      << R.Stdout << R.Stderr;
}

TEST_F(PreCommitHookTest, PassesOnCleanFilesAndSkipsHeaders) {
  ProcessResult R = runHook({"src/good.cpp", "src/api.h"});
  EXPECT_EQ(R.ExitCode, 0) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("Passed"), std::string::npos) << R.Stdout;
}

} // namespace
} // namespace contractcheck::test
