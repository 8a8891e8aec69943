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

// Text inputs are UTF-8: a leading byte order mark is dropped (JSON and YAML both allow one),
// UTF-16 and UTF-32 are named as such at 1:1, and a mark starting a later line (two files joined)
// is positioned there.
ReadProblem encodingProblemOf(const std::string &Bytes, InputKind Kind) {
  test::TempDir Dir;
  std::string Path = Dir.write("input", Bytes);
  ReadProblem Problem;
  EXPECT_FALSE(readInputFile(Path, Kind, Problem)) << Bytes;
  return Problem;
}

TEST(InputFileTest, ALeadingUtf8ByteOrderMarkIsDropped) {
  test::TempDir Dir;
  for (InputKind Kind : {InputKind::Configuration, InputKind::CompilationDatabase,
                         InputKind::Baseline, InputKind::DataFile}) {
    std::string Path = Dir.write("bom", "\xEF\xBB\xBF{\"a\": 1}\n");
    ReadProblem Problem;
    EXPECT_EQ(readInputFile(Path, Kind, Problem), "{\"a\": 1}\n") << Problem.Message;
  }
  // A source is Clang's to read as it reads it.
  std::string Error;
  EXPECT_EQ(readInputFile(Dir.write("a.cpp", "\xEF\xBB\xBFint x;\n"), InputKind::Source, Error),
            "\xEF\xBB\xBFint x;\n");
}

TEST(InputFileTest, Utf16AndUtf32AreNamed) {
  using namespace std::string_literals;
  struct Case {
    std::string Bytes, Message;
  } Cases[] = {
      {"\xFF\xFEv\0e\0r\0"s, "is UTF-16 (it begins with the byte order mark FF FE); a configuration "
                            "file must be UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)"},
      {"\xFE\xFF\0v\0e"s, "is UTF-16 (it begins with the byte order mark FE FF); a configuration "
                          "file must be UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)"},
      {"v\0e\0r\0"s, "is UTF-16 (little-endian: a NUL byte after each ASCII character); a "
                     "configuration file must be UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)"},
      {"\0v\0e\0r"s, "is UTF-16 (big-endian: a NUL byte before each ASCII character); a "
                     "configuration file must be UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)"},
      {"\xFF\xFE\0\0v\0\0\0"s, "is UTF-32 (it begins with the byte order mark FF FE 00 00); a "
                                 "configuration file must be UTF-8 (convert it, e.g. iconv -f "
                                 "UTF-32 -t UTF-8)"},
  };
  for (const Case &C : Cases) {
    ReadProblem Problem = encodingProblemOf(C.Bytes, InputKind::Configuration);
    EXPECT_EQ(Problem.Message, C.Message);
    EXPECT_EQ(Problem.Line, 1u);
    EXPECT_EQ(Problem.Column, 1u);
  }
}

TEST(InputFileTest, AByteOrderMarkStartingALaterLineIsPositioned) {
  ReadProblem Problem =
      encodingProblemOf("version: 1\n\xEF\xBB\xBFversion: 1\n", InputKind::Configuration);
  EXPECT_EQ(Problem.Message, "a byte order mark (EF BB BF) begins this line; only the start of a "
                             "file may have one (were two files joined?)");
  EXPECT_EQ(Problem.Line, 2u);
  EXPECT_EQ(Problem.Column, 1u);
}

} // namespace
} // namespace contractcheck
