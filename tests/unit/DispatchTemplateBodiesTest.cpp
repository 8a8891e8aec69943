// contract-string-dispatch asks for the library's template bodies (the second parse) only when a
// call in the project's own templates could reach a configured endpoint through a template
// parameter: one that names its endpoint in the template's text is judged in the template. Real
// Clang, with the system's standard headers.
#include "Config.h"
#include "Subprocess.h"
#include "TranslationUnitAnalyzer.h"

#include <gtest/gtest.h>

namespace contractcheck {
namespace {

using test::TempDir;

// An event bus configured as a dispatch, a call with a fixed name, and std::sort handed the
// project's Order, whose namespace holds Templates: what makes the parse ask the rules.
std::string source(const std::string &Templates) {
  return R"(#include <algorithm>
#include <string_view>
#include <vector>
namespace app {
struct Bus {
  void subscribe(std::string_view Topic);
  void publish(std::string_view Topic, int Value);
};
Bus &bus();
struct Order { int Id; };
inline bool operator<(const Order &A, const Order &B) { return A.Id < B.Id; }
)" + Templates + R"(inline void order(std::vector<Order> &O) { std::sort(O.begin(), O.end()); }
inline void paid(int Id) { bus().publish("order.paid", Id); }
} // namespace app
)";
}

class DispatchTemplateBodiesTest : public ::testing::Test {
protected:
  TUOutcome analyze(const std::string &Text) {
    Config Cfg = Config::load(Dir.write(".contractcheck.yaml", R"(version: 1
rules:
  contract-string-dispatch:
    dispatch:
      - name: event bus
        register: [{function: app::Bus::subscribe, arg: 0}]
        call: [{function: app::Bus::publish, arg: 0}]
)"));
    CompileCommand Command{Dir.path(),
                           Dir.write("orders.cpp", Text),
                           {"clang++", "-std=c++17", "-c", Dir.path() + "/orders.cpp"}};
    return analyzeTranslationUnit(Command, Cfg, {}, {});
  }

  TempDir Dir;
};

TEST_F(DispatchTemplateBodiesTest, NamesFixedInTheTextNeedNoTemplateBodies) {
  // A function template of the project (std::sort's body could instantiate it through Order),
  // calling the endpoint with a name and arguments that depend on nothing.
  TUOutcome Out = analyze(source(
      "template <class T> void announce(T) { bus().publish(\"order.announced\", 0); }\n"));
  ASSERT_EQ(Out.State, TUOutcome::Status::Analyzed) << ::testing::PrintToString(Out.Errors);
  EXPECT_FALSE(Out.KeptTemplateBodies);
  EXPECT_FALSE(Out.FirstParseStoppedAt.has_value());
}

TEST_F(DispatchTemplateBodiesTest, AnEndpointCalledThroughATemplateParameterKeepsThem) {
  // The call's argument depends on T: only an instantiation shows the call to judge.
  TUOutcome Out = analyze(source(
      "template <class T> void announce(const T &V) { bus().publish(\"order.filed\", V.Id); }\n"));
  ASSERT_EQ(Out.State, TUOutcome::Status::Analyzed) << ::testing::PrintToString(Out.Errors);
  EXPECT_TRUE(Out.KeptTemplateBodies);
}

TEST_F(DispatchTemplateBodiesTest, AReceiverThatDependsOnTheParameterKeepsThem) {
  TUOutcome Out = analyze(source(
      "template <class T> void announce(T &Sink) { Sink.publish(\"order.filed\", 1); }\n"));
  ASSERT_EQ(Out.State, TUOutcome::Status::Analyzed) << ::testing::PrintToString(Out.Errors);
  EXPECT_TRUE(Out.KeptTemplateBodies);
}

TEST_F(DispatchTemplateBodiesTest, AnotherNameThroughTheParameterNeedsNoTemplateBodies) {
  TUOutcome Out = analyze(source(
      "template <class T> void announce(T &Sink) { Sink.flush(\"order.filed\"); }\n"));
  ASSERT_EQ(Out.State, TUOutcome::Status::Analyzed) << ::testing::PrintToString(Out.Errors);
  EXPECT_FALSE(Out.KeptTemplateBodies);
}

} // namespace
} // namespace contractcheck
