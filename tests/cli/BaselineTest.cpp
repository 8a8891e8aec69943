// --write-baseline / --baseline: adopt the gate on a codebase with existing findings, fail only on
// new ones.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace contractcheck::test {
namespace {

const char *Source = "enum class Mode { Idle, Busy, Stopped, Draining };\n"
                     "int f(Mode m) {\n"
                     "  switch (m) { case Mode::Idle: case Mode::Busy: case Mode::Stopped: return 1; default: return 0; }\n"
                     "}\n";

class BaselineTest : public ::testing::Test {
protected:
  void SetUp() override {
    File = Src.write("a.cpp", Source);
    writeCompilationDatabase(Build.path(), {File}, {"-std=c++20"});
    Recorded = Src.file("contractcheck-baseline.json");
    ProcessResult W = runContractcheck({"-p", Build.path(), "--write-baseline", Recorded});
    ASSERT_EQ(W.ExitCode, 0) << W.Stderr;
    ASSERT_NE(W.Stderr.find("1 in the baseline"), std::string::npos) << W.Stderr;
    ASSERT_NE(W.Stderr.find("contractcheck: baseline written to " + Recorded +
                            "; commit it and pass it with --baseline"),
              std::string::npos)
        << W.Stderr;
  }
  TempDir Src, Build;
  std::string File, Recorded;
};

TEST_F(BaselineTest, RecordedFindingsNoLongerFail) {
  nlohmann::json B = nlohmann::json::parse(readFile(Recorded));
  ASSERT_EQ(B["findings"].size(), 1u);
  EXPECT_EQ(B["findings"][0]["file"], "a.cpp");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--baseline", Recorded, "--format", "json"});
  EXPECT_EQ(R.ExitCode, 0) << R.Stdout << R.Stderr;
  EXPECT_EQ(nlohmann::json::parse(R.Stdout)["summary"]["baselined"], 1);
}

TEST_F(BaselineTest, UnrelatedEditsAboveDoNotResurrectAFinding) {
  Src.write("a.cpp", std::string("// a new comment\n\n") + Source);
  EXPECT_EQ(runContractcheck({"-p", Build.path(), "--baseline", Recorded}).ExitCode, 0);
}

// Quassel's gate: the one baselined finding was fixed and nothing said the entry was left over,
// ready to accept the same finding should it come back.
TEST_F(BaselineTest, AnEntryNoFindingMatchesIsSaid) {
  EXPECT_EQ(runContractcheck({"-p", Build.path(), "--baseline", Recorded}).Stderr.find("no finding"),
            std::string::npos);
  Src.write("a.cpp", "enum class Mode { Idle, Busy, Stopped, Draining };\n"
                     "int f(Mode m) { return m == Mode::Idle; }\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--baseline", Recorded});
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  EXPECT_NE(R.Stderr.find("; 0 findings, 1 baseline entry matches no finding any more "
                          "(--write-baseline again to drop it)\n"),
            std::string::npos)
      << R.Stderr;
  // A run of some files cannot tell whether the entries of the others still match.
  ProcessResult Some = runContractcheck({"-p", Build.path(), "--baseline", Recorded, File});
  EXPECT_EQ(Some.Stderr.find("no finding any more"), std::string::npos) << Some.Stderr;
}

TEST_F(BaselineTest, NewFindingsStillFail) {
  Src.write("a.cpp", std::string(Source) +
                         "int g(Mode m) {\n"
                         "  switch (m) { case Mode::Idle: case Mode::Busy: case Mode::Draining: return 1; default: return 0; }\n"
                         "}\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--baseline", Recorded});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_NE(R.Stdout.find("a.cpp:6:3: error: switch on 'Mode'"), std::string::npos) << R.Stdout;
  EXPECT_EQ(R.Stdout.find("a.cpp:3:3"), std::string::npos) << R.Stdout;
}

