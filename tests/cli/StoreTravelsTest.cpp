// A result store that travels: CI runners, a second checkout and a build sandbox see the same
// code at another path, and one shared store (a CI cache, a build system's action cache) must
// answer for all of them. The bundled example is copied to two checkouts at different paths and
// configured by CMake in each (each compile_commands.json names its own absolute paths); a store
// filled in the first answers `check` in the second for every TU, with the findings a --no-cache
// run gives there, and an edit in the second is never answered from what the first stored.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace contractcheck::test {
namespace {

namespace fs = std::filesystem;

size_t count(const std::string &Text, const std::string &Word) {
  size_t N = 0;
  for (size_t At = Text.find(Word); At != std::string::npos; At = Text.find(Word, At + 1))
    ++N;
  return N;
}

class StoreTravelsTest : public ::testing::Test {
protected:
  // The example as a clone at Where (a git work tree), configured by CMake into Where/build.
  static void checkout(const std::string &Where, bool Git = true) {
    fs::create_directories(fs::path(Where).parent_path());
    fs::copy(sourceDir() + "/examples", Where, fs::copy_options::recursive);
    if (Git)
      ASSERT_EQ(runProcess({"git", "init", "-q"}, Where).ExitCode, 0);
    ProcessResult Configure =
        runProcess({"cmake", "-S", Where, "-B", Where + "/build", "-G", "Ninja"});
    ASSERT_EQ(Configure.ExitCode, 0) << Configure.Stdout << Configure.Stderr;
  }

  size_t translationUnits(const std::string &Checkout) {
    return count(readFile(Checkout + "/build/compile_commands.json"), "\"file\":");
  }

