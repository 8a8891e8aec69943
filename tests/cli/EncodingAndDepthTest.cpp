// Inputs a user's editor or a tool may produce in a form the parsers do not expect, each answered
// by what it is, where it is: a UTF-8 byte order mark is accepted where the format allows it,
// UTF-16 is named, YAML nested deeper than contractcheck reads is said so, and an absolute
// exclusion pattern that can match nothing in the project is a warning naming it.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

namespace contractcheck::test {
namespace {

using namespace std::string_literals;

constexpr int FindingsFound = 1, BadInput = 2;

// "version: 1\n" as UTF-16, little-endian, with its byte order mark.
std::string utf16(const std::string &Ascii) {
  std::string Out = "\xFF\xFE"s;
  for (char C : Ascii)
    Out += std::string{C, '\0'};
  return Out;
}

class EncodingAndDepthTest : public ::testing::Test {
protected:
  void SetUp() override {
    Source = Src.write("a.cpp", switchMissingOne("a"));
    writeCompilationDatabase(Build.path(), {Source}, {"-std=c++20"});
  }
  // From the project's directory, as a user runs it: its files are named relative to it, the
  // build directory's (beside it) by their absolute paths.
  ProcessResult run(std::vector<std::string> More = {}) {
    std::vector<std::string> Args{"-p", Build.path(), "--no-cache"};
    Args.insert(Args.end(), More.begin(), More.end());
    return runContractcheck(Args, Src.path());
  }
  TempDir Src, Build;
  std::string Source;
};

// A JSON data file with one was "expected a JSON value" at 1:1 (the configuration, the database and
// the baseline went through parsers that skip it).
TEST_F(EncodingAndDepthTest, AByteOrderMarkIsAcceptedWhereTheFormatAllowsIt) {
  Src.write(".contractcheck.yaml", "\xEF\xBB\xBFversion: 1\nrules:\n  contract-schema-sync:\n"
                                   "    bindings:\n      - {enum: aMode, file: modes.json, at: \"\"}\n");
  Src.write("modes.json", "\xEF\xBB\xBF[\"Idle\", \"Busy\", \"Stopped\", \"Draining\"]\n");
  std::string Database = Build.file("compile_commands.json");
  Build.write("compile_commands.json", "\xEF\xBB\xBF" + readFile(Database));
  std::string Baseline = Src.write("baseline.json", "");
  ProcessResult Write = run({"--write-baseline", Baseline});
  ASSERT_EQ(Write.ExitCode, 0) << Write.Stderr;
  Src.write("baseline.json", "\xEF\xBB\xBF" + readFile(Baseline));
  ProcessResult R = run({"--baseline", Baseline});
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  EXPECT_NE(R.Stderr.find("1 in the baseline"), std::string::npos) << R.Stderr;
}

TEST_F(EncodingAndDepthTest, Utf16IsNamed) {
  std::string Config = Src.write(".contractcheck.yaml", utf16("version: 1\n"));
  ProcessResult R = run();
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr,
            ".contractcheck.yaml:1:1: error: is UTF-16 (it begins with the byte order mark FF FE); "
            "a configuration file must be UTF-8 (convert it, e.g. iconv -f "
            "UTF-16 -t UTF-8)\n");
  std::filesystem::remove(Config);
  std::string Database = Build.file("compile_commands.json");
  Build.write("compile_commands.json", utf16(readFile(Database)).substr(2)); // no mark
  R = run();
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, Database + ":1:1: error: is UTF-16 (little-endian: a NUL byte after each "
                                 "ASCII character); a compilation database must be UTF-8 (convert "
                                 "it, e.g. iconv -f UTF-16 -t UTF-8)\n");
}

TEST_F(EncodingAndDepthTest, YamlNestedDeeperThanReadIsSaidSo) {
  Src.write(".contractcheck.yaml",
            "version: 1\nrules:\n  x: " + std::string(600, '[') + std::string(600, ']') + "\n");
  ProcessResult R = run();
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr.rfind(".contractcheck.yaml:3:", 0), 0u) << R.Stderr;
  EXPECT_NE(R.Stderr.find(": error: malformed YAML: nested deeper than 500 levels, more than "
                          "contractcheck reads\n"),
            std::string::npos)
      << R.Stderr;
  std::string Block = "version: 1\nrules:\n";
  for (int Level = 0; Level < 600; ++Level)
    Block += std::string(2 * Level + 2, ' ') + "k:\n";
  Src.write(".contractcheck.yaml", Block);
  R = run();
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_NE(R.Stderr.find("nested deeper than 500 levels"), std::string::npos) << R.Stderr;
}

TEST_F(EncodingAndDepthTest, AnAbsolutePatternOutsideTheProjectIsAWarningNamingIt) {
  Src.write(".contractcheck.yaml", "version: 1\npaths:\n  exclude:\n    - generated/**\n"
                                   "    - /nonexistent-project/src/**\n    - " +
                                       Src.path() + "/vendor/**\n");
  ProcessResult R = run();
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stderr;
  // Named as the findings beside it name their files: relative to the working directory.
  EXPECT_NE(("\n" + R.Stderr)
                .find("\n.contractcheck.yaml:5:7: warning: 'paths.exclude' pattern "
                      "'/nonexistent-project/src/**' is absolute and outside this "
                      "configuration's directory (" +
                      Src.path() +
                      "): it can match no file of the project; write it relative "
                      "to that directory\n"),
            std::string::npos)
      << R.Stderr;
  EXPECT_EQ(R.Stderr.find("warning: 'paths.exclude' pattern '" + Src.path()), std::string::npos)
      << "a pattern under the project is fine";
  EXPECT_EQ(R.Stderr.find("'generated/**'"), std::string::npos);
}

} // namespace
} // namespace contractcheck::test
