// The result store does not grow for ever: every key names the exact command, configuration and
// contractcheck build, so what a changed flag or an upgrade left behind is never read again. A
// run that writes to the store removes the entries no run has used for --cache-max-age days
// (results, scans and prefixes alike), keeps every entry it read itself however old, walks the
// store at most once a day, and never follows a link planted in it.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <fcntl.h>
#include <sys/stat.h>

namespace contractcheck::test {
namespace {

namespace fs = std::filesystem;

constexpr int Clean = 0;
constexpr std::chrono::hours Day(24);

// Sets Path's modification time (not following a link) to Age ago.
void makeOld(const fs::path &Path, std::chrono::seconds Age) {
  auto Then = std::chrono::system_clock::now() - Age;
  auto Ns = std::chrono::duration_cast<std::chrono::nanoseconds>(Then.time_since_epoch()).count();
  struct timespec Times[2];
  for (struct timespec &T : Times) {
    T.tv_sec = static_cast<time_t>(Ns / 1000000000);
    T.tv_nsec = static_cast<long>(Ns % 1000000000);
  }
  ASSERT_EQ(::utimensat(AT_FDCWD, Path.c_str(), Times, AT_SYMLINK_NOFOLLOW), 0) << Path;
}

class StoreEvictionTest : public ::testing::Test {
protected:
  void SetUp() override {
    Files = {Project.write("src/a.cpp", "int a() { return 1; }\n"),
             Project.write("src/b.cpp", "int b() { return 2; }\n")};
    writeCompilationDatabase(Build(), Files, {"-std=c++20"});
  }

  std::string Build() const { return Project.path() + "/build"; }
  fs::path Store() const { return Build() + "/.contractcheck-cache"; }
  fs::path Stamp() const { return Store() / ".last-eviction"; }

  ProcessResult run(std::vector<std::string> Args = {}) {
    Args.insert(Args.begin(), {"-p", Build()});
    return runContractcheck(Args, Project.path());
  }

  // The TU results this project's runs stored.
  std::vector<fs::path> results() const {
    std::vector<fs::path> Found;
    for (const auto &E : fs::recursive_directory_iterator(Store()))
      if (E.path().extension() == ".json" && E.path().parent_path().filename().string().size() == 2)
        Found.push_back(E.path());
    return Found;
  }

  // What another command line, configuration or contractcheck build left: entries of every kind
  // no run of this project reads again, each written Age ago.
  std::vector<fs::path> plantLeftovers(std::chrono::seconds Age) {
    std::vector<fs::path> Planted = {
        Store() / "ab" / "ab0123456789abcdef0123456789abcdef.json",
        Store() / "scans" / "cd0123456789abcdef0123456789abcdef.scan",
        Store() / "prefixes" / "0123abcd-4567.prefix",
        Store() / "prefixes" / "0123abcd-4567.pch",
        Store() / "prefixes" / "0123abcd-4567.hpp",
    };
    for (const fs::path &P : Planted) {
      fs::create_directories(P.parent_path());
      std::ofstream(P) << "left behind\n";
      makeOld(P, Age);
    }
    return Planted;
  }

