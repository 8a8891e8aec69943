// Files the tool writes (report, baseline) are replaced whole or not at all, and never one of the
// run's inputs: a failed write is exit 2 with the previous file intact, an interrupted run
// leaves no partial file, and two runs writing one report leave one complete report.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <thread>

namespace contractcheck::test {
namespace {

constexpr int FindingsFound = 1, BadInput = 2;

class SafeWriteTest : public ::testing::Test {
protected:
  void SetUp() override {
    Source = Src.write("a.cpp", "#include \"a.h\"\n" + switchMissingOne("a"));
    Header = Src.write("a.h", "#pragma once\nint helper();\n");
    writeCompilationDatabase(Build.path(), {Source}, {"-std=c++20"});
  }

  // Many findings, so that a report or a baseline is several kilobytes.
  void useManyFindings() {
    std::string Text;
    for (int I = 0; I < 30; ++I)
      Text += switchMissingOne("f" + std::to_string(I));
    Src.write("a.cpp", Text);
  }

  TempDir Src, Build, Out;
  std::string Source, Header;
};

TEST_F(SafeWriteTest, OutputNamingASourceIsRefusedBeforeAnalysis) {
  std::string Before = readFile(Source);
  ProcessResult R = runContractcheck({"-p", Build.path(), "--output", Source});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_EQ(R.Stderr, "contractcheck: error: --output '" + Source +
                          "' names a source file of the analysis; refusing to overwrite an input "
                          "of the analysis\n");
  EXPECT_EQ(readFile(Source), Before);
}

TEST_F(SafeWriteTest, OutputNamingAHeaderOfAnAnalysedTUIsRefused) {
  std::string Before = readFile(Header);
  ProcessResult R = runContractcheck({"-p", Build.path(), "--quiet", "--output", Header});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_NE(R.Stderr.find("contractcheck: error: --output '" + Header +
                          "' names a file the analysed translation units read"),
            std::string::npos)
      << R.Stderr;
  EXPECT_EQ(readFile(Header), Before);
}

TEST_F(SafeWriteTest, OutputThroughASymlinkToASourceIsRefused) {
  std::filesystem::create_symlink(Source, Out.file("link.cpp"));
  std::string Before = readFile(Source);
  ProcessResult R = runContractcheck({"-p", Build.path(), "--output", Out.file("link.cpp")});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_EQ(readFile(Source), Before);
}

TEST_F(SafeWriteTest, OutputNamingTheDatabaseOrTheConfigurationIsRefused) {
  std::string Db = Build.file("compile_commands.json");
  std::string DbBefore = readFile(Db);
  ProcessResult R = runContractcheck({"-p", Build.path(), "--output", Db});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_NE(R.Stderr.find("names the compilation database"), std::string::npos) << R.Stderr;
  EXPECT_EQ(readFile(Db), DbBefore);

  std::string Cfg = Src.write(".contractcheck.yaml", "version: 1\n");
  R = runContractcheck({"-p", Build.path(), "--write-baseline", Cfg});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_NE(R.Stderr.find("--write-baseline '" + Cfg + "' names the configuration"),
            std::string::npos)
      << R.Stderr;
  EXPECT_EQ(readFile(Cfg), "version: 1\n");
}

// --baseline B --write-baseline B updates the baseline it read, with a report beside it or not;
// --output B would replace it with the report. The report beside it once made the update refused.
TEST_F(SafeWriteTest, TheBaselineReadMayBeUpdatedButNotReplacedByTheReport) {
  std::string Baseline = Out.file("baseline.json");
  ASSERT_EQ(runContractcheck({"-p", Build.path(), "--quiet", "--write-baseline", Baseline})
                .ExitCode,
            0);
  ProcessResult R = runContractcheck({"-p", Build.path(), "--quiet", "--baseline", Baseline,
                                      "--write-baseline", Baseline, "--output",
                                      Out.file("report.txt")});
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  std::string Before = readFile(Baseline);
  R = runContractcheck({"-p", Build.path(), "--baseline", Baseline, "--output", Baseline});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_NE(R.Stderr.find("--output '" + Baseline + "' names the baseline"), std::string::npos)
      << R.Stderr;
  EXPECT_EQ(readFile(Baseline), Before);
}

// extract's --depfile and --stamp go through the same guard as --output: once they replaced a
// source with depfile text, or emptied a header (exit 0).
TEST_F(SafeWriteTest, DepfileOrStampNamingAnInputIsRefused) {
  std::string SourceBefore = readFile(Source), HeaderBefore = readFile(Header);
  std::string Db = Build.file("compile_commands.json"), DbBefore = readFile(Db);
  for (const auto &[Option, Target] : std::vector<std::pair<std::string, std::string>>{
           {"--depfile", Source}, {"--stamp", Source}, {"--depfile", Db}, {"--stamp", Db},
           {"--depfile", Header}, {"--stamp", Header}}) {
    ProcessResult R = runContractcheck({"extract", "-p", Build.path(), "--cache-dir",
                                        Out.file("store"), Option, Target, Source});
    EXPECT_EQ(R.ExitCode, BadInput) << Option << " " << Target << "\n" << R.Stderr;
    EXPECT_NE(R.Stderr.find("contractcheck: error: " + Option + " '" + Target + "' names "), std::string::npos)
        << R.Stderr;
  }
  EXPECT_EQ(readFile(Source), SourceBefore);
  EXPECT_EQ(readFile(Header), HeaderBefore);
  EXPECT_EQ(readFile(Db), DbBefore);
}

// A data file a rule reads (a schema, a contract) is an input too: a report written over the
// schema a binding names replaced it (exit 1), and so did a baseline.
TEST_F(SafeWriteTest, AnOutputNamingADataFileARuleReadsIsRefused) {
  Src.write("channel.h", "#pragma once\nenum class Channel { Web, Store };\n");
  std::string Defining = Src.write("router.cpp", "#include \"channel.h\"\nint w(Channel C) { return "
                                                 "C == Channel::Web; }\n");
  std::string Schema = Src.write("api/channels.yaml", "- Web\n- Store\n- Fax\n");
  Src.write(".contractcheck.yaml", "version: 1\nrules:\n  contract-schema-sync:\n    bindings:\n"
                                   "      - {enum: Channel, file: api/channels.yaml, at: \"\"}\n");
  writeCompilationDatabase(Build.path(), {Defining}, {"-std=c++20"});
  for (const char *Option : {"--output", "--write-baseline"}) {
    ProcessResult R =
        runContractcheck({"-p", Build.path(), "--no-cache", Option, Schema}, Src.path());
    EXPECT_EQ(R.ExitCode, BadInput) << Option << "\n" << R.Stderr;
    EXPECT_NE(R.Stderr.find("contractcheck: error: " + std::string(Option) + " '" + Schema +
                            "' names a data file the rules read; refusing to overwrite an input "
                            "of the analysis"),
              std::string::npos)
        << R.Stderr;
    EXPECT_EQ(readFile(Schema), "- Web\n- Store\n- Fax\n") << Option;
  }
}

TEST_F(SafeWriteTest, WriteBaselineNamingASourceIsRefused) {
  std::string Before = readFile(Source);
  ProcessResult R = runContractcheck({"-p", Build.path(), "--write-baseline", Source});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_EQ(readFile(Source), Before);
}

TEST_F(SafeWriteTest, AReportThatCannotBeWrittenIsAnErrorEvenWhenQuiet) {
  ProcessResult R =
      runContractcheck({"-p", Build.path(), "--quiet", "--format", "json", "--output", "/dev/full"});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, "/dev/full: error: cannot write the report: cannot write: No space left on "
                      "device\n");
}

TEST_F(SafeWriteTest, AFailedReportWriteLeavesThePreviousReportAndNoTemporaryFile) {
  useManyFindings();
  std::string Report = Out.write("report.json", "{\"previous\": true}\n");
  ProcessResult R = runContractcheckWithFileLimit(
      4096, {"-p", Build.path(), "--quiet", "--format", "json", "--output", Report});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_NE(R.Stderr.find(Report + ": error: cannot write the report: cannot write: File too large"),
            std::string::npos)
      << R.Stderr;
  EXPECT_EQ(readFile(Report), "{\"previous\": true}\n");
  EXPECT_EQ(otherFiles(Out.path(), {"report.json"}), std::vector<std::string>{});
}

TEST_F(SafeWriteTest, AFailedBaselineWriteIsAnErrorAndLeavesNoFile) {
  useManyFindings();
  ProcessResult R = runContractcheckWithFileLimit(
      4096, {"-p", Build.path(), "--quiet", "--write-baseline", Out.file("baseline.json")});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_NE(R.Stderr.find("error: cannot write the baseline file: cannot write: File too large"),
            std::string::npos)
      << R.Stderr;
  EXPECT_EQ(otherFiles(Out.path(), {}), std::vector<std::string>{});
}

TEST_F(SafeWriteTest, AReportReplacesTheOldOneAndKeepsAReportWhenWritten) {
  std::string Report = Out.write("report.json", "old\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--format", "json", "--output", Report});
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stderr;
  EXPECT_EQ(nlohmann::json::parse(readFile(Report))["findings"].size(), 1u);
  EXPECT_EQ(otherFiles(Out.path(), {"report.json"}), std::vector<std::string>{});
}

