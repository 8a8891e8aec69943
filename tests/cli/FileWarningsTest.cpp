// Warnings about a user's file name it as findings and errors do: relative to the working
// directory when the file is under it, else by its absolute path, so that editors and CI jump to
// it and users compare it with the findings beside it.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

namespace contractcheck::test {
namespace {

constexpr int FindingsFound = 1;

class FileWarningsTest : public ::testing::Test {
protected:
  void SetUp() override {
    // Unmatched: the finding it was meant to suppress is reported, and the directive named.
    Source = Src.write("a.cpp", "// NOLINTBEGIN(contract-switch-coverage)\n" + switchMissingOne("a"));
    writeCompilationDatabase(Build.path(), {Source}, {"-std=c++20"});
  }
  ProcessResult run(const std::string &Cwd, std::vector<std::string> More = {}) {
    std::vector<std::string> Args{"-p", Build.path(), "--no-cache"};
    Args.insert(Args.end(), More.begin(), More.end());
    return runContractcheck(Args, Cwd);
  }
  // Whether Line is one of Text's lines, whole.
  static bool hasLine(const std::string &Text, const std::string &Line) {
    return ("\n" + Text).find("\n" + Line + "\n") != std::string::npos;
  }
  TempDir Src, Build;
  std::string Source;
};

TEST_F(FileWarningsTest, AnUnmatchedNolintBeginUnderTheWorkingDirectoryIsNamedRelativeToIt) {
  ProcessResult R = run(Src.path());
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stderr;
  EXPECT_TRUE(hasLine(R.Stderr, "a.cpp:1: warning: unmatched NOLINTBEGIN/NOLINTEND comment; it "
                                "suppresses nothing"))
      << R.Stderr;
}

TEST_F(FileWarningsTest, AnUnmatchedNolintBeginOutsideTheWorkingDirectoryKeepsItsAbsolutePath) {
  ProcessResult R = run(Build.path());
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stderr;
  EXPECT_TRUE(hasLine(R.Stderr, Source + ":1: warning: unmatched NOLINTBEGIN/NOLINTEND comment; "
                                         "it suppresses nothing"))
      << R.Stderr;
}

TEST_F(FileWarningsTest, GivenFilesNotAnalysedAreNamedRelativeToTheWorkingDirectory) {
  Src.write("include/lonely.h", "int lonely();\n");
  Src.write("notes.txt", "nothing for a rule\n");
  ProcessResult R = run(Src.path(), {"include/lonely.h", "notes.txt"});
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  EXPECT_TRUE(hasLine(R.Stderr, "contractcheck: warning: include/lonely.h: no translation unit of "
                                "the compilation database includes it; not analysed"))
      << R.Stderr;
  EXPECT_TRUE(hasLine(R.Stderr, "contractcheck: warning: notes.txt: not a source of the "
                                "compilation database, and no rule reads it; ignored"))
      << R.Stderr;
}

} // namespace
} // namespace contractcheck::test
