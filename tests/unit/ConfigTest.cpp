#include "Config.h"
#include "InputError.h"
#include "Subprocess.h"

#include <gtest/gtest.h>

namespace contractcheck {
namespace {

using test::TempDir;

// Loads Text as a config file and returns the rendered error, or "" when it loads.
std::string loadError(const std::string &Text) {
  TempDir Dir;
  std::string Path = Dir.write(".contractcheck.yaml", Text);
  try {
    Config::load(Path);
    return "";
  } catch (const InputError &E) {
    std::string Rendered = E.render();
    return Rendered.substr(Rendered.find(".contractcheck.yaml"));
  }
}

TEST(ConfigTest, DefaultsEnableEveryRuleAsError) {
  Config C = Config::defaults();
  EXPECT_TRUE(C.rule("contract-switch-coverage").Enabled);
  EXPECT_EQ(C.rule("contract-switch-coverage").Level, Severity::Error);
  EXPECT_FALSE(C.isExcluded("/any/file.cpp"));
}

TEST(ConfigTest, ReadsSeverityOptionsAndExcludes) {
  TempDir Dir;
  std::string Path = Dir.write(".contractcheck.yaml", R"(version: 1
paths:
  exclude: ["third_party/**", "*.pb.cc"]
rules:
  contract-switch-coverage:
    severity: warning
    sentinels: ["*Sentinel"]
    report-without-default: true
)");
  Config C = Config::load(Path);
  const RuleSettings &S = C.rule("contract-switch-coverage");
  EXPECT_EQ(S.Level, Severity::Warning);
  EXPECT_EQ(S.Options.at("sentinels"), nlohmann::json::array({"*Sentinel"}));
  EXPECT_EQ(S.Options.at("report-without-default"), true);
  EXPECT_TRUE(C.isExcluded(Dir.path() + "/third_party/lib/x.h"));
  EXPECT_TRUE(C.isExcluded(Dir.path() + "/a.pb.cc"));
  EXPECT_FALSE(C.isExcluded(Dir.path() + "/src/a.pb.cc"));
  EXPECT_FALSE(C.isExcluded(Dir.path() + "/src/main.cpp"));
}

TEST(ConfigTest, SeverityOffDisablesTheRule) {
  TempDir Dir;
  Config C = Config::load(
      Dir.write("c.yaml", "version: 1\nrules:\n  contract-switch-coverage: {severity: off}\n"));
  EXPECT_FALSE(C.rule("contract-switch-coverage").Enabled);
}

TEST(ConfigTest, UnknownTopLevelKeyIsPositionedWithSuggestion) {
  EXPECT_EQ(loadError("version: 1\nrule:\n  {}\n"),
            ".contractcheck.yaml:2:1: error: unknown key 'rule' in the configuration (did you mean "
            "'rules'?); expected one of: version, paths, rules");
}

TEST(ConfigTest, UnknownRuleIsPositionedWithSuggestion) {
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-switch-coverag: {}\n"),
            ".contractcheck.yaml:3:3: error: unknown rule 'contract-switch-coverag' (did you mean "
            "'contract-switch-coverage'?); 'contractcheck --list-rules' lists them");
}

TEST(ConfigTest, UnknownOptionNamesTheRuleAndSuggests) {
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-switch-coverage:\n    sentinel: [x]\n"),
            ".contractcheck.yaml:4:5: error: unknown key 'sentinel' in the settings of "
            "'contract-switch-coverage' (did you mean 'sentinels'?); expected one of: severity, "
            "enums, sentinels, report-without-default, min-coverage, converter-coverage, "
            "size-sentinels, catch-alls, neutral-zero, report-refusing-default, "
            "report-delegating-default, report-catch-all-default, report-shared-default, "
            "report-grouped-names, report-named-default, "
            "report-system-enums, history, "
            "history-same-commit, history-revisited, history-renames, range-markers, "
            "unproduced-values, caller-defaults, passed-values, skip-flags, flag-templates");
}

