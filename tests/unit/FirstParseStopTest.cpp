// The parse that skips the library's template bodies is stopped as soon as the TU may need them,
// and the analysis starts again keeping them (TranslationUnitAnalyzer.cpp, ParseStop.h): it
// stops where it may, not at the end of the TU; it stops nothing that could not need them; what
// is found is what a parse keeping template bodies from the start finds; and a compiler error is
// reported as before, wherever it is. The first parse is one with the prefix that skips
// template bodies loaded; a TU that parses its system headers itself (no prefix: a single-file
// run, --shared-headers=never, a TU alone with its settings) parses once, keeping them, and the
// end of the TU decides (BodySkipPolicy's Decide mode), as does a TU sharing a precompiled prefix
// with one that needed them. Real Clang, with the system's gMock headers.
#include "Analyzer.h"
#include "Config.h"
#include "MockSources.h"
#include "ParseCount.h"
#include "Subprocess.h"
#include "TranslationUnitAnalyzer.h"
#include "rules/utils/ProjectCode.h"

#include <gtest/gtest.h>

#include <set>

namespace contractcheck {
namespace {

using test::mockQueueSource;
using test::TempDir;

// A mock, then (Use) what the TU does with it; Rest follows.
std::string source(const std::string &Use, const std::string &Rest) {
  return mockQueueSource() + R"(struct Order { int Id; };
inline bool operator<(const Order &A, const Order &B) { return A.Id < B.Id; }
)" + Use +
         R"(struct After {};
struct Counter {
  virtual ~Counter() = default;
  virtual int count() const = 0;
};
struct MockCounter : Counter {
  MOCK_METHOD(int, cuont, (), (const));
};
)" + Rest +
         "} // namespace app\n";
}
// source()'s line of `struct After` when Use is one line.
constexpr unsigned AfterLine = 15;

const std::string SortsMocks =
    "inline void order(std::vector<MockQueue *> &Q) { std::sort(Q.begin(), Q.end()); }\n";
const std::string SortsOrders =
    "inline void order(std::vector<Order> &O) { std::sort(O.begin(), O.end()); }\n";
// Makes every class of the namespace reach a template of the project's: what a library body
// given a mock could instantiate (argument-dependent lookup), known only once it is declared.
const std::string FunctionTemplate = "template <class T> T twice(T Value) { return Value + Value; }\n";

class FirstParseStopTest : public ::testing::Test {
protected:
  TUOutcome analyze(const std::string &Text, ParseStart Start = {}) {
    CompileCommand Command{Dir.path(),
                           Dir.write("mocks.cpp", Text),
                           {"clang++", "-std=c++17", "-c", Dir.path() + "/mocks.cpp"}};
    return analyzeTranslationUnit(Command, Cfg, {}, Start);
  }

  // The TU with its system headers precompiled (--shared-headers=always): its first parse loads
  // the prefix that skips template bodies, and is stopped where the TU may need them.
  TUOutcome analyzeWithPrefix(const std::string &Text) {
    std::vector<CompileCommand> Commands{{Dir.path(),
                                          Dir.write("mocks.cpp", Text),
                                          {"clang++", "-std=c++17", "-c", Dir.path() + "/mocks.cpp"}}};
    return analyzeAll(Commands, PrecompileMode::Always).at(0);
  }

  static std::vector<std::string> messages(const TUOutcome &Out) {
    std::vector<std::string> Messages;
    for (const Finding &F : Out.Findings)
      Messages.push_back(std::to_string(F.Position.Line) + ": " + F.Message);
    return Messages;
  }

