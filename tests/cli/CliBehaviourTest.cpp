// The CLI as a pre-commit hook or CI step sees it: exit codes, incomplete analysis, parallelism,
// exclusions, extra arguments.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace contractcheck::test {
namespace {

constexpr int Clean = 0, FindingsFound = 1, Incomplete = 3;

TEST(CliBehaviourTest, ATUThatFailsToParseDoesNotStopTheOthers) {
  TempDir Build;
  cliFixture("parse-failure", Build);
  ProcessResult R = runContractcheck({"-p", Build.path(), "--format", "json"});
  EXPECT_EQ(R.ExitCode, Incomplete) << R.Stderr;
  nlohmann::json Report = nlohmann::json::parse(R.Stdout);
  ASSERT_EQ(Report["findings"].size(), 1u);
  EXPECT_NE(Report["findings"][0]["location"]["file"].get<std::string>().find("fine.cpp"), std::string::npos);
  ASSERT_EQ(Report["failures"].size(), 1u);
  EXPECT_EQ(Report["failures"][0]["status"], "parse-error");
  EXPECT_NE(Report["failures"][0]["errors"][0].get<std::string>().find(
                "broken.cpp:5:3: error: use of undeclared identifier 'undeclared_function'"),
            std::string::npos)
      << Report["failures"].dump();
  EXPECT_EQ(Report["summary"]["analyzed"], 1);
  EXPECT_NE(R.Stderr.find("analysed 1 of 2 translation units"), std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stderr.find("1 translation unit was not analysed"), std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stderr.find("broken.cpp (parse-error)"), std::string::npos) << R.Stderr;
}

// A CI gate's log of a SARIF or JSON run is its stderr: it said "broken.cpp (parse-error)" and
// "1 finding" but neither why the unit failed nor where the finding was, since exit code 3 hid
// the exit code 1 that lists the failing findings (CopyQ's unbuilt qrc_*.cpp).
TEST(CliBehaviourTest, AnIncompleteRunsLogSaysWhyAndListsTheFindings) {
  TempDir Build;
  cliFixture("parse-failure", Build);
  ProcessResult R = runContractcheck({"-p", Build.path(), "--format", "sarif"});
  EXPECT_EQ(R.ExitCode, Incomplete) << R.Stderr;
  size_t Failed = R.Stderr.find("broken.cpp (parse-error)\n    ");
  ASSERT_NE(Failed, std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stderr.find("broken.cpp:5:3: error: use of undeclared identifier 'undeclared_function'",
                          Failed),
            std::string::npos)
      << R.Stderr;
  size_t Listed = R.Stderr.find("1 finding at or above --fail-on error fails the run (the report: "
                                "stdout):\n  ");
  ASSERT_NE(Listed, std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stderr.find("fine.cpp:", Listed), std::string::npos) << R.Stderr;
  // The text report on the terminal shows clang's errors itself: the summary does not repeat them.
  ProcessResult Text = runContractcheck({"-p", Build.path()});
  EXPECT_EQ(Text.Stderr.find("undeclared_function"), std::string::npos) << Text.Stderr;
}

TEST(CliBehaviourTest, ACrashIsContainedAndReported) {
  TempDir Build;
  cliFixture("crash", Build);
  ProcessResult R = runContractcheck({"-p", Build.path(), "--format", "json", "-j", "2"});
  EXPECT_EQ(R.ExitCode, Incomplete) << R.Stderr;
  nlohmann::json Report = nlohmann::json::parse(R.Stdout);
  EXPECT_EQ(Report["findings"].size(), 1u);
  ASSERT_EQ(Report["failures"].size(), 1u);
  EXPECT_EQ(Report["failures"][0]["status"], "crash");
}

TEST(CliBehaviourTest, ExitCodesFollowFindingsAndFailOn) {
  TempDir Build;
  std::vector<std::string> Files = cliFixture("parse-failure", Build);
  std::string Fine = Files[1];
  EXPECT_EQ(runContractcheck({"-p", Build.path(), "--quiet", Fine}).ExitCode, FindingsFound);

  std::string Warn = Build.write("warn.yaml", "version: 1\nrules:\n  contract-switch-coverage: {severity: warning}\n");
  ProcessResult AsWarning = runContractcheck({"-p", Build.path(), "--config", Warn, Fine});
  EXPECT_EQ(AsWarning.ExitCode, Clean);
  EXPECT_NE(AsWarning.Stdout.find(": warning: switch on 'Mode'"), std::string::npos) << AsWarning.Stdout;
  EXPECT_EQ(runContractcheck({"-p", Build.path(), "--config", Warn, "--fail-on", "warning", Fine}).ExitCode,
            FindingsFound);

  std::string Off = Build.write("off.yaml", "version: 1\nrules:\n  contract-switch-coverage: {severity: off}\n");
  ProcessResult Disabled = runContractcheck({"-p", Build.path(), "--config", Off, Fine});
  EXPECT_EQ(Disabled.ExitCode, Clean);
  EXPECT_EQ(Disabled.Stdout, "");
}

TEST(CliBehaviourTest, ExcludedTranslationUnitsAreNotParsed) {
  TempDir Build;
  cliFixture("parse-failure", Build);
  std::string Cfg = Build.write("c.yaml", "version: 1\npaths:\n  exclude: [\"**/broken.cpp\"]\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--config", Cfg});
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stderr;
  EXPECT_NE(R.Stderr.find("analysed 1 of 1 translation units"), std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stderr.find("(1 excluded by paths.exclude)"), std::string::npos) << R.Stderr;
}

