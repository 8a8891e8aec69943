// What a compilation database says of where the project's sources are.
#include "CompilationDatabase.h"

#include "Subprocess.h"

#include <gtest/gtest.h>

namespace contractcheck {
namespace {

// project/{src,lib,build} without git: the project is the directory holding the database and
// every source it compiles, found once, as the database is read (AnalysisRun asks it of a file
// given on the command line that nothing reads).
TEST(CompilationDatabaseTest, TheSourcesDirectoryHoldsTheDatabaseAndEverySource) {
  test::TempDir Project;
  std::string A = Project.write("src/a.cpp", "int a();\n");
  std::string B = Project.write("lib/deep/b.cpp", "int b();\n");
  test::writeCompilationDatabase(Project.file("build"), {A, B}, {"-std=c++20"});
  EXPECT_EQ(CompilationDatabase::load(Project.file("build")).sourcesDirectory(), Project.path());

  std::string Generated = Project.write("build/gen/c.cpp", "int c();\n");
  test::writeCompilationDatabase(Project.file("build"), {Generated}, {"-std=c++20"});
  EXPECT_EQ(CompilationDatabase::load(Project.file("build")).sourcesDirectory(),
            Project.file("build"));
}

} // namespace
} // namespace contractcheck