  // Three TUs sharing a prefix: the first, the costliest (so parsed first), and the second hand
  // the library a mock and need template bodies; the third gives it only Order.
  std::vector<CompileCommand> sharingAPrefix() {
    std::string Padding;
    for (int I = 0; I < 400; ++I)
      Padding +=
          "inline int pad" + std::to_string(I) + "() { return " + std::to_string(I) + "; }\n";
    std::vector<CompileCommand> Commands;
    for (const auto &[Name, Use] : {std::pair{"first.cpp", SortsMocks + Padding},
                                    std::pair{"second.cpp", SortsMocks},
                                    std::pair{"third.cpp", SortsOrders}}) {
      std::string File = Dir.write(Name, source(Use, FunctionTemplate));
      Commands.push_back({Dir.path(), File, {"clang++", "-std=c++17", "-c", File}});
    }
    return Commands;
  }

  std::vector<TUOutcome> analyzeAll(const std::vector<CompileCommand> &Commands,
                                    PrecompileMode Mode, const StoreUse &Store = {}) {
    std::vector<AnalysisJob> Jobs;
    for (const CompileCommand &Command : Commands)
      Jobs.push_back({&Command, &Cfg});
    AnalysisSettings Settings;
    Settings.Precompile = Mode;
    return contractcheck::analyzeAll(Jobs, Settings, 1, {}, Store);
  }

  // How each TU was parsed: "one" parse or its first "stopped", and whether template bodies
  // were "kept".
  static std::vector<std::string> parses(const std::vector<TUOutcome> &Outcomes) {
    std::vector<std::string> How;
    for (const TUOutcome &Out : Outcomes)
      How.push_back(Out.State != TUOutcome::Status::Analyzed
                        ? "not analysed: " + ::testing::PrintToString(Out.Errors)
                        : std::string(Out.FirstParseStoppedAt ? "stopped" : "one") +
                              (Out.KeptTemplateBodies ? ", kept" : ""));
    return How;
  }

  // Each of Shared found, one finding each, what it finds with its system headers parsed
  // (--shared-headers=never, no hint): those outcomes.
  std::vector<TUOutcome> findsWhatItFindsAlone(const std::vector<CompileCommand> &Commands,
                                               const std::vector<TUOutcome> &Shared) {
    std::vector<TUOutcome> Alone = analyzeAll(Commands, PrecompileMode::Never);
    EXPECT_EQ(Alone.size(), Shared.size());
    for (size_t I = 0; I < Shared.size() && I < Alone.size(); ++I) {
      EXPECT_EQ(messages(Shared[I]).size(), 1u) << ::testing::PrintToString(messages(Shared[I]));
      EXPECT_EQ(messages(Shared[I]), messages(Alone[I])) << Commands[I].File;
    }
    return Alone;
  }

  TempDir Dir;
  Config Cfg = Config::defaults();
};

TEST_F(FirstParseStopTest, StopsAtTheFirstClassAfterALibraryBodyIsHandedAMock) {
  // std::sort's skipped body is given MockQueue; the function template below makes that a loss.
  TUOutcome Out = analyzeWithPrefix(source(SortsMocks, FunctionTemplate));
  ASSERT_EQ(Out.State, TUOutcome::Status::Analyzed) << ::testing::PrintToString(Out.Errors);
  EXPECT_TRUE(Out.KeptTemplateBodies);
  ASSERT_TRUE(Out.FirstParseStoppedAt.has_value());
  EXPECT_EQ(Out.FirstParseStoppedAt->Line, AfterLine);
  EXPECT_EQ(Out.FirstParseStoppedAt->File, Dir.file("mocks.cpp"));
  // The drift below the stop is found, by the parse that kept template bodies from the start.
  EXPECT_EQ(messages(Out), messages(analyze(source(SortsMocks, FunctionTemplate), {true})));
  EXPECT_EQ(messages(Out).size(), 1u) << ::testing::PrintToString(messages(Out));
}