TEST(ConfigTest, WrongTypesSayWhatWasExpected) {
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-switch-coverage:\n    sentinels: kCount\n"),
            ".contractcheck.yaml:4:16: error: 'sentinels' must be a list of strings, got 'kCount'");
  EXPECT_EQ(
      loadError("version: 1\nrules:\n  contract-switch-coverage:\n    report-without-default: yes\n"),
      ".contractcheck.yaml:4:29: error: 'report-without-default' must be true or false, got 'yes'");
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-switch-coverage: {severity: eror}\n"),
            ".contractcheck.yaml:3:40: error: 'severity' must be one of error, warning, off, got "
            "'eror' (did you mean 'error'?)");
}

// The docs list `null` among the catch-all words; written bare in a YAML list it is no value.
TEST(ConfigTest, ABareNullWhereAStringGoesSaysToQuoteIt) {
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-switch-coverage:\n    catch-alls: [none, null]\n"),
            ".contractcheck.yaml:4:24: error: each item of 'catch-alls' must be a string, got "
            "nothing (YAML reads an empty value, null and ~ as no value: quote a word, 'null')");
}

// An editor's tab looks like spaces; yaml-cpp's "illegal map value" does not say it is the tab.
TEST(ConfigTest, ATabIndentedLineSaysSo) {
  EXPECT_EQ(loadError("version: 1\nrules:\n\tcontract-switch-coverage:\n\t\tseverity: warning\n"),
            ".contractcheck.yaml:3:26: error: malformed YAML: illegal map value; this line is "
            "indented with a tab, which YAML does not allow (indent with spaces)");
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-switch-coverage:\n  \tseverity: warning\n"),
            ".contractcheck.yaml:4:12: error: malformed YAML: illegal map value; this line is "
            "indented with a tab, which YAML does not allow (indent with spaces)");
  // A tab elsewhere on the line is no indentation.
  EXPECT_EQ(loadError("version: 1\nrules: {\tx\n"),
            ".contractcheck.yaml:3:1: error: malformed YAML: end of map flow not found; the '{' at "
            "line 2, column 8 is never closed (a missing '}')");
}

// A severity where the rule's settings go (`rule: off`, as ESLint writes it) says how to write it.
TEST(ConfigTest, ASeverityInPlaceOfTheSettingsSaysWhereItGoes) {
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-switch-coverage: off\n"),
            ".contractcheck.yaml:3:29: error: the settings of 'contract-switch-coverage' must be a "
            "mapping, got 'off'; write 'contract-switch-coverage: {severity: off}'");
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-enum-table: warning\n"),
            ".contractcheck.yaml:3:24: error: the settings of 'contract-enum-table' must be a "
            "mapping, got 'warning'; write 'contract-enum-table: {severity: warning}'");
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-enum-table: [a]\n"),
            ".contractcheck.yaml:3:24: error: the settings of 'contract-enum-table' must be a "
            "mapping, got a list");
}

