#include "JsonPositions.h"
#include "Utf8.h"

#include <gtest/gtest.h>

namespace contractcheck {
namespace {

TEST(Utf8Test, ValidTextIsKept) {
  EXPECT_EQ(validUtf8("plain"), "plain");
  EXPECT_EQ(validUtf8("d\xC3\xA9j\xC3\xA0 \xE2\x82\xAC \xF0\x9F\x98\x80"),
            "d\xC3\xA9j\xC3\xA0 \xE2\x82\xAC \xF0\x9F\x98\x80");
}

TEST(Utf8Test, EachIllFormedSequenceBecomesAReplacementCharacter) {
  EXPECT_EQ(validUtf8("d\xE9j\xE0"), "d\xEF\xBF\xBDj\xEF\xBF\xBD");
  EXPECT_EQ(validUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");      // overlong
  EXPECT_EQ(validUtf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // surrogate
  EXPECT_EQ(validUtf8("x\xE2\x82y"), "x\xEF\xBF\xBDy"); // truncated: one maximal subpart
}

TEST(Utf8Test, IsIdempotent) {
  std::string Once = validUtf8("a\xFF\xFE\xC3");
  EXPECT_EQ(validUtf8(Once), Once);
}

TEST(JsonPositionsTest, FindsKeysAndIndexes) {
  std::string Text = "{\"a\": 1,\n \"list\": [ {\"x\": \"}\"}, {\"x\": [1, 2]} ]}";
  auto At = [&](const std::vector<JsonStep> &Path) {
    DataPosition P = jsonValuePosition(Text, Path);
    return std::to_string(P.Line) + ":" + std::to_string(P.Column);
  };
  EXPECT_EQ(At({}), "1:1");
  EXPECT_EQ(At({"a"}), "1:7");
  EXPECT_EQ(At({"list"}), "2:10");
  EXPECT_EQ(At({"list", size_t(1)}), "2:24");
  EXPECT_EQ(At({"list", size_t(1), "x"}), "2:30");
  // A scalar element is an element too (the compilation database's entries).
  EXPECT_EQ(At({"list", size_t(0), "x"}), "2:18");
}

TEST(JsonPositionsTest, AMissingStepStopsAtTheDeepestValueFound) {
  std::string Text = "[\n  1,\n  {\"list\": [1]}]";
  auto At = [&](const std::vector<JsonStep> &Path) {
    DataPosition P = jsonValuePosition(Text, Path);
    return std::to_string(P.Line) + ":" + std::to_string(P.Column);
  };
  EXPECT_EQ(At({size_t(0)}), "2:3");
  EXPECT_EQ(At({size_t(1), "list", size_t(5)}), "3:12");
  EXPECT_EQ(At({"nope"}), "1:1");
  EXPECT_EQ(At({size_t(9)}), "1:1");
}

} // namespace
} // namespace contractcheck