// A build that compiles a file twice (two configurations) lists it twice; only the first entry
// is analysed, and the summary says how many were left, or "analysed 2 of 2" hides them.
TEST(CliBehaviourTest, RepeatedEntriesAreSaidInTheSummary) {
  TempDir Src, Build;
  std::string A = Src.write("a.cpp", "int a;\n");
  std::string B = Src.write("b.cpp", "int b;\n");
  writeCompilationDatabase(Build.path(), {A, B, A, A}, {});
  ProcessResult R = runContractcheck({"-p", Build.path(), "--no-cache"});
  EXPECT_EQ(R.ExitCode, Clean) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stderr.find("analysed 2 of 2 translation units"), std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stderr.find(" (2 more entries for the same files were not analysed: the first "
                          "entry of each file is used)"),
            std::string::npos)
      << R.Stderr;
  ProcessResult Json = runContractcheck({"-p", Build.path(), "--no-cache", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(Json.Stdout)["summary"]["repeated_entries"], 2) << Json.Stdout;
  // A run on b.cpp alone analyses no file listed twice: nothing to say.
  ProcessResult OnlyB = runContractcheck({"-p", Build.path(), "--no-cache", B});
  EXPECT_EQ(OnlyB.ExitCode, Clean) << OnlyB.Stdout << OnlyB.Stderr;
  EXPECT_EQ(OnlyB.Stderr.find("more entr"), std::string::npos) << OnlyB.Stderr;
}

TEST(CliBehaviourTest, AssemblyEntriesAreSkippedAndSaidSo) {
  TempDir Src, Build;
  std::string Asm = Src.write("start.S", ".globl start\nstart:\n  ret\n");
  std::string Cpp = Src.write("a.cpp", "int a;\n");
  writeCompilationDatabase(Build.path(), {Asm, Cpp}, {});
  ProcessResult R = runContractcheck({"-p", Build.path()});
  EXPECT_EQ(R.ExitCode, Clean) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stderr.find("analysed 1 of 1 translation units"), std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stderr.find("(1 assembly file skipped)"), std::string::npos) << R.Stderr;
}

TEST(CliBehaviourTest, ParallelAndSerialRunsAgree) {
  TempDir Build;
  cliFixture("parse-failure", Build);
  // Without the store: the second run must analyse every TU too, not read the first's results.
  ProcessResult Serial =
      runContractcheck({"-p", Build.path(), "--format", "json", "-j", "1", "--no-cache"});
  ProcessResult Parallel =
      runContractcheck({"-p", Build.path(), "--format", "json", "-j", "2", "--no-cache"});
  EXPECT_EQ(Serial.Stdout, Parallel.Stdout);
  EXPECT_EQ(Serial.ExitCode, Parallel.ExitCode);
}