// A choice the rule reads as an enum (OptionEnumMapping) is checked where it is written: an
// unknown value is an error at its line and column listing the values the mapping declares, so
// the rule never sees a string it would have to parse again.
TEST(ConfigTest, AnUnknownChoiceIsPositionedAndListsTheAllowedValues) {
  std::string Error = loadError("version: 1\nrules:\n  contract-schema-sync:\n    bindings:\n"
                                "      - {enum: a::E, file: e.json, at: /x, direction: eithr}\n");
  EXPECT_EQ(Error.rfind(".contractcheck.yaml:5:55: error: ", 0), 0u) << Error;
  EXPECT_NE(Error.find("must be one of both, code-covers-schema, schema-covers-code, got "
                       "'eithr'"),
            std::string::npos)
      << Error;
  Error = loadError("version: 1\nrules:\n  contract-enum-name:\n    data:\n"
                    "      - {files: [a.yaml], key: k, enum: a::E, names: snake-case}\n");
  EXPECT_EQ(Error.rfind(".contractcheck.yaml:5:54: error: ", 0), 0u) << Error;
  EXPECT_NE(Error.find("must be one of exact, snake_case, SCREAMING_SNAKE_CASE, camelCase, "
                       "PascalCase, kebab-case, got 'snake-case' (did you mean 'snake_case'?)"),
            std::string::npos)
      << Error;
  // A data binding's format (OpenColorIO's YAML configs end in .ocio): yaml, json or jsonc
  // (JSON with comments), nothing else; left out, each file's extension says.
  Error = loadError("version: 1\nrules:\n  contract-enum-name:\n    data:\n"
                    "      - {files: [a.ocio], key: k, enum: a::E, format: yml}\n");
  EXPECT_EQ(Error, ".contractcheck.yaml:5:55: error: 'format' must be one of json, yaml, jsonc, got "
                   "'yml' (did you mean 'yaml'?)")
      << Error;
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-enum-name:\n    data:\n"
                      "      - {files: [a.ocio], key: k, enum: a::E, format: yaml}\n"
                      "      - {files: [a.json], key: k, enum: a::E}\n"
                      "      - {files: [config.json], key: k, enum: a::E, format: jsonc}\n"),
            "");
}

TEST(ConfigTest, PercentagesAreChecked) {
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-switch-coverage: {min-coverage: 150}\n"),
            ".contractcheck.yaml:3:44: error: 'min-coverage' must be a whole number from 0 to 100, "
            "got '150'");
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-switch-coverage: {min-coverage: 60}\n"), "");
}

TEST(ConfigTest, PairsAreMappingsOrStrings) {
  TempDir Dir;
  Config C = Config::load(Dir.write("c.yaml", "version: 1\nrules:\n  contract-mock-drift:\n"
                                               "    pairs:\n      - {mock: t::FakeClock, real: core::Clock}\n"
                                               "      - \"t::MockBus=core::Bus\"\n"));
  EXPECT_EQ(C.rule("contract-mock-drift").Options.at("pairs"),
            nlohmann::json::parse(R"([{"mock": "t::FakeClock", "real": "core::Clock"},
                                      {"mock": "t::MockBus", "real": "core::Bus"}])"));
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-mock-drift:\n    pairs:\n      - {mock: A, rael: B}\n"),
            ".contractcheck.yaml:5:19: error: unknown key 'rael' in each item of 'pairs' (did you "
            "mean 'real'?); expected one of: mock, real");
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-mock-drift:\n    pairs:\n      - {mock: A}\n"),
            ".contractcheck.yaml:5:9: error: each item of 'pairs' needs the key 'real'");
}

// Once a SIGSEGV (exit 139): the duplicate-key check followed the alias into itself forever.
TEST(ConfigTest, AnAliasThatContainsItselfIsAnErrorNotACrash) {
  EXPECT_EQ(loadError("version: 1\nrules: &r {contract-switch-coverage: {enums: *r}}\n"),
            ".contractcheck.yaml:2:8: error: an alias that contains itself (a YAML anchor used "
            "inside its own value)");
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-switch-coverage: &s\n    enums: [*s]\n"),
            ".contractcheck.yaml:3:29: error: an alias that contains itself (a YAML anchor used "
            "inside its own value)");
}

TEST(ConfigTest, AliasesThatExpandWithoutBoundStopWithAnError) {
  std::string Text = "version: 1\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int I = 1; I < 9; ++I)
    Text += "x" + std::to_string(I) + ": &a" + std::to_string(I) + " [" +
            std::string("*a") + std::to_string(I - 1) + ", *a" + std::to_string(I - 1) +
            ", *a" + std::to_string(I - 1) + ", *a" + std::to_string(I - 1) + ", *a" +
            std::to_string(I - 1) + ", *a" + std::to_string(I - 1) + ", *a" +
            std::to_string(I - 1) + ", *a" + std::to_string(I - 1) + ", *a" +
            std::to_string(I - 1) + ", *a" + std::to_string(I - 1) + "]\n";
  EXPECT_NE(loadError(Text).find("expands to more than 100000 values"), std::string::npos)
      << loadError(Text);
  // Aliases that share a list once are what anchors are for.
  EXPECT_EQ(loadError("version: 1\npaths:\n  exclude: &vendored [\"third_party/**\"]\n"
                      "rules:\n  contract-switch-coverage: {enums: [\"a::*\"]}\n"),
            "");
}

