// Data files for global rules: each read once and each parsed form kept once built, shared across
// threads; a malformed file's problem is kept and given to every rule that asks.
#include "DataFiles.h"
#include "Subprocess.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace contractcheck {
namespace {

struct Lines {
  std::vector<std::string> Items;
};

TEST(DataFilesTest, EachFileIsReadAndParsedOncePerForm) {
  test::TempDir Dir;
  std::string Path = Dir.write("states.txt", "Open\nClosed\n");
  DataFiles Data;
  std::atomic<int> Parses{0};
  auto Parse = [&](const DataFileText &File) -> std::shared_ptr<const void> {
    ++Parses;
    auto Parsed = std::make_shared<Lines>();
    size_t Start = 0;
    for (size_t End; (End = File.Text.find('\n', Start)) != std::string::npos; Start = End + 1)
      Parsed->Items.push_back(File.Text.substr(Start, End - Start));
    return Parsed;
  };
  // Two threads asking first may both parse (DataFiles.cpp says why); one result wins.
  std::vector<std::thread> Threads;
  std::vector<std::shared_ptr<const void>> Results(4);
  for (int I = 0; I < 4; ++I)
    Threads.emplace_back([&, I] { Results[I] = Data.parsed(Path, typeid(Lines), Parse); });
  for (std::thread &T : Threads)
    T.join();
  for (const auto &R : Results)
    EXPECT_EQ(R, Results[0]);
  // Once a result is kept, nobody parses again, from any thread.
  int Before = Parses.load();
  Threads.clear();
  for (int I = 0; I < 4; ++I)
    Threads.emplace_back([&] { EXPECT_EQ(Data.parsed(Path, typeid(Lines), Parse), Results[0]); });
  for (std::thread &T : Threads)
    T.join();
  EXPECT_EQ(Parses.load(), Before);
  EXPECT_GE(Before, 1);
  EXPECT_EQ(static_cast<const Lines *>(Results[0].get())->Items,
            (std::vector<std::string>{"Open", "Closed"}));
  EXPECT_EQ(Data.readPaths(), std::set<std::string>{Path});

  // Asked one after another, a form is parsed exactly once.
  DataFiles Sequential;
  Parses = 0;
  for (int I = 0; I < 4; ++I)
    Sequential.parsed(Path, typeid(Lines), Parse);
  EXPECT_EQ(Parses.load(), 1);
}

TEST(DataFilesTest, AMissingFileSaysSoAndAProblemIsKept) {
  test::TempDir Dir;
  DataFiles Data;
  const DataFileText &Missing = Data.read(Dir.file("nope.yaml"));
  EXPECT_TRUE(Missing.Text.empty());
  EXPECT_NE(Missing.Error.find("cannot read"), std::string::npos) << Missing.Error;
  std::string Path = Dir.write("bad.yaml", "[");
  int Parses = 0;
  auto Parse = [&](const DataFileText &File) -> std::shared_ptr<const void> {
    ++Parses;
    throw InputProblem{{File.Path, 1, 2, 0}, "unterminated list"};
  };
  for (int I = 0; I < 2; ++I) {
    try {
      Data.parsed(Path, typeid(Lines), Parse);
      ADD_FAILURE() << "no problem reported";
    } catch (const InputProblem &P) {
      EXPECT_EQ(P.Where.Line, 1u);
      EXPECT_EQ(P.Message, "unterminated list");
    }
  }
  EXPECT_EQ(Parses, 1);
}

} // namespace
} // namespace contractcheck
