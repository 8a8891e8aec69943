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

// A name glob with many '*' that fails to match used to try every split of the name for each
// '*' (exponential); llvm::GlobPattern matches in linear time. Were it slow, this would not end.
TEST(GlobTest, ManyStarsDoNotBlowUp) {
  std::string Pattern, Name(200, 'a');
  for (int I = 0; I < 40; ++I)
    Pattern += "*a";
  EXPECT_FALSE(nameMatches((Pattern + "b").c_str(), Name.c_str()));
  EXPECT_TRUE(nameMatches(Pattern.c_str(), Name.c_str()));
  EXPECT_TRUE(nameMatches("*::*::*::*", "a::b::c::d"));
  EXPECT_FALSE(nameMatches("*::*::*::*::*", "a::b::c::d"));
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