// An alias nests its anchor's value where it is used, out of sight of yaml-cpp's depth guard:
// 300 levels used 300 levels deep are 600 that every recursive walk of the tree would follow.
// Refused at the node past 500 levels, as the parser refuses text nested that deep.
TEST(ConfigTest, AliasesNestedDeeperThanReadAreAnError) {
  auto Nested = [](int Levels, const std::string &Inner) {
    return std::string(Levels, '[') + Inner + std::string(Levels, ']');
  };
  std::string Error =
      loadError("version: 1\nx: &a " + Nested(300, "leaf") + "\ny: " + Nested(300, "*a") + "\n");
  EXPECT_NE(Error.find(": error: nested deeper than 500 levels (through aliases), more than "
                       "contractcheck reads"),
            std::string::npos)
      << Error.substr(0, 300);
  // 350 levels are read (and judged: 'x' is no key of the configuration).
  Error = loadError("version: 1\nx: &a " + Nested(200, "leaf") + "\ny: " + Nested(150, "*a") + "\n");
  EXPECT_EQ(Error.find("nested deeper"), std::string::npos) << Error.substr(0, 300);
  EXPECT_NE(Error.find("'x'"), std::string::npos) << Error.substr(0, 300);
}

TEST(ConfigTest, BadGlobIsPositioned) {
  EXPECT_EQ(loadError("version: 1\npaths:\n  exclude: [\"src/[ab\"]\n"),
            ".contractcheck.yaml:3:13: error: bad glob 'src/[ab' in 'paths.exclude': unclosed '[' "
            "at offset 4");
}

TEST(ConfigTest, VersionIsRequiredAndChecked) {
  EXPECT_EQ(loadError("rules: {}\n"),
            ".contractcheck.yaml:1:1: error: missing required key 'version' (write 'version: 1')");
  EXPECT_EQ(loadError("version: 2\n"), ".contractcheck.yaml:1:10: error: unsupported version '2'; "
                                       "this contractcheck reads version 1");
}

// As a compiler reports every error of a file: a user fixes the configuration in one go.
TEST(ConfigTest, EveryErrorIsReportedNotOnlyTheFirst) {
  TempDir Dir;
  std::string Path = Dir.write(".contractcheck.yaml", R"(rulez: {}
paths:
  generated: maybe
  exclude: ["src/**"]
rules:
  contract-switch-coverag: {}
  contract-switch-coverage:
    severity: fatal
    min-coverage: 140
    sentinels: ["*Count"]
)");
  std::string Rendered;
  try {
    Config::load(Path);
  } catch (const InputError &E) {
    Rendered = E.render();
  }
  std::vector<std::string> Lines;
  for (size_t Start = 0; Start < Rendered.size();) {
    size_t End = Rendered.find('\n', Start);
    Lines.push_back(Rendered.substr(Start, End - Start));
    Start = End == std::string::npos ? Rendered.size() : End + 1;
  }
  ASSERT_EQ(Lines.size(), 6u) << Rendered;
  EXPECT_EQ(Lines[0].rfind(Path + ":1:1: error: unknown key 'rulez' in the configuration (did you "
                                  "mean 'rules'?)", 0), 0u) << Lines[0];
  EXPECT_EQ(Lines[1].rfind(Path + ":3:14: error: 'paths.generated' must be one of skip, report", 0),
            0u) << Lines[1];
  EXPECT_EQ(Lines[2].rfind(Path + ":6:3: error: unknown rule 'contract-switch-coverag'", 0), 0u)
      << Lines[2];
  EXPECT_EQ(Lines[3].rfind(Path + ":8:15: error: 'severity' must be one of error, warning, off", 0),
            0u) << Lines[3];
  EXPECT_EQ(Lines[4].rfind(Path + ":9:19: error:", 0), 0u) << Lines[4];
  EXPECT_NE(Lines[4].find("140"), std::string::npos) << Lines[4];
  EXPECT_EQ(Lines[5], Path + ":1:1: error: missing required key 'version' (write 'version: 1')");
}

