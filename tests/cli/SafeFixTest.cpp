// --fix never loses a byte: a file edited since it was parsed is left alone, a file reached by
// two spellings is fixed once, conflicting fixes from two configurations are left out, CRLF
// files stay CRLF, and whatever is fixed still compiles.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>


namespace contractcheck::test {
namespace {

constexpr int Clean = 0, FindingsFound = 1, BadInput = 2;

size_t count(const std::string &Text, const std::string &Word) {
  size_t N = 0;
  for (size_t Pos = Text.find(Word); Pos != std::string::npos; Pos = Text.find(Word, Pos + 1))
    ++N;
  return N;
}

// The fixed code must compile: checked with the real clang.
void expectCompiles(const std::string &File, const std::vector<std::string> &Extra = {}) {
  std::vector<std::string> Args{"clang++-19", "-fsyntax-only", "-std=c++20"};
  Args.insert(Args.end(), Extra.begin(), Extra.end());
  Args.push_back(File);
  ProcessResult R = runProcess(Args);
  EXPECT_EQ(R.ExitCode, 0) << File << ":\n" << readFile(File) << R.Stderr;
}

TEST(SafeFixTest, AFileEditedDuringTheRunIsNotRewritten) {
  TempDir Src, Build;
  // a.cpp is quick; b.cpp keeps the run going after a.cpp's result is stored, so the edit lands
  // after the tool read a.cpp and before it fixes anything.
  std::string File = Src.write("a.cpp", switchMissingOne("a"));
  std::string Slow = Src.write("b.cpp", slowToParse(2000000));
  writeCompilationDatabase(Build.path(), {File, Slow},
                           {"-std=c++20", "-fconstexpr-steps=2147483647"});
  BackgroundProcess Run({contractcheckBinary(), "-p", Build.path(), "-j", "2", "--fix"});
  ASSERT_TRUE(waitUntil([&] { return storedResults(Build.file(".contractcheck-cache")) >= 1; }));
  std::string Edited = "// a line added while contractcheck was parsing\n" + readFile(File);
  Src.write("a.cpp", Edited);
  ProcessResult R = Run.wait();
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stderr;
  EXPECT_EQ(readFile(File), Edited);
  EXPECT_NE(R.Stderr.find("contractcheck: warning: " + File +
                          ": changed since it was analysed; not fixed (run again)"),
            std::string::npos)
      << R.Stderr;
}

TEST(SafeFixTest, AHeaderReachedByTwoSpellingsIsReportedAndFixedOnce) {
  TempDir Src, Build;
  std::string Header = Src.write("include/mode.h", "#pragma once\n" + switchMissingOne("mode"));
  std::filesystem::create_directory_symlink(Src.file("include"), Src.file("linked"));
  std::string A = Src.write("src/a.cpp", "#include \"../include/mode.h\"\nint a() { return 1; }\n");
  std::string B = Src.write("src/b.cpp", "#include \"../linked/mode.h\"\nint b() { return 2; }\n");
  writeCompilationDatabase(Build.path(), {A, B}, {"-std=c++20"});

  ProcessResult Report = runContractcheck({"-p", Build.path(), "--format", "json"});
  EXPECT_EQ(Report.ExitCode, FindingsFound) << Report.Stderr;
  EXPECT_EQ(nlohmann::json::parse(Report.Stdout)["findings"].size(), 1u) << Report.Stdout;

  ProcessResult Fixed = runContractcheck({"-p", Build.path(), "--fix"});
  EXPECT_EQ(Fixed.ExitCode, FindingsFound) << Fixed.Stderr;
  std::string Text = readFile(Header);
  EXPECT_EQ(count(Text, "case modeMode::Draining:"), 1u) << Text;
  EXPECT_NE(Fixed.Stderr.find("applied 1 fix in 1 file"), std::string::npos) << Fixed.Stderr;
  expectCompiles(Header);
  EXPECT_EQ(runContractcheck({"-p", Build.path(), "--quiet"}).ExitCode, Clean);
}

TEST(SafeFixTest, DifferentFixesFromTwoConfigurationsAtOnePlaceAreNotApplied) {
  TempDir Src, Build;
  // Under WITH_DRAINING the fix inserts two labels, without it one: not the same fix.
  std::string HeaderText = "#pragma once\n"
                           "enum class Mode { Idle, Busy, Stopped, Starting, Stopping, Failed,\n"
                           "#ifdef WITH_DRAINING\n"
                           "  Draining,\n"
                           "#endif\n"
                           "  Paused };\n"
                           "inline int mode(Mode m) {\n"
                           "  switch (m) {\n"
                           "  case Mode::Idle: case Mode::Busy: case Mode::Stopped:\n"
                           "  case Mode::Starting: case Mode::Stopping:\n"
                           "  case Mode::Failed:\n"
                           "    return 0;\n"
                           "  default:\n"
                           "    return 1;\n"
                           "  }\n"
                           "}\n";
  std::string Header = Src.write("mode.h", HeaderText);
  std::string A = Src.write("a.cpp", "#define WITH_DRAINING\n#include \"mode.h\"\n");
  std::string B = Src.write("b.cpp", "#include \"mode.h\"\n");
  writeCompilationDatabase(Build.path(), {A, B}, {"-std=c++20"});
  ProcessResult R = runContractcheck({"-p", Build.path(), "--fix"});
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stderr;
  EXPECT_EQ(readFile(Header), HeaderText);
  EXPECT_NE(R.Stderr.find("contractcheck: warning: " + Header +
                          ":13:3: conflicting fixes at the same place (the file was analysed in "
                          "different configurations); none applied there"),
            std::string::npos)
      << R.Stderr;
  EXPECT_NE(R.Stderr.find("applied 0 fixes in 0 files"), std::string::npos) << R.Stderr;
}

TEST(SafeFixTest, CrlfFilesKeepCrlfInInsertedLines) {
  TempDir Src, Build;
  std::string File = Src.write("a.cpp", switchMissingOne("a", "\r\n"));
  writeCompilationDatabase(Build.path(), {File}, {"-std=c++20"});
  ProcessResult R = runContractcheck({"-p", Build.path(), "--fix"});
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stderr;
  std::string Text = readFile(File);
  EXPECT_NE(Text.find("  case aMode::Draining:\r\n"), std::string::npos) << Text;
  EXPECT_EQ(count(Text, "\n"), count(Text, "\r\n")) << "a bare LF was inserted";
  expectCompiles(File);
  EXPECT_EQ(runContractcheck({"-p", Build.path(), "--quiet"}).ExitCode, Clean);
}

TEST(SafeFixTest, AFixThatCannotBeWrittenLeavesTheSourceUntouched) {
  TempDir Src, Build;
  std::string Text;
  for (int I = 0; I < 50; ++I)
    Text += switchMissingOne("f" + std::to_string(I));
  ASSERT_GT(Text.size(), 8192u);
  std::string File = Src.write("a.cpp", Text);
  writeCompilationDatabase(Build.path(), {File}, {"-std=c++20"});
  ProcessResult R = runContractcheckWithFileLimit(8192, {"-p", Build.path(), "--quiet", "--fix"});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_EQ(readFile(File), Text);
  EXPECT_NE(R.Stderr.find("contractcheck: error: " + File +
                          ": cannot write the fixed file: cannot write: File too large; the file "
                          "is unchanged"),
            std::string::npos)
      << R.Stderr;
  EXPECT_EQ(otherFiles(Src.path(), {"a.cpp"}), std::vector<std::string>{});
}

TEST(SafeFixTest, AFixedFileKeepsItsPermissions) {
  TempDir Src, Build;
  std::string File = Src.write("a.cpp", switchMissingOne("a"));
  std::filesystem::permissions(File, std::filesystem::perms(0640));
  writeCompilationDatabase(Build.path(), {File}, {"-std=c++20"});
  EXPECT_EQ(runContractcheck({"-p", Build.path(), "--quiet", "--fix"}).ExitCode, FindingsFound);
  EXPECT_NE(readFile(File).find("case aMode::Draining:"), std::string::npos);
  EXPECT_EQ(std::filesystem::status(File).permissions(), std::filesystem::perms(0640));
}

} // namespace
} // namespace contractcheck::test
