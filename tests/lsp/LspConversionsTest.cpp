// The language server's conversions between engine positions and LSP's.
#include "LspConversions.h"

#include <gtest/gtest.h>

namespace contractcheck::lsp {
namespace {

using nlohmann::json;

TEST(LspConversionsTest, FileUrisRoundTripWithEscapes) {
  EXPECT_EQ(pathToUri("/src/my file%.cpp"), "file:///src/my%20file%25.cpp");
  EXPECT_EQ(uriToPath("file:///src/my%20file%25.cpp"), "/src/my file%.cpp");
  EXPECT_EQ(uriToPath("file://localhost/a.cpp"), "/a.cpp");
  EXPECT_EQ(uriToPath("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(uriToPath("file:///bad%2"), std::nullopt);
  EXPECT_EQ(uriToPath("file:///bad%zz"), std::nullopt);
  EXPECT_EQ(uriToPath("file://host/share/a.cpp"), std::nullopt);
}

TEST(LspConversionsTest, ColumnsCountUtf16UnitsOrBytes) {
  // "é" is 2 bytes and 1 UTF-16 unit; the emoji 4 bytes and 2 units (a surrogate pair).
  std::string Text = "int a;\n/* \xC3\xA9\xF0\x9F\x98\x80 */ switch (m) {}\n";
  LineIndex Index(Text);
  unsigned ByteColumn = static_cast<unsigned>(Text.find("switch") - Text.find('\n')); // 1-based
  EXPECT_EQ(Index.position(2, ByteColumn, OffsetEncoding::Utf16),
            json({{"line", 1}, {"character", 10}}));
  EXPECT_EQ(Index.position(2, ByteColumn, OffsetEncoding::Utf8),
            json({{"line", 1}, {"character", 13}}));
  EXPECT_EQ(Index.tokenRange(2, ByteColumn, OffsetEncoding::Utf16)["end"],
            json({{"line", 1}, {"character", 16}}));
  unsigned Offset = static_cast<unsigned>(Text.find("switch"));
  EXPECT_EQ(Index.positionOfOffset(Offset, OffsetEncoding::Utf16),
            json({{"line", 1}, {"character", 10}}));
  EXPECT_EQ(Index.offsetOf(json({{"line", 1}, {"character", 10}}), OffsetEncoding::Utf16), Offset);
  // Past the end: clamped, never out of range.
  EXPECT_EQ(Index.positionOfOffset(100000, OffsetEncoding::Utf8),
            json({{"line", 2}, {"character", 0}}));
  EXPECT_EQ(Index.position(99, 1, OffsetEncoding::Utf16), json({{"line", 98}, {"character", 0}}));
}

TEST(LspConversionsTest, RangesIntersectIncludingACursorAtAnEnd) {
  auto Range = [](int L1, int C1, int L2, int C2) {
    return json(
        {{"start", {{"line", L1}, {"character", C1}}}, {"end", {{"line", L2}, {"character", C2}}}});
  };
  EXPECT_TRUE(rangesIntersect(Range(3, 2, 3, 8), Range(3, 5, 3, 5)));
  EXPECT_TRUE(rangesIntersect(Range(3, 2, 3, 8), Range(3, 8, 3, 8)));
  EXPECT_TRUE(rangesIntersect(Range(3, 2, 3, 8), Range(0, 0, 10, 0)));
  EXPECT_FALSE(rangesIntersect(Range(3, 2, 3, 8), Range(3, 9, 3, 9)));
  EXPECT_FALSE(rangesIntersect(Range(3, 2, 3, 8), Range(4, 0, 4, 1)));
}

} // namespace
} // namespace contractcheck::lsp
