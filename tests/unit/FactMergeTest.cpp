#include "ResultMerger.h"
#include "Subprocess.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace contractcheck {
namespace {

using test::TempDir;

Finding findingAt(const std::string &File, unsigned Line, const std::string &Message) {
  Finding F;
  F.RuleId = "contract-switch-coverage";
  F.Position = {File, Line, 3, 10};
  F.Message = Message;
  F.Notes = {{{File, 1, 6, 0}, "enum 'E' is defined here"}};
  return F;
}

const Config &defaultConfig() {
  static const Config Defaults = Config::defaults();
  return Defaults;
}

// Global rules under the default configuration, which governs every file.
GlobalPhase defaultPhase() {
  GlobalPhase Phase;
  Phase.Configs = {&defaultConfig()};
  Phase.ConfigFor = [](const std::string &) -> const Config & { return defaultConfig(); };
  return Phase;
}

TUOutcome outcome(const std::string &File, std::vector<Finding> Findings, std::vector<Fact> Facts = {}) {
  TUOutcome O;
  O.File = File;
  O.Findings = std::move(Findings);
  O.Facts = std::move(Facts);
  return O;
}

TEST(FactMergeTest, AHeaderFindingSeenByManyTUsIsReportedOnce) {
  TempDir Dir;
  std::string Header = Dir.write("colors.h", "enum E { A, B };\n\nswitch\n");
  SourceFiles Sources;
  DataFiles Data;
  ResultMerger Merger(Sources, Data);
  Merger.add(outcome(Dir.file("a.cpp"), {findingAt(Header, 3, "misses B")}), defaultConfig());
  Merger.add(outcome(Dir.file("b.cpp"), {findingAt(Header, 3, "misses B")}), defaultConfig());
  Merger.add(outcome(Dir.file("c.cpp"), {findingAt(Header, 3, "misses A")}), defaultConfig());
  RunReport Report = Merger.finish(defaultPhase());
  ASSERT_EQ(Report.Findings.size(), 2u);
  EXPECT_EQ(Report.Findings[0].Message, "misses A");
  EXPECT_EQ(Report.Findings[1].Message, "misses B");
  EXPECT_EQ(Report.Findings[1].Notes.size(), 1u);
  EXPECT_EQ(Report.TranslationUnits, 3u);
  EXPECT_EQ(Report.findingsByRule().at("contract-switch-coverage"), 2u);
}

TEST(FactMergeTest, SuppressedFindingsAreCountedNotReported) {
  TempDir Dir;
  std::string File = Dir.write("a.cpp", "x\nswitch (e) { // NOLINT(contract-*)\nswitch (f) {\n");
  SourceFiles Sources;
  DataFiles Data;
  ResultMerger Merger(Sources, Data);
  Merger.add(outcome(File, {findingAt(File, 2, "one"), findingAt(File, 3, "two")}), defaultConfig());
  RunReport Report = Merger.finish(defaultPhase());
  ASSERT_EQ(Report.Findings.size(), 1u);
  EXPECT_EQ(Report.Findings[0].Message, "two");
  EXPECT_EQ(Report.Suppressed, 1u);
}

TEST(FactMergeTest, UnmatchedNolintBeginIsPointedOut) {
  TempDir Dir;
  std::string File = Dir.write("a.cpp", "// NOLINTBEGIN(contract-*)\nswitch (e) {\n");
  SourceFiles Sources;
  DataFiles Data;
  ResultMerger Merger(Sources, Data);
  Merger.add(outcome(File, {findingAt(File, 2, "one")}), defaultConfig());
  RunReport Report = Merger.finish(defaultPhase());
  EXPECT_EQ(Report.Findings.size(), 1u);
  ASSERT_EQ(Report.Warnings.size(), 1u);
  EXPECT_EQ(Report.Warnings[0].render(), File + ":1: warning: unmatched NOLINTBEGIN/NOLINTEND "
                                                "comment; it suppresses nothing");
}

TEST(FactMergeTest, FailedTUsAreListedAndCountedAsNotAnalysed) {
  SourceFiles Sources;
  DataFiles Data;
  ResultMerger Merger(Sources, Data);
  TUOutcome Broken = outcome("/src/broken.cpp", {});
  Broken.State = TUOutcome::Status::ParseFailed;
  Broken.Errors = {"/src/broken.cpp:1:1: error: unknown type name 'x'"};
  Merger.add(std::move(Broken), defaultConfig());
  Merger.add(outcome("/src/fine.cpp", {}), defaultConfig());
  RunReport Report = Merger.finish(defaultPhase());
  ASSERT_EQ(Report.Failures.size(), 1u);
  EXPECT_EQ(Report.Failures[0].File, "/src/broken.cpp");
  EXPECT_EQ(Report.analyzed(), 1u);
}

struct EnumFact {
  static constexpr std::string_view Kind = "enum";
  static constexpr unsigned Version = 3;
  std::string Usr;
  std::vector<std::string> Members;
  std::string key() const { return Usr; }
  friend void to_json(nlohmann::json &J, const EnumFact &F) {
    J = {{"usr", F.Usr}, {"members", F.Members}};
  }
  friend void from_json(const nlohmann::json &J, EnumFact &F) {
    J.at("usr").get_to(F.Usr);
    J.at("members").get_to(F.Members);
  }
};

TEST(FactMergeTest, FactStoreKeepsOneCopyOfEqualFactsIndexedByKey) {
  FactStore Store;
  Store.add(makeFact("contract-x", EnumFact{"c:@E@E", {"A", "B"}}));
  Store.add(makeFact("contract-x", EnumFact{"c:@E@E", {"A", "B"}}));
  Store.add(makeFact("contract-x", EnumFact{"c:@E@E", {"A"}})); // another TU's view
  Store.add(makeFact("contract-x", EnumFact{"c:@E@F", {"X"}}));
  Store.add(makeFact("contract-other", EnumFact{"c:@E@E", {"A"}}));
  EXPECT_EQ(Store.size(), 4u);
  EXPECT_EQ(Store.all<EnumFact>("contract-x").size(), 3u);
  std::vector<EnumFact> E = Store.withKey<EnumFact>("contract-x", "c:@E@E");
  ASSERT_EQ(E.size(), 2u);
  EXPECT_EQ(E[0].Members, (std::vector<std::string>{"A", "B"}));
  EXPECT_TRUE(Store.withKey<EnumFact>("contract-x", "c:@E@G").empty());
}

// A fact of another version is never silently dropped: reading it is an error.
TEST(FactMergeTest, AFactOfAnotherVersionIsAnErrorNotSkipped) {
  FactStore Store;
  Fact Old = makeFact("contract-x", EnumFact{"c:@E@E", {"A"}});
  Old.Version = 2;
  Store.add(Old);
  EXPECT_THROW(Store.all<EnumFact>("contract-x"), FactVersionError);
  FactStore Malformed;
  Fact Bad = makeFact("contract-x", EnumFact{"c:@E@E", {"A"}});
  Bad.Data = {{"usr", 1}};
  Malformed.add(Bad);
  EXPECT_THROW(Malformed.all<EnumFact>("contract-x"), FactVersionError);
}

TEST(FactMergeTest, TUOutcomeRoundTripsThroughJson) {
  for (TUOutcome::Status State : {TUOutcome::Status::Analyzed, TUOutcome::Status::ParseFailed,
                                  TUOutcome::Status::Crashed, TUOutcome::Status::NotExtracted,
                                  TUOutcome::Status::TimedOut}) {
    TUOutcome O = outcome("/src/a.cpp", {findingAt("/src/a.h", 3, "misses B")},
                          {makeFact("contract-x", EnumFact{"c:@E@E", {"A"}})});
    O.Dependencies = {{"/src/a.cpp", "00ff"}, {"/src/a.h", "ff00"}};
    O.Findings[0].Fixes = {{"/src/a.h", 40, 0, "case B:\n"}};
    O.State = State;
    O.Errors = {"boom"};
    O.KeptTemplateBodies = true;
    TUOutcome Back = nlohmann::json(O).get<TUOutcome>();
    EXPECT_EQ(Back.File, O.File);
    EXPECT_EQ(Back.State, O.State) << statusName(State);
    EXPECT_EQ(Back.Errors, O.Errors);
    EXPECT_EQ(Back.Findings, O.Findings);
    EXPECT_EQ(Back.Facts, O.Facts);
    EXPECT_EQ(Back.Dependencies, O.Dependencies);
    EXPECT_TRUE(Back.KeptTemplateBodies);
  }
}

// A status this build does not know is not read as some other one: the entry is not its own.
TEST(FactMergeTest, AnUnknownStatusIsNotReadAsAnother) {
  nlohmann::json J = outcome("/src/a.cpp", {}, {});
  J["status"] = "input-error";
  EXPECT_THROW(J.get<TUOutcome>(), nlohmann::json::exception);
}

} // namespace
} // namespace contractcheck