// A CI gate writes SARIF or JSON to a file; its log shows stderr, which must say what failed and
// where, not only how many.
TEST_F(BaselineTest, AGateWritingItsReportToAFileListsTheNewFindingsOnStderr) {
  Src.write("a.cpp", std::string(Source) +
                         "int g(Mode m) {\n"
                         "  switch (m) { case Mode::Idle: case Mode::Busy: case Mode::Draining: return 1; default: return 0; }\n"
                         "}\n");
  std::string Report = Src.file("contractcheck.sarif");
  ProcessResult R = runContractcheck(
      {"-p", Build.path(), "--baseline", Recorded, "--format", "sarif", "--output", Report});
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_NE(R.Stderr.find("contractcheck: 1 finding not in the baseline at or above --fail-on "
                          "error fails the run (the report: " + Report + "):\n  " + File +
                          ":6:3: error: switch on 'Mode' has a 'default' label that hides 1 "
                          "unhandled enumerator: Mode::Stopped [contract-switch-coverage]\n"),
            std::string::npos)
      << R.Stderr;
  EXPECT_EQ(R.Stderr.find(":3:3:"), std::string::npos) << R.Stderr; // the accepted one
  // The text report on stdout already shows them: not twice.
  ProcessResult T = runContractcheck({"-p", Build.path(), "--baseline", Recorded});
  EXPECT_EQ(T.ExitCode, 1);
  EXPECT_EQ(T.Stderr.find("fails the run"), std::string::npos) << T.Stderr;
}

TEST_F(BaselineTest, MalformedBaselineIsAnInputError) {
  std::string Bad = Src.write("bad.json", "{\"version\": 1, \"findings\": [\n  {\"rule\": }\n]}\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--baseline", Bad});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_EQ(R.Stderr.rfind(Bad + ":2:12: error: malformed JSON: syntax error", 0), 0u) << R.Stderr;
}

// sqlitebrowser's adoption: the moc of a renamed slot was not regenerated, mocs_compilation.cpp did
// not parse, and the run still said "commit it" of a baseline that lacked that TU's findings.
TEST(BaselineWriteTest, ABaselineMissingATranslationUnitIsNotToBeCommitted) {
  TempDir Src, Build;
  std::string Good = Src.write("a.cpp", Source);
  std::string Broken = Src.write("b.cpp", "#include \"generated_by_the_build.h\"\n");
  writeCompilationDatabase(Build.path(), {Good, Broken}, {"-std=c++20"});
  std::string Recorded = Src.file("contractcheck-baseline.json");
  ProcessResult W = runContractcheck({"-p", Build.path(), "--write-baseline", Recorded});
  EXPECT_EQ(W.ExitCode, 3) << W.Stderr;
  EXPECT_NE(W.Stderr.find("contractcheck: baseline written to " + Recorded +
                          " without the findings of the 1 translation unit not analysed; make "
                          "them parse and write it again before committing it\n"),
            std::string::npos)
      << W.Stderr;
  EXPECT_EQ(W.Stderr.find("commit it and pass it"), std::string::npos) << W.Stderr;
  EXPECT_EQ(nlohmann::json::parse(readFile(Recorded))["findings"].size(), 1u);
}

// pulseview's adoption: `check --write-baseline` over a store the whole run had not filled yet
// told to "make them parse" of TUs that parse and were only never extracted.
TEST(BaselineWriteTest, ABaselineFromAStoreMissingATranslationUnitSaysToExtractIt) {
  TempDir Src, Build;
  std::string Good = Src.write("a.cpp", Source);
  std::string Other = Src.write("b.cpp", "int other() { return 1; }\n");
  writeCompilationDatabase(Build.path(), {Good, Other}, {"-std=c++20"});
  ASSERT_EQ(runContractcheck({"extract", "-p", Build.path(), Good}).ExitCode, 0);
  std::string Recorded = Src.file("contractcheck-baseline.json");
  ProcessResult W = runContractcheck({"check", "-p", Build.path(), "--write-baseline", Recorded});
  EXPECT_EQ(W.ExitCode, 3) << W.Stderr;
  EXPECT_NE(W.Stderr.find("contractcheck: baseline written to " + Recorded +
                          " without the findings of the 1 translation unit not analysed; extract "
                          "them (or run on the whole database) and write it again before "
                          "committing it\n"),
            std::string::npos)
      << W.Stderr;
  EXPECT_EQ(W.Stderr.find("make them parse"), std::string::npos) << W.Stderr;
}

} // namespace
} // namespace contractcheck::test
