// A compile database written by a gcc build is analysed as one written for clang: the example
// configured by g++ (a real CMake configure), its commands carrying Bazel's gcc toolchain flags,
// Debian's dpkg-buildflags and tab-separated `command` strings, gives the findings the example
// configured by clang++-19 gives.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace contractcheck::test {
namespace {

std::string configureExample(const TempDir &Build, const std::string &Compiler) {
  ProcessResult R = runProcess({"cmake", "-S", sourceDir() + "/examples", "-B", Build.path(), "-G",
                                "Ninja", "-DCMAKE_CXX_COMPILER=" + Compiler});
  EXPECT_EQ(R.ExitCode, 0) << R.Stdout << R.Stderr;
  return Build.path();
}

std::vector<std::string> words(const std::string &Text) {
  std::istringstream In(Text);
  std::vector<std::string> Words;
  for (std::string Word; In >> Word;)
    Words.push_back(Word);
  return Words;
}

// Bazel's gcc toolchain (tools/cpp/unix_cc_configure.bzl: compile_flags, unfiltered_compile_flags
// and the opt feature's flags), as it writes them into every command.
const std::vector<std::string> BazelGccFlags{
    "-U_FORTIFY_SOURCE", "-fstack-protector", "-Wall", "-Wunused-but-set-parameter",
    "-Wno-free-nonheap-object", "-fno-omit-frame-pointer", "-fno-canonical-system-headers",
    "-Wno-builtin-macro-redefined", "-D__DATE__=\"redacted\"", "-D__TIMESTAMP__=\"redacted\"",
    "-D__TIME__=\"redacted\"", "-g0", "-O2", "-D_FORTIFY_SOURCE=1", "-DNDEBUG",
    "-ffunction-sections", "-fdata-sections"};

// What else gcc-only builds write: concepts TS, Qt 6's flag for gcc 12, gcc's own tuning.
const std::vector<std::string> OtherGccOnlyFlags{"-fconcepts", "-mno-direct-extern-access",
                                                 "-fno-lifetime-dse", "-fno-gnu-unique"};

// The example configured by clang++-19, analysed once for every test here.
class GccDatabaseTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    Clang = new TempDir;
    configureExample(*Clang, "clang++-19");
    FromClang = new ProcessResult(runContractcheck({"-p", Clang->path()}, sourceDir()));
  }
  static void TearDownTestSuite() {
    delete FromClang;
    delete Clang;
  }
  static TempDir *Clang;
  static ProcessResult *FromClang;
};
TempDir *GccDatabaseTest::Clang;
ProcessResult *GccDatabaseTest::FromClang;

TEST_F(GccDatabaseTest, TheExampleConfiguredByGccGivesTheFindingsOfClang) {
  TempDir Gcc;
  configureExample(Gcc, "g++");
  const ProcessResult &FromClang = *this->FromClang;
  ProcessResult FromGcc = runContractcheck({"-p", Gcc.path()}, sourceDir());
  ASSERT_EQ(FromClang.ExitCode, 1) << FromClang.Stderr;
  EXPECT_NE(FromClang.Stdout.find("error:"), std::string::npos);
  EXPECT_EQ(FromGcc.ExitCode, 1) << FromGcc.Stderr;
  EXPECT_EQ(FromGcc.Stdout, FromClang.Stdout);
  EXPECT_EQ(FromClang.Stderr.find("dropped"), std::string::npos) << FromClang.Stderr;
}

