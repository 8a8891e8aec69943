// Content hashes for the result store: one snapshot per run, and, for a long-lived process,
// a file hashed again once it changed on disk.
#include "ContentHash.h"
#include "Subprocess.h"

#include <gtest/gtest.h>

#include <cstdio>
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
