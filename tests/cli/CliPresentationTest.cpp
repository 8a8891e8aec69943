// What a person at a terminal sees: colour where clang would use it, progress paths as the
// report spells them, and a --help that tells the subcommands and the exit codes.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

namespace contractcheck::test {
namespace {

constexpr const char *Escape = "\x1b[";

class CliPresentationTest : public ::testing::Test {
protected:
  void SetUp() override {
    First = Project.write("src/first.cpp", switchMissingOne("first"));
    Second = Project.write("src/second.cpp", switchMissingOne("second"));
    writeCompilationDatabase(Project.file("build"), {First, Second}, {"-std=c++20"});
  }
  TempDir Project;
  std::string First, Second;
};

TEST_F(CliPresentationTest, ColourFollowsTheColorOption) {
  std::string Build = Project.file("build");
  ProcessResult Always = runContractcheck({"-p", Build, "--no-cache", "--color=always", First});
  EXPECT_EQ(Always.ExitCode, 1) << Always.Stderr;
  EXPECT_NE(Always.Stdout.find(Escape), std::string::npos) << Always.Stdout;
  EXPECT_NE(Always.Stdout.find("hides 1 unhandled enumerator"), std::string::npos);

  // Into a pipe, auto is plain; never is plain anywhere; JSON is never coloured.
  for (std::vector<std::string> Options :
       {std::vector<std::string>{}, {"--color=never"}, {"--color=always", "--format", "json"}}) {
    std::vector<std::string> Args{"-p", Build, "--no-cache", First};
    Args.insert(Args.end(), Options.begin(), Options.end());
    ProcessResult R = runContractcheck(Args);
    EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
    EXPECT_EQ(R.Stdout.find(Escape), std::string::npos) << R.Stdout;
  }

  ProcessResult Bad = runContractcheck({"-p", Build, "--color=sometimes", First});
  EXPECT_EQ(Bad.ExitCode, 2);
  EXPECT_NE(Bad.Stderr.find("--color"), std::string::npos) << Bad.Stderr;
}

// Progress is drawn only on a terminal: script(1) gives the run one.
TEST_F(CliPresentationTest, ProgressNamesFilesRelativeToTheWorkingDirectory) {
  std::string Command = "'" + contractcheckBinary() + "' -p '" + Project.file("build") +
                        "' --no-cache -j 2 2>&1 >/dev/null";
  ProcessResult R = runProcess({"script", "-qec", Command, "/dev/null"}, Project.path());
  EXPECT_NE(R.Stdout.find("] src/first.cpp"), std::string::npos) << R.Stdout;
  EXPECT_NE(R.Stdout.find("] src/second.cpp"), std::string::npos) << R.Stdout;
  EXPECT_EQ(R.Stdout.find("] " + Project.path()), std::string::npos) << R.Stdout;
}

TEST(CliHelpTest, HelpListsTheSubcommandsAndTheExitCodes) {
  ProcessResult R = runContractcheck({"--help"});
  EXPECT_EQ(R.ExitCode, 0);
  for (const char *Expected : {"contractcheck extract -p", "contractcheck check -p",
                               "contractcheck lsp", "--color=<value>", "EXIT CODES:",
                               "0  no finding", "1  findings", "2  bad input", "3  incomplete"})
    EXPECT_NE(R.Stdout.find(Expected), std::string::npos) << Expected << "\n" << R.Stdout;
}

} // namespace
} // namespace contractcheck::test
