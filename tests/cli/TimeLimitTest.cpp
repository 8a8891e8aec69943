// --tu-timeout: a translation unit whose analysis does not end in time is abandoned and reported
// as not analysed (exit code 3), the others are analysed, and nothing of it is stored. Real
// inputs that never end in time: `#pragma clang __debug overflow_stack` (clang 19 loops in the
// preprocessor, so the shared headers' scan never ends either) and a constant evaluation of
// billions of steps.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace contractcheck::test {
namespace {

constexpr int BadInput = 2, Incomplete = 3;

class TimeLimitTest : public ::testing::TestWithParam<std::string> {
protected:
  void SetUp() override {
    Fast = Src.write("fast.cpp", switchMissingOne("fast"));
    Pragma = Src.write("pragma.cpp", "#pragma clang __debug overflow_stack\nint p;\n");
    Spin = Src.write("spin.cpp", slowToParse(2000000000000L));
    writeCompilationDatabase(Build.path(), {Fast, Pragma, Spin},
                             {"-std=c++20", "-fconstexpr-steps=2147483647"});
  }

  // Under coreutils' timeout: should the limit not work, the test fails instead of hanging.
  ProcessResult run(std::vector<std::string> Args, const std::string &Subcommand = {}) {
    std::vector<std::string> Command{"timeout", "300", contractcheckBinary()};
    if (!Subcommand.empty())
      Command.push_back(Subcommand);
    Command.insert(Command.end(), {"-p", Build.path(), "--shared-headers=" + GetParam()});
    Command.insert(Command.end(), Args.begin(), Args.end());
    return runProcess(Command);
  }

  TempDir Src, Build;
  std::string Fast, Pragma, Spin;
};

TEST_P(TimeLimitTest, WhatDoesNotEndInTimeIsAbandonedAndTheOthersAnalysed) {
  ProcessResult R = run({"--tu-timeout", "2", "-j", "2", "--format", "json"});
  ASSERT_EQ(R.ExitCode, Incomplete) << R.Stderr;
  nlohmann::json Report = nlohmann::json::parse(R.Stdout);
  ASSERT_EQ(Report["findings"].size(), 1u) << R.Stdout;
  EXPECT_NE(Report["findings"][0]["location"]["file"].get<std::string>().find("fast.cpp"),
            std::string::npos);
  ASSERT_EQ(Report["failures"].size(), 2u) << R.Stdout;
  for (const nlohmann::json &Failure : Report["failures"]) {
    EXPECT_EQ(Failure["status"], "timeout") << Failure;
    EXPECT_EQ(Failure["errors"],
              nlohmann::json::array({"timed out after 2 s, the --tu-timeout limit"}));
  }
  EXPECT_NE(R.Stderr.find("analysed 1 of 3 translation units"), std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stderr.find(Pragma + " (timed out after 2 s, the --tu-timeout limit)"),
            std::string::npos)
      << R.Stderr;
  EXPECT_NE(R.Stderr.find(Spin + " (timed out after 2 s, the --tu-timeout limit)"),
            std::string::npos)
      << R.Stderr;
  // Only the TU analysed is stored: the next run takes it from the store and abandons the
  // others again.
  EXPECT_EQ(storedResults(Build.file(".contractcheck-cache")), 1u);
  ProcessResult Again = run({"--tu-timeout", "2", "-j", "2"});
  EXPECT_EQ(Again.ExitCode, Incomplete) << Again.Stderr;
  EXPECT_NE(Again.Stderr.find("(1 unchanged, from the result store)"), std::string::npos)
      << Again.Stderr;
}

TEST_P(TimeLimitTest, ExtractStoresWhatEndedInTimeAndWritesNoStamp) {
  std::string Stamp = Build.file("stamp");
  ProcessResult R = run({"--tu-timeout", "2", "-j", "2", "--stamp", Stamp}, "extract");
  EXPECT_EQ(R.ExitCode, Incomplete) << R.Stderr;
  EXPECT_NE(R.Stderr.find(Spin + " (timeout)\n  timed out after 2 s, the --tu-timeout limit"),
            std::string::npos)
      << R.Stderr;
  EXPECT_FALSE(std::filesystem::exists(Stamp));
  EXPECT_EQ(storedResults(Build.file(".contractcheck-cache")), 1u);
}

INSTANTIATE_TEST_SUITE_P(SharedHeaders, TimeLimitTest, ::testing::Values("never", "always"));

TEST(TimeLimitOptionTest, ANegativeOrNonNumericLimitIsBadInput) {
  for (const char *Value : {"-1", "soon"}) {
    ProcessResult R = runContractcheck({"-p", "build", "--tu-timeout", Value});
    EXPECT_EQ(R.ExitCode, BadInput) << Value << R.Stderr;
    EXPECT_NE(R.Stderr.find("tu-timeout"), std::string::npos) << R.Stderr;
  }
}

} // namespace
} // namespace contractcheck::test
