// Every failure keeps its own words and exit code: a TU that does not parse (or has no stored
// result for `check`) leaves the global judgements that need its facts "not judged because ...",
// exit 3, never a configuration error ("no analysed translation unit defines ... is the name
// right?", exit 2) that sends the user to fix a configuration that is right.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace contractcheck::test {
namespace {

constexpr int Incomplete = 3;

class FailureWordsTest : public ::testing::Test {
protected:
  void SetUp() override {
    Project.write("channel.h", "#pragma once\nnamespace shop {\nenum class Channel { Web, Store, Phone };\n}\n");
    Defining = Project.write("router.cpp", "#include \"channel.h\"\nint w(shop::Channel C) { return "
                                           "C == shop::Channel::Web; }\n");
    Other = Project.write("billing.cpp", "int total(int A, int B) { return A + B; }\n");
    Project.write("api/channels.yaml", "- web\n- store\n- phone\n- fax\n");
    Project.write(".contractcheck.yaml", R"(version: 1
rules:
  contract-schema-sync:
    bindings:
      - enum: shop::Channel
        file: api/channels.yaml
        at: ""
)");
    writeCompilationDatabase(Build.path(), {Defining, Other}, {"-std=c++20"});
  }

  ProcessResult run(std::vector<std::string> Args) {
    Args.insert(Args.begin(), {"-p", Build.path(), "--format", "json"});
    return runContractcheck(Args, Project.path());
  }

  static std::vector<std::string> problems(const ProcessResult &R) {
    std::vector<std::string> All;
    nlohmann::json Report = nlohmann::json::parse(R.Stdout, nullptr, false);
    if (Report.is_object())
      for (const nlohmann::json &P : Report["problems"])
        All.push_back(P["message"].get<std::string>());
    return All;
  }

  void expectNotJudgedBecause(const ProcessResult &R, const std::string &Why) {
    EXPECT_EQ(R.ExitCode, Incomplete) << R.Stdout << R.Stderr;
    std::vector<std::string> All = problems(R);
    ASSERT_EQ(All.size(), 1u) << R.Stdout;
    EXPECT_NE(All[0].find("not judged because " + Why), std::string::npos) << All[0];
    EXPECT_EQ(All[0].find("is the name right"), std::string::npos) << All[0];
    EXPECT_EQ(R.Stdout.find("\"configuration\""), std::string::npos) << R.Stdout;
  }

  TempDir Project, Build;
  std::string Defining, Other;
};

TEST_F(FailureWordsTest, ATUThatDoesNotParseLeavesItsJudgementsNotJudged) {
  Project.write("router.cpp", "#include \"channel.h\"\nint w(shop::Channel C) { return "
                              "C == shop::Channel::Web }\n");
  for (const char *Cache : {"--no-cache", "--quiet"}) {
    SCOPED_TRACE(Cache);
    expectNotJudgedBecause(run({Cache}), "translation unit " + Defining + " did not parse");
  }
}

TEST_F(FailureWordsTest, CheckWithAMissingEntryLeavesItsJudgementsNotJudged) {
  ASSERT_EQ(runContractcheck({"extract", "-p", Build.path(), Other}, Project.path()).ExitCode, 0);
  ProcessResult Check = runContractcheck({"check", "-p", Build.path(), "--format", "json"},
                                         Project.path());
  expectNotJudgedBecause(Check, "translation unit " + Defining +
                                             " has no up-to-date result in the result store");
}

} // namespace
} // namespace contractcheck::test
