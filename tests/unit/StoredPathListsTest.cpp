// A stored outcome's path lists read without a JSON document (engine/StoredPathLists.h) are what
// nlohmann::json reads from the same text, whatever bytes the paths hold; text of another
// shape is left to nlohmann, which makes a malformed entry a miss.
#include "JsonText.h"
#include "StoredPathLists.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>

namespace contractcheck {
namespace {

TEST(StoredPathListsTest, ReadsWhatNlohmannReadsWithTheRestAsWritten) {
  StringPairs Dependencies = {
      {"/src/a.cpp", "0123456789abcdef0123456789abcdef"},
      {"/src/quote\"back\\slash/tab\tnew\nline.h", "h1"},
      {std::string("/src/control\x01\x1f.h"), "h2"},
      {"/src/caf\xc3\xa9/\xe2\x82\xac/\xf0\x9f\x98\x80.h", "h3"}, // UTF-8 of 2, 3 and 4 bytes
      {"${project}/include/$$dollar.h", "h4"},
  };
  StringPairs Lookups = {{"/usr/include/map", "file /usr/include/c++/12/map"},
                         {"*/usr/include", "listing"},
                         {"/missing", "missing"}};
  nlohmann::json Outcome = {{"file", "/src/a.cpp"},
                            {"status", "analyzed"},
                            {"errors", nlohmann::json::array()},
                            {"findings", {{{"message", "a \"quoted\" [bracket] {brace}"}}}},
                            {"facts", {{"k", {1, 2.5, true, nullptr, "x"}}}},
                            {"dependencies", Dependencies},
                            {"lookups", Lookups},
                            {"kept-template-bodies", false}};
  std::string Text = jsonText(Outcome); // as the store writes an outcome
  std::optional<SplitOutcome> Split = splitPathLists(Text);
  ASSERT_TRUE(Split) << Text;
  EXPECT_EQ(Split->Dependencies, Dependencies);
  EXPECT_EQ(Split->Lookups, Lookups);
  nlohmann::json Rest = nlohmann::json::parse(Split->Rest);
  Outcome.erase("dependencies");
  Outcome.erase("lookups");
  EXPECT_EQ(Rest, Outcome);
}

TEST(StoredPathListsTest, EscapesNlohmannMayWriteOrReadAreDecoded) {
  // \u escapes (a surrogate pair too), \/ and spaces between tokens are valid JSON.
  std::string Text = "{ \"dependencies\" : [ [\"/a\\u00e9\\ud83d\\ude00\\/b\", \"h\"] ],"
                     "\"lookups\":[],\"file\":\"f\"}";
  std::optional<SplitOutcome> Split = splitPathLists(Text);
  ASSERT_TRUE(Split);
  nlohmann::json Parsed = nlohmann::json::parse(Text);
  EXPECT_EQ(Split->Dependencies, Parsed["dependencies"].get<StringPairs>());
  EXPECT_TRUE(Split->Lookups.empty());
  EXPECT_EQ(nlohmann::json::parse(Split->Rest), nlohmann::json({{"file", "f"}}));
}

TEST(StoredPathListsTest, TextOfAnotherShapeIsLeftToNlohmann) {
  for (const char *Text : {
           "",
           "[]",
           "{\"dependencies\":[[\"a\",\"b\"]]}",                     // no lookups
           "{\"dependencies\":[[\"a\",\"b\",\"c\"]],\"lookups\":[]}", // not pairs
           "{\"dependencies\":[[\"a\",1]],\"lookups\":[]}",
           "{\"dependencies\":[[\"a\",\"b\"]],\"lookups\":[]",        // truncated
           "{\"dependencies\":[[\"a\",\"b\"]],\"lookups\":[]}x",
           "{\"dependencies\":[[\"a\\q\",\"b\"]],\"lookups\":[]}",   // a bad escape
           "{\"dependencies\":[[\"\\ud800\",\"b\"]],\"lookups\":[]}", // a lone surrogate
           "{\"dependencies\":[[\"a\nb\",\"b\"]],\"lookups\":[]}",   // a raw line break
           "{\"dependencies\":[],\"lookups\":[],\"file\":[1,}",
       })
    EXPECT_FALSE(splitPathLists(Text)) << Text;
}

// The store's own reader of a stored outcome gives the document nlohmann::json::parse gives (the
// same values of the same types, so that what a rule reads and what is compared is the same),
// with every string holding a '$' mapped; what it does not take, nlohmann decides.
TEST(StoredPathListsTest, TheStoredJsonReaderReadsWhatNlohmannReads) {
  auto Tagged = [](std::string_view Text) { return "<" + std::string(Text) + ">"; };
  auto MappedLikeTheStore = [&](nlohmann::json J) {
    std::function<void(nlohmann::json &)> Map = [&](nlohmann::json &V) {
      if (V.is_string() && V.get<std::string>().find('$') != std::string::npos)
        V = Tagged(V.get<std::string>());
      else if (V.is_array())
        for (nlohmann::json &Item : V)
          Map(Item);
      else if (V.is_object()) {
        nlohmann::json Out = nlohmann::json::object();
        for (auto &[Key, Value] : V.items()) {
          Map(Value);
          Out[Key.find('$') != std::string::npos ? Tagged(Key) : Key] = Value;
        }
        V = Out;
      }
    };
    Map(J);
    return J;
  };
  for (std::string Text : {
           std::string(R"({"a":1,"b":-2,"c":0,"d":-0,"e":2.5,"f":1e3,"g":-1.5E-2})"),
           std::string(R"({"big":123456789012345678,"bigger":1234567890123456789,)"
                       R"("huge":18446744073709551615,"beyond":18446744073709551616,)"
                       R"("low":-9223372036854775808})"),
           std::string(R"([true,false,null,[],{},[[]],{"x":{}}])"),
           std::string(R"({"s":"a \"q\" \\ \/ \b\f\n\r\t \u0001 \u00e9 \u20ac \ud83d\ude00"})"),
           std::string("{\"utf8\":\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"}"),
           std::string(R"({"${project}/a.h":"${directory}/b.cpp","plain":"x$$y","n":[1,"$"]})"),
           std::string(R"({"dup":1,"dup":2})"),
           std::string(" { \"spaced\" : [ 1 , 2 ] } "),
       }) {
    nlohmann::json Read;
    ASSERT_TRUE(parseStoredJson(Text, Read, Tagged)) << Text;
    nlohmann::json Expected = MappedLikeTheStore(nlohmann::json::parse(Text));
    EXPECT_EQ(Read, Expected) << Text;
    EXPECT_EQ(Read.dump(), Expected.dump()) << Text; // the same types: unsigned, signed, float
  }
  // Not JSON, or not UTF-8: refused, as nlohmann refuses them.
  for (std::string Text :
       {std::string("{\"a\":1"), std::string("{\"a\":01}"), std::string("{\"a\":tru}"),
        std::string("{\"a\":-}"), std::string("{\"a\":\"\\ud800\"}"), std::string("[1,]"),
        std::string("{\"a\":1} x"), std::string("{\"bad\":\"\xc3\x28\"}"), std::string("\"\x01\"")}) {
    nlohmann::json Read;
    EXPECT_FALSE(parseStoredJson(Text, Read, Tagged)) << Text;
    EXPECT_TRUE(nlohmann::json::parse(Text, nullptr, false).is_discarded()) << Text;
  }
}

// A store file's checksum tells damage, not intent: a shared store may hold a value nested a
// million arrays deep, which the readers skipped recursively, out of stack (a SIGSEGV that lost
// the whole run). Values up to 64 levels deep, deeper than anything stored, are read as before;
// deeper ones make the text not one the store wrote: a miss.
TEST(StoredPathListsTest, ValuesNestedDeeperThanAnythingStoredAreRefusedWithoutRecursing) {
  auto Nested = [](size_t Depth) {
    return std::string(Depth, '[') + "{\"a\":1}" + std::string(Depth, ']');
  };
  auto Entry = [](const std::string &Value) {
    return "{\"dependencies\":[],\"lookups\":[],\"x\":" + Value + "}";
  };
  auto Run = [](const std::string &Value) {
    return "{\"dependencies\":[],\"lookups\":[],\"units\":[{\"key\":\"k\",\"reads\":[],"
           "\"asks\":[],\"outcome\":{\"x\":" + Value + "}}]}";
  };
  EXPECT_TRUE(shallowJsonValue(Nested(63)));
  EXPECT_FALSE(shallowJsonValue(Nested(64)));
  EXPECT_TRUE(splitPathLists(Entry(Nested(63))));
  EXPECT_TRUE(objectMembers(Entry(Nested(63))));
  EXPECT_TRUE(splitStoredRun(Run(Nested(62))));
  for (size_t Depth : {size_t(64), size_t(1000000)}) {
    EXPECT_FALSE(shallowJsonValue(Nested(Depth))) << Depth;
    EXPECT_FALSE(splitPathLists(Entry(Nested(Depth)))) << Depth;
    EXPECT_FALSE(objectMembers(Entry(Nested(Depth)))) << Depth;
    EXPECT_FALSE(splitStoredRun(Run(Nested(Depth)))) << Depth;
    nlohmann::json Read;
    EXPECT_FALSE(parseStoredJson(Nested(Depth), Read, [](std::string_view S) {
      return std::string(S);
    })) << Depth;
  }
  // Unbalanced and truncated text as before.
  for (const char *Text : {"[", "[[]", "{\"a\":[}", "[1,]", "{\"a\"}", "{,}", "[]]"})
    EXPECT_FALSE(shallowJsonValue(Text)) << Text;
  for (const char *Text : {"[]", "{}", "[1,\"s\",{\"a\":[true,null]},[]]", " { \"a\" : [ ] } "})
    EXPECT_TRUE(shallowJsonValue(Text)) << Text;
}

} // namespace
} // namespace contractcheck
