// Facts declare their JSON once (JsonFields.h). The stored shape is what the result store and
// shards written by other builds hold: these tests pin it key by key, so a renamed member or a
// dropped field shows here instead of as a silent miss of every stored entry.
#include "rules/mock-drift/MockDriftFacts.h"
#include "rules/mock-drift/MockSubstitutes.h"
#include "rules/string-dispatch/QtCreatedClasses.h"
#include "rules/string-dispatch/StringDispatchFacts.h"
#include "rules/utils/EnumDefinitionFact.h"

#include <gtest/gtest.h>

namespace contractcheck {
namespace {

using nlohmann::json;

template <typename T> T roundTrip(const T &Value) { return json(Value).get<T>(); }

TEST(FactJsonTest, EnumDefinitionKeepsItsKeys) {
  EnumDefinitionFact Fact{"c:@E@Color", "Color", {"/s/c.h", 1, 6, 5}, {{"Red", -1, {"/s/c.h", 1, 14, 13}}}};
  EXPECT_EQ(json(Fact), json::parse(R"({"usr":"c:@E@Color","name":"Color",
      "where":{"file":"/s/c.h","line":1,"column":6,"offset":5},
      "enumerators":[{"name":"Red","value":-1,
                      "where":{"file":"/s/c.h","line":1,"column":14,"offset":13}}]})"));
  EnumDefinitionFact Back = roundTrip(Fact);
  EXPECT_EQ(Back.Usr, Fact.Usr);
  ASSERT_EQ(Back.Enumerators.size(), 1u);
  EXPECT_EQ(Back.Enumerators[0].Value, -1);
  EXPECT_EQ(Back.Enumerators[0].Where, Fact.Enumerators[0].Where);
}

// An optional is left out when empty and read back empty; enums are stored as their number,
// a dispatch role by name.
TEST(FactJsonTest, OptionalsAreLeftOutAndEnumsKeepTheirForm) {
  MethodSignature Sig;
  Sig.Name = "send";
  Sig.Return = {"int", "int", "int", std::nullopt, Passing::Value, "int", TypeCategory::Arithmetic};
  Sig.Params = {{"const Msg &", "const Msg &", std::nullopt, "Msg", Passing::ConstRef, std::nullopt,
                 TypeCategory::Other}};
  Sig.Ref = RefQual::RValue;
  Sig.Noexcept = false;
  Sig.Defaults = 1;
  EXPECT_EQ(json(Sig), json::parse(R"({"name":"send",
      "return":{"shown":"int","canonical":"int","key":"int","bare":"int","pass":0,"category":0},
      "params":[{"shown":"const Msg &","canonical":"const Msg &","substituted":"Msg","pass":1,
                 "category":3}],
      "defaults":1,"const":false,"volatile":false,"ref":2,"noexcept":false,"variadic":false,
      "virtual":false})"));
  EXPECT_EQ(roundTrip(Sig), Sig);

  DispatchSiteFact Site{"bus", DispatchRole::Register, "order.new", "Bus::on", {"/s/a.cpp", 2, 3, 4}};
  json Stored = Site;
  EXPECT_EQ(Stored.at("role"), "register");
  DispatchSiteFact Back = roundTrip(Site);
  EXPECT_EQ(Back.Role, DispatchRole::Register);
  EXPECT_EQ(Back.key(), Site.key());
}

TEST(FactJsonTest, AFactOfAnotherShapeDoesNotRead) {
  json Stored = MockPairingFact{"c:@S@MockPort", true};
  EXPECT_EQ(Stored, json::parse(R"({"usr":"c:@S@MockPort","paired":true})"));
  Stored.erase("paired");
  EXPECT_THROW(Stored.get<MockPairingFact>(), json::exception);
  json Site = DynamicSiteFact{"bus", DispatchRole::Call, "Bus::emit", {}};
  Site["role"] = "publish";
  EXPECT_THROW(Site.get<DynamicSiteFact>(), json::exception);
}

// A signature difference a TU leaves to the global step reads back as that TU would have
// reported it, notes and positions included.
TEST(FactJsonTest, ADeferredFindingReadsBackWhole) {
  DeferredDriftFact Fact{"c:@S@MockPort", "send", "c:@S@Port", {}};
  Fact.Drift.Position = {"/s/mock.h", 9, 3, 120};
  Fact.Drift.Message = "mock method 'MockPort::send()' has a signature that matches no 'Port::send'";
  Fact.Drift.Notes.push_back({{"/s/port.h", 4, 8, 40}, "closest candidate 'Port::send() const'"});
  DeferredDriftFact Back = roundTrip(Fact);
  EXPECT_EQ(Back.Drift, Fact.Drift);
  EXPECT_EQ(Back.Mock, Fact.Mock);
  EXPECT_EQ(Back.Method, Fact.Method);
  EXPECT_EQ(Back.key(), "/s/mock.h:120#c:@S@Port");
  EXPECT_EQ(roundTrip(MockInjectionFact{"c:@S@MockPort"}).key(), "c:@S@MockPort");
}

// A substitute header's class keeps the shadowed header, its gMock methods and the hooks one TU
// saw, keyed by where the double is: every TU that includes it emits the same key.
TEST(FactJsonTest, ASubstituteClassKeepsItsKeys) {
  SubstituteClassFact Fact{"c:@N@net@S@Reader", "net::Reader", {"/s/doubles/net/reader.h", 10, 7, 200},
                           "/s/include/net/reader.h",
                           {{"expire", "net::Reader::expire(int)", {"/s/doubles/net/reader.h", 14, 3, 400}}},
                           {"sent"}, true};
  EXPECT_EQ(json(Fact), json::parse(R"json({"usr":"c:@N@net@S@Reader","name":"net::Reader",
      "where":{"file":"/s/doubles/net/reader.h","line":10,"column":7,"offset":200},
      "shadowed":"/s/include/net/reader.h",
      "methods":[{"name":"expire","shown":"net::Reader::expire(int)",
                  "where":{"file":"/s/doubles/net/reader.h","line":14,"column":3,"offset":400}}],
      "hooks":["sent"],"complete":true})json"));
  SubstituteClassFact Back = roundTrip(Fact);
  EXPECT_EQ(Back.key(), "/s/doubles/net/reader.h:200");
  EXPECT_EQ(Back.Shadowed, Fact.Shadowed);
  ASSERT_EQ(Back.Methods.size(), 1u);
  EXPECT_EQ(Back.Methods[0].Where, Fact.Methods[0].Where);
  EXPECT_EQ(Back.Hooks, Fact.Hooks);
  EXPECT_TRUE(Back.Complete);
}

// The real header as the finding's message names it: beside the double, from the directory both
// share, whole when they share only the root.
TEST(FactJsonTest, TheShadowedHeaderIsShownBesideItsDouble) {
  EXPECT_EQ(shownBeside("/p/include/net/reader.h", "/p/test/mock/net/reader.h"),
            "include/net/reader.h");
  EXPECT_EQ(shownBeside("/p/include/net/reader.h", "/p/includes/net/reader.h"),
            "include/net/reader.h");
  EXPECT_EQ(shownBeside("/usr/include/net/reader.h", "/p/mock/net/reader.h"),
            "/usr/include/net/reader.h");
}

// A Qt string left to the judging step reads back whole, and is matched against a made class's
// meta-methods as the TU would: by kind, name, the arguments a signature may leave off, and the
// canonical type the calling TU resolved a typedef to.
TEST(FactJsonTest, AFactoryAndADeferredQtStringReadBack) {
  QtMadeMethod Mismatch{"versionMismatch", "signal", {{"int"}, {"int"}}, {"int", "int"}, 1, false};
  QtMadeMethod Removed{"networkRemoved", "slot", {{"NetworkId"}}, {"NetworkId"}, 1, false};
  QtFactoryFact Factory{"c:@S@PeerFactory@F@createPeer#", {{"LegacyPeer", {Mismatch, Removed}}}};
  QtFactoryFact BackFactory = roundTrip(Factory);
  EXPECT_TRUE(BackFactory.Overrides.empty());
  // An override names the virtuals it overrides, for the judging step of their calls.
  QtFactoryFact Override{"c:@S@QtUi@F@createMessageProcessor#*$@S@QObject#",
                         {{"QtUiMessageProcessor", {Removed}}},
                         {"c:@S@AbstractUi@F@createMessageProcessor#*$@S@QObject#"}};
  EXPECT_EQ(roundTrip(Override).Overrides, Override.Overrides);
  ASSERT_EQ(BackFactory.Classes.size(), 1u);
  EXPECT_EQ(BackFactory.Classes[0].Methods.size(), 2u);
  EXPECT_EQ(BackFactory.key(), Factory.Factory);
  // A type test the connect runs under (dyn24) reads back with it.
  QtDeferredStringFact Deferred{Factory.Factory,
                                {{"predicate", "c:@S@Peer@F@isLegacy#1", true, {}}},
                                "signal", "versionMismatch", {{"int"}, {"qint32", "int"}}, false, {}};
  Deferred.Drift.Position = {"/s/auth.cpp", 225, 19, 900};
  Deferred.Drift.Message = "'SIGNAL(versionMismatch(int,int))' names no signal of 'RemotePeer'";
  QtDeferredStringFact Back = roundTrip(Deferred);
  EXPECT_EQ(Back.Drift, Deferred.Drift);
  EXPECT_EQ(Back.Arguments, Deferred.Arguments);
  ASSERT_EQ(Back.Guards.size(), 1u);
  EXPECT_EQ(Back.Guards[0].Predicate, "c:@S@Peer@F@isLegacy#1");
  EXPECT_TRUE(Back.Guards[0].BaseFalse);
  QtPredicateFact Predicate{"c:@S@LegacyPeer@F@isLegacy#1", {"c:@S@Peer@F@isLegacy#1"}, "true",
                            {"LegacyPeer", {Mismatch}}};
  QtPredicateFact BackPredicate = roundTrip(Predicate);
  EXPECT_EQ(BackPredicate.Overrides, Predicate.Overrides);
  EXPECT_EQ(BackPredicate.Returns, "true");
  EXPECT_EQ(BackPredicate.Class.Methods.size(), 1u);
  EXPECT_EQ(roundTrip(QtClassFact{{"LegacyPeer", {Mismatch}}}).key(), "LegacyPeer");
  EXPECT_EQ(Back.key(), "/s/auth.cpp:900#" + Factory.Factory);
  const QtMadeMethod &Read = BackFactory.Classes[0].Methods[0];
  EXPECT_TRUE(qtMadeMethodMatches(Read, "signal", "versionMismatch", Back.Arguments, false));
  EXPECT_TRUE(qtMadeMethodMatches(Read, "signal", "versionMismatch", {{"int"}}, false));
  EXPECT_FALSE(qtMadeMethodMatches(Read, "signal", "versionMismatch", {}, false));
  EXPECT_FALSE(qtMadeMethodMatches(Read, "slot", "versionMismatch", {{"int"}}, false));
  EXPECT_FALSE(qtMadeMethodMatches(Read, "signal", "versionMismatch", {{"QString"}}, false));
  EXPECT_TRUE(qtMadeMethodMatches(BackFactory.Classes[0].Methods[1], "any", "networkRemoved", {},
                                  true));
}

// Members that point into the TU that extracted them are not stored and read back empty.
TEST(FactJsonTest, PointersIntoTheTUAreNotStored) {
  StandInEntry Entry;
  Entry.Shown = "MockPort::send()";
  Entry.Decl = reinterpret_cast<const clang::CXXMethodDecl *>(&Entry);
  json Stored = Entry;
  EXPECT_FALSE(Stored.contains("decl"));
  StandInEntry Back = roundTrip(Entry);
  EXPECT_EQ(Back.Shown, Entry.Shown);
  EXPECT_EQ(Back.Decl, nullptr);
}

} // namespace
} // namespace contractcheck