TEST(CliBehaviourTest, ExtraArgumentsReachTheCompiler) {
  TempDir Src, Build;
  std::string File = Src.write("a.cpp", "enum E { A, B, C, D };\n"
                                        "int f(E e) {\n"
                                        "#ifdef WITH_SWITCH\n"
                                        "  switch (e) { case A: case B: case C: return 1; default: return 0; }\n"
                                        "#endif\n"
                                        "  return 2;\n"
                                        "}\n");
  writeCompilationDatabase(Build.path(), {File}, {"-std=c++20"});
  EXPECT_EQ(runContractcheck({"-p", Build.path(), "--quiet"}).ExitCode, Clean);
  EXPECT_EQ(runContractcheck({"-p", Build.path(), "--quiet", "--extra-arg=-DWITH_SWITCH"}).ExitCode,
            FindingsFound);
  EXPECT_EQ(runContractcheck({"-p", Build.path(), "--quiet", "--extra-arg-before=-DWITH_SWITCH"}).ExitCode,
            FindingsFound);
}

TEST(CliBehaviourTest, OutputOptionWritesTheReportToAFile) {
  TempDir Build;
  cliFixture("parse-failure", Build);
  std::string Out = Build.file("report.json");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--format", "json", "--output", Out, "--quiet"});
  EXPECT_EQ(R.Stdout, "");
  EXPECT_EQ(nlohmann::json::parse(readFile(Out))["summary"]["findings"], 1);
}

TEST(CliBehaviourTest, ListRulesAndExplainComeFromTheRuleList) {
  ProcessResult List = runContractcheck({"--list-rules"});
  EXPECT_EQ(List.ExitCode, Clean);
  EXPECT_NE(List.Stdout.find("contract-switch-coverage  [per-TU, also in clang-tidy]"), std::string::npos);
  ProcessResult Explain = runContractcheck({"--explain", "contract-switch-coverage"});
  EXPECT_EQ(Explain.ExitCode, Clean);
  EXPECT_NE(Explain.Stdout.find("sentinels / contract-switch-coverage.Sentinels"), std::string::npos)
      << Explain.Stdout;
  EXPECT_NE(Explain.Stdout.find("docs/rules/contract-switch-coverage.md"), std::string::npos);
}

// `contractcheck FILES -- FLAGS`, clang-tidy's fixed database: no build directory, no store kept.
TEST(CliBehaviourTest, FlagsAfterDashDashAreEveryFilesCompileCommand) {
  TempDir Dir;
  Dir.write("a.cpp", switchMissingOne("a"));
  // Only compiles with the flags: a define the file needs.
  Dir.write("b.cpp", "#ifndef B_MODE\n#error B_MODE not given\n#endif\n" + switchMissingOne("b"));
  ProcessResult R = runContractcheck({"--format", "json", "a.cpp", "b.cpp", "--", "-std=c++17",
                                      "-DB_MODE"},
                                     Dir.path());
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stderr;
  nlohmann::json Report = nlohmann::json::parse(R.Stdout);
  EXPECT_EQ(Report["findings"].size(), 2u) << R.Stdout;
  EXPECT_EQ(Report["summary"]["analyzed"], 2) << R.Stdout;
  EXPECT_FALSE(std::filesystem::exists(Dir.path() + "/.contractcheck-cache"));

  ProcessResult WithoutDefine = runContractcheck({"--quiet", "b.cpp", "--", "-std=c++17"}, Dir.path());
  EXPECT_EQ(WithoutDefine.ExitCode, Incomplete);
  EXPECT_NE((WithoutDefine.Stdout + WithoutDefine.Stderr).find("B_MODE not given"), std::string::npos)
      << WithoutDefine.Stdout << WithoutDefine.Stderr;

  ProcessResult Both = runContractcheck({"-p", Dir.path(), "a.cpp", "--", "-std=c++17"}, Dir.path());
  EXPECT_EQ(Both.ExitCode, 2);
  EXPECT_NE(Both.Stderr.find("use one"), std::string::npos) << Both.Stderr;
  ProcessResult NoFile = runContractcheck({"--", "-std=c++17"}, Dir.path());
  EXPECT_EQ(NoFile.ExitCode, 2);
  EXPECT_NE(NoFile.Stderr.find("no source file given before '--'"), std::string::npos) << NoFile.Stderr;
}

} // namespace
} // namespace contractcheck::test
