// StoreRoots: how a stored result's paths are written relative to the compile directory and the
// project root, and read back in another checkout. Real directories (the roots' real paths are
// looked up), no file is read.
#include "StoreRoots.h"
#include "Subprocess.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace contractcheck {
namespace {

using Spelling = StoreRoots::Spelling;

TEST(StoreRootsTest, PathsUnderARootAreRelativeToTheDeepestOne) {
  StoreRoots Roots("/src/build", "/src");
  EXPECT_EQ(Roots.relative("/src/lib/a.cpp"), "${project}/lib/a.cpp");
  EXPECT_EQ(Roots.relative("/src/build/gen.h"), "${directory}/gen.h");
  EXPECT_EQ(Roots.relative("/src"), "${project}");
  // A root is matched where a path starts, once: not inside another path, nor as a prefix of a
  // longer name.
  EXPECT_EQ(Roots.relative("/src/lib/src/a.cpp"), "${project}/lib/src/a.cpp");
  EXPECT_EQ(Roots.relative("/usr/src/x.h"), "/usr/src/x.h");
  EXPECT_EQ(Roots.relative("/srcs/x.h"), "/srcs/x.h");
  // Joined options, option values, fact keys and messages.
  EXPECT_EQ(Roots.relative("-I/src/include"), "-I${project}/include");
  EXPECT_EQ(Roots.relative("-isystem/src/third_party"), "-isystem${project}/third_party");
  EXPECT_EQ(Roots.relative("-fdebug-prefix-map=/src=."), "-fdebug-prefix-map=${project}=.");
  EXPECT_EQ(Roots.relative("event\x1f/src/a.cpp"), "event\x1f${project}/a.cpp");
  EXPECT_EQ(Roots.relative("no file under '/src/api'"), "no file under '${project}/api'");
  EXPECT_EQ(Roots.relative("file /src/x.h", Spelling::Real), "file ${project}/x.h");
}

TEST(StoreRootsTest, EveryTextComesBackAndNoTwoTextsMeetInOne) {
  StoreRoots Roots("/src/build", "/src");
  for (const char *Text : {"/src/lib/a.cpp", "${project}/lib/a.cpp", "$$", "a $ b", "$",
                           "-DX=$(/src)", "/src/build/../x", "cost: $5 in /src/a"}) {
    std::string Relative = Roots.relative(Text);
    EXPECT_EQ(Roots.absolute(Relative), Text) << Relative;
  }
  EXPECT_NE(Roots.relative("${project}/a"), Roots.relative("/src/a"));
  // Another checkout reads them with its own roots.
  StoreRoots Other("/work/b2", "/work/checkout");
  EXPECT_EQ(Other.absolute(Roots.relative("-I/src/include")), "-I/work/checkout/include");
  EXPECT_EQ(Other.absolute(Roots.relative("/src/build/gen.h")), "/work/b2/gen.h");
  EXPECT_EQ(Other.absolute(Roots.relative("/usr/include/stdio.h")), "/usr/include/stdio.h");
}

TEST(StoreRootsTest, NoRootNoRelativePath) {
  StoreRoots Roots("", "/");
  EXPECT_EQ(Roots.relative("/src/a.cpp"), "/src/a.cpp");
  // What another checkout took relative to a root this one lacks names nothing here.
  EXPECT_EQ(Roots.absolute("${project}/a.cpp"), "${project}/a.cpp");
}

TEST(StoreRootsTest, RealPathsAreRelativeToTheRootsRealPaths) {
  test::TempDir Dir;
  std::filesystem::create_directories(Dir.file("real/checkout"));
  std::filesystem::create_directory_symlink(Dir.file("real/checkout"), Dir.file("link"));
  StoreRoots Roots(Dir.file("link/build"), Dir.file("link"));
  EXPECT_EQ(Roots.relative(Dir.file("link/a.h")), "${project}/a.h");
  EXPECT_EQ(Roots.relative(Dir.file("real/checkout/a.h"), Spelling::Real), "${project}/a.h");
  EXPECT_EQ(Roots.absolute("${project}/a.h", Spelling::Real), Dir.file("real/checkout/a.h"));
  EXPECT_EQ(Roots.absolute("${project}/a.h"), Dir.file("link/a.h"));
}

TEST(StoreRootsTest, TheProjectRootIsTheGitWorkTreeAboveTheDatabase) {
  test::TempDir Dir;
  std::filesystem::create_directories(Dir.file("repo/out/debug"));
  EXPECT_EQ(projectRootOf(Dir.file("repo/out/debug")), Dir.file("repo/out/debug"));
  // A worktree or a submodule has a .git file, not a directory.
  Dir.write("repo/.git", "gitdir: /elsewhere\n");
  EXPECT_EQ(projectRootOf(Dir.file("repo/out/debug")), Dir.file("repo"));
}

} // namespace
} // namespace contractcheck
