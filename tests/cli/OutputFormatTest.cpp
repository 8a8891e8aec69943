// The report formats as a user gets them from the binary.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace contractcheck::test {
namespace {

// What the validator reports: the SARIF schema and GitHub's ingestion rules (GH*), each problem
// as "ruleId level: message"; empty when the file passes.
std::vector<std::string> multitoolProblems(const std::string &Sarif) {
  std::string Log = Sarif + ".validation.sarif";
  ProcessResult V = runProcess(
      {sarifMultitool(), "validate", "--rule-kind", "Gh;Sarif", "-o", Log, Sarif});
  EXPECT_EQ(V.ExitCode, 0) << V.Stdout << V.Stderr;
  std::vector<std::string> Problems;
  nlohmann::json Results = nlohmann::json::parse(readFile(Log))["runs"][0]["results"];
  for (const nlohmann::json &R : Results)
    Problems.push_back(R["ruleId"].get<std::string>() + " " + R.value("level", "warning") + ": " +
                       R["message"].value("text", ""));
  return Problems;
}

TEST(OutputFormatTest, SarifPassesTheMultitoolsSchemaAndGitHubRules) {
  ASSERT_TRUE(std::filesystem::exists(sarifMultitool()))
      << "Microsoft's SARIF Multitool is expected at " << sarifMultitool()
      << "; scripts/setup.sh installs it from npm";
  TempDir Build;
  cliFixture("parse-failure", Build); // a finding with a note and a fix, and a failed TU
  std::string Sarif = Build.file("report.sarif");
  runContractcheck({"-p", Build.path(), "--format", "sarif", "--output", Sarif, "--quiet"});
  nlohmann::json Report = nlohmann::json::parse(readFile(Sarif));
  ASSERT_FALSE(Report["runs"][0]["results"].empty());
  EXPECT_EQ(multitoolProblems(Sarif), std::vector<std::string>{});
  // Every rule is described as GitHub wants it: a name that is not its id, and help from the
  // rule's own doc page, whose links GitHub would resolve against the alert's page (the analysed
  // repository): each leads to the page it names instead.
  for (const nlohmann::json &Rule : Report["runs"][0]["tool"]["driver"]["rules"]) {
    EXPECT_NE(Rule["name"], Rule["id"]);
    std::string Markdown = Rule["help"]["markdown"];
    std::string Page = Rule["helpUri"];
    std::string Rules = Page.substr(0, Page.rfind('/') + 1);
    std::string Docs = Rules.substr(0, Rules.rfind('/', Rules.size() - 2) + 1);
    std::string Doc =
        readFile(sourceDir() + "/docs/rules/" + Rule["id"].get<std::string>() + ".md");
    auto Replace = [](std::string Text, const std::string &From, const std::string &To) {
      for (size_t At = 0; (At = Text.find(From, At)) != std::string::npos; At += To.size())
        Text.replace(At, From.size(), To);
      return Text;
    };
    Doc = Replace(Replace(Replace(Doc, "](../", "](" + Docs), "](#", "](" + Page + "#"),
                  "](contract-", "](" + Rules + "contract-");
    EXPECT_EQ(Markdown, Doc) << Rule["id"];
    EXPECT_EQ(Markdown.find("](../"), std::string::npos) << Rule["id"];
    EXPECT_EQ(Markdown.find("](#"), std::string::npos) << Rule["id"];
  }
}

// The links of a rule's help, as GitHub shows them beside a finding: to the rule's own sections,
// to another rule's page, to a page of docs/.
TEST(OutputFormatTest, SarifRuleHelpLinksLeadToTheDocs) {
  TempDir Build;
  cliFixture("parse-failure", Build);
  std::string Sarif = Build.file("report.sarif");
  runContractcheck({"-p", Build.path(), "--format", "sarif", "--output", Sarif, "--quiet"});
  nlohmann::json Rules =
      nlohmann::json::parse(readFile(Sarif))["runs"][0]["tool"]["driver"]["rules"];
  auto Switch = std::find_if(Rules.begin(), Rules.end(), [](const nlohmann::json &Rule) {
    return Rule["id"] == "contract-switch-coverage";
  });
  ASSERT_NE(Switch, Rules.end());
  std::string Markdown = (*Switch)["help"]["markdown"];
  std::string Page = (*Switch)["helpUri"];
  std::string RulesDir = Page.substr(0, Page.rfind('/') + 1);
  std::string Docs = RulesDir.substr(0, RulesDir.rfind('/', RulesDir.size() - 2) + 1);
  EXPECT_NE(Markdown.find("](" + Page + "#what-counts-and-what-stays-quiet)"), std::string::npos);
  EXPECT_NE(Markdown.find("](" + RulesDir + "contract-enum-table.md#sentinels)"),
            std::string::npos);
  EXPECT_NE(Markdown.find("](" + Docs + "precision.md)"), std::string::npos);
  EXPECT_EQ(Docs.rfind("https://", 0), 0u) << Docs;
}

// A rule's problem with its settings is a tool notification with its place, not a result.
TEST(OutputFormatTest, RuleProblemsAreNotificationsThatPassTheMultitool) {
  TempDir Src, Build;
  std::string File = Src.write("a.cpp", "enum class Channel { Web, Phone };\n");
  writeCompilationDatabase(Build.path(), {File}, {"-std=c++20"});
  // A data file that names nothing at the binding's pointer: a problem the rule finds while the
  // run goes on (a file that does not exist stops the run before it starts).
  Src.write("channels.json", "{\"type\": \"string\"}\n");
  std::string Config = Src.write(".contractcheck.yaml",
                                 "version: 1\nrules:\n  contract-schema-sync:\n    bindings:\n"
                                 "      - {enum: Channel, file: channels.json, at: \"#/enum\"}\n");
  std::string Sarif = Build.file("report.sarif");
  ProcessResult R = runContractcheck(
      {"-p", Build.path(), "--config", Config, "--format", "sarif", "--output", Sarif, "--quiet"});
  EXPECT_EQ(R.ExitCode, 2) << R.Stderr;
  nlohmann::json Run = nlohmann::json::parse(readFile(Sarif))["runs"][0];
  const nlohmann::json &Notifications = Run["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(Notifications.size(), 1u) << Run.dump(2);
  EXPECT_EQ(Notifications[0]["associatedRule"]["id"], "contract-schema-sync");
  EXPECT_EQ(Notifications[0]["locations"][0]["physicalLocation"]["region"]["startLine"], 5);
  EXPECT_EQ(multitoolProblems(Sarif), std::vector<std::string>{});
}

TEST(OutputFormatTest, DashOWritesTheReportLikeOutput) {
  TempDir Build;
  cliFixture("parse-failure", Build);
  std::string Short = Build.file("short.json"), Long = Build.file("long.json");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--format", "json", "-o", Short},
                                     fixturesDir() + "/cli");
  ProcessResult L = runContractcheck({"-p", Build.path(), "--format", "json", "--output", Long},
                                     fixturesDir() + "/cli");
  EXPECT_EQ(R.ExitCode, L.ExitCode) << R.Stderr;
  EXPECT_EQ(R.Stdout, "");
  EXPECT_EQ(nlohmann::json::parse(readFile(Short))["findings"],
            nlohmann::json::parse(readFile(Long))["findings"]);
  // An input named by -o is refused as --output's is.
  ProcessResult Over = runContractcheck({"-p", Build.path(), "-o", Build.file("compile_commands.json")},
                                        fixturesDir() + "/cli");
  EXPECT_EQ(Over.ExitCode, 2) << Over.Stderr;
}

TEST(OutputFormatTest, TextIsClangStyleRelativeToTheWorkingDirectory) {
  TempDir Build;
  cliFixture("parse-failure", Build);
  ProcessResult R = runContractcheck({"-p", Build.path(), "--quiet"}, fixturesDir() + "/cli");
  EXPECT_EQ(R.Stdout,
            "parse-failure/fine.cpp:4:3: error: switch on 'Mode' has a 'default' label that hides 1 "
            "unhandled enumerator: Mode::Draining [contract-switch-coverage]\n"
            "  switch (m) {\n"
            "  ^\n"
            "parse-failure/fine.cpp:1:12: note: enum 'Mode' is defined here\n"
            "enum class Mode { Idle, Busy, Stopped, Draining };\n"
            "           ^\n"
            "parse-failure/broken.cpp: error: not analysed (parse-error)\n"
            // Clang's error names the file as the line above does, not as the command did.
            "  parse-failure/broken.cpp:5:3: error: use of undeclared identifier "
            "'undeclared_function'\n");
}

} // namespace
} // namespace contractcheck::test
