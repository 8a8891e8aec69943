// contract-schema-sync and contract-enum-name's data files as a user runs them: a binding that
// cannot be used is a configuration error at its line in .contractcheck.yaml (exit 2) while the
// other bindings are still judged; a file subset that does not include the TU defining the enum
// is judged from the result store, or says it cannot be; a data file given on the command line
// (pre-commit) is judged and reported alone.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace contractcheck::test {
namespace {

constexpr int FindingsFound = 1, BadInput = 2, Incomplete = 3;

const char *const ChannelHeader = R"(#pragma once
namespace shop {
enum class Channel { Web, Store, Phone };
} // namespace shop
)";

class SchemaSyncRunTest : public ::testing::Test {
protected:
  void SetUp() override {
    Header = Project.write("channel.h", ChannelHeader);
    Defining = Project.write("router.cpp", "#include \"channel.h\"\nint w(shop::Channel C) { return "
                                           "C == shop::Channel::Web; }\n");
    Other = Project.write("billing.cpp", "int total(int A, int B) { return A + B; }\n");
    Project.write("api/channels.yaml", "- web\n- store\n- phone\n- fax\n");
    Project.write("config/routes.yaml", "routes:\n  - channel: web\n  - channel: phnoe\n");
    writeCompilationDatabase(Build.path(), {Defining, Other}, {"-std=c++20"});
  }

  ProcessResult run(const std::string &Config, std::vector<std::string> Args) {
    std::string ConfigPath = Project.write(".contractcheck.yaml", Config);
    Args.insert(Args.begin(), {"-p", Build.path(), "--config", ConfigPath, "--format", "json"});
    return runContractcheck(Args);
  }

  // Sorted, as text: the report does not promise an order among them.
  static std::vector<std::string> errorsOf(const ProcessResult &R) {
    std::vector<std::string> Errors;
    nlohmann::json Report = nlohmann::json::parse(R.Stdout);
    for (const nlohmann::json &P : Report["problems"]) {
      std::string At = P["location"]["file"];
      if (P["location"].contains("line"))
        At += ":" + std::to_string(P["location"]["line"].get<unsigned>()) + ":" +
              std::to_string(P["location"]["column"].get<unsigned>());
      Errors.push_back(At + ": error: " + P["message"].get<std::string>() + " [" +
                       P["rule"].get<std::string>() + "]");
    }
    std::sort(Errors.begin(), Errors.end());
    return Errors;
  }

  TempDir Project, Build;
  std::string Header, Defining, Other;
};

const char *const GoodBinding = R"(version: 1
rules:
  contract-schema-sync:
    bindings:
      - enum: shop::Channel
        file: api/channels.yaml
        at: ""
        names: snake_case
)";

// Reporting is linear in the number of findings (bench/findings-scaling.py measures it); this
// checks the answer on a large input: each member's finding at its own line, column and offset,
// once, in order, and a baseline of them all taking every one away.
TEST_F(SchemaSyncRunTest, TenThousandFindingsInOneFileAreEachReportedAtTheirPlace) {
  constexpr int Members = 10000;
  std::string List = "- web\n- store\n- phone\n";
  for (int I = 0; I < Members; ++I)
    List += (I % 2 ? "-   member_" : "- member_") + std::to_string(I) + "\n";
  std::string ListPath = Project.write("api/channels.yaml", List);
  ProcessResult R = run(GoodBinding, {});
  ASSERT_EQ(R.ExitCode, FindingsFound) << R.Stderr;
  nlohmann::json Report = nlohmann::json::parse(R.Stdout);
  const nlohmann::json &Findings = Report["findings"];
  ASSERT_EQ(Findings.size(), size_t(Members));
  for (int I = 0; I < Members; ++I) {
    const nlohmann::json &Where = Findings[I]["location"];
    std::string Name = "member_" + std::to_string(I);
    unsigned Column = I % 2 ? 5 : 3;
    ASSERT_EQ(Where["file"], ListPath);
    ASSERT_EQ(Where["line"], unsigned(4 + I)) << Findings[I].dump();
    ASSERT_EQ(Where["column"], Column) << Findings[I].dump();
    ASSERT_EQ(List.substr(Where["offset"].get<size_t>(), Name.size()), Name) << Findings[I].dump();
    ASSERT_NE(Findings[I]["message"].get<std::string>().find("'" + Name + "'"), std::string::npos)
        << Findings[I].dump();
  }

  std::string Baseline = Project.file("baseline.json");
  ASSERT_EQ(run(GoodBinding, {"--write-baseline", Baseline}).ExitCode, 0);
  ProcessResult Again = run(GoodBinding, {"--baseline", Baseline});
  EXPECT_EQ(Again.ExitCode, 0) << Again.Stderr;
  nlohmann::json Summary = nlohmann::json::parse(Again.Stdout)["summary"];
  EXPECT_EQ(Summary["findings"], 0);
  EXPECT_EQ(Summary["baselined"], Members);
}

