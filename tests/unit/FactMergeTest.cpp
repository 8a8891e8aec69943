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
  ResultMerger Merger(Sources);
  Merger.add(outcome(Dir.file("a.cpp"), {findingAt(Header, 3, "misses B")}));
  Merger.add(outcome(Dir.file("b.cpp"), {findingAt(Header, 3, "misses B")}));
  Merger.add(outcome(Dir.file("c.cpp"), {findingAt(Header, 3, "misses A")}));
  RunReport Report = Merger.finish(Config::defaults());
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
  ResultMerger Merger(Sources);
  Merger.add(outcome(File, {findingAt(File, 2, "one"), findingAt(File, 3, "two")}));
  RunReport Report = Merger.finish(Config::defaults());
  ASSERT_EQ(Report.Findings.size(), 1u);
  EXPECT_EQ(Report.Findings[0].Message, "two");
  EXPECT_EQ(Report.Suppressed, 1u);
}

TEST(FactMergeTest, UnmatchedNolintBeginIsPointedOut) {
  TempDir Dir;
  std::string File = Dir.write("a.cpp", "// NOLINTBEGIN(contract-*)\nswitch (e) {\n");
  SourceFiles Sources;
  ResultMerger Merger(Sources);
  Merger.add(outcome(File, {findingAt(File, 2, "one")}));
  RunReport Report = Merger.finish(Config::defaults());
  EXPECT_EQ(Report.Findings.size(), 1u);
  ASSERT_EQ(Report.Warnings.size(), 1u);
  EXPECT_EQ(Report.Warnings[0], File + ":1: warning: unmatched NOLINTBEGIN/NOLINTEND comment; it "
                                       "suppresses nothing");
}

TEST(FactMergeTest, FailedTUsAreListedAndCountedAsNotAnalysed) {
  SourceFiles Sources;
  ResultMerger Merger(Sources);
  TUOutcome Broken = outcome("/src/broken.cpp", {});
  Broken.State = TUOutcome::Status::ParseFailed;
  Broken.Errors = {"/src/broken.cpp:1:1: error: unknown type name 'x'"};
  Merger.add(std::move(Broken));
  Merger.add(outcome("/src/fine.cpp", {}));
  RunReport Report = Merger.finish(Config::defaults());
  ASSERT_EQ(Report.Failures.size(), 1u);
  EXPECT_EQ(Report.Failures[0].File, "/src/broken.cpp");
  EXPECT_EQ(Report.analyzed(), 1u);
}

TEST(FactMergeTest, FactStoreKeepsOneCopyOfEqualFacts) {
  FactStore Store;
  Fact Enum{"contract-schema-sync", "enum", {{"name", "E"}, {"members", {"A", "B"}}}};
  Store.add(Enum);
  Store.add(Enum);
  Store.add({"contract-schema-sync", "enum", {{"name", "F"}}});
  Store.add({"contract-other", "enum", {{"name", "E"}}});
  EXPECT_EQ(Store.size(), 3u);
  EXPECT_EQ(Store.find("contract-schema-sync", "enum").size(), 2u);
}

TEST(FactMergeTest, TUOutcomeRoundTripsThroughJson) {
  TUOutcome O = outcome("/src/a.cpp", {findingAt("/src/a.h", 3, "misses B")},
                        {{"contract-x", "k", {{"v", 1}}}});
  O.Findings[0].Fixes = {{"/src/a.h", 40, 0, "case B:\n"}};
  O.State = TUOutcome::Status::Crashed;
  O.Errors = {"boom"};
  TUOutcome Back = nlohmann::json(O).get<TUOutcome>();
  EXPECT_EQ(Back.File, O.File);
  EXPECT_EQ(Back.State, O.State);
  EXPECT_EQ(Back.Errors, O.Errors);
  EXPECT_EQ(Back.Findings, O.Findings);
  EXPECT_EQ(Back.Facts, O.Facts);
}

} // namespace
} // namespace contractcheck
