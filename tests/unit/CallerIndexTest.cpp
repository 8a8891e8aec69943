// contract-switch-coverage's caller-defaults judgement (CallerDefaultFacts.h): what every call of
// a hook filtered, and what lets every value through.
#include "rules/switch-coverage/CallerDefaultFacts.h"

#include <gtest/gtest.h>

namespace contractcheck {
namespace {

DefaultCallFact callFromDefault(const std::string &Callee, unsigned Argument, unsigned Line,
                                std::vector<std::string> Filtered) {
  return {{"/src/caller.cpp", Line, 5, 0}, Callee, Argument, std::move(Filtered)};
}

// The override and the base method it overrides, switching on parameter 0.
SwitchHookFact hook() { return {{"/src/hook.cpp", 10, 3, 0}, "msg", {"c:@S@D@F@f#I#", "c:@S@B@F@f#I#"}, 0}; }

TEST(CallerIndexTest, AVirtualCallFromTheBasesDefaultFiltersItsCases) {
  CallerIndex Index;
  Index.add(callFromDefault("c:@S@B@F@f#I#", 0, 20, {"c:@E@Op@Ping", "c:@E@Op@Login"}));
  EXPECT_EQ(Index.filteredForEveryCall(hook()),
            (std::set<std::string>{"c:@E@Op@Login", "c:@E@Op@Ping"}));
}

TEST(CallerIndexTest, SeveralCallersFilterWhatAllOfThemTake) {
  CallerIndex Index;
  Index.add(callFromDefault("c:@S@B@F@f#I#", 0, 20, {"c:@E@Op@Ping", "c:@E@Op@Login"}));
  Index.add(callFromDefault("c:@S@D@F@f#I#", 0, 30, {"c:@E@Op@Ping"}));
  EXPECT_EQ(Index.filteredForEveryCall(hook()), (std::set<std::string>{"c:@E@Op@Ping"}));
}

TEST(CallerIndexTest, AnyOtherReferenceLetsEveryValueThrough) {
  CallerIndex Index;
  Index.add(callFromDefault("c:@S@B@F@f#I#", 0, 20, {"c:@E@Op@Ping"}));
  Index.add(FunctionRefsFact{"/src/replay.cpp", {"c:@S@B@F@f#I#"}});
  EXPECT_TRUE(Index.filteredForEveryCall(hook()).empty());
}

TEST(CallerIndexTest, TheValuePassedToAnotherParameterFiltersNothing) {
  CallerIndex Index;
  Index.add(callFromDefault("c:@S@B@F@f#I#", 0, 20, {"c:@E@Op@Ping"}));
  Index.add(callFromDefault("c:@S@B@F@f#I#", 1, 40, {"c:@E@Op@Ping"}));
  EXPECT_TRUE(Index.filteredForEveryCall(hook()).empty());
}

TEST(CallerIndexTest, NoCallSeenFiltersNothing) {
  CallerIndex Index;
  Index.add(FunctionRefsFact{"/src/other.cpp", {"c:@F@g#I#"}});
  Index.add(callFromDefault("c:@F@g#I#", 0, 20, {"c:@E@Op@Ping"}));
  EXPECT_TRUE(Index.filteredForEveryCall(hook()).empty());
}

} // namespace
} // namespace contractcheck
