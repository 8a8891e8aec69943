// A stored outcome's path lists read without a JSON document (engine/StoredPathLists.h) are what
// nlohmann::json reads from the same text, whatever bytes the paths hold; text of another
// shape is left to nlohmann, which makes a malformed entry a miss.
#include "JsonText.h"
#include "StoredPathLists.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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

} // namespace
} // namespace contractcheck
