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
  EXPECT_EQ(jsonValueOffset(Text, {}), 0u);
  EXPECT_EQ(Text.substr(jsonValueOffset(Text, {"a"}), 1), "1");
  EXPECT_EQ(Text.substr(jsonValueOffset(Text, {"list", size_t(1)}), 6), "{\"x\": ");
  EXPECT_EQ(Text.substr(jsonValueOffset(Text, {"list", size_t(1), "x"}), 6), "[1, 2]");
}

TEST(JsonPositionsTest, AMissingStepStopsAtTheDeepestValueFound) {
  std::string Text = "{\"list\": [1]}";
  EXPECT_EQ(jsonValueOffset(Text, {"list", size_t(5)}), Text.find('['));
  EXPECT_EQ(jsonValueOffset(Text, {"nope"}), 0u);
}

} // namespace
} // namespace contractcheck
