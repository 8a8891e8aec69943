// The hook on a fresh clone (no result store yet, as after `git clone` or a wiped build
// directory), through real pre-commit in a real git repository: a commit of an unrelated source,
// of a bound data file or of .contractcheck.yaml is judged, not blocked with "run on the whole
// codebase once" nor called "ignored: no rule reads it". The first run analyses the TUs whose
// facts the global rules need (and says so), reports only what concerns the given files, and
// fills the store, so the second commit takes those facts from it.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace contractcheck::test {
namespace {

class HookFreshCloneTest : public ::testing::Test {
protected:
  void SetUp() override {
    Project.write("channel.h", "#pragma once\nnamespace shop {\nenum class Channel { Web, Store, Phone };\n}\n");
    Project.write("router.cpp", "#include \"channel.h\"\nint w(shop::Channel C) { return "
                                "C == shop::Channel::Web; }\n");
    Project.write("billing.cpp", "int total(int A, int B) { return A + B; }\n");
    Project.write("shipping.cpp", "int cost(int A) { return A * 2; }\n");
    Project.write("api/channels.yaml", "- web\n- store\n- phone\n");
    Project.write(".contractcheck.yaml", Config);
    writeCompilationDatabase(Project.path() + "/build",
                             {Project.file("router.cpp"), Project.file("billing.cpp"),
                              Project.file("shipping.cpp")},
                             {"-std=c++20"});
    ASSERT_EQ(runProcess({"git", "init", "-q"}, Project.path()).ExitCode, 0);
  }

  ProcessResult runHook(const std::vector<std::string> &Files) {
    std::vector<std::string> Args{"pre-commit", "try-repo", sourceDir(), "contractcheck",
                                  "--color", "never", "--verbose", "--files"};
    Args.insert(Args.end(), Files.begin(), Files.end());
    std::string ToolDir = std::filesystem::path(contractcheckBinary()).parent_path();
    const char *Path = std::getenv("PATH");
    return runProcess(Args, Project.path(),
                      {"PATH=" + ToolDir + ":" + (Path ? Path : "/usr/bin:/bin"),
                       "PRE_COMMIT_HOME=" + Cache.path()});
  }

  static constexpr const char *Config = "version: 1\n"
                                        "rules:\n"
                                        "  contract-schema-sync:\n"
                                        "    bindings:\n"
                                        "      - enum: shop::Channel\n"
                                        "        file: api/channels.yaml\n"
                                        "        at: \"\"\n";
  TempDir Project, Cache;
};

TEST_F(HookFreshCloneTest, AnUnrelatedSourceIsJudgedAndTheFirstRunFillsTheStore) {
  ProcessResult First = runHook({"billing.cpp"});
  EXPECT_EQ(First.ExitCode, 0) << First.Stdout << First.Stderr;
  EXPECT_NE(First.Stdout.find("analysing them once"), std::string::npos) << First.Stdout;
  EXPECT_EQ(First.Stdout.find("run on the whole codebase once"), std::string::npos) << First.Stdout;
  ProcessResult Second = runHook({"billing.cpp"});
  EXPECT_EQ(Second.ExitCode, 0) << Second.Stdout << Second.Stderr;
  EXPECT_EQ(Second.Stdout.find("analysing them once"), std::string::npos) << Second.Stdout;
}

// The first run spends its time on the other TUs, with every worker it was given: the summary
// says so rather than "analysed 1 of 1 translation units ... with 1 worker" alone.
TEST_F(HookFreshCloneTest, TheSummaryCountsTheOtherTUsAnalysedForTheGlobalRules) {
  ProcessResult First = runContractcheck({"-p", "build", "-j2", "billing.cpp"}, Project.path());
  EXPECT_EQ(First.ExitCode, 0) << First.Stderr;
  EXPECT_NE(First.Stderr.find("analysed 1 of 1 translation units in "), std::string::npos)
      << First.Stderr;
  EXPECT_NE(First.Stderr.find(" s with 1 worker (and 2 other translation units once for the "
                              "global rules, with 2 workers); 0 findings"),
            std::string::npos)
      << First.Stderr;
  // From the store next time: nothing more to say.
  ProcessResult Second = runContractcheck({"-p", "build", "-j2", "billing.cpp"}, Project.path());
  EXPECT_EQ(Second.ExitCode, 0) << Second.Stderr;
  EXPECT_EQ(Second.Stderr.find("other translation unit"), std::string::npos) << Second.Stderr;
}

// Another TU that does not parse (qtermwidget's moc_Session.cpp, stale after a slot was renamed
// in the header being committed elsewhere) is not stored, so each run parses it again: the
// summary says which one and why, every time, instead of staying silent after promising that
// later runs take it from the result store.
TEST_F(HookFreshCloneTest, AnOtherTUThatDoesNotParseIsNamedOnEveryRun) {
  Project.write("stale.cpp", "#include \"channel.h\"\nint s() { return shop::Channel::Mail == "
                             "shop::Channel::Web; }\n");
  writeCompilationDatabase(Project.path() + "/build",
                           {Project.file("router.cpp"), Project.file("billing.cpp"),
                            Project.file("stale.cpp")},
                           {"-std=c++20"});
  for (int Run = 0; Run < 2; ++Run) {
    ProcessResult R = runContractcheck({"-p", "build", "-j2", "billing.cpp"}, Project.path());
    EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
    EXPECT_NE(R.Stderr.find("contractcheck: 1 other translation unit analysed for the global "
                            "rules was not analysed; nothing of it is stored, so every run tries "
                            "again (build the project first if the build generates it):\n  "
                            "stale.cpp (parse-error)\n    "), // relative: the run is in Project
              std::string::npos)
        << "run " << Run << ": " << R.Stderr;
    EXPECT_NE(R.Stderr.find("no member named 'Mail'"), std::string::npos) << R.Stderr;
  }
}

TEST_F(HookFreshCloneTest, ABoundDataFileIsJudged) {
  Project.write("api/channels.yaml", "- web\n- store\n- phone\n- fax\n");
  ProcessResult R = runHook({"api/channels.yaml"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("api/channels.yaml:4:"), std::string::npos) << R.Stdout;
  EXPECT_EQ(R.Stdout.find("ignored"), std::string::npos) << R.Stdout;
}

TEST_F(HookFreshCloneTest, AChangedConfigurationIsJudged) {
  Project.write("api/channels.yaml", "- web\n- store\n- phone\n- fax\n");
  ProcessResult Good = runHook({".contractcheck.yaml"});
  EXPECT_EQ(Good.ExitCode, 1) << Good.Stdout << Good.Stderr;
  EXPECT_NE(Good.Stdout.find("api/channels.yaml:4:"), std::string::npos) << Good.Stdout;
  EXPECT_EQ(Good.Stdout.find("ignored"), std::string::npos) << Good.Stdout;

  Project.write(".contractcheck.yaml", std::string(Config) + "    bogus: 1\n");
  ProcessResult Bad = runHook({".contractcheck.yaml"});
  // pre-commit exits 1 for any failed hook and shows the hook's own exit code.
  EXPECT_EQ(Bad.ExitCode, 1) << Bad.Stdout << Bad.Stderr;
  EXPECT_NE(Bad.Stdout.find("- exit code: 2"), std::string::npos) << Bad.Stdout;
  EXPECT_NE(Bad.Stdout.find(".contractcheck.yaml:8:5: error: unknown key 'bogus'"),
            std::string::npos)
      << Bad.Stdout;
}

} // namespace
} // namespace contractcheck::test
