// Content hashes for the result store: one snapshot per run, and, for a long-lived process,
// a file hashed again once it changed on disk.
#include "ContentHash.h"
#include "ResultStore.h"
#include "Subprocess.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace contractcheck {
namespace {

TEST(ContentHashTest, ARunHashesEachFileOnce) {
  test::TempDir Dir;
  std::string Path = Dir.write("a.h", "int a;\n");
  FileHashes Run;
  std::optional<std::string> First = Run.of(Path);
  ASSERT_TRUE(First);
  Dir.write("a.h", "int a, b;\n");
  EXPECT_EQ(Run.of(Path), First); // the run's snapshot
}

TEST(ContentHashTest, ALongLivedCacheHashesAChangedFileAgain) {
  test::TempDir Dir;
  std::string Path = Dir.write("a.h", "int a;\n");
  FileHashes Editor(/*Revalidate=*/true);
  std::optional<std::string> First = Editor.of(Path);
  ASSERT_TRUE(First);
  EXPECT_EQ(Editor.of(Path), First);
  Dir.write("a.h", "int a, b;\n");
  EXPECT_EQ(Editor.of(Path), contentHash("int a, b;\n"));
  std::remove(Path.c_str());
  EXPECT_FALSE(Editor.of(Path));
}

// The language server's analyses: each a snapshot, as a run is. Within one, a file and a path
// are asked of the disk once (every other TU's stored result names the same headers); the next
// sees what changed since.
TEST(ContentHashTest, ALongLivedCacheAsksTheDiskOncePerSnapshot) {
  test::TempDir Dir;
  std::string Path = Dir.write("a.h", "int a;\n");
  std::string Later = Dir.path() + "/later.h";
  FileHashes Editor(/*Revalidate=*/true);
  Editor.newSnapshot();
  EXPECT_EQ(Editor.of(Path), contentHash("int a;\n"));
  std::string Missing = Editor.lookup(Later);
  EXPECT_TRUE(Editor.answers(Later, Missing));
  Dir.write("a.h", "int a, b;\n");
  Dir.write("later.h", "int c;\n");
  EXPECT_EQ(Editor.of(Path), contentHash("int a;\n")) << "the disk asked again in one snapshot";
  EXPECT_TRUE(Editor.hasHash(Path, contentHash("int a;\n")));
  EXPECT_EQ(Editor.lookup(Later), Missing);
  EXPECT_TRUE(Editor.answers(Later, Missing));
  EXPECT_EQ(Editor.filesHashed(), 1u);
  Editor.newSnapshot();
  EXPECT_EQ(Editor.of(Path), contentHash("int a, b;\n"));
  EXPECT_FALSE(Editor.answers(Later, Missing));
  EXPECT_NE(Editor.lookup(Later), Missing);
  EXPECT_EQ(Editor.filesHashed(), 2u);
}

// The language server's other TUs' facts: an entry read once is validated at every analysis
// but not read and decoded again while its file is the one read; a changed header makes it a
// miss as before, and an entry replaced in the store (a CLI run's new result) is read again.
TEST(ContentHashTest, KeptFactsAreValidatedEveryTimeAndReadOnce) {
  test::TempDir Dir;
  std::string Header = Dir.write("a.h", "int a;\n");
  std::string Source = Dir.write("a.cpp", "#include \"a.h\"\n");
  ResultStore Store(Dir.path() + "/store", Dir.path());
  auto Save = [&](const std::string &Key) {
    TUOutcome Outcome;
    Outcome.File = Source;
    Outcome.Facts.push_back({"contract-x", "kind", Key, 1, nlohmann::json{{"v", Key}}});
    Outcome.Dependencies = {{Header, contentHash(test::readFile(Header))},
                            {Source, contentHash(test::readFile(Source))}};
    std::sort(Outcome.Dependencies.begin(), Outcome.Dependencies.end());
    ASSERT_EQ(Store.save("k", Dir.path(), Outcome), "");
  };
  Save("first");
  KeptFacts Kept;
  for (int Analysis = 0; Analysis < 3; ++Analysis) {
    FileHashes Editor(/*Revalidate=*/true);
    Editor.newSnapshot();
    std::optional<std::vector<Fact>> Facts = Store.loadFacts("k", Dir.path(), Editor, &Kept);
    ASSERT_TRUE(Facts);
    EXPECT_EQ(Facts->front().Key, "first");
  }
  EXPECT_EQ(Kept.entriesRead(), 1u);
  Dir.write("a.h", "int a, b;\n");
  {
    FileHashes Editor(/*Revalidate=*/true);
    EXPECT_FALSE(Store.loadFacts("k", Dir.path(), Editor, &Kept)) << "a changed header";
  }
  Save("second");
  FileHashes Editor(/*Revalidate=*/true);
  std::optional<std::vector<Fact>> Facts = Store.loadFacts("k", Dir.path(), Editor, &Kept);
  ASSERT_TRUE(Facts);
  EXPECT_EQ(Facts->front().Key, "second");
  EXPECT_EQ(Kept.entriesRead(), 3u);
}

// Hashes kept in the store between runs: a file unchanged since it was hashed is not read again
// by the next run; one rewritten in place with the same size and its modification time set
// back (cp -p, rsync -t) is, as its status-change time moved; so is one replaced (a new inode).
// A settling time of minus a minute keeps the files this test just wrote, which a run would
// leave out for two seconds.
TEST(ContentHashTest, HashesKeptBetweenRunsAreTrustedOnlyWhileAFileIsUntouched) {
  test::TempDir Dir;
  std::string Store = Dir.path() + "/store";
  std::string Path = Dir.write("a.h", "int a;\n");
  std::string Other = Dir.write("b.h", "int b;\n");
  constexpr std::chrono::seconds Settled(-60);
  {
    FileHashes First;
    First.keepBetweenRuns(Store, Settled);
    EXPECT_EQ(First.of(Path), contentHash("int a;\n"));
    EXPECT_EQ(First.of(Other), contentHash("int b;\n"));
    EXPECT_EQ(First.filesHashed(), 2u);
    EXPECT_EQ(First.saveKept(), "");
  }
  {
    FileHashes Second;
    Second.keepBetweenRuns(Store, Settled);
    EXPECT_EQ(Second.of(Path), contentHash("int a;\n"));
    EXPECT_EQ(Second.of(Other), contentHash("int b;\n"));
    EXPECT_EQ(Second.filesHashed(), 0u) << "an untouched file was read again";
  }
  struct stat Before;
  ASSERT_EQ(::stat(Path.c_str(), &Before), 0);
  Dir.write("a.h", "int c;\n"); // in place, the same size
  struct timespec Times[2] = {Before.st_atim, Before.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, Path.c_str(), Times, 0), 0);
  std::string Replaced = Dir.write("b2.h", "int d;\n");
  ASSERT_EQ(::rename(Replaced.c_str(), Other.c_str()), 0);
  ASSERT_EQ(::utimensat(AT_FDCWD, Other.c_str(), Times, 0), 0);
  FileHashes Third;
  Third.keepBetweenRuns(Store, Settled);
  EXPECT_EQ(Third.of(Path), contentHash("int c;\n"));
  EXPECT_EQ(Third.of(Other), contentHash("int d;\n"));
  EXPECT_EQ(Third.filesHashed(), 2u);
}