TEST_F(SchemaSyncRunTest, UnusableBindingsAreConfigurationErrorsAtTheirLineOthersStillJudged) {
  ProcessResult R = run(std::string(GoodBinding) + R"(      - enum: shop::Chanel
        file: api/channels.yaml
        at: ""
      - enum: shop::Channel
        file: api/channels.yaml
        at: /routes
)",
                        {"--no-cache"});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stdout << R.Stderr;
  std::string Config = Project.path() + "/.contractcheck.yaml";
  std::vector<std::string> Errors = errorsOf(R);
  ASSERT_EQ(Errors.size(), 2u) << R.Stdout;
  EXPECT_EQ(Errors[0].rfind(Config + ":14:13: error: binding of enum 'shop::Channel' to "
                                     "'api/channels.yaml', at '/routes': '/routes' names nothing",
                            0),
            0u)
      << Errors[0];
  EXPECT_EQ(Errors[1], Config + ":9:15: error: binding of enum 'shop::Chanel' to "
                                "'api/channels.yaml': no analysed translation unit defines enum "
                                "'shop::Chanel' [contract-schema-sync]");
  // The good binding is judged all the same: 'fax' has no enumerator.
  nlohmann::json Findings = nlohmann::json::parse(R.Stdout)["findings"];
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_NE(Findings[0]["message"].get<std::string>().find("'fax'"), std::string::npos);
  // The text report and the summary say it the same way.
  ProcessResult Text = runContractcheck({"-p", Build.path(), "--config", Config, "--no-cache"});
  EXPECT_NE(Text.Stdout.find(Errors[1]), std::string::npos) << Text.Stdout;
}

// A data file that does not exist is known before any TU is parsed: it stops the run there, at
// its line, like any other configuration error, instead of a garbled rule problem ("'/abs/path'
// cannot read the data file: ...") after the whole run. A TU that does not parse shows nothing
// was parsed: its parse error would be reported otherwise.
TEST_F(SchemaSyncRunTest, ADataFileThatDoesNotExistIsAConfigurationErrorBeforeAnythingIsParsed) {
  std::string Broken = Project.write("broken.cpp", "int broken( {\n");
  writeCompilationDatabase(Build.path(), {Defining, Other, Broken}, {"-std=c++20"});
  std::string Config = Project.write(".contractcheck.yaml", R"(version: 1
rules:
  contract-schema-sync:
    bindings:
      - enum: shop::Channel
        file: api/missing.yaml
        at: ""
      - {enum: shop::Channel, file: ../elsewhere/channels.proto, at: Channel}
)");
  for (const char *Format : {"text", "json"}) {
    std::vector<std::string> Args{"-p", Build.path(), "--config", Config, "--no-cache",
                                  "--format", Format};
    ProcessResult R = runContractcheck(Args);
    EXPECT_EQ(R.ExitCode, BadInput);
    EXPECT_EQ(R.Stdout, "");
    EXPECT_EQ(R.Stderr,
              Config + ":6:15: error: 'api/missing.yaml' does not exist (looked for " +
                  Project.path() +
                  "/api/missing.yaml: 'file' is relative to this configuration file)\n" + Config +
                  ":8:37: error: '../elsewhere/channels.proto' does not exist (looked for " +
                  Project.path().substr(0, Project.path().rfind('/')) +
                  "/elsewhere/channels.proto: 'file' is relative to this configuration file)\n");
  }
}

TEST_F(SchemaSyncRunTest, AnUnknownSpellingIsRefusedWhenTheConfigurationIsRead) {
  ProcessResult R = run(R"(version: 1
rules:
  contract-schema-sync:
    bindings:
      - {enum: shop::Channel, file: api/channels.yaml, at: "", names: snake-case}
)",
                        {"--no-cache"});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_NE(R.Stderr.find(".contractcheck.yaml:5:"), std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stderr.find("snake_case"), std::string::npos) << R.Stderr;
}

