// Content hashes for the result store: one snapshot per run, and, for a long-lived process,
// a file hashed again once it changed on disk.
#include "ContentHash.h"
#include "Subprocess.h"

#include <gtest/gtest.h>

#include <cstdio>

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

} // namespace
} // namespace contractcheck
