#include "Glob.h"

#include <gtest/gtest.h>

namespace contractcheck {
namespace {

bool pathMatches(const char *Pattern, const char *Text) {
  return Glob::parse(Pattern, Glob::Kind::Path)->matches(Text);
}
bool nameMatches(const char *Pattern, const char *Text) {
  return Glob::parse(Pattern, Glob::Kind::Name)->matches(Text);
}

TEST(GlobTest, PathStarStaysInOneDirectory) {
  EXPECT_TRUE(pathMatches("src/*.cpp", "src/a.cpp"));
  EXPECT_FALSE(pathMatches("src/*.cpp", "src/sub/a.cpp"));
}

TEST(GlobTest, DoubleStarCrossesDirectoriesAndMatchesNone) {
  EXPECT_TRUE(pathMatches("third_party/**", "third_party/x/y/z.h"));
  EXPECT_TRUE(pathMatches("**/generated/*.h", "a/b/generated/x.h"));
  EXPECT_TRUE(pathMatches("**/generated/*.h", "generated/x.h"));
  EXPECT_FALSE(pathMatches("**/generated/*.h", "a/generated/b/x.h"));
}

TEST(GlobTest, NameStarCrossesScopes) {
  EXPECT_TRUE(nameMatches("trading::*", "trading::detail::Side"));
  EXPECT_TRUE(nameMatches("*Count", "kCount"));
  EXPECT_TRUE(nameMatches("kMax*", "kMaxValue"));
  EXPECT_FALSE(nameMatches("kMax*", "Max"));
}

TEST(GlobTest, QuestionMarkAndClasses) {
  EXPECT_TRUE(nameMatches("E?", "E1"));
  EXPECT_FALSE(nameMatches("E?", "E12"));
  EXPECT_TRUE(nameMatches("[a-c]x", "bx"));
  EXPECT_FALSE(nameMatches("[!a-c]x", "bx"));
  EXPECT_TRUE(nameMatches("a\\*", "a*"));
  EXPECT_FALSE(nameMatches("a\\*", "ab"));
}

TEST(GlobTest, MalformedPatternsAreRejectedWithAReason) {
  std::string Error;
  EXPECT_FALSE(Glob::parse("src/[ab", Glob::Kind::Path, &Error));
  EXPECT_NE(Error.find("unclosed '['"), std::string::npos);
  EXPECT_FALSE(Glob::parse("", Glob::Kind::Path, &Error));
  EXPECT_FALSE(Glob::parse("a\\", Glob::Kind::Name, &Error));
}

} // namespace
} // namespace contractcheck
