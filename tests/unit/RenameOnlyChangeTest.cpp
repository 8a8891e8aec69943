#include "rules/utils/RenameOnlyChange.h"

#include <gtest/gtest.h>

namespace contractcheck {
namespace {

constexpr RenamedAs Enumerator = RenamedAs::Enumerator;
constexpr RenamedAs Label = RenamedAs::Label;

TEST(RenameOnlyChangeTest, AMemberRenamedKeepsItsOrigin) {
  // OpenRCT2's "Rename IMAGE_FORMAT and its members", fish's enum made `enum class`.
  EXPECT_EQ(renamedFrom("    PNG_32, // Force load to 32bpp buffer",
                        "    png32, // Force load to 32bpp buffer", "png32", Enumerator),
            "PNG_32");
  EXPECT_EQ(renamedFrom("    parse_special_type_comment,", "    comment,", "comment", Enumerator),
            "parse_special_type_comment");
  EXPECT_EQ(renamedFrom("  RIDE_MODE_NORMAL = 1,", "\tNormal = 1, /* was RIDE_MODE_NORMAL */",
                        "Normal", Enumerator),
            "RIDE_MODE_NORMAL");
  EXPECT_EQ(renamedFrom("  kFast, kSlow", "  Fast, Slow", "Slow", Enumerator), "kSlow");
  EXPECT_EQ(renamedFrom("enum IMAGE_FORMAT { UNKNOWN, BITMAP };",
                        "enum class ImageFormat { unknown, bitmap };", "bitmap", Enumerator),
            "BITMAP");
}

TEST(RenameOnlyChangeTest, ALabelRenamedOrQualifiedKeepsItsOrigin) {
  EXPECT_EQ(renamedFrom("            case IMAGE_FORMAT::PNG:", "            case ImageFormat::png:",
                        "png", Label),
            "PNG");
  EXPECT_EQ(renamedFrom("case parse_token_type_string:", "case parse_token_type_t::string:",
                        "string", Label),
            "parse_token_type_string");
  EXPECT_EQ(renamedFrom("  default:", "    default:", "default", Label), "default");
}

TEST(RenameOnlyChangeTest, AChangedValueOrMeaningIsNoRename) {
  // The value, an operator, a literal changed.
  EXPECT_FALSE(renamedFrom("  TGA = 20,", "  tga = 21,", "tga", Enumerator));
  EXPECT_FALSE(renamedFrom("  A = 1 << 2,", "  a = 1 << 3,", "a", Enumerator));
  EXPECT_FALSE(renamedFrom("  case X: return \"x\";", "  case x: return \"y\";", "x", Label));
  // Another name, not the same words: a slot reused, a word cut in the middle.
  EXPECT_FALSE(renamedFrom("  Reserved3,", "  Bluetooth,", "Bluetooth", Enumerator));
  EXPECT_FALSE(renamedFrom("  Colour,", "  our,", "our", Enumerator));
  // A token added or removed: an initializer, a member beside it.
  EXPECT_FALSE(renamedFrom("  PNG,", "  png = 4,", "png", Enumerator));
  EXPECT_FALSE(renamedFrom("  PNG,", "  png, jpeg,", "png", Enumerator));
  // Two old names made one.
  EXPECT_FALSE(renamedFrom("  A_X = B_X,", "  x = x,", "x", Enumerator));
  // The new line does not declare or label the name.
  EXPECT_FALSE(renamedFrom("  f(OLD_X);", "  f(x);", "x", Enumerator));
  EXPECT_FALSE(renamedFrom("  PNG,", "  png,", "png", Label));
}

} // namespace
} // namespace contractcheck