TEST_F(SchemaSyncRunTest, ASubsetWithoutTheDefiningTUIsJudgedFromTheStoreOrSaysItCannot) {
  // billing.cpp alone, no store: the enum's TU was not analysed, so nothing can be judged.
  ProcessResult Alone = run(GoodBinding, {"--no-cache", Other});
  EXPECT_EQ(Alone.ExitCode, Incomplete) << Alone.Stdout << Alone.Stderr;
  std::vector<std::string> Errors = errorsOf(Alone);
  ASSERT_EQ(Errors.size(), 1u);
  EXPECT_NE(Errors[0].find("only part of the codebase was analysed"), std::string::npos)
      << Errors[0];

  // With the result store of a whole run, the subset is judged from router.cpp's stored facts;
  // the finding is in the data file, which was not given, so it is not this subset's to report.
  std::string Store = Build.path() + "/store";
  EXPECT_EQ(run(GoodBinding, {"--cache-dir", Store}).ExitCode, FindingsFound);
  ProcessResult Subset = run(GoodBinding, {"--cache-dir", Store, Other});
  EXPECT_EQ(Subset.ExitCode, 0) << Subset.Stdout << Subset.Stderr;
  EXPECT_TRUE(errorsOf(Subset).empty());

  // pre-commit passes the changed schema: judged with the stored facts, reported there.
  ProcessResult Schema =
      run(GoodBinding, {"--cache-dir", Store, Project.path() + "/api/channels.yaml"});
  EXPECT_EQ(Schema.ExitCode, FindingsFound) << Schema.Stdout << Schema.Stderr;
  nlohmann::json Findings = nlohmann::json::parse(Schema.Stdout)["findings"];
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0]["location"]["file"], Project.path() + "/api/channels.yaml");
  EXPECT_EQ(Findings[0]["location"]["line"], 4);
}

// pre-commit passes every changed .yaml/.json/.py. One that no rule reads (a CI workflow, the
// hook's own .pre-commit-config.yaml) is ignored without analysing the codebase for the global
// rules, even with no result store yet; a file a binding or a data item names still is judged.
TEST_F(SchemaSyncRunTest, AGivenFileNoRuleReadsAnalysesNothing) {
  std::string Config = std::string(GoodBinding) + "  contract-enum-name:\n    data:\n"
                       "      - {files: [\"config/*.yaml\"], key: \"routes[*].channel\", "
                       "enum: shop::Channel, names: snake_case}\n";
  std::string Unread = Project.write(".pre-commit-config.yaml", "repos: []\n");
  ProcessResult Ignored = run(Config, {Unread});
  EXPECT_EQ(Ignored.ExitCode, 0) << Ignored.Stdout << Ignored.Stderr;
  EXPECT_NE(Ignored.Stderr.find(Unread + ": not a source of the compilation database, and no "
                                         "rule reads it; ignored"),
            std::string::npos)
      << Ignored.Stderr;
  EXPECT_EQ(Ignored.Stderr.find("for the global rules"), std::string::npos) << Ignored.Stderr;

  for (const char *Named : {"api/channels.yaml", "config/routes.yaml"}) {
    std::string FreshStore = Build.path() + "/store-" + std::to_string(std::string(Named).size());
    ProcessResult Judged = run(Config, {"--cache-dir", FreshStore, Project.path() + "/" + Named});
    EXPECT_EQ(Judged.ExitCode, FindingsFound) << Named << "\n" << Judged.Stdout << Judged.Stderr;
    nlohmann::json Findings = nlohmann::json::parse(Judged.Stdout)["findings"];
    ASSERT_EQ(Findings.size(), 1u) << Named << "\n" << Judged.Stdout;
    EXPECT_EQ(Findings[0]["location"]["file"], Project.path() + "/" + Named);
  }
}

// pre-commit after a change to the enum passes the header (or the TU), not the schema: the
// schema member the change left without an enumerator is reported all the same, since its note
// points at the enum that was given.
TEST_F(SchemaSyncRunTest, ChangingTheEnumReportsTheSchemaMembersItLeavesOrphaned) {
  for (const std::string &Given : {Header, Defining}) {
    ProcessResult R = run(GoodBinding, {"--no-cache", Given});
    EXPECT_EQ(R.ExitCode, FindingsFound) << Given << "\n" << R.Stdout << R.Stderr;
    nlohmann::json Findings = nlohmann::json::parse(R.Stdout)["findings"];
    ASSERT_EQ(Findings.size(), 1u) << Given;
    EXPECT_EQ(Findings[0]["location"]["file"], Project.path() + "/api/channels.yaml");
    EXPECT_EQ(Findings[0]["notes"][0]["location"]["file"], Header);
  }
}

