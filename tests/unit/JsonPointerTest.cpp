// JSON Pointers (RFC 6901) with same-file "$ref"s followed, and key paths for data files.
#include "JsonPointer.h"
#include "DataKeyPath.h"
#include "TestPaths.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace contractcheck {
namespace {

using Tokens = std::vector<std::string>;

DataDocument load(std::string_view Name) {
  DataError Error;
  std::optional<DataDocument> Doc =
      DataDocument::load((std::filesystem::path(test::fixturesDir()) / "external-enums" / std::string(Name))
                             .string(),
                         Error);
  if (!Doc)
    ADD_FAILURE() << Error.render();
  return std::move(*Doc);
}

DataDocument yaml(std::string_view Text) {
  DataError Error;
  return *DataDocument::parse("t.yaml", Text, DataDocument::Format::Yaml, Error);
}

TEST(JsonPointerTest, ParsesTokensWithEscapesAndFragmentForm) {
  std::string Message;
  EXPECT_EQ(parseJsonPointer("", Message), Tokens{});
  EXPECT_EQ(parseJsonPointer("#", Message), Tokens{});
  EXPECT_EQ(parseJsonPointer("/", Message), Tokens{""});
  EXPECT_EQ(parseJsonPointer("/a~1b/m~0n/~01", Message), (Tokens{"a/b", "m~n", "~1"}));
  EXPECT_EQ(parseJsonPointer("#/a%20b/c%25d/e~1f", Message), (Tokens{"a b", "c%d", "e/f"}));
  EXPECT_EQ(parseJsonPointer("/c%25d", Message), Tokens{"c%25d"}); // no decoding outside '#'

  EXPECT_FALSE(parseJsonPointer("a/b", Message));
  EXPECT_EQ(Message, "a pointer must be empty or start with '/' (or '#/')");
  EXPECT_FALSE(parseJsonPointer("/a~2", Message));
  EXPECT_EQ(Message, "'~' must be followed by '0' or '1' in token 'a~2'");
  EXPECT_FALSE(parseJsonPointer("#/a%2", Message));
}

TEST(JsonPointerTest, ResolvesKeysIndexesAndEscapedKeys) {
  DataDocument Doc = load("order-state.schema.json");
  DataError Error;
  const DataNode *Enum = resolveJsonPointer(Doc, "#/definitions/OrderState/enum", Error);
  ASSERT_TRUE(Enum) << Error.render();
  EXPECT_EQ(Enum->kind(), DataNode::Kind::List);
  EXPECT_EQ(Enum->position(), (DataPosition{21, 15}));
  const DataNode *Second = resolveJsonPointer(Doc, "/definitions/OrderState/enum/1", Error);
  ASSERT_TRUE(Second);
  EXPECT_EQ(Second->text(), "PENDING_ACK");
  const DataNode *Escaped = resolveJsonPointer(Doc, "#/properties/a~0b~1c/enum/0", Error);
  ASSERT_TRUE(Escaped) << Error.render();
  EXPECT_EQ(Escaped->text(), "x");
  EXPECT_EQ(resolveJsonPointer(Doc, "", Error), &Doc.root());
}

TEST(JsonPointerTest, FollowsRefsAtTheTargetAndInBetween) {
  DataDocument Doc = load("order-state.schema.json");
  DataError Error;
  // properties/state is {"$ref": "#/definitions/OrderState"}: followed at the target...
  const DataNode *State = resolveJsonPointer(Doc, "#/properties/state", Error);
  ASSERT_TRUE(State) << Error.render();
  EXPECT_EQ(State, resolveJsonPointer(Doc, "#/definitions/OrderState", Error));
  // ...and on the way: "enum" is not a key of the $ref holder.
  const DataNode *Through = resolveJsonPointer(Doc, "#/properties/legacyState/enum", Error);
  ASSERT_TRUE(Through) << Error.render();
  EXPECT_EQ(Through->position(), (DataPosition{21, 15}));

  DataDocument Api = load("openapi.yaml");
  const DataNode *Chain = resolveJsonPointer(Api, "#/components/schemas/OrderState", Error);
  ASSERT_TRUE(Chain) << Error.render();
  EXPECT_EQ(Chain->position(), (DataPosition{24, 7})); // OrderStateV2's map
  const DataNode *Deep = resolveJsonPointer(Api,
                                            "#/paths/~1orders~1{id}/get/responses/200/content/"
                                            "application~1json/schema/properties/state/enum/4",
                                            Error);
  ASSERT_TRUE(Deep) << Error.render();
  EXPECT_EQ(Deep->text(), "cancelled");
}

TEST(JsonPointerTest, NamesNothingIsAPositionedError) {
  DataDocument Api = load("openapi.yaml");
  DataError Error;
  EXPECT_FALSE(resolveJsonPointer(Api, "#/components/schemas/OrderStat", Error));
  EXPECT_EQ(Error.Line, 16u); // the map of schemas, at its first key
  EXPECT_EQ(Error.Column, 5u);
  EXPECT_EQ(Error.Message,
            "'#/components/schemas/OrderStat' names nothing: no key 'OrderStat' in the map here");

  EXPECT_FALSE(resolveJsonPointer(Api, "#/components/schemas/Broken", Error));
  EXPECT_EQ(Error.Line, 16u);
  EXPECT_EQ(Error.Message, "'#/components/schemas/Missing' names nothing: no key 'Missing' in "
                           "the map here");

  EXPECT_FALSE(resolveJsonPointer(Api, "#/openapi/x", Error));
  EXPECT_EQ(Error.Message, "'#/openapi/x' names nothing: 'x' cannot be looked up in a string at "
                           "line 1, column 10");
  EXPECT_FALSE(resolveJsonPointer(Api, "#/components/schemas/OrderStateV2/enum/5", Error));
  EXPECT_NE(Error.Message.find("past the end of the list here (5 items)"), std::string::npos);
  EXPECT_FALSE(resolveJsonPointer(Api, "#/components/schemas/OrderStateV2/enum/01", Error));
  EXPECT_FALSE(resolveJsonPointer(Api, "#/components/schemas/OrderStateV2/enum/-", Error));
}

TEST(JsonPointerTest, RefCyclesAndForeignRefsAreErrors) {
  DataDocument Api = load("openapi.yaml");
  DataError Error;
  EXPECT_FALSE(resolveJsonPointer(Api, "#/components/schemas/LoopA", Error));
  EXPECT_NE(Error.Message.find("is part of a reference cycle"), std::string::npos) << Error.Message;
  EXPECT_EQ(Error.Line, 40u);

  EXPECT_FALSE(resolveJsonPointer(Api, "#/components/schemas/External", Error));
  EXPECT_EQ(Error.Message, "'$ref' 'other.yaml#/components/schemas/OrderState' points outside "
                           "this file; only references within the same file ('#/...') are "
                           "followed");
  EXPECT_EQ(Error.Line, 38u);
  EXPECT_EQ(Error.Column, 13u);

  // A reference through itself in the middle of a pointer.
  DataDocument Self = yaml("a:\n  $ref: '#/a/b'\n");
  EXPECT_FALSE(resolveJsonPointer(Self, "/a", Error));
  EXPECT_NE(Error.Message.find("cycle"), std::string::npos) << Error.Message;

  DataDocument NotString = yaml("a:\n  $ref: [1]\n");
  EXPECT_FALSE(resolveJsonPointer(NotString, "/a", Error));
  EXPECT_EQ(Error.Message, "'$ref' must be a string, found a list at line 2, column 9");
}

TEST(JsonPointerTest, LongRefChainsAreBounded) {
  std::string Text;
  for (int I = 0; I < 2000; ++I)
    Text += "r" + std::to_string(I) + ": {$ref: '#/r" + std::to_string(I + 1) + "'}\n";
  Text += "r2000: [end]\n";
  DataDocument Doc = yaml(Text);
  DataError Error;
  EXPECT_FALSE(resolveJsonPointer(Doc, "/r0", Error));
  EXPECT_NE(Error.Message.find("too many references"), std::string::npos) << Error.Message;
  EXPECT_TRUE(resolveJsonPointer(Doc, "/r1990", Error)) << Error.render();
}

TEST(DataKeyPathTest, ParsesDottedKeysAndElementSteps) {
  std::string Message;
  std::optional<DataKeyPath> P = DataKeyPath::parse("routes[*].channel", Message);
  ASSERT_TRUE(P) << Message;
  ASSERT_EQ(P->steps().size(), 3u);
  EXPECT_EQ(P->steps()[0].K, DataKeyPath::Step::Kind::Key);
  EXPECT_EQ(P->steps()[1].K, DataKeyPath::Step::Kind::AnyIndex);
  EXPECT_EQ(P->steps()[2].Key, "channel");
  EXPECT_TRUE(DataKeyPath::parse("[*]", Message));
  EXPECT_TRUE(DataKeyPath::parse("a[0][*].b.*", Message));

  for (std::string_view Bad : {"", "a.", ".a", "a..b", "a[", "a[x]", "a[*]b", "a]"}) {
    EXPECT_FALSE(DataKeyPath::parse(Bad, Message)) << Bad;
    EXPECT_NE(Message.find("malformed key path"), std::string::npos) << Message;
  }
  DataKeyPath::parse("routes[*", Message);
  EXPECT_EQ(Message, "malformed key path 'routes[*' at character 7: '[' is not closed");
}

TEST(DataKeyPathTest, MatchesEveryElementAndSkipsAbsentKeys) {
  DataDocument Routes = load("routes.yaml");
  std::string Message;
  std::vector<const DataNode *> Found =
      DataKeyPath::parse("routes[*].channel", Message)->match(Routes.root());
  ASSERT_EQ(Found.size(), 2u); // the third route has no channel: fine
  EXPECT_EQ(Found[0]->text(), "web");
  EXPECT_EQ(Found[0]->position(), (DataPosition{3, 14}));
  EXPECT_EQ(Found[1]->text(), "stor");
  EXPECT_EQ(Found[1]->position(), (DataPosition{5, 14}));

  EXPECT_EQ(DataKeyPath::parse("fallback.channel", Message)->match(Routes.root()).size(), 1u);
  EXPECT_EQ(DataKeyPath::parse("*.channel", Message)->match(Routes.root()).size(), 2u);
  EXPECT_EQ(DataKeyPath::parse("routes[1].name", Message)->match(Routes.root())[0]->text(),
            "shops");
  EXPECT_TRUE(DataKeyPath::parse("routes[9].name", Message)->match(Routes.root()).empty());
  EXPECT_TRUE(DataKeyPath::parse("nothing[*].x", Message)->match(Routes.root()).empty());
  EXPECT_TRUE(DataKeyPath::parse("fallback[*]", Message)->match(Routes.root()).empty());
}

} // namespace
} // namespace contractcheck
