// The shared reader of every input: a FIFO is refused at once instead of blocking, a device
// instead of being read until memory runs out, a file past its kind's limit before it is read.
#include "InputFile.h"
#include "Subprocess.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace contractcheck {
namespace {

std::string problemReading(const std::string &Path, InputKind Kind) {
  std::string Error;
  auto Start = std::chrono::steady_clock::now();
  std::optional<std::string> Text = readInputFile(Path, Kind, Error);
  EXPECT_LT(std::chrono::steady_clock::now() - Start, std::chrono::seconds(5)) << Path;
  EXPECT_FALSE(Text) << Path;
  EXPECT_EQ(inputFileProblem(Path, Kind).value_or(""), Error.rfind("grew", 0) == 0 ? "" : Error);
  return Error;
}

TEST(InputFileTest, AFifoIsRefusedWithoutWaitingForAWriter) {
  test::TempDir Dir;
  std::string Fifo = Dir.file("fifo");
  ASSERT_EQ(::mkfifo(Fifo.c_str(), 0600), 0);
  EXPECT_EQ(problemReading(Fifo, InputKind::Configuration),
            "is a FIFO, not a configuration file (contractcheck reads regular files only)");
  // Through a symbolic link too: what is read is what the link leads to.
  std::filesystem::create_symlink(Fifo, Dir.file("link.yaml"));
  EXPECT_EQ(problemReading(Dir.file("link.yaml"), InputKind::DataFile),
            "is a FIFO, not a data file (contractcheck reads regular files only)");
}

TEST(InputFileTest, ADeviceOrADirectoryIsRefusedUnread) {
  EXPECT_EQ(problemReading("/dev/zero", InputKind::Baseline),
            "is a character device, not a baseline file (contractcheck reads regular files only)");
  EXPECT_EQ(problemReading("/dev/null", InputKind::CompilationDatabase),
            "is a character device, not a compilation database (contractcheck reads regular "
            "files only)");
  test::TempDir Dir;
  EXPECT_EQ(problemReading(Dir.path(), InputKind::StoreEntry),
            "is a directory, not a result store entry");
}

TEST(InputFileTest, AFileLargerThanItsKindsLimitIsRefusedUnread) {
  test::TempDir Dir;
  std::string Big = Dir.write("big.yaml", "");
  // Sparse: no 17 MiB are written.
  ASSERT_EQ(::truncate(Big.c_str(), 17 << 20), 0);
  EXPECT_EQ(problemReading(Big, InputKind::Configuration),
            "is 17 MiB; a configuration file is at most 16 MiB");
  std::string Error;
  EXPECT_TRUE(readInputFile(Big, InputKind::DataFile, Error)) << Error;
}

TEST(InputFileTest, ARegularFileIsReadWhole) {
  test::TempDir Dir;
  std::string Text(200000, 'x');
  Text += std::string("\0y", 2);
  std::string Path = Dir.write("a.json", Text);
  std::string Error;
  EXPECT_EQ(readInputFile(Path, InputKind::DataFile, Error), Text) << Error;
  EXPECT_FALSE(inputFileProblem(Path, InputKind::DataFile));
  EXPECT_FALSE(readInputFile(Dir.file("missing"), InputKind::DataFile, Error));
  EXPECT_EQ(Error, "cannot read the data file: No such file or directory");
}

} // namespace
} // namespace contractcheck
