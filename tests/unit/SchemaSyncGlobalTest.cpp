// contract-schema-sync's global step against the GlobalContext interface: enum facts as a TU
// would emit them, the real external fixture files read through the context, findings and
// input problems as the engine would receive them.
#include "rules/schema-sync/SchemaSyncGlobal.h"
#include "TestPaths.h"
#include "rules/utils/EnumDefinitionFact.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace contractcheck {
namespace {

// The engine's side of GlobalContext, kept to what the rule uses: facts, the base directory,
// data files read from disk, and what the rule reports.
class RecordingContext : public GlobalContext {
public:
  FactStore Facts;
  std::string Base =
      (std::filesystem::path(test::fixturesDir()) / "external-enums").string();
  bool Complete = true;
  std::vector<Finding> Findings;
  std::vector<std::pair<SourcePosition, std::string>> Problems;
  std::vector<std::pair<SourcePosition, std::string>> ConfigurationErrors;
  std::map<std::string, DataFileText> Files;

  RuleFacts facts() const override { return RuleFacts(Facts, std::string(SchemaSyncRuleId)); }
  const std::string &baseDirectory() const override { return Base; }
  bool factsAreComplete() const override { return Complete; }
  std::vector<std::string> filesMatching(const std::vector<Glob> &) const override { return {}; }
  const DataFileText &readDataFile(const std::string &Path) override {
    auto [It, New] = Files.try_emplace(Path);
    if (New) {
      It->second.Path = Path;
      std::ifstream In(Path, std::ios::binary);
      if (!In)
        It->second.Error = "cannot open the file";
      std::ostringstream S;
      S << In.rdbuf();
      It->second.Text = S.str();
    }
    return It->second;
  }
  void report(Finding F) override { Findings.push_back(std::move(F)); }
  void inputProblem(SourcePosition Where, std::string Message) override {
    Problems.emplace_back(std::move(Where), std::move(Message));
  }
  void configurationError(SourcePosition Where, std::string Message) override {
    ConfigurationErrors.emplace_back(std::move(Where), std::move(Message));
  }
  SourcePosition optionPosition(std::string_view Pointer) const override {
    return {"/config/.contractcheck.yaml", 7, static_cast<unsigned>(Pointer.size()), 0};
  }

protected:
  std::shared_ptr<const void> parsedErased(
      const std::string &Path, std::type_index,
      const std::function<std::shared_ptr<const void>(const DataFileText &)> &Parse) override {
    return Parse(readDataFile(Path));
  }
};

EnumDefinitionFact enumFact(std::string Name, std::vector<std::pair<std::string, int>> Members) {
  EnumDefinitionFact F;
  F.Usr = "c:@N@shop@E@" + Name;
  F.Name = std::move(Name);
  F.Where = {"/src/shop.h", 3, 12, 0};
  unsigned Line = 4;
  for (auto &[N, V] : Members)
    F.Enumerators.push_back({N, V, {"/src/shop.h", Line++, 3, 0}});
  return F;
}

SchemaSyncBinding binding(std::string Enum, std::string File, std::string At,
                          NameSpelling Names = NameSpelling::Exact) {
  SchemaSyncBinding B;
  B.Enum = std::move(Enum);
  B.File = std::move(File);
  B.At = std::move(At);
  B.Names = Names;
  return B;
}

std::vector<Glob> sentinels() { return {*Glob::parse("kCount", Glob::Kind::Name)}; }

TEST(SchemaSyncGlobalTest, BindingsReadAsIssue9SpellsThem) {
  SchemaSyncBinding B = nlohmann::json::parse(R"({"enum": "shop::Channel", "file":
      "proto/shop.proto", "at": "Channel", "names": "SCREAMING_SNAKE_CASE", "strip-prefix":
      "CHANNEL_", "values": true, "direction": "code-covers-schema", "match": "values"})")
                            .get<SchemaSyncBinding>();
  EXPECT_EQ(B.Enum, "shop::Channel");
  EXPECT_EQ(B.File, "proto/shop.proto");
  EXPECT_EQ(B.StripPrefix, "CHANNEL_");
  EXPECT_TRUE(B.Values);
  EXPECT_EQ(B.Names, NameSpelling::ScreamingSnakeCase);
  EXPECT_EQ(B.Direction, MatchDirection::CodeCoversSchema);
  EXPECT_EQ(B.Match, MatchKey::Values);
}

TEST(SchemaSyncGlobalTest, OpenApiDriftBothWaysWithBothPositions) {
  RecordingContext Context;
  Context.Facts.add(makeFact(SchemaSyncRuleId, enumFact("shop::OrderState", {{"New", 0},
                                                                             {"PendingAck", 1},
                                                                             {"Acked", 2},
                                                                             {"Filled", 3},
                                                                             {"Expired", 4},
                                                                             {"kCount", 5}})));
  SchemaSyncGlobal Rule({binding("shop::OrderState", "openapi.yaml",
                                 "#/components/schemas/OrderState", NameSpelling::SnakeCase)},
                        sentinels());
  Rule.run(Context);
  EXPECT_TRUE(Context.Problems.empty());
  ASSERT_EQ(Context.Findings.size(), 2u);
  const Finding &Member = Context.Findings[0];
  EXPECT_EQ(Member.Position.File, Context.Base + "/openapi.yaml");
  EXPECT_EQ(Member.Position.Line, 30u);
  EXPECT_EQ(Member.Position.Column, 11u);
  EXPECT_EQ(Member.Message, "'cancelled' of '#/components/schemas/OrderState' in 'openapi.yaml' "
                            "has no enumerator in enum 'shop::OrderState' (snake_case)");
  ASSERT_EQ(Member.Notes.size(), 1u);
  EXPECT_EQ(Member.Notes[0].Position.Line, 3u);
  const Finding &Enumerator = Context.Findings[1];
  EXPECT_EQ(Enumerator.Position.File, "/src/shop.h");
  EXPECT_EQ(Enumerator.Position.Line, 8u);
  EXPECT_EQ(Enumerator.Message, "enumerator 'shop::OrderState::Expired' has no member 'expired' in "
                                "'#/components/schemas/OrderState' in 'openapi.yaml'");
  EXPECT_EQ(Enumerator.Notes[0].Position.Line, 24u); // where the $ref chain ends
}

