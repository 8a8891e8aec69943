// A result store is shared (a CI cache, a second checkout, a build system's action cache) and so
// may be poisoned: the store never writes through a symbolic link, never writes a file it did not
// create, never reads through a link nor from anything but a regular file; when it cannot be
// written, `extract` fails (exit 2, no stamp) and the failure is said once, not once per TU.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sys/stat.h>

namespace contractcheck::test {
namespace {

namespace fs = std::filesystem;

constexpr int BadInput = 2;

class StoreSafetyTest : public ::testing::Test {
protected:
  void SetUp() override {
    for (const char *Name : {"a", "b", "c"})
      Files.push_back(Project.write(std::string("src/") + Name + ".cpp", switchMissingOne(Name)));
    writeCompilationDatabase(Build(), Files, {"-std=c++20"});
  }
  std::string Build() const { return Project.path() + "/build"; }
  std::string Store() const { return Build() + "/.contractcheck-cache"; }
  ProcessResult run(std::vector<std::string> Args = {}) {
    Args.insert(Args.begin(), {"-p", Build()});
    return runContractcheck(Args, Project.path());
  }
  std::vector<fs::path> entries() const {
    std::vector<fs::path> Found;
    for (const auto &E : fs::recursive_directory_iterator(Store()))
      if (E.path().extension() == ".json")
        Found.push_back(E.path());
    return Found;
  }
  // Every TU's source edited, so every entry is written again.
  void editAll() {
    for (const std::string &File : Files)
      Project.write(fs::relative(File, Project.path()).string(),
                    switchMissingOne(fs::path(File).stem().string()) + "// edited\n");
  }
  TempDir Project, Elsewhere;
  std::vector<std::string> Files;
};

TEST_F(StoreSafetyTest, AnEntryThatIsASymlinkIsReplacedNotWrittenThrough) {
  ASSERT_EQ(run().ExitCode, 1);
  std::string Victim = Elsewhere.write("victim.txt", "precious\n");
  for (const fs::path &Entry : entries()) {
    fs::remove(Entry);
    fs::create_symlink(Victim, Entry);
  }
  editAll();
  ProcessResult R = run();
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_EQ(readFile(Victim), "precious\n");
  for (const fs::path &Entry : entries())
    EXPECT_FALSE(fs::is_symlink(Entry)) << Entry;
}

TEST_F(StoreSafetyTest, AShardDirectoryThatIsASymlinkIsNotWrittenInto) {
  ASSERT_EQ(run().ExitCode, 1);
  std::vector<fs::path> Shards;
  for (const fs::path &Entry : entries())
    Shards.push_back(Entry.parent_path());
  for (const fs::path &Shard : Shards) {
    if (!fs::exists(Shard))
      continue;
    fs::remove_all(Shard);
    fs::create_directory_symlink(Elsewhere.path(), Shard);
  }
  editAll();
  ProcessResult R = run();
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_TRUE(fs::is_empty(Elsewhere.path())) << "the store wrote through a symlinked directory";
}

TEST_F(StoreSafetyTest, AnEntryIsNotReadThroughASymlinkNorFromAFifo) {
  ASSERT_EQ(run().ExitCode, 1);
  std::vector<fs::path> Entries = entries();
  ASSERT_EQ(Entries.size(), 3u);
  // A link to a copy of the very entry: valid content, but not a file the store wrote here.
  std::string Copy = Elsewhere.write("copy.json", readFile(Entries[0].string()));
  fs::remove(Entries[0]);
  fs::create_symlink(Copy, Entries[0]);
  fs::remove(Entries[1]);
  ASSERT_EQ(::mkfifo(Entries[1].c_str(), 0600), 0);
  // The summary of the run's results (engine/StoredRun.h) would serve all three unopened.
  fs::remove_all(fs::path(Entries[0]).parent_path().parent_path() / "runs");
  ProcessResult R = run();
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_NE(R.Stderr.find("(1 unchanged, from the result store)"), std::string::npos) << R.Stderr;
}

TEST_F(StoreSafetyTest, AStoreThatCannotBeWrittenIsSaidOnceAndFailsExtract) {
  // A store under a regular file cannot be created by anyone, root included.
  std::string Blocker = Elsewhere.write("not-a-directory", "");
  std::string Stamp = Elsewhere.file("stamp");
  ProcessResult Extract = runContractcheck({"extract", "-p", Build(), "--cache-dir",
                                            Blocker + "/store", "--stamp", Stamp},
                                           Project.path());
  EXPECT_EQ(Extract.ExitCode, BadInput) << Extract.Stderr;
  EXPECT_FALSE(fs::exists(Stamp));
  EXPECT_EQ(Extract.Stderr.find("extracted 3 of 3"), std::string::npos) << Extract.Stderr;
  size_t First = Extract.Stderr.find(Blocker);
  ASSERT_NE(First, std::string::npos) << Extract.Stderr;
  EXPECT_EQ(Extract.Stderr.find(Blocker, First + 1), std::string::npos)
      << "named more than once:\n" << Extract.Stderr;

  // A report run still reports; the store failure is a warning, said once.
  ProcessResult Run = run({"--cache-dir", Blocker + "/store"});
  EXPECT_EQ(Run.ExitCode, 1) << Run.Stderr;
  First = Run.Stderr.find(Blocker);
  ASSERT_NE(First, std::string::npos) << Run.Stderr;
  EXPECT_EQ(Run.Stderr.find(Blocker, First + 1), std::string::npos) << Run.Stderr;
}

} // namespace
} // namespace contractcheck::test