  TempDir Root;
  std::string One = Root.path() + "/one/trading";
  std::string Two = Root.path() + "/runner/work/two/trading";
  std::string Store = Root.path() + "/shared-store";
};

TEST_F(StoreTravelsTest, AStoreFilledInOneCheckoutAnswersForAnotherAtAnotherPath) {
  checkout(One);
  checkout(Two);
  size_t Units = translationUnits(Two);
  ASSERT_GE(Units, 7u);
  ASSERT_NE(readFile(Two + "/build/compile_commands.json").find(Two + "/src/order.cpp"),
            std::string::npos);

  ProcessResult Extract = runContractcheck({"extract", "-p", "build", "--cache-dir", Store}, One);
  ASSERT_EQ(Extract.ExitCode, 0) << Extract.Stderr;
  size_t Stored = storedResults(Store);
  EXPECT_EQ(Stored, Units);

  // check analyses nothing: every TU comes from what the first checkout stored.
  ProcessResult Check = runContractcheck(
      {"check", "-p", "build", "--cache-dir", Store, "--format", "json"}, Two);
  ProcessResult Cold =
      runContractcheck({"-p", "build", "--no-cache", "--format", "json"}, Two);
  EXPECT_EQ(Check.ExitCode, 1) << Check.Stderr;
  EXPECT_EQ(Cold.ExitCode, 1) << Cold.Stderr;
  EXPECT_EQ(Check.Stderr.find("not-extracted"), std::string::npos) << Check.Stderr;
  EXPECT_NE(Check.Stderr.find("analysed " + std::to_string(Units) + " of " +
                              std::to_string(Units) + " translation units"),
            std::string::npos)
      << Check.Stderr;
  EXPECT_NE(Check.Stderr.find("(" + std::to_string(Units) + " unchanged, from the result store)"),
            std::string::npos)
      << Check.Stderr;
  // The same report, with this checkout's absolute paths and none of the first one's.
  EXPECT_EQ(Check.Stdout, Cold.Stdout);
  EXPECT_NE(Check.Stdout.find(Two + "/src/"), std::string::npos);
  EXPECT_EQ(Check.Stdout.find(One), std::string::npos);

  // A whole run in the second checkout parses nothing and stores nothing new; its text report
  // says the paths relative to the checkout, as the cold run's does.
  ProcessResult Warm = runContractcheck({"-p", "build", "--cache-dir", Store}, Two);
  ProcessResult ColdText = runContractcheck({"-p", "build", "--no-cache"}, Two);
  EXPECT_EQ(Warm.Stdout, ColdText.Stdout);
  EXPECT_NE(Warm.Stdout.find("\nsrc/router.cpp:"), std::string::npos) << Warm.Stdout;
  EXPECT_NE(Warm.Stderr.find("(" + std::to_string(Units) + " unchanged, from the result store)"),
            std::string::npos)
      << Warm.Stderr;
  EXPECT_EQ(storedResults(Store), Stored);
}

TEST_F(StoreTravelsTest, AnEditInTheSecondCheckoutIsNeverAnsweredByTheFirstOnesEntries) {
  checkout(One);
  checkout(Two);
  ASSERT_EQ(runContractcheck({"extract", "-p", "build", "--cache-dir", Store}, One).ExitCode, 0);

  // The header most TUs include gains the enumerator the switches miss in the second checkout
  // only; the first still has the old one, at the same relative path.
  std::string Header = Two + "/include/trading/order.h";
  std::string Text = readFile(Header);
  size_t At = Text.find("enum class Side { Buy, Sell };");
  ASSERT_NE(At, std::string::npos) << Text;
  Text.replace(At, 30, "enum class Side { Buy, Sell, SellShort };");
  std::ofstream(Header, std::ios::trunc) << Text;

  ProcessResult Check =
      runContractcheck({"check", "-p", "build", "--cache-dir", Store, "--format", "json"}, Two);
  EXPECT_EQ(Check.ExitCode, 3) << Check.Stderr;
  EXPECT_NE(Check.Stderr.find("not-extracted"), std::string::npos) << Check.Stderr;
  ProcessResult Warm =
      runContractcheck({"-p", "build", "--cache-dir", Store, "--format", "json"}, Two);
  ProcessResult Cold = runContractcheck({"-p", "build", "--no-cache", "--format", "json"}, Two);
  EXPECT_EQ(Warm.Stdout, Cold.Stdout);
  EXPECT_EQ(Warm.ExitCode, Cold.ExitCode);
  // The second checkout's results replaced the first's under the same keys: the first is not
  // answered by them either (its order.h is not the one they read), and a run there re-analyses
  // what differs.
  ProcessResult FirstWarm =
      runContractcheck({"-p", "build", "--cache-dir", Store, "--format", "json"}, One);
  ProcessResult FirstCold =
      runContractcheck({"-p", "build", "--no-cache", "--format", "json"}, One);
  EXPECT_EQ(FirstWarm.Stdout, FirstCold.Stdout);
  EXPECT_EQ(FirstWarm.ExitCode, FirstCold.ExitCode);
}

TEST_F(StoreTravelsTest, WithoutGitTheProjectRootIsGiven) {
  checkout(One, /*Git=*/false);
  checkout(Two, /*Git=*/false);
  size_t Units = translationUnits(Two);
  ASSERT_EQ(runContractcheck({"extract", "-p", "build", "--cache-dir", Store, "--project-root", One},
                             One)
                .ExitCode,
            0);
  ProcessResult Check = runContractcheck(
      {"check", "-p", "build", "--cache-dir", Store, "--project-root", ".", "--format", "json"},
      Two);
  ProcessResult Cold =
      runContractcheck({"-p", "build", "--no-cache", "--format", "json"}, Two);
  EXPECT_EQ(Check.Stderr.find("not-extracted"), std::string::npos) << Check.Stderr;
  EXPECT_NE(Check.Stderr.find("(" + std::to_string(Units) + " unchanged, from the result store)"),
            std::string::npos)
      << Check.Stderr;
  EXPECT_EQ(Check.Stdout, Cold.Stdout);
}

// Without a .contractcheck.yaml the defaults govern; their base directory (where relative paths
// are taken from, part of every key) is the project root, not wherever the tool was started.
TEST(StoreTravelsDefaultsTest, WhereTheToolIsStartedChangesNoKeyAndNoFinding) {
  TempDir Project;
  Project.write("include/mode.h", "#pragma once\n" + switchMissingOne("run"));
  Project.write("src/a.cpp", "#include \"mode.h\"\nint a() { return run(runMode::Idle); }\n");
  Project.write("src/b.cpp", "#include \"mode.h\"\nint b() { return run(runMode::Busy); }\n");
  writeCompilationDatabase(Project.path() + "/build",
                           {Project.file("src/a.cpp"), Project.file("src/b.cpp")},
                           {"-std=c++20", "-I" + Project.file("include")});
  ASSERT_EQ(runProcess({"git", "init", "-q"}, Project.path()).ExitCode, 0);
  std::string Store = Project.path() + "/store";
  ProcessResult Extract =
      runContractcheck({"extract", "-p", "build", "--cache-dir", Store}, Project.path());
  ASSERT_EQ(Extract.ExitCode, 0) << Extract.Stderr;
  EXPECT_EQ(storedResults(Store), 2u);

  ProcessResult FromSubdirectory = runContractcheck(
      {"check", "-p", "../build", "--cache-dir", Store, "--format", "json"}, Project.file("src"));
  ProcessResult FromRoot = runContractcheck(
      {"check", "-p", "build", "--cache-dir", Store, "--format", "json"}, Project.path());
  ProcessResult Cold = runContractcheck({"-p", "../build", "--no-cache", "--format", "json"},
                                        Project.file("src"));
  EXPECT_EQ(FromSubdirectory.ExitCode, 1) << FromSubdirectory.Stderr;
  EXPECT_EQ(FromSubdirectory.Stderr.find("not-extracted"), std::string::npos)
      << FromSubdirectory.Stderr;
  EXPECT_NE(FromSubdirectory.Stdout.find("contract-switch-coverage"), std::string::npos);
  EXPECT_EQ(FromSubdirectory.Stdout, FromRoot.Stdout);
  EXPECT_EQ(FromSubdirectory.Stdout, Cold.Stdout);
  // A run from the subdirectory stores under the same keys: nothing new.
  ProcessResult Run = runContractcheck({"-p", "../build", "--cache-dir", Store}, Project.file("src"));
  EXPECT_NE(Run.Stderr.find("(2 unchanged, from the result store)"), std::string::npos) << Run.Stderr;
  EXPECT_EQ(storedResults(Store), 2u);
}

// SARIF and Code Quality paths are resolved by code-scanning services against the repository:
// relative to the project root wherever the tool is started (the text report stays relative to
// the working directory, as a compiler's).
TEST(StoreTravelsDefaultsTest, MachineReadReportsAreRelativeToTheProjectRoot) {
  TempDir Project;
  Project.write("src/a.cpp", switchMissingOne("run"));
  writeCompilationDatabase(Project.path() + "/build", {Project.file("src/a.cpp")}, {"-std=c++20"});
  ASSERT_EQ(runProcess({"git", "init", "-q"}, Project.path()).ExitCode, 0);
  for (const char *Format : {"sarif", "codeclimate"}) {
    ProcessResult FromRoot =
        runContractcheck({"-p", "build", "--no-cache", "--format", Format}, Project.path());
    ProcessResult FromSubdirectory = runContractcheck(
        {"-p", "../build", "--no-cache", "--format", Format}, Project.file("src"));
    EXPECT_EQ(FromRoot.ExitCode, 1) << FromRoot.Stderr;
    EXPECT_NE(FromRoot.Stdout.find("\"src/a.cpp\""), std::string::npos) << FromRoot.Stdout;
    EXPECT_EQ(FromSubdirectory.Stdout, FromRoot.Stdout) << Format;
  }
}

} // namespace
} // namespace contractcheck::test
