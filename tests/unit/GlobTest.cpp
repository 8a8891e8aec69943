#include "Glob.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

// A GlobPattern points into the text it was created from: a Glob must keep that text alive and
// in place through copies and moves, whatever the pattern's length (a short one sits in the
// string's inline buffer, which a move does not carry along) and after the text it was parsed
// from is gone. (Under AddressSanitizer or valgrind a dangling pattern fails here.)
TEST(GlobTest, AGlobOwnsThePatternItMatchesWith) {
  std::vector<Glob> Globs;
  for (std::string Text :
       {std::string("ns::*"), std::string("long::namespace::of::the::project::*Impl")}) {
    Globs.push_back(*Glob::parse(Text, Glob::Kind::Name));
    Text.assign(Text.size(), 'x');
  }
  for (int I = 0; I < 64; ++I) // copies, and moves as the vector grows
    Globs.push_back(Globs[I % 2]);
  Glob Moved = std::move(Globs[0]);
  Glob Copied = Globs[1];
  Globs.clear();
  EXPECT_TRUE(Moved.matches("ns::x"));
  EXPECT_FALSE(Moved.matches("other::x"));
  EXPECT_EQ(Moved.pattern(), "ns::*");
  EXPECT_TRUE(Copied.matches("long::namespace::of::the::project::ServiceImpl"));
  EXPECT_FALSE(Copied.matches("long::namespace::of::the::project::Service"));
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

namespace contractcheck {
namespace {

// Every word of up to Longest characters over Alphabet, the empty one first.
std::vector<std::string> wordsOver(std::string_view Alphabet, size_t Longest) {
  std::vector<std::string> Words{""};
  for (size_t From = 0, Length = 0; Length < Longest; ++Length) {
    size_t To = Words.size();
    for (size_t I = From; I < To; ++I)
      for (char C : Alphabet)
        Words.push_back(Words[I] + C);
    From = To;
  }
  return Words;
}

// A name glob of literal characters and stars is matched without llvm::GlobPattern (Glob.cpp,
// starMatch): on every such pattern of up to five characters over {a, b, :, *} and every text of
// up to five over {a, b, :}, the same answer as the GlobPattern.
TEST(GlobTest, AStarsOnlyNameGlobMatchesAsGlobPatternDoes) {
  std::vector<std::string> Texts = wordsOver("ab:", 5);
  for (const std::string &Pattern : wordsOver("ab:*", 5)) {
    if (Pattern.empty())
      continue;
    std::optional<Glob> G = Glob::parse(Pattern, Glob::Kind::Name);
    ASSERT_TRUE(G) << Pattern;
    llvm::GlobPattern Reference = llvm::cantFail(llvm::GlobPattern::create(Pattern));
    for (const std::string &Text : Texts)
      ASSERT_EQ(G->matches(Text), Reference.match(Text)) << Pattern << " on '" << Text << "'";
  }
}

// Whether a name glob is stars-only (literal characters and '*', matched by starMatch) is found
// once, at its first match, and shared by its copies (Glob::matches): on every pattern
// of up to four characters over {a, *, ?, \\} (a '?' or an escape anywhere makes it a GlobPattern's
// to match) and every text of up to four over {a, *, ?, \\}, the same answer as the GlobPattern,
// from the parsed glob and from a copy made before it first matched.
TEST(GlobTest, WhetherAGlobIsStarsOnlyIsFoundOnceAndKeptByCopies) {
  std::vector<std::string> Texts = wordsOver("a*?\\", 4);
  size_t StarsOnly = 0, Others = 0;
  for (const std::string &Pattern : wordsOver("a*?\\", 4)) {
    if (Pattern.empty())
      continue;
    std::optional<Glob> G = Glob::parse(Pattern, Glob::Kind::Name);
    llvm::Expected<llvm::GlobPattern> Reference = llvm::GlobPattern::create(Pattern);
    if (!Reference) { // a trailing '\\'
      llvm::consumeError(Reference.takeError());
      ASSERT_FALSE(G) << Pattern;
      continue;
    }
    ASSERT_TRUE(G) << Pattern;
    Glob Copy = *G;
    (Pattern.find_first_of("?\\") == std::string::npos ? StarsOnly : Others) += 1;
    for (const std::string &Text : Texts) {
      ASSERT_EQ(Copy.matches(Text), Reference->match(Text)) << Pattern << " on '" << Text << "'";
      ASSERT_EQ(G->matches(Text), Reference->match(Text)) << Pattern << " on '" << Text << "'";
    }
  }
  EXPECT_GT(StarsOnly, 0u);
  EXPECT_GT(Others, 0u);
}

// parse refuses a name glob exactly when llvm::GlobPattern::create does, without making one for
// a valid glob with a class (Glob.cpp, rangesInOrder): on every pattern of up to five characters
// over {a, z, -, [, ], ^, \}, the same answer, GlobPattern's reason for a range out of order,
// and the same matches as the GlobPattern on every text of up to three over {a, m, z, -, ]}.
TEST(GlobTest, AClassIsRefusedExactlyAsGlobPatternRefusesIt) {
  std::vector<std::string> Texts = wordsOver("amz-]", 3);
  size_t Refused = 0, Classes = 0;
  for (const std::string &Pattern : wordsOver("az-[]^\\", 5)) {
    if (Pattern.empty())
      continue;
    std::string Error;
    std::optional<Glob> G = Glob::parse(Pattern, Glob::Kind::Name, &Error);
    llvm::Expected<llvm::GlobPattern> Reference = llvm::GlobPattern::create(Pattern);
    if (!Reference) {
      std::string Why = llvm::toString(Reference.takeError());
      ASSERT_FALSE(G) << Pattern;
      if (Why.rfind("invalid glob pattern: ", 0) == 0) {
        EXPECT_EQ(Error, Why) << Pattern;
        ++Refused;
      }
      continue;
    }
    ASSERT_TRUE(G) << Pattern << ": " << Error;
    Classes += Pattern.find('[') != std::string::npos;
    for (const std::string &Text : Texts)
      ASSERT_EQ(G->matches(Text), Reference->match(Text)) << Pattern << " on '" << Text << "'";
  }
  EXPECT_GT(Refused, 0u);
  EXPECT_GT(Classes, 0u);
}

} // namespace
} // namespace contractcheck