// Tuning a binding is editing .contractcheck.yaml until its findings are right. What only the
// global step reads (a binding's pointer, ignored members, a data file's key path) re-parses no
// translation unit; naming another enum does, since a TU emits the definitions of the enums bound.
TEST_F(SchemaSyncRunTest, EditingWhatOnlyTheGlobalStepReadsReparsesNothing) {
  Project.write("channel.h", "#pragma once\nnamespace shop {\nenum class Channel { Web, Store, "
                             "Phone };\nenum class Tier { Gold, Silver };\n} // namespace shop\n");
  Project.write("api/tiers.yaml", "- gold\n- silver\n- bronze\n");
  auto Config = [](const std::string &Enum, const std::string &File, const std::string &Ignore,
                   const std::string &Key) {
    return "version: 1\nrules:\n  contract-schema-sync:\n    bindings:\n      - enum: " + Enum +
           "\n        file: " + File + "\n        at: \"\"\n        names: snake_case\n"
           "        ignore-members: [" + Ignore + "]\n  contract-enum-name:\n    data:\n"
           "      - files: [\"config/*.yaml\"]\n        key: \"" + Key + "\"\n"
           "        enum: shop::Channel\n        names: snake_case\n";
  };
  auto Messages = [](const ProcessResult &R) {
    std::vector<std::string> Found;
    nlohmann::json Report = nlohmann::json::parse(R.Stdout);
    for (const nlohmann::json &F : Report["findings"])
      Found.push_back(F["message"].get<std::string>());
    std::sort(Found.begin(), Found.end());
    return Found;
  };
  ProcessResult Cold = run(Config("shop::Channel", "api/channels.yaml", "", "routes[*].channel"), {});
  ASSERT_EQ(Cold.ExitCode, FindingsFound) << Cold.Stderr;
  ASSERT_EQ(Messages(Cold).size(), 2u) << Cold.Stdout; // fax, phnoe

  ProcessResult Tuned =
      run(Config("shop::Channel", "api/channels.yaml", "fax", "routes[0].channel"), {});
  EXPECT_EQ(Tuned.ExitCode, 0) << Tuned.Stdout << Tuned.Stderr;
  EXPECT_TRUE(Messages(Tuned).empty()) << Tuned.Stdout;
  EXPECT_NE(Tuned.Stderr.find("(2 unchanged, from the result store)"), std::string::npos)
      << Tuned.Stderr;

  // Another enum: the TU that defines it is parsed again for its definition, and it is judged.
  ProcessResult Rebound = run(Config("shop::Tier", "api/tiers.yaml", "", "routes[0].channel"), {});
  EXPECT_EQ(Rebound.ExitCode, FindingsFound) << Rebound.Stdout << Rebound.Stderr;
  EXPECT_EQ(Messages(Rebound),
            std::vector<std::string>{"'bronze' of '' in 'api/tiers.yaml' has no enumerator in enum "
                                     "'shop::Tier' (snake_case)"});
  EXPECT_EQ(Rebound.Stderr.find("(2 unchanged, from the result store)"), std::string::npos)
      << Rebound.Stderr;
}

TEST_F(SchemaSyncRunTest, DataFileValuesAreJudgedAndABadKeyPathIsAConfigurationError) {
  const char *Data = R"(version: 1
rules:
  contract-enum-name:
    data:
      - files: ["config/*.yaml"]
        key: "routes[*].channel"
        enum: shop::Channel
        names: snake_case
      - files: ["config/*.yaml"]
        key: "route[*].channel"
        enum: shop::Channel
      - files: ["nowhere/*.yaml"]
        key: routes
        enum: shop::Channel
)";
  ProcessResult R = run(Data, {"--no-cache"});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stdout << R.Stderr;
  std::vector<std::string> Errors = errorsOf(R);
  ASSERT_EQ(Errors.size(), 2u) << R.Stdout;
  std::string Config = Project.path() + "/.contractcheck.yaml";
  EXPECT_EQ(Errors[0], Config + ":10:14: error: data binding of 'route[*].channel' to enum "
                                "'shop::Channel': the key path reaches no value in any of the 1 "
                                "file 'files' matches [contract-enum-name]");
  EXPECT_EQ(Errors[1].rfind(Config + ":12:16: error: data binding of 'routes' to enum "
                                     "'shop::Channel': no file under ",
                            0),
            0u)
      << Errors[1];
  nlohmann::json Findings = nlohmann::json::parse(R.Stdout)["findings"];
  ASSERT_EQ(Findings.size(), 1u);
  // A malformed key path is refused when the configuration is read, at its line.
  ProcessResult Malformed = run(R"(version: 1
rules:
  contract-enum-name:
    data:
      - {files: ["config/*.yaml"], key: "routes[*", enum: shop::Channel}
)",
                                {"--no-cache"});
  EXPECT_EQ(Malformed.ExitCode, BadInput);
  EXPECT_NE(Malformed.Stderr.find(".contractcheck.yaml:5:41: error: bad 'key' in each item of "
                                  "'data': "),
            std::string::npos)
      << Malformed.Stderr;
  EXPECT_EQ(Findings[0]["location"]["file"], Project.path() + "/config/routes.yaml");
  EXPECT_EQ(Findings[0]["location"]["line"], 3);
  EXPECT_EQ(Findings[0]["message"], "'phnoe' at 'routes[*].channel' does not name an enumerator "
                                    "of 'shop::Channel' in snake_case (did you mean 'phone'?)");
}

} // namespace
} // namespace contractcheck::test
