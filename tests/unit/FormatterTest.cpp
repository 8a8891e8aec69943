#include "Formatters.h"
#include "Subprocess.h"

#include <gtest/gtest.h>
#include <llvm/Support/raw_ostream.h>
#include <nlohmann/json.hpp>

namespace contractcheck {
namespace {

using test::TempDir;

RunReport sampleReport(const std::string &File) {
  RunReport Report;
  Finding F;
  F.RuleId = "contract-switch-coverage";
  F.Position = {File, 3, 3, 30};
  F.Message = "switch on 'E' misses B";
  F.Notes = {{{File, 1, 6, 5}, "enum 'E' is defined here"}};
  F.Fixes = {{File, 50, 0, "case B:\n  "}};
  Report.Findings = {F};
  Report.TranslationUnits = 2;
  TUOutcome Broken;
  Broken.File = "/src/broken.cpp";
  Broken.State = TUOutcome::Status::ParseFailed;
  Broken.Errors = {"/src/broken.cpp:2:1: error: expected ';'"};
  Report.Failures = {Broken};
  return Report;
}

TEST(FormatterTest, TextIsClangStyleWithSourceLineCaretAndNotes) {
  TempDir Dir;
  std::string File = Dir.write("a.cpp", "enum E { A, B };\nint f(E e) {\n  switch (e) {\n");
  SourceFiles Sources;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeText(OS, sampleReport(File), Sources, {false, Dir.path()});
  EXPECT_EQ(Out, "a.cpp:3:3: error: switch on 'E' misses B [contract-switch-coverage]\n"
                 "  switch (e) {\n"
                 "  ^\n"
                 "a.cpp:1:6: note: enum 'E' is defined here\n"
                 "enum E { A, B };\n"
                 "     ^\n"
                 "/src/broken.cpp: error: not analysed (parse-error)\n"
                 "  /src/broken.cpp:2:1: error: expected ';'\n");
}

TEST(FormatterTest, TextHasNoEscapeCodesUnlessColourIsOn) {
  TempDir Dir;
  std::string File = Dir.write("a.cpp", "enum E { A, B };\nint f(E e) {\n  switch (e) {\n");
  SourceFiles Sources;
  std::string Plain, Coloured;
  llvm::raw_string_ostream PlainOS(Plain), ColouredOS(Coloured);
  ColouredOS.enable_colors(true);
  writeText(PlainOS, sampleReport(File), Sources, {false, Dir.path()});
  writeText(ColouredOS, sampleReport(File), Sources, {true, Dir.path()});
  EXPECT_EQ(Plain.find('\x1b'), std::string::npos);
  EXPECT_NE(Coloured.find('\x1b'), std::string::npos);
}

TEST(FormatterTest, JsonHasTheDocumentedSchema) {
  nlohmann::json J = toJsonReport(sampleReport("/src/a.cpp"));
  EXPECT_EQ(J["version"], 2);
  EXPECT_EQ(J["tool"]["name"], "contractcheck");
  const auto &F = J["findings"][0];
  EXPECT_EQ(F["rule"], "contract-switch-coverage");
  EXPECT_EQ(F["severity"], "error");
  EXPECT_EQ(F["location"]["line"], 3);
  EXPECT_EQ(F["notes"][0]["location"]["line"], 1);
  EXPECT_EQ(F["fixes"][0]["replacement"], "case B:\n  ");
  EXPECT_EQ(J["failures"][0]["status"], "parse-error");
  EXPECT_EQ(J["summary"]["translation_units"], 2);
  EXPECT_EQ(J["summary"]["analyzed"], 1);
  EXPECT_EQ(J["summary"]["by_rule"]["contract-switch-coverage"], 1);
}

TEST(FormatterTest, SarifCarriesRulesResultsAndRelatedLocations) {
  SourceFiles Sources;
  nlohmann::json S = toSarif(sampleReport("/src/my file.cpp"), "/elsewhere", Sources);
  EXPECT_EQ(S["version"], "2.1.0");
  const auto &Run = S["runs"][0];
  const auto &Rules = Run["tool"]["driver"]["rules"];
  ASSERT_FALSE(Rules.empty());
  for (const auto &Rule : Rules)
    EXPECT_NE(Rule["helpUri"].get<std::string>().find(
                  "/blob/v" + Run["tool"]["driver"]["semanticVersion"].get<std::string>() +
                  "/docs/rules/" + Rule["id"].get<std::string>() + ".md"),
              std::string::npos)
        << Rule["helpUri"];
  const auto &Result = Run["results"][0];
  EXPECT_EQ(Rules[Result["ruleIndex"].get<size_t>()]["id"], "contract-switch-coverage");
  EXPECT_EQ(Result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "file:///src/my%20file.cpp");
  EXPECT_EQ(Result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 1);
  EXPECT_EQ(Run["invocations"][0]["executionSuccessful"], false);
  EXPECT_EQ(Result["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]["byteOffset"], 50);
}

TEST(FormatterTest, SarifPathsUnderTheSourceRootAreRelativeToSrcroot) {
  SourceFiles Sources;
  nlohmann::json S = toSarif(sampleReport("/repo/src/a.cpp"), "/repo", Sources);
  const auto &Artifact = S["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(Artifact["uri"], "src/a.cpp");
  EXPECT_EQ(Artifact["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(S["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///repo/");
}

} // namespace
} // namespace contractcheck

namespace contractcheck {
namespace {

// Code scanning matches results across runs by partialFingerprints: they must not move when
// unrelated lines are inserted above a finding, and must differ between distinct findings.
TEST(FormatterTest, SarifFingerprintsSurviveUnrelatedEdits) {
  test::TempDir Dir;
  auto fingerprintsOf = [&](const std::string &Text) {
    std::string File = Dir.write("src/a.cpp", Text);
    size_t Line = 1;
    for (size_t I = 0; I < Text.find("switch"); ++I)
      Line += Text[I] == '\n';
    RunReport Report;
    Finding F;
    F.RuleId = "contract-switch-coverage";
    F.Position = {File, static_cast<unsigned>(Line), 3, 0};
    F.Message = "switch hides E::B";
    Report.Findings = {F, F};
    Report.Findings[1].Message = "switch hides E::C";
    SourceFiles Sources;
    nlohmann::json S = toSarif(Report, Dir.path(), Sources);
    std::vector<std::string> Prints;
    for (const auto &Result : S["runs"][0]["results"])
      Prints.push_back(Result["partialFingerprints"]["contractcheck/v1"]);
    return Prints;
  };
  std::vector<std::string> Before = fingerprintsOf("int f(E e) {\n  switch (e) {}\n}\n");
  std::vector<std::string> After =
      fingerprintsOf("// a new comment\n\nint f(E e) {\n  switch (e) {}\n}\n");
  ASSERT_EQ(Before.size(), 2u);
  EXPECT_EQ(Before, After);
  EXPECT_NE(Before[0], Before[1]);
  std::vector<std::string> Edited = fingerprintsOf("int f(E e) {\n  switch (e + 1) {}\n}\n");
  EXPECT_NE(Before[0], Edited[0]);
}

} // namespace
} // namespace contractcheck

namespace contractcheck {
namespace {

TEST(FormatterTest, CodeClimateIsWhatGitLabCodeQualityReads) {
  SourceFiles Sources;
  RunReport Report;
  Finding F;
  F.RuleId = "contract-switch-coverage";
  F.Level = Severity::Warning;
  F.Position = {"/repo/src/a.cpp", 12, 3, 0};
  F.Message = "switch hides E::B";
  Report.Findings = {F};
  nlohmann::json Issues = toCodeClimate(Report, "/repo", Sources);
  ASSERT_EQ(Issues.size(), 1u);
  EXPECT_EQ(Issues[0]["check_name"], "contract-switch-coverage");
  EXPECT_EQ(Issues[0]["description"], "switch hides E::B");
  EXPECT_EQ(Issues[0]["severity"], "minor");
  EXPECT_EQ(Issues[0]["location"]["path"], "src/a.cpp");
  EXPECT_EQ(Issues[0]["location"]["lines"]["begin"], 12);
  EXPECT_EQ(Issues[0]["fingerprint"].get<std::string>().size(), 32u);
}

} // namespace
} // namespace contractcheck