TEST(SchemaSyncGlobalTest, ProtoValuesPrefixAndReservedNames) {
  RecordingContext Context;
  Context.Facts.add(makeFact(
      SchemaSyncRuleId,
      enumFact(
          "shop::Channel",
          {{"Unspecified", 0}, {"Web", 1}, {"Store", 2}, {"Shop", 2}, {"Phone", 3}, {"Fax", 5}})));
  SchemaSyncBinding B =
      binding("shop::Channel", "shop.proto", "Channel", NameSpelling::ScreamingSnakeCase);
  B.StripPrefix = "CHANNEL_";
  B.Values = true;
  SchemaSyncGlobal({B}, sentinels()).run(Context);
  ASSERT_EQ(Context.Findings.size(), 2u);
  EXPECT_EQ(Context.Findings[0].Message,
            "enumerator 'shop::Channel::Fax' has no member 'CHANNEL_FAX' in 'Channel' in "
            "'shop.proto'");
  EXPECT_EQ(Context.Findings[0].Notes[0].Message,
            "'Channel' is defined here; 'CHANNEL_FAX' is reserved there");
  EXPECT_EQ(Context.Findings[1].Message, "enumerator 'shop::Channel::Phone' is 3 but "
                                         "'CHANNEL_PHONE' of 'Channel' in 'shop.proto' is 4");
  EXPECT_EQ(Context.Findings[1].Notes[0].Position.Line, 18u);
}

TEST(SchemaSyncGlobalTest, BadBindingsAreConfigurationErrorsMalformedFilesInputProblems) {
  RecordingContext Context;
  Context.Facts.add(makeFact(SchemaSyncRuleId, enumFact("shop::Channel", {{"Web", 0}})));
  SchemaSyncBinding Python =
      binding("shop::Channel", "enums.py", "Channel", NameSpelling::SnakeCase);
  Python.Match = MatchKey::Values;
  SchemaSyncBinding WrongMatch = binding("shop::Channel", "enums.py", "Priority");
  WrongMatch.Match = MatchKey::Values;
  SchemaSyncGlobal({binding("shop::Missing", "shop.proto", "Channel"),
                    binding("shop::Channel", "malformed.proto", "Channel"),
                    binding("shop::Channel", "absent.yaml", "#/x"),
                    binding("shop::Channel", "shop.proto", "Chanel"), WrongMatch,
                    binding("shop::Channel", "shop.txt", "Channel"), Python},
                   sentinels())
      .run(Context);
  // Only the malformed file makes the run incomplete; the rest is what the user configured.
  ASSERT_EQ(Context.Problems.size(), 1u);
  EXPECT_EQ(Context.Problems[0].first.Line, 4u);
  EXPECT_EQ(Context.Problems[0].second,
            "malformed .proto: expected ';', found 'CHANNEL_STORE' (binding of enum "
            "'shop::Channel' to 'malformed.proto', at 'Channel')");
  const auto &Errors = Context.ConfigurationErrors;
  ASSERT_EQ(Errors.size(), 5u);
  // Each at the setting that is wrong ("/bindings/<n>/<key>", whose length the context uses as
  // the column).
  EXPECT_EQ(Errors[0].second, "binding of enum 'shop::Missing' to 'shop.proto': no analysed "
                              "translation unit defines enum 'shop::Missing'");
  EXPECT_EQ(Errors[0].first.Column, std::string("/bindings/0/enum").size());
  EXPECT_EQ(Errors[1].second,
            "binding of enum 'shop::Channel' to 'absent.yaml': cannot open the file");
  EXPECT_EQ(Errors[1].first.Column, std::string("/bindings/2/file").size());
  EXPECT_NE(Errors[2].second.find("no enum 'Chanel' in the file"), std::string::npos);
  EXPECT_EQ(Errors[2].first.Column, std::string("/bindings/3/at").size());
  EXPECT_NE(Errors[3].second.find("'match: values' needs a Python str enum"), std::string::npos);
  EXPECT_NE(Errors[4].second.find("expected a .json, .yaml, .yml, .proto or .py file"),
            std::string::npos);
  EXPECT_EQ(Errors[4].first.Column, std::string("/bindings/5/file").size());
  // The good binding after the bad ones is still judged: "store" and "phone" have no enumerator.
  ASSERT_EQ(Context.Findings.size(), 2u);
  EXPECT_EQ(Context.Findings[0].Position.File, Context.Base + "/enums.py");
}

TEST(SchemaSyncGlobalTest, OnlyPartOfTheCodebaseSaysSo) {
  RecordingContext Context;
  Context.Complete = false;
  SchemaSyncGlobal({binding("shop::Channel", "shop.proto", "Channel")}, sentinels()).run(Context);
  ASSERT_EQ(Context.Problems.size(), 1u);
  EXPECT_NE(Context.Problems[0].second.find("only part of the codebase was analysed"),
            std::string::npos);
}

} // namespace
} // namespace contractcheck
