// contract-string-dispatch judges names over the whole codebase: the same report whatever the TU
// order or -j, and on a file subset it reports only what the stored facts of the other TUs let it
// judge (silence without a result store, the full verdict with one).
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace contractcheck::test {
namespace {

namespace fs = std::filesystem;

constexpr int Clean = 0, FindingsFound = 1;

class StringDispatchRunTest : public ::testing::Test {
protected:
  void SetUp() override {
    Sources = cppFilesIn(Fixture);
  }

  nlohmann::json findings(const std::vector<std::string> &Order, std::vector<std::string> Args,
                          int ExpectedExit = FindingsFound) {
    writeCompilationDatabase(Build.path(), Order, {"-std=c++20"});
    Args.insert(Args.begin(),
                {"-p", Build.path(), "--config", Fixture + "/.contractcheck.yaml", "--format",
                 "json"});
    ProcessResult R = runContractcheck(Args);
    EXPECT_EQ(R.ExitCode, ExpectedExit) << R.Stdout << R.Stderr;
    return nlohmann::json::parse(R.Stdout)["findings"];
  }

  static std::vector<std::string> messages(const nlohmann::json &Findings) {
    std::vector<std::string> Texts;
    for (const nlohmann::json &F : Findings)
      Texts.push_back(fs::path(F["location"]["file"].get<std::string>()).filename().string() + ": " +
                      F["message"].get<std::string>());
    return Texts;
  }

  const std::string Fixture = fixturesDir() + "/contract-string-dispatch/event-bus";
  std::vector<std::string> Sources;
  TempDir Build;
};

TEST_F(StringDispatchRunTest, TheReportDoesNotDependOnTUOrderOrJobs) {
  nlohmann::json Serial = findings(Sources, {"-j", "1", "--no-cache"});
  ASSERT_EQ(Serial.size(), 5u) << Serial.dump(2);
  std::vector<std::string> Reversed(Sources.rbegin(), Sources.rend());
  EXPECT_EQ(findings(Reversed, {"-j", "2", "--no-cache"}), Serial);
  EXPECT_EQ(findings(Reversed, {"-j", "1", "--no-cache"}), Serial);
}

TEST_F(StringDispatchRunTest, AFileSubsetIsJudgedOnlyWithTheStoredFactsOfTheRest) {
  std::string Shipping = Fixture + "/shipping.cpp";
  // shipping.cpp alone: every registration is in orders.cpp, which was not analysed. Neither
  // judged on part of the names nor passed: each dispatch is not judged, at its name.
  writeCompilationDatabase(Build.path(), Sources, {"-std=c++20"});
  ProcessResult Alone = runContractcheck({"-p", Build.path(), "--config",
                                          Fixture + "/.contractcheck.yaml", "--no-cache", Shipping});
  EXPECT_EQ(Alone.ExitCode, 3) << Alone.Stdout << Alone.Stderr;
  EXPECT_EQ(Alone.Stdout.find("is passed to"), std::string::npos) << Alone.Stdout;
  EXPECT_NE(Alone.Stdout.find(".contractcheck.yaml:5:"), std::string::npos) << Alone.Stdout;
  EXPECT_NE(Alone.Stdout.find("dispatch 'event bus': not judged because only part of the codebase "
                              "was analysed"),
            std::string::npos)
      << Alone.Stdout;

  std::string Store = Build.path() + "/store";
  nlohmann::json Whole = findings(Sources, {"--cache-dir", Store});
  nlohmann::json Subset = findings(Sources, {"--cache-dir", Store, Shipping});
  std::vector<std::string> InShipping;
  for (const std::string &M : messages(Whole))
    if (M.rfind("shipping.cpp: ", 0) == 0)
      InShipping.push_back(M);
  ASSERT_EQ(InShipping.size(), 3u);
  EXPECT_EQ(messages(Subset), InShipping);
}

TEST_F(StringDispatchRunTest, ABadDispatchEntryIsAPositionedConfigurationError) {
  TempDir Project;
  std::string Config = Project.write(".contractcheck.yaml", R"(version: 1
rules:
  contract-string-dispatch:
    dispatch:
      - name: event bus
        register: [{functon: shop::EventBus::subscribe}]
        call: [{function: shop::EventBus::publish}]
)");
  writeCompilationDatabase(Build.path(), Sources, {"-std=c++20"});
  ProcessResult R = runContractcheck({"-p", Build.path(), "--config", Config});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Stderr.find(".contractcheck.yaml:6:21: error: unknown key 'functon' in each item of "
                          "'register' (did you mean 'function'?)"),
            std::string::npos)
      << R.Stderr;
}

} // namespace
} // namespace contractcheck::test