TEST_F(FirstParseStopTest, StopsAlsoWhenTheEndWouldHaveSaidNoAndFindsTheSame) {
  // Without the function template nothing of the project is reachable from std::sort's body,
  // which the end of the TU would have known; at `struct After` the parse cannot know it yet.
  TUOutcome Out = analyzeWithPrefix(source(SortsMocks, ""));
  ASSERT_EQ(Out.State, TUOutcome::Status::Analyzed) << ::testing::PrintToString(Out.Errors);
  ASSERT_TRUE(Out.FirstParseStoppedAt.has_value());
  EXPECT_EQ(Out.FirstParseStoppedAt->Line, AfterLine);
  EXPECT_TRUE(Out.KeptTemplateBodies);
  EXPECT_EQ(messages(Out).size(), 1u) << ::testing::PrintToString(messages(Out));
  EXPECT_EQ(messages(Out), messages(analyze(source(SortsMocks, ""), {true})));
}

TEST_F(FirstParseStopTest, ANoFromStartToEndIsOneParse) {
  // A library body given only Order, which is no mock: no rule could judge what it makes.
  TUOutcome Out = analyze(source(SortsOrders, FunctionTemplate));
  ASSERT_EQ(Out.State, TUOutcome::Status::Analyzed) << ::testing::PrintToString(Out.Errors);
  EXPECT_FALSE(Out.FirstParseStoppedAt.has_value());
  EXPECT_FALSE(Out.KeptTemplateBodies);
  EXPECT_EQ(messages(Out), messages(analyze(source(SortsOrders, FunctionTemplate), {true})));
}

TEST_F(FirstParseStopTest, ATUThatParsesItsSystemHeadersItselfIsParsedOnce) {
  // No prefix (a single-file run, --shared-headers=never): the TU that needs template bodies is
  // one parse keeping them, where it was a first parse stopped at `struct After` and a second;
  // the end of the TU makes what the rules need and finds the drift that only the
  // instantiations show, as the parse keeping them from the start does.
  unsigned long Before = parsesRun();
  TUOutcome Out = analyze(source(SortsMocks, FunctionTemplate));
  EXPECT_EQ(parsesRun() - Before, 1u);
  ASSERT_EQ(Out.State, TUOutcome::Status::Analyzed) << ::testing::PrintToString(Out.Errors);
  EXPECT_FALSE(Out.FirstParseStoppedAt.has_value());
  EXPECT_TRUE(Out.KeptTemplateBodies); // what the store says: its next analysis keeps them
  EXPECT_EQ(messages(Out).size(), 1u) << ::testing::PrintToString(messages(Out));
  EXPECT_EQ(messages(Out), messages(analyze(source(SortsMocks, FunctionTemplate), {true})));
  // With the prefix that skips template bodies, the first parse is still stopped: two parses,
  // the same finding.
  Before = parsesRun();
  TUOutcome Stopped = analyzeWithPrefix(source(SortsMocks, FunctionTemplate));
  EXPECT_EQ(parsesRun() - Before, 2u);
  EXPECT_TRUE(Stopped.FirstParseStoppedAt.has_value());
  EXPECT_EQ(messages(Stopped), messages(Out));
  // A TU that needs none is one parse that leaves the library's instantiations unmade.
  Before = parsesRun();
  TUOutcome No = analyze(source(SortsOrders, FunctionTemplate));
  EXPECT_EQ(parsesRun() - Before, 1u);
  EXPECT_FALSE(No.KeptTemplateBodies);
  EXPECT_EQ(messages(No), messages(analyze(source(SortsOrders, FunctionTemplate), {true})));
}

