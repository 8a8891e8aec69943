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


// passed-values: a hook on parameter 0 of one function, over enum Log.
SwitchHookFact passedHook() {
  SwitchHookFact Hook{{"/src/log.cpp", 10, 3, 0}, "msg", {"c:@F@severity#I#"}, 0};
  Hook.Enum = "c:@E@Log";
  return Hook;
}

ConstantCallFact constantCall(unsigned Line, unsigned Index, std::string Enum,
                              std::vector<std::string> Values) {
  return {{"/src/menu.cpp", Line, 5, 0}, "c:@F@severity#I#", {{Index, std::move(Enum), std::move(Values)}}};
}

TEST(CallerIndexTest, CallsPassingConstantsAreAllThatReachTheHook) {
  CallerIndex Index;
  Index.add(constantCall(20, 0, "c:@E@Log", {"c:@E@Log@Error"}));
  Index.add(constantCall(21, 0, "c:@E@Log", {"c:@E@Log@Warning", "c:@E@Log@BadBox"}));
  EXPECT_EQ(Index.reachingValues(passedHook()),
            (std::set<std::string>{"c:@E@Log@BadBox", "c:@E@Log@Error", "c:@E@Log@Warning"}));
}

TEST(CallerIndexTest, ACallPassingAnythingElseLetsEveryValueThrough) {
  CallerIndex Index;
  Index.add(constantCall(20, 0, "c:@E@Log", {"c:@E@Log@Error"}));
  Index.add(FunctionRefsFact{"/src/replay.cpp", {"c:@F@severity#I#"}});
  EXPECT_EQ(Index.reachingValues(passedHook()), std::nullopt);
  CallerIndex OtherArgument;
  OtherArgument.add(constantCall(20, 1, "c:@E@Log", {"c:@E@Log@Error"}));
  EXPECT_EQ(OtherArgument.reachingValues(passedHook()), std::nullopt);
  CallerIndex OtherEnum;
  OtherEnum.add(constantCall(20, 0, "c:@E@Kind", {"c:@E@Kind@A"}));
  EXPECT_EQ(OtherEnum.reachingValues(passedHook()), std::nullopt);
  CallerIndex FromADefault;
  FromADefault.add(constantCall(20, 0, "c:@E@Log", {"c:@E@Log@Error"}));
  FromADefault.add(callFromDefault("c:@F@severity#I#", 0, 30, {"c:@E@Log@Error"}));
  EXPECT_EQ(FromADefault.reachingValues(passedHook()), std::nullopt);
}

TEST(CallerIndexTest, NoCallSeenOrNoEnumSaysNothingOfWhatReaches) {
  EXPECT_EQ(CallerIndex().reachingValues(passedHook()), std::nullopt);
  CallerIndex Index;
  Index.add(constantCall(20, 0, "c:@E@Log", {"c:@E@Log@Error"}));
  SwitchHookFact NameTable = passedHook();
  NameTable.Enum.clear();
  EXPECT_EQ(Index.reachingValues(NameTable), std::nullopt);
}

TEST(CallerIndexTest, AConstantCallIsNoCallFromADefault) {
  CallerIndex Index;
  Index.add(callFromDefault("c:@S@B@F@f#I#", 0, 20, {"c:@E@Op@Ping"}));
  Index.add(ConstantCallFact{{"/src/x.cpp", 5, 1, 0}, "c:@S@B@F@f#I#", {{0, "c:@E@Op", {"c:@E@Op@Ping"}}}});
  EXPECT_TRUE(Index.filteredForEveryCall(hook()).empty());
}

TEST(CallerIndexTest, AReturnerGivesWhatItsReturnsReturn) {
  SwitchHookFact Hook{{"/src/respond.cpp", 10, 3, 0}, "msg", {}, 0};
  Hook.Enum = "c:@E@Command";
  Hook.Returner = "c:@F@toCommand#I#";
  CallerIndex Index;
  EXPECT_EQ(Index.reachingValues(Hook), std::nullopt);
  Index.add(ReturnedValuesFact{"c:@F@toCommand#I#", "c:@E@Command", {"c:@E@Command@List"}});
  EXPECT_EQ(Index.reachingValues(Hook), (std::set<std::string>{"c:@E@Command@List"}));
  Hook.Enum = "c:@E@Other";
  EXPECT_EQ(Index.reachingValues(Hook), std::nullopt);
}

TEST(CallerIndexTest, ASwitchNamingAValueThatDoesNotReachItIsATableOfTheEnum) {
  CallerIndex Index;
  Index.add(constantCall(20, 0, "c:@E@Log", {"c:@E@Log@Error", "c:@E@Log@Warning"}));
  SwitchHookFact Hook = passedHook();
  Hook.Named = {"c:@E@Log@Error", "c:@E@Log@Warning"};
  EXPECT_EQ(Index.reachingValues(Hook), (std::set<std::string>{"c:@E@Log@Error", "c:@E@Log@Warning"}));
  Hook.Named.push_back("c:@E@Log@BadBox");
  EXPECT_EQ(Index.reachingValues(Hook), std::nullopt);
}


// NanoBoyAdvance's `SetEEPROMSizeHint(EEPROM::Size size) { ...->SetSizeHint(size); }`: a call that
// passes its caller's parameter on reaches what every call of the caller passes, a few callers up.
TEST(CallerIndexTest, AParameterPassedOnReachesWhatItsCallersPass) {
  const std::string Hint = "c:@S@ROM@F@SetEEPROMSizeHint#I#";
  ConstantCallFact Forward{{"/src/rom.h", 5, 1, 0}, "c:@F@severity#I#", {}};
  Forward.Arguments.push_back({0, "c:@E@Log", {}, Hint, 0});
  ConstantCallFact Dma{{"/src/dma.cpp", 9, 1, 0}, Hint, {}};
  Dma.Arguments.push_back({0, "c:@E@Log", {"c:@E@Log@Error"}});
  CallerIndex Index;
  Index.add(Forward);
  EXPECT_EQ(Index.reachingValues(passedHook()), std::nullopt); // nothing calls the caller
  Index.add(Dma);
  EXPECT_EQ(Index.reachingValues(passedHook()), (std::set<std::string>{"c:@E@Log@Error"}));
  Index.add(FunctionRefsFact{"/src/other.cpp", {Hint}});
  EXPECT_EQ(Index.reachingValues(passedHook()), std::nullopt);
  // A cycle of callers passing the value round says nothing.
  CallerIndex Cycle;
  ConstantCallFact Back{{"/src/log.cpp", 7, 1, 0}, Hint, {}};
  Back.Arguments.push_back({0, "c:@E@Log", {}, "c:@F@severity#I#", 0});
  Cycle.add(Forward);
  Cycle.add(Back);
  EXPECT_EQ(Cycle.reachingValues(passedHook()), std::nullopt);
}

} // namespace
} // namespace contractcheck
