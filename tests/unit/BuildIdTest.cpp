// The running executable's build ID (engine/BuildId.h), which tells contractcheck builds apart
// in the result store, is the one the linker wrote: as readelf reads it from the file.
#include "BuildId.h"
#include "Subprocess.h"

#include <gtest/gtest.h>
#include <llvm/Support/FileSystem.h>

namespace contractcheck::test {
namespace {

TEST(BuildIdTest, IsTheNoteTheLinkerWrote) {
  std::string Self = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  ProcessResult Notes = runProcess({"readelf", "-n", Self});
  if (Notes.ExitCode != 0)
    GTEST_SKIP() << "readelf is not installed (binutils)";
  size_t At = Notes.Stdout.find("Build ID: ");
  ASSERT_NE(At, std::string::npos) << "the test binary has no build ID: " << Notes.Stdout;
  std::string Expected = Notes.Stdout.substr(At + 10);
  Expected = Expected.substr(0, Expected.find_first_of("\r\n "));
  std::optional<std::string> Id = executableBuildId();
  ASSERT_TRUE(Id);
  EXPECT_EQ(*Id, Expected);
  EXPECT_GE(Id->size(), 32u);
}

} // namespace
} // namespace contractcheck::test