TEST_F(FirstParseStopTest, TheEndOfAParseThatDecidesAsksEachRuleOnce) {
  // At the end of a parse that decides, the rules are asked whether the instantiations put
  // aside are needed, then which: the same declarations, so each rule searches the TU's code
  // once for both (contract-switch-coverage's search ran twice, contract-mock-drift's three
  // times: 9 % of a gMock test's save in the language server). The searches of the TU that needs
  // them: contract-switch-coverage's and contract-mock-drift's for mock class templates (its
  // answer to which instantiations it names reuses it: it was searched twice, 0.07 G
  // instructions of gmock-function-mocker_test.cc's save). Every instantiation put aside is
  // given a mock, so contract-mock-drift names them all and contract-enum-table is not asked
  // (ARuleThatNeedsEveryInstantiationEndsTheQuestions).
  unsigned long Before = projectCodeSearches();
  TUOutcome Out = analyze(source(SortsMocks, FunctionTemplate));
  ASSERT_EQ(Out.State, TUOutcome::Status::Analyzed) << ::testing::PrintToString(Out.Errors);
  EXPECT_TRUE(Out.KeptTemplateBodies);
  EXPECT_EQ(projectCodeSearches() - Before, 2u);
  EXPECT_EQ(messages(Out), messages(analyze(source(SortsMocks, FunctionTemplate), {true})));
}

TEST_F(FirstParseStopTest, ARuleThatNeedsEveryInstantiationEndsTheQuestions) {
  // A mock class template makes contract-mock-drift name every instantiation put aside (a
  // library body may complete one of its specializations): what the rules after it would name
  // is among them, so they are not asked (contract-enum-table's search of the TU's statements
  // was 0.08 G instructions of gmock-function-mocker_test.cc's save). The searches left:
  // contract-switch-coverage's and contract-mock-drift's.
  const std::string MockTemplate =
      FunctionTemplate + "template <class T> struct MockHolder {\n  MOCK_METHOD(T, get, ());\n};\n";
  unsigned long Before = projectCodeSearches();
  TUOutcome Out = analyze(source(SortsMocks, MockTemplate));
  ASSERT_EQ(Out.State, TUOutcome::Status::Analyzed) << ::testing::PrintToString(Out.Errors);
  EXPECT_TRUE(Out.KeptTemplateBodies);
  EXPECT_EQ(projectCodeSearches() - Before, 2u);
  EXPECT_FALSE(messages(Out).empty()); // MockCounter's drift
  EXPECT_EQ(messages(Out), messages(analyze(source(SortsMocks, MockTemplate), {true})));
}

TEST_F(FirstParseStopTest, AGTestTestNamedLikeAMockIsOneParse) {
  // googletest 1.15's TEST hands its class to std::make_unique; a test suite named like a mock
  // (gmock-matchers-misc_test.cc's `TEST(MockMethodMockFunctionTest, ...)`) made the first parse
  // stop and the TU parse again keeping template bodies, for a class that is no mock.
  auto Handed = [](const std::string &Class, const std::string &Base) {
    return R"(#include <gmock/gmock.h>
#include <memory>
namespace app {
class )" + Class + Base + R"( {};
inline void make() { std::make_unique<)" + Class + R"(>(); }
struct After {};
} // namespace app
)";
  };
  TUOutcome Test =
      analyzeWithPrefix(Handed("MockQueueTest_Sorts_Test", " : public ::testing::Test"));
  ASSERT_EQ(Test.State, TUOutcome::Status::Analyzed) << ::testing::PrintToString(Test.Errors);
  EXPECT_FALSE(Test.FirstParseStoppedAt.has_value());
  EXPECT_FALSE(Test.KeptTemplateBodies);
  // The same class deriving from no test is a mock by its name: the parse stops as before.
  TUOutcome Mock = analyzeWithPrefix(Handed("MockQueueTest_Sorts_Test", ""));
  ASSERT_EQ(Mock.State, TUOutcome::Status::Analyzed) << ::testing::PrintToString(Mock.Errors);
  EXPECT_TRUE(Mock.FirstParseStoppedAt.has_value());
  EXPECT_TRUE(Mock.KeptTemplateBodies);
}

