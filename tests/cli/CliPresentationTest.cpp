// What a person at a terminal sees: colour where clang would use it, progress paths as the
// report spells them, and a --help that tells the subcommands and the exit codes.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

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

// A header reached through a symlink and "..", as clang names libstdc++'s headers when the driver
// finds GCC through Debian's /lib -> usr/lib (/../lib/gcc/x86_64-linux-gnu/12/../../../../include/
// c++/12/future): ".." after a symlink goes up from the symlink's target, so removing it lexically
// named a file that does not exist (/include/c++/12/future).
TEST(CliPathTest, AFindingInAHeaderBehindASymlinkNamesTheFileThatExists) {
  TempDir Project;
  std::string Header = Project.write("real/lib/modes.h", switchMissingOne("lib"));
  Project.write("real/lib/gcc/.keep", "");
  std::filesystem::create_directory_symlink(Project.file("real/lib/gcc"), Project.file("gcc"));
  std::string Main = Project.write("src/main.cpp", "#include \"" + Project.path() + "/gcc/../modes.h\"\n");
  writeCompilationDatabase(Project.file("build"), {Main}, {"-std=c++20"});
  ProcessResult R = runContractcheck({"-p", Project.file("build"), "--no-cache", "--format", "json", Main});
  nlohmann::json Report = nlohmann::json::parse(R.Stdout, nullptr, false);
  ASSERT_FALSE(Report.is_discarded()) << R.Stdout << R.Stderr;
  ASSERT_EQ(Report["findings"].size(), 1u) << R.Stdout;
  std::string File = Report["findings"][0]["location"]["file"];
  ASSERT_TRUE(std::filesystem::exists(File)) << File;
  EXPECT_TRUE(std::filesystem::equivalent(File, Header)) << File;
}

TEST(CliHelpTest, HelpListsTheSubcommandsAndTheExitCodes) {
  ProcessResult R = runContractcheck({"--help"});
  EXPECT_EQ(R.ExitCode, 0);
  for (const char *Expected : {"contractcheck extract -p", "contractcheck check -p",
                               "contractcheck lsp", "--color=<value>", "EXIT CODES:",
                               "0  no finding", "1  findings", "2  bad input", "3  incomplete"})
    EXPECT_NE(R.Stdout.find(Expected), std::string::npos) << Expected << "\n" << R.Stdout;
}

// Findings in files a generator's banner marks are left out by default, and the summary says how
// many, in how many files, from which generators (issue 17: a user must see that something was
// left out, and how to see it); with `generated: report` they are findings like any other.
TEST(CliGeneratedCodeTest, TheSummaryCountsWhatGeneratedFilesWouldHaveReported) {
  // A copy outside any work tree, as the fixture runner judges fixtures: in this repository's
  // history the enum and its switches were committed together (history: git).
  TempDir Build, Project;
  std::vector<std::string> Files;
  const std::string Dir = Project.path();
  for (const char *Name :
       {"handwritten.cpp", "moc_widget.cpp", "parser.tab.cpp", "events.pb.h", "state.h"}) {
    std::string Copy = Project.write(
        Name, readFile(fixturesDir() + "/contract-switch-coverage/generated-code/" + Name));
    if (std::string_view(Name).ends_with(".cpp"))
      Files.push_back(Copy);
  }
  writeCompilationDatabase(Build.path(), Files, {"-std=c++20"});

  ProcessResult Text = runContractcheck({"-p", Build.path(), "--no-cache"});
  EXPECT_EQ(Text.ExitCode, 1) << Text.Stderr;
  EXPECT_NE(Text.Stderr.find("1 finding (contract-switch-coverage: 1), 2 in 2 generated files "
                             "(bison, protoc) not reported; 'paths: {generated: report}' shows "
                             "them"),
            std::string::npos)
      << Text.Stderr;

  ProcessResult Json = runContractcheck({"-p", Build.path(), "--no-cache", "--format", "json"});
  nlohmann::json Summary = nlohmann::json::parse(Json.Stdout)["summary"];
  EXPECT_EQ(Summary["in_generated_code"], 2);
  EXPECT_EQ(Summary["generated_files"],
            nlohmann::json({{Dir + "/events.pb.h", "protoc"}, {Dir + "/parser.tab.cpp", "bison"}}));

  std::string Config = Build.write("report.yaml", "version: 1\npaths:\n  generated: report\n");
  ProcessResult Reported = runContractcheck({"-p", Build.path(), "--no-cache", "--config", Config});
  EXPECT_NE(Reported.Stderr.find("3 findings (contract-switch-coverage: 3)\n"), std::string::npos)
      << Reported.Stderr;
  EXPECT_EQ(Reported.Stderr.find("generated file"), std::string::npos) << Reported.Stderr;
}

// The same for vendored copies of single-file libraries (paths.vendored): the project's own
// switches, also on a vendored library's enum, are reported; the copies' own are counted.
TEST(CliVendoredCodeTest, TheSummaryCountsWhatVendoredCopiesWouldHaveReported) {
  TempDir Build, Project;
  const std::string Dir = Project.path();
  for (const char *Name : {"server.cpp", "json.hpp", "httplib.h"})
    Project.write(Name,
                  readFile(fixturesDir() + "/contract-switch-coverage/vendored-code/" + Name));
  writeCompilationDatabase(Build.path(), {Dir + "/server.cpp"}, {"-std=c++20"});

  ProcessResult Text = runContractcheck({"-p", Build.path(), "--no-cache"});
  EXPECT_EQ(Text.ExitCode, 1) << Text.Stderr;
  EXPECT_NE(Text.Stderr.find("2 findings (contract-switch-coverage: 2), 2 in 2 vendored library "
                             "copies (cpp-httplib, nlohmann/json) not reported; 'paths: {vendored: "
                             "report}' shows them"),
            std::string::npos)
      << Text.Stderr;

  ProcessResult Json = runContractcheck({"-p", Build.path(), "--no-cache", "--format", "json"});
  nlohmann::json Summary = nlohmann::json::parse(Json.Stdout)["summary"];
  EXPECT_EQ(Summary["in_vendored_code"], 2);
  EXPECT_EQ(Summary["vendored_files"], nlohmann::json({{Dir + "/httplib.h", "cpp-httplib"},
                                                       {Dir + "/json.hpp", "nlohmann/json"}}));
  EXPECT_EQ(Summary["in_generated_code"], 0);

  std::string Config = Build.write("report.yaml", "version: 1\npaths:\n  vendored: report\n");
  ProcessResult Reported = runContractcheck({"-p", Build.path(), "--no-cache", "--config", Config});
  EXPECT_NE(Reported.Stderr.find("4 findings (contract-switch-coverage: 4)\n"), std::string::npos)
      << Reported.Stderr;
  EXPECT_EQ(Reported.Stderr.find("vendored library"), std::string::npos) << Reported.Stderr;
}

} // namespace
} // namespace contractcheck::test