  TempDir Project;
  std::vector<std::string> Files;
};

TEST_F(StoreEvictionTest, EntriesNoRunUsedForAWeekGoAndWhatTheRunReadStays) {
  ASSERT_EQ(run().ExitCode, Clean);
  std::vector<fs::path> Results = results();
  ASSERT_EQ(Results.size(), 2u);
  // Back after a fortnight away: this project's own entries are as old as the leftovers, but
  // the run reads them, and only what it did not read goes.
  for (const fs::path &R : Results)
    makeOld(R, 14 * Day);
  // So is the summary of their results (engine/StoredRun.h), which serves the warm run without
  // reading them: they are marked used with it.
  for (const auto &E : fs::directory_iterator(Store() / "runs"))
    makeOld(E.path(), 14 * Day);
  std::vector<fs::path> Leftovers = plantLeftovers(14 * Day);
  makeOld(Stamp(), 2 * Day);

  ProcessResult Warm = run();
  ASSERT_EQ(Warm.ExitCode, Clean) << Warm.Stderr;
  EXPECT_NE(Warm.Stderr.find("(2 unchanged, from the result store)"), std::string::npos)
      << Warm.Stderr;
  for (const fs::path &R : Results)
    EXPECT_TRUE(fs::exists(R)) << R;
  for (const fs::path &L : Leftovers)
    EXPECT_FALSE(fs::exists(L)) << L;
  // Read, so marked used: a run a week from now keeps them too.
  for (const fs::path &R : Results)
    EXPECT_GT(fs::last_write_time(R), fs::file_time_type::clock::now() - Day) << R;
}

TEST_F(StoreEvictionTest, EntriesUsedWithinTheWeekStay) {
  ASSERT_EQ(run().ExitCode, Clean);
  std::vector<fs::path> Leftovers = plantLeftovers(6 * Day);
  makeOld(Stamp(), 2 * Day);
  ASSERT_EQ(run().ExitCode, Clean);
  for (const fs::path &L : Leftovers)
    EXPECT_TRUE(fs::exists(L)) << L;
}

TEST_F(StoreEvictionTest, TheStoreIsWalkedAtMostOnceADay) {
  ASSERT_EQ(run().ExitCode, Clean);
  ASSERT_TRUE(fs::is_regular_file(Stamp()));
  std::vector<fs::path> Leftovers = plantLeftovers(14 * Day);
  ASSERT_EQ(run().ExitCode, Clean); // the first run walked it minutes ago
  for (const fs::path &L : Leftovers)
    EXPECT_TRUE(fs::exists(L)) << L;
  makeOld(Stamp(), 25 * std::chrono::hours(1));
  ASSERT_EQ(run().ExitCode, Clean);
  for (const fs::path &L : Leftovers)
    EXPECT_FALSE(fs::exists(L)) << L;
}

TEST_F(StoreEvictionTest, AMaximumAgeOfZeroKeepsEverything) {
  ASSERT_EQ(run({"--cache-max-age", "0"}).ExitCode, Clean);
  std::vector<fs::path> Leftovers = plantLeftovers(400 * Day);
  ASSERT_EQ(run({"--cache-max-age", "0"}).ExitCode, Clean);
  for (const fs::path &L : Leftovers)
    EXPECT_TRUE(fs::exists(L)) << L;
  EXPECT_FALSE(fs::exists(Stamp()));
}

TEST_F(StoreEvictionTest, AShorterMaximumAgeIsObeyed) {
  ASSERT_EQ(run().ExitCode, Clean);
  std::vector<fs::path> Leftovers = plantLeftovers(3 * Day);
  makeOld(Stamp(), 2 * Day);
  ASSERT_EQ(run({"--cache-max-age", "2"}).ExitCode, Clean);
  for (const fs::path &L : Leftovers)
    EXPECT_FALSE(fs::exists(L)) << L;
  EXPECT_EQ(results().size(), 2u);
}

TEST_F(StoreEvictionTest, ALinkPlantedInTheStoreIsNeitherFollowedNorItsTargetRemoved) {
  ASSERT_EQ(run().ExitCode, Clean);
  std::string Precious = Project.write("precious.json", "the user's own file\n");
  makeOld(Precious, 30 * Day);
  fs::create_directories(Store() / "ef");
  fs::create_symlink(Precious, Store() / "ef" / "ef0123456789abcdef0123456789abcdef.json");
  makeOld(Store() / "ef" / "ef0123456789abcdef0123456789abcdef.json", 30 * Day);
  // A shard that is itself a link to a directory of the user's.
  std::string Elsewhere =
      Project.write("elsewhere/aa0123456789abcdef0123456789abcdef.json", "also the user's\n");
  makeOld(Elsewhere, 30 * Day);
  fs::create_directory_symlink(Project.path() + "/elsewhere", Store() / "aa");
  makeOld(Stamp(), 2 * Day);
  ASSERT_EQ(run().ExitCode, Clean);
  EXPECT_EQ(readFile(Precious), "the user's own file\n");
  EXPECT_EQ(readFile(Elsewhere), "also the user's\n");
}

TEST_F(StoreEvictionTest, ExtractEvictsToo) {
  ASSERT_EQ(runContractcheck({"extract", "-p", Build(), Files[0]}, Project.path()).ExitCode, Clean);
  std::vector<fs::path> Leftovers = plantLeftovers(14 * Day);
  makeOld(Stamp(), 2 * Day);
  ProcessResult R = runContractcheck({"extract", "-p", Build(), Files[0]}, Project.path());
  ASSERT_EQ(R.ExitCode, Clean) << R.Stderr;
  for (const fs::path &L : Leftovers)
    EXPECT_FALSE(fs::exists(L)) << L;
}

} // namespace
} // namespace contractcheck::test