class InterruptedRunTest : public SafeWriteTest, public ::testing::WithParamInterface<int> {};

TEST_P(InterruptedRunTest, LeavesThePreviousReportAndNoPartialFile) {
  std::string Slow = Src.write("slow.cpp", slowToParse(50000000));
  writeCompilationDatabase(Build.path(), {Source, Slow},
                           {"-std=c++20", "-fconstexpr-steps=2147483647"});
  std::string Report = Out.write("report.json", "{\"previous\": true}\n");
  BackgroundProcess Run({contractcheckBinary(), "-p", Build.path(), "-j", "2", "--format", "json",
                         "--output", Report});
  // Interrupted in the middle of the run: a.cpp is analysed, slow.cpp is still being parsed.
  ASSERT_TRUE(waitUntil([&] { return storedResults(Build.file(".contractcheck-cache")) >= 1; }));
  Run.signal(GetParam());
  ProcessResult R = Run.wait();
  EXPECT_EQ(R.ExitCode, 128 + GetParam()) << R.Stderr;
  EXPECT_EQ(readFile(Report), "{\"previous\": true}\n");
  EXPECT_EQ(otherFiles(Out.path(), {"report.json"}), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(Signals, InterruptedRunTest, ::testing::Values(SIGINT, SIGTERM));

TEST_F(SafeWriteTest, TwoRunsWritingTheSameReportLeaveOneCompleteReport) {
  useManyFindings();
  std::string Report = Out.file("report.json");
  for (int Round = 0; Round < 3; ++Round) {
    BackgroundProcess First({contractcheckBinary(), "-p", Build.path(), "--quiet", "--format",
                             "json", "--output", Report});
    BackgroundProcess Second({contractcheckBinary(), "-p", Build.path(), "--quiet", "--format",
                              "sarif", "--output", Report});
    EXPECT_EQ(First.wait().ExitCode, FindingsFound);
    EXPECT_EQ(Second.wait().ExitCode, FindingsFound);
    nlohmann::json Written = nlohmann::json::parse(readFile(Report));
    EXPECT_TRUE(Written.contains("findings") ? Written["findings"].size() == 30
                                             : Written["runs"][0]["results"].size() == 30)
        << Written.dump().substr(0, 200);
    EXPECT_EQ(otherFiles(Out.path(), {"report.json"}), std::vector<std::string>{});
  }
}

} // namespace
} // namespace contractcheck::test
