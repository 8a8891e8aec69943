// A TU sharing a precompiled prefix with one that needed the library's template bodies is
// parsed once, with the prefix that keeps them, and the end of the TU decides whether the
// instantiations the project's types reach are made (BodySkipPolicy's Decide mode, Analyzer.cpp):
// no parse is stopped and thrown away, and what each TU finds is what it finds with no prefix
// at all (two parses where it needs them). Real Clang, with the system's gMock headers.
#include "Analyzer.h"
#include "Config.h"
#include "Subprocess.h"

#include <gtest/gtest.h>

namespace contractcheck {
namespace {

using test::TempDir;

// A mock with a drift (cuont), then (Use) what the TU does with its types.
std::string source(const std::string &Use) {
  return R"(#include <gmock/gmock.h>
#include <algorithm>
#include <vector>
namespace app {
struct Counter {
  virtual ~Counter() = default;
  virtual int count() const = 0;
};
struct MockCounter : Counter {
  MOCK_METHOD(int, cuont, (), (const));
};
struct Order { int Id; };
inline bool operator<(const Order &A, const Order &B) { return A.Id < B.Id; }
)" + Use + R"(struct After {};
template <class T> T twice(T Value) { return Value + Value; }
} // namespace app
)";
}

// std::sort's body is given the mock, whose namespace has a function template: a rule may need
// what that body instantiates.
const std::string SortsMocks =
    "inline void order(std::vector<MockCounter *> &M) { std::sort(M.begin(), M.end()); }\n";
const std::string SortsOrders =
    "inline void order(std::vector<Order> &O) { std::sort(O.begin(), O.end()); }\n";

class DecideAtEndTest : public ::testing::Test {
protected:
  DecideAtEndTest() {
    // The first TU is the costliest (parsed first): it finds out that the prefix's TUs need
    // template bodies, as the first of gMock's tests does.
    std::string Padding;
    for (int I = 0; I < 400; ++I)
      Padding += "inline int pad" + std::to_string(I) + "() { return " + std::to_string(I) +
                 "; }\n";
    Files = {Dir.write("first.cpp", source(SortsMocks + Padding)),
             Dir.write("second.cpp", source(SortsMocks)),
             Dir.write("third.cpp", source(SortsOrders))};
    for (const std::string &File : Files)
      Commands.push_back({Dir.path(), File, {"clang++", "-std=c++17", "-c", File}});
  }

  std::vector<TUOutcome> analyze(PrecompileMode Mode) {
    std::vector<AnalysisJob> Jobs;
    for (const CompileCommand &Command : Commands)
      Jobs.push_back({&Command, &Cfg});
    AnalysisSettings Settings;
    Settings.Precompile = Mode;
    return analyzeAll(Jobs, Settings, 1);
  }

  static std::vector<std::string> messages(const TUOutcome &Out) {
    std::vector<std::string> Messages;
    for (const Finding &F : Out.Findings)
      Messages.push_back(std::to_string(F.Position.Line) + ": " + F.Message);
    return Messages;
  }

  TempDir Dir;
  Config Cfg = Config::defaults();
  std::vector<std::string> Files;
  std::vector<CompileCommand> Commands;
};

TEST_F(DecideAtEndTest, TUsAfterTheFirstThatNeededTemplateBodiesAreParsedOnce) {
  std::vector<TUOutcome> Shared = analyze(PrecompileMode::Auto);
  ASSERT_EQ(Shared.size(), 3u);
  for (const TUOutcome &Out : Shared)
    ASSERT_EQ(Out.State, TUOutcome::Status::Analyzed) << ::testing::PrintToString(Out.Errors);
  // The first finds out in a parse that skips template bodies, stopped at the mock's class.
  EXPECT_TRUE(Shared[0].FirstParseStoppedAt.has_value());
  EXPECT_TRUE(Shared[0].KeptTemplateBodies);
  // The second needs them too, and gets them in its one parse.
  EXPECT_FALSE(Shared[1].FirstParseStoppedAt.has_value());
  EXPECT_TRUE(Shared[1].KeptTemplateBodies);
  // The third gives the library only Order: one parse, the instantiations left unmade.
  EXPECT_FALSE(Shared[2].FirstParseStoppedAt.has_value());
  EXPECT_FALSE(Shared[2].KeptTemplateBodies);

  // Each finds what it finds with its system headers parsed, in two parses where it needs them.
  std::vector<TUOutcome> Alone = analyze(PrecompileMode::Never);
  ASSERT_EQ(Alone.size(), 3u);
  EXPECT_TRUE(Alone[1].FirstParseStoppedAt.has_value());
  for (size_t I = 0; I < Shared.size(); ++I) {
    EXPECT_EQ(messages(Shared[I]).size(), 1u) << ::testing::PrintToString(messages(Shared[I]));
    EXPECT_EQ(messages(Shared[I]), messages(Alone[I])) << Files[I];
  }
}

} // namespace
} // namespace contractcheck
