// The clang-tidy module validates CheckOptions with the CLI's own option validation: a bad value
// is reported by clang-tidy as it reports its own checks' bad options, and a good record-shaped
// value takes effect.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

namespace contractcheck::test {
namespace {

ProcessResult runTidy(const TempDir &Dir, const std::string &File, const std::string &Config) {
  return runProcess({clangTidyBinary(), "-load", tidyModule(), "--config=" + Config, File, "--",
                     "-std=c++20"},
                    Dir.path());
}

const char *Source = R"(enum class Color { Red, Green, Blue };
int f(Color c) {
  switch (c) {
  case Color::Red: return 1;
  default: return 0;
  }
}
)";

TEST(TidyOptionsTest, ABadValueIsAConfigurationDiagnosticAndTheDefaultStays) {
  TempDir Dir;
  std::string File = Dir.write("a.cpp", Source);
  ProcessResult R = runTidy(Dir, File,
                            "{Checks: '-*,contract-switch-coverage', CheckOptions: "
                            "{contract-switch-coverage.MinCoverage: 'lots'}}");
  std::string Out = R.Stdout + R.Stderr;
  EXPECT_NE(Out.find("invalid configuration value 'lots' for option "
                     "'contract-switch-coverage.MinCoverage': 'min-coverage' must be a whole "
                     "number from 0 to 100, got 'lots'"),
            std::string::npos)
      << Out;
  // Default min-coverage (75%): naming 1 of 3 enumerators is deliberate partial dispatch.
  EXPECT_EQ(Out.find("[contract-switch-coverage]"), std::string::npos) << Out;
}

TEST(TidyOptionsTest, AGoodValueTakesEffect) {
  TempDir Dir;
  std::string File = Dir.write("a.cpp", Source);
  ProcessResult R = runTidy(Dir, File,
                            "{Checks: '-*,contract-switch-coverage', CheckOptions: "
                            "{contract-switch-coverage.MinCoverage: '0'}}");
  std::string Out = R.Stdout + R.Stderr;
  EXPECT_NE(Out.find("hides 2 unhandled enumerators"), std::string::npos) << Out;
  EXPECT_EQ(Out.find("invalid configuration value"), std::string::npos) << Out;
}

TEST(TidyOptionsTest, RecordListsAreWrittenInYamlFlowStyle) {
  TempDir Dir;
  std::string File = Dir.write("a.cpp", Source);
  ProcessResult R = runTidy(Dir, File,
                            "{Checks: '-*,contract-mock-drift', CheckOptions: "
                            "{contract-mock-drift.Pairs: '[{mock: A, rael: B}]'}}");
  std::string Out = R.Stdout + R.Stderr;
  EXPECT_NE(Out.find("unknown key 'rael' in each item of 'pairs' (did you mean 'real'?)"),
            std::string::npos)
      << Out;
}

} // namespace
} // namespace contractcheck::test