// A file changed just before it was hashed is not kept: another change in the same clock tick
// could leave its times as they were.
TEST(ContentHashTest, AFileChangedJustBeforeItWasHashedIsNotKept) {
  test::TempDir Dir;
  std::string Store = Dir.path() + "/store";
  std::string Path = Dir.write("a.h", "int a;\n");
  FileHashes First;
  First.keepBetweenRuns(Store, std::chrono::seconds(3600));
  EXPECT_EQ(First.of(Path), contentHash("int a;\n"));
  EXPECT_EQ(First.saveKept(), "");
  FileHashes Second;
  Second.keepBetweenRuns(Store, std::chrono::seconds(3600));
  EXPECT_EQ(Second.of(Path), contentHash("int a;\n"));
  EXPECT_EQ(Second.filesHashed(), 1u);
}

// The kept hashes are written again without the files that were removed or changed since they
// were hashed (they would never match again), and with those a run did not look at that are
// as they were.
TEST(ContentHashTest, KeptHashesLoseTheFilesRemovedOrChangedSince) {
  test::TempDir Dir;
  std::string Store = Dir.path() + "/store";
  std::string Kept = Dir.write("kept.h", "int k;\n");
  std::string Removed = Dir.write("removed.h", "int r;\n");
  std::string Changed = Dir.write("changed.h", "int c;\n");
  constexpr std::chrono::seconds Settled(-60);
  {
    FileHashes First;
    First.keepBetweenRuns(Store, Settled);
    for (const std::string &Path : {Kept, Removed, Changed})
      ASSERT_TRUE(First.of(Path));
    EXPECT_EQ(First.saveKept(), "");
  }
  ASSERT_EQ(std::remove(Removed.c_str()), 0);
  Dir.write("changed.h", "int c, d;\n");
  std::string Added = Dir.write("added.h", "int a;\n");
  {
    FileHashes Second;
    Second.keepBetweenRuns(Store, Settled);
    ASSERT_TRUE(Second.of(Added));
    EXPECT_EQ(Second.saveKept(), "");
  }
  std::ifstream In(Store + "/hashes/files");
  std::vector<std::string> Paths;
  for (std::string Line; std::getline(In, Line);)
    Paths.push_back(Line.substr(Line.rfind(' ') + 1));
  EXPECT_EQ(Paths, (std::vector<std::string>{Added, Kept}));
  FileHashes Third;
  Third.keepBetweenRuns(Store, Settled);
  EXPECT_EQ(Third.of(Kept), contentHash("int k;\n"));
  EXPECT_EQ(Third.filesHashed(), 0u) << "a file kept and untouched was read again";
}

