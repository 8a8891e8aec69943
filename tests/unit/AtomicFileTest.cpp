#include "AtomicFile.h"
#include "Subprocess.h"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <sys/resource.h>

namespace contractcheck {
namespace {

using test::readFile;
using test::TempDir;

std::vector<std::string> filesIn(const std::string &Dir) {
  std::vector<std::string> Names;
  for (const auto &Entry : std::filesystem::directory_iterator(Dir))
    Names.push_back(Entry.path().filename().string());
  std::sort(Names.begin(), Names.end());
  return Names;
}

// Writes beyond Bytes fail with EFBIG while this object lives, as on a full disk.
class FileSizeLimit {
public:
  explicit FileSizeLimit(rlim_t Bytes) {
    getrlimit(RLIMIT_FSIZE, &Saved);
    PreviousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit Limit{Bytes, Saved.rlim_max};
    setrlimit(RLIMIT_FSIZE, &Limit);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &Saved);
    std::signal(SIGXFSZ, PreviousHandler);
  }

private:
  rlimit Saved;
  void (*PreviousHandler)(int);
};

TEST(AtomicFileTest, CreatesAndReplaces) {
  TempDir Dir;
  EXPECT_EQ(writeFileAtomically(Dir.file("r.txt"), "first"), "");
  EXPECT_EQ(readFile(Dir.file("r.txt")), "first");
  EXPECT_EQ(writeFileAtomically(Dir.file("r.txt"), "second"), "");
  EXPECT_EQ(readFile(Dir.file("r.txt")), "second");
  EXPECT_EQ(filesIn(Dir.path()), std::vector<std::string>{"r.txt"});
}

TEST(AtomicFileTest, AFailedWriteLeavesTheTargetAndNoTemporaryFile) {
  TempDir Dir;
  std::string Target = Dir.write("r.txt", "precious");
  std::string Error;
  {
    FileSizeLimit Limit(1024);
    Error = writeFileAtomically(Target, std::string(4096, 'x'));
  }
  EXPECT_EQ(Error, "cannot write: File too large");
  EXPECT_EQ(readFile(Target), "precious");
  EXPECT_EQ(filesIn(Dir.path()), std::vector<std::string>{"r.txt"});
}

TEST(AtomicFileTest, KeepsTheModeOfTheFileItReplaces) {
  TempDir Dir;
  std::string Target = Dir.write("run.sh", "#!/bin/sh\n");
  std::filesystem::permissions(Target, std::filesystem::perms(0750));
  EXPECT_EQ(writeFileAtomically(Target, "#!/bin/sh\nexit 0\n"), "");
  EXPECT_EQ(std::filesystem::status(Target).permissions(), std::filesystem::perms(0750));
}

TEST(AtomicFileTest, ReplacesWhatASymlinkPointsToAndKeepsTheLink) {
  TempDir Dir;
  std::string Real = Dir.write("real.txt", "old");
  std::filesystem::create_symlink(Real, Dir.file("link.txt"));
  EXPECT_EQ(writeFileAtomically(Dir.file("link.txt"), "new"), "");
  EXPECT_TRUE(std::filesystem::is_symlink(Dir.file("link.txt")));
  EXPECT_EQ(readFile(Real), "new");
}

TEST(AtomicFileTest, ADirectoryOrAMissingDirectoryIsAnError) {
  TempDir Dir;
  EXPECT_EQ(writeFileAtomically(Dir.path(), "x"), "is a directory");
  std::string Error = writeFileAtomically(Dir.file("no/such/dir/r.txt"), "x");
  EXPECT_EQ(Error.rfind("cannot create a temporary file in '" + Dir.file("no/such/dir") + "'", 0),
            0u)
      << Error;
}

TEST(AtomicFileTest, DevicesAreWrittenDirectlyWithTheirErrors) {
  EXPECT_EQ(writeFileAtomically("/dev/null", "x"), "");
  EXPECT_EQ(writeFileAtomically("/dev/full", "x"), "cannot write: No space left on device");
}

} // namespace
} // namespace contractcheck