TEST_F(GccDatabaseTest, BazelDebianAndTabbedCommandsGiveTheFindingsOfClang) {
  TempDir Gcc;
  configureExample(Gcc, "g++");
  // Debian's own flags, as a package build passes them (dpkg-dev).
  ProcessResult CxxFlags = runProcess({"dpkg-buildflags", "--get", "CXXFLAGS"});
  ProcessResult CppFlags = runProcess({"dpkg-buildflags", "--get", "CPPFLAGS"});
  ASSERT_EQ(CxxFlags.ExitCode, 0) << "dpkg-buildflags (dpkg-dev) is missing: " << CxxFlags.Stderr;
  std::vector<std::string> DebianFlags = words(CxxFlags.Stdout + " " + CppFlags.Stdout);
  ASSERT_FALSE(DebianFlags.empty());

  // Each TU of the g++ database gets one kind of command, so one run sees them all.
  std::string DatabasePath = Gcc.file("compile_commands.json");
  nlohmann::json Database = nlohmann::json::parse(readFile(DatabasePath));
  ASSERT_GE(Database.size(), 4u);
  for (size_t I = 0; I < Database.size(); ++I) {
    nlohmann::json &Entry = Database[I];
    std::vector<std::string> Args = words(Entry["command"].get<std::string>());
    switch (I % 4) {
    case 0: // Bazel writes `arguments`
      Args.insert(Args.begin() + 1, BazelGccFlags.begin(), BazelGccFlags.end());
      Entry.erase("command");
      Entry["arguments"] = Args;
      continue;
    case 1:
      Args.insert(Args.begin() + 1, DebianFlags.begin(), DebianFlags.end());
      break;
    case 2:
      Args.insert(Args.begin() + 1, OtherGccOnlyFlags.begin(), OtherGccOnlyFlags.end());
      break;
    case 3: // flags indented with tabs in a CMakeLists; a newline too
      Args.insert(Args.begin() + 1, {"-Wall", "-Wextra"});
      break;
    }
    std::string Command;
    for (const std::string &Arg : Args) // none of these needs quoting
      Command += (Command.empty() ? "" : (I % 4 == 3 ? "\t\t" : " ")) + Arg;
    if (I % 4 == 3)
      Command += "\n";
    Entry["command"] = Command;
  }
  std::ofstream(DatabasePath) << Database.dump(2);

  const ProcessResult &FromClang = *this->FromClang;
  ProcessResult Mixed = runContractcheck({"-p", Gcc.path()}, sourceDir());
  ASSERT_EQ(FromClang.ExitCode, 1) << FromClang.Stderr;
  EXPECT_EQ(Mixed.ExitCode, 1) << Mixed.Stderr;
  EXPECT_EQ(Mixed.Stdout, FromClang.Stdout);
  EXPECT_EQ(Mixed.Stderr.find("not analysed"), std::string::npos) << Mixed.Stderr;
  // Said once, each flag once.
  std::string Dropped = "contractcheck: dropped from the compile commands, flags clang does not "
                        "accept: -fno-canonical-system-headers -fconcepts -mno-direct-extern-access "
                        "-fno-lifetime-dse -fno-gnu-unique\n";
  EXPECT_NE(Mixed.Stderr.find(Dropped), std::string::npos) << Mixed.Stderr;
}

// What GCC accepts and Clang 16+ rejects by default (WarningFlags.h, errorsGccAccepts): Boost.MPL
// before 1.81 casting an integer outside an enum's range to it in a constant expression (every
// TU including it was lost on Fast DDS 2.9.1), and C89 habits in C. Each TU is analysed and its
// finding reported.
TEST(GccAcceptedErrorsTest, CodeThatGccAcceptsIsAnalysed) {
  TempDir Src, Build;
  std::string Cxx = Src.write(
      "mpl.cpp", "enum Color { Red, Green };\n"
                 "template <class T, T N> struct integral_wrapper {\n"
                 "  static constexpr T next = static_cast<T>(N + 1);\n"
                 "};\n"
                 "constexpr Color past = integral_wrapper<Color, Green>::next;\n" +
                     switchMissingOne("mpl"));
  std::string C = Src.write("old.c", "enum Mode { Idle, Busy, Stopped, Draining };\n"
                                     "int *p = 5;\n"
                                     "int dispatch(enum Mode m) {\n"
                                     "  switch (m) {\n"
                                     "  case Idle: case Busy: case Stopped: return helper();\n"
                                     "  default: return 1;\n"
                                     "  }\n"
                                     "}\n");
  Build.write("compile_commands.json",
              "[{\"directory\": \"" + Src.path() + "\", \"file\": \"" + Cxx +
                  "\", \"arguments\": [\"g++\", \"-std=c++17\", \"-c\", \"" + Cxx +
                  "\"]},\n {\"directory\": \"" + Src.path() + "\", \"file\": \"" + C +
                  "\", \"arguments\": [\"gcc\", \"-std=gnu99\", \"-c\", \"" + C + "\"]}]\n");
  for (const char *Compiler : {"clang++-19", "clang-19"}) {
    std::string File = std::string(Compiler) == "clang-19" ? C : Cxx;
    ProcessResult Rejected = runProcess({Compiler, "-fsyntax-only", "-w", File});
    EXPECT_NE(Rejected.ExitCode, 0) << File << ": Clang accepts it; the test proves nothing";
  }
  ProcessResult R = runContractcheck({"-p", Build.path(), "--no-cache"}, Build.path());
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_NE(R.Stderr.find("analysed 2 of 2 translation units"), std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stdout.find("mpl.cpp:"), std::string::npos) << R.Stdout;
  EXPECT_NE(R.Stdout.find("old.c:"), std::string::npos) << R.Stdout;
  // A user's --extra-arg comes after ours, and wins.
  R = runContractcheck(
      {"-p", Build.path(), "--no-cache", "--extra-arg=-Werror=enum-constexpr-conversion"},
      Build.path());
  EXPECT_EQ(R.ExitCode, 3) << R.Stderr;
  EXPECT_NE(R.Stdout.find("old.c:"), std::string::npos) << R.Stdout;
}

} // namespace
} // namespace contractcheck::test