// The streamed hash of a file is the hash of its bytes, a file larger than one read included.
TEST(ContentHashTest, AFileHashesAsItsBytes) {
  test::TempDir Dir;
  std::string Large(200000, 'x');
  for (size_t I = 0; I < Large.size(); I += 97)
    Large[I] = static_cast<char>('a' + I % 26);
  std::string Path = Dir.write("large.h", Large);
  FileHashes Run;
  EXPECT_EQ(Run.of(Path), contentHash(Large));
}

// A file's real path through linked directories, and through a link that is the file itself,
// whichever was asked about first: directories are resolved once, files are not.
TEST(ContentHashTest, RealPathsFollowLinkedDirectoriesAndLinkedFiles) {
  test::TempDir Dir;
  std::string Real = Dir.write("real/inc/a.h", "int a;\n");
  Dir.write("real/inc/b.h", "int b;\n");
  std::string Root = Dir.path();
  ASSERT_EQ(::symlink((Root + "/real/inc").c_str(), (Root + "/linked").c_str()), 0);
  ASSERT_EQ(::symlink((Root + "/real/inc/b.h").c_str(), (Root + "/real/inc/c.h").c_str()), 0);
  RealPaths Paths;
  std::string RealDir = realPathOf(Root + "/real/inc");
  EXPECT_EQ(Paths.of(Root + "/linked/a.h"), RealDir + "/a.h");
  EXPECT_EQ(Paths.of(Root + "/linked/c.h"), RealDir + "/b.h"); // the file is a link
  EXPECT_EQ(Paths.of(Root + "/real/inc/../inc/a.h"), RealDir + "/a.h");
  EXPECT_EQ(Paths.of(Root + "/linked/a.h"), RealDir + "/a.h"); // from the memo
  EXPECT_EQ(Paths.of(Root + "/missing/a.h"), Root + "/missing/a.h");
}

} // namespace
} // namespace contractcheck