TEST_F(FirstParseStopTest, CompilerErrorsAreReportedWhereverTheyAre) {
  // Below the stop: the first parse never reaches it, the second reports it.
  TUOutcome Below = analyzeWithPrefix(source(SortsMocks, "int broken = undeclared_below;\n"));
  EXPECT_EQ(Below.State, TUOutcome::Status::ParseFailed);
  ASSERT_FALSE(Below.Errors.empty());
  EXPECT_NE(Below.Errors[0].find("undeclared_below"), std::string::npos) << Below.Errors[0];
  EXPECT_TRUE(Below.Findings.empty());
  // Above it: the first parse is not stopped, and fails as it did.
  TUOutcome Above =
      analyzeWithPrefix(source("int broken = undeclared_above;\n" + SortsMocks, ""));
  EXPECT_EQ(Above.State, TUOutcome::Status::ParseFailed);
  EXPECT_FALSE(Above.FirstParseStoppedAt.has_value());
  ASSERT_FALSE(Above.Errors.empty());
  EXPECT_NE(Above.Errors[0].find("undeclared_above"), std::string::npos) << Above.Errors[0];
}

TEST_F(FirstParseStopTest, AStopInsideAnIncludedHeaderEndsItsIncludersToo) {
  // The mock is handed over in a header of the project's; the main file goes on after it.
  Dir.write("queue.h", source(SortsMocks, FunctionTemplate));
  TUOutcome Out =
      analyzeWithPrefix("#include \"queue.h\"\nnamespace app {\nstruct Later {};\n}\n");
  ASSERT_EQ(Out.State, TUOutcome::Status::Analyzed) << ::testing::PrintToString(Out.Errors);
  ASSERT_TRUE(Out.FirstParseStoppedAt.has_value());
  EXPECT_EQ(Out.FirstParseStoppedAt->File, Dir.file("queue.h"));
  EXPECT_EQ(Out.FirstParseStoppedAt->Line, AfterLine);
  EXPECT_EQ(messages(Out).size(), 1u) << ::testing::PrintToString(messages(Out));
}

TEST_F(FirstParseStopTest, TUsSharingAPrefixWithOneThatNeededTemplateBodiesAreParsedOnce) {
  // The first finds out that the prefix's TUs may need template bodies, as the first of gMock's
  // tests does, and the prefix keeping them is built. The second needs them too, and makes the
  // instantiations in its one parse; the third gives the library only Order: one parse, the
  // instantiations left unmade.
  std::vector<CompileCommand> Commands = sharingAPrefix();
  std::vector<TUOutcome> Shared = analyzeAll(Commands, PrecompileMode::Auto);
  EXPECT_EQ(parses(Shared), (std::vector<std::string>{"stopped, kept", "one, kept", "one"}));
  // Each finds what it finds with its system headers parsed, in one parse each.
  std::vector<TUOutcome> Alone = findsWhatItFindsAlone(Commands, Shared);
  EXPECT_EQ(parses(Alone), (std::vector<std::string>{"one, kept", "one, kept", "one"}));
}

TEST_F(FirstParseStopTest, TUsParsedBeforeOneKnownToKeepTemplateBodiesDecideAtTheEndToo) {
  // A run after an edit: the second TU's last analysis kept template bodies (its stale stored
  // result, or the language server, says so); the first, the costliest and so parsed first, has
  // no such word (a new file, an evicted entry) and needs them too. Knowing before any parse that
  // the prefix's TUs need them, the first decides at the end instead of stopping its parse that
  // skips them, and the prefix that skips them is not built for it.
  std::vector<CompileCommand> Commands = sharingAPrefix();
  std::set<std::string> Kept = {Commands[1].File};
  StoreUse Hints;
  Hints.KeptTemplateBodies = &Kept;
  std::vector<TUOutcome> Shared = analyzeAll(Commands, PrecompileMode::Auto, Hints);
  EXPECT_EQ(parses(Shared), (std::vector<std::string>{"one, kept", "one, kept", "one"}));
  findsWhatItFindsAlone(Commands, Shared);
}

} // namespace
} // namespace contractcheck