TEST(ConfigTest, MalformedYamlIsPositioned) {
  std::string Error = loadError("version: 1\nrules: [\n");
  EXPECT_EQ(Error.rfind(".contractcheck.yaml:3:1: error: malformed YAML", 0), 0u) << Error;
}

TEST(ConfigTest, ResolverFindsTheNearestFileUpward) {
  TempDir Dir;
  Dir.write(".contractcheck.yaml", "version: 1\nrules:\n  contract-switch-coverage: {severity: warning}\n");
  Dir.write("sub/deeper/.keep", "");
  Dir.write("other/.contractcheck.yaml", "version: 1\nrules:\n  contract-switch-coverage: {severity: off}\n");
  ConfigResolver Resolver(std::nullopt);
  EXPECT_EQ(Resolver.forFile(Dir.path() + "/sub/deeper/a.cpp").rule("contract-switch-coverage").Level,
            Severity::Warning);
  EXPECT_FALSE(Resolver.forFile(Dir.path() + "/other/b.cpp").rule("contract-switch-coverage").Enabled);
}

TEST(ConfigTest, ClangTidyConfigCarriesTheSameOptions) {
  TempDir Dir;
  Config C = Config::load(Dir.write(
      "c.yaml", "version: 1\nrules:\n  contract-switch-coverage:\n    sentinels: [a, b]\n"));
  std::string Tidy = C.toClangTidyConfig();
  EXPECT_NE(Tidy.find("Checks: '-*,contract-switch-coverage"), std::string::npos) << Tidy;
  EXPECT_NE(Tidy.find("contract-switch-coverage.Sentinels: 'a;b'"), std::string::npos) << Tidy;
}

// paths.generated and paths.vendored are read alike: skip by default, report on request, carried
// into clang-tidy's configuration as one global option each, a bad value named at its line.
TEST(ConfigTest, GeneratedAndVendoredCodeAreSkippedUnlessReportIsAsked) {
  TempDir Dir;
  Config Defaults = Config::load(Dir.write("d.yaml", "version: 1\npaths: {exclude: []}\n"));
  EXPECT_FALSE(Defaults.reportsGeneratedCode());
  EXPECT_FALSE(Defaults.reportsVendoredCode());
  EXPECT_EQ(Defaults.toClangTidyConfig().find("Report"), std::string::npos);

  Config Vendored = Config::load(Dir.write("v.yaml", "version: 1\npaths:\n  vendored: report\n"));
  EXPECT_FALSE(Vendored.reportsGeneratedCode());
  EXPECT_TRUE(Vendored.reportsVendoredCode());
  std::string Tidy = Vendored.toClangTidyConfig();
  EXPECT_NE(Tidy.find("  ReportVendoredCode: 'true'\n"), std::string::npos) << Tidy;
  EXPECT_EQ(Tidy.find("ReportGeneratedCode"), std::string::npos) << Tidy;

  std::string Error = loadError("version: 1\npaths:\n  vendored: skipped\n");
  EXPECT_EQ(Error.rfind(".contractcheck.yaml:3:13: error: 'paths.vendored' must be one of skip, "
                        "report, got 'skipped'", 0),
            0u)
      << Error;
  EXPECT_NE(loadError("version: 1\npaths:\n  vendor: skip\n").find("did you mean 'vendored'"),
            std::string::npos);
}

} // namespace
} // namespace contractcheck
