#include "rules/utils/NameSpelling.h"

#include <gtest/gtest.h>

namespace contractcheck {
namespace {

using Words = std::vector<std::string>;

TEST(NameSpellingTest, SplitsAtUnderscoresAndCaseChanges) {
  EXPECT_EQ(identifierWords("SYSTEM_ERROR"), (Words{"system", "error"}));
  EXPECT_EQ(identifierWords("systemError"), (Words{"system", "error"}));
  EXPECT_EQ(identifierWords("SystemError"), (Words{"system", "error"}));
  EXPECT_EQ(identifierWords("system-error"), (Words{"system", "error"}));
  EXPECT_EQ(identifierWords("__leading__and__double"), (Words{"leading", "and", "double"}));
}

TEST(NameSpellingTest, KeepsAcronymsAndDigitsTogether) {
  EXPECT_EQ(identifierWords("HTTPServer"), (Words{"http", "server"}));
  EXPECT_EQ(identifierWords("parseHTTPRequest"), (Words{"parse", "http", "request"}));
  EXPECT_EQ(identifierWords("Http2Server"), (Words{"http2", "server"}));
  EXPECT_EQ(identifierWords("IPv4"), (Words{"i", "pv4"}));
  EXPECT_EQ(identifierWords("URL"), (Words{"url"}));
  EXPECT_EQ(identifierWords("A"), (Words{"a"}));
}

TEST(NameSpellingTest, ReadsATextWordByWordBetweenWhiteSpace) {
  EXPECT_EQ(textWords("Stream property can_play is false"),
            (Words{"stream", "property", "can", "play", "is", "false"}));
  EXPECT_EQ(textWords("  Parse\terror\n"), (Words{"parse", "error"}));
  EXPECT_EQ(textWords("parseError"), (Words{"parse", "error"}));
  EXPECT_EQ(textWords(""), Words{});
  // Punctuation stays on its word: a decorated name is not the name.
  EXPECT_EQ(textWords("warning: "), (Words{"warning:"}));
}

TEST(NameSpellingTest, DropsTheGoogleKPrefixOfEnumerators) {
  EXPECT_EQ(enumeratorWords("kPagerDuty"), (Words{"pager", "duty"}));
  EXPECT_EQ(enumeratorWords("kHTTPError"), (Words{"http", "error"}));
  EXPECT_EQ(enumeratorWords("k2xx"), (Words{"2xx"}));
  // Not a prefix: a word that starts with k, or a lone k.
  EXPECT_EQ(enumeratorWords("keep_alive"), (Words{"keep", "alive"}));
  EXPECT_EQ(enumeratorWords("k"), (Words{"k"}));
  EXPECT_EQ(identifierWords("kPagerDuty"), (Words{"k", "pager", "duty"}));
}

TEST(NameSpellingTest, RendersEachSpelling) {
  Words W{"pager", "duty"};
  EXPECT_EQ(renderWords(W, NameSpelling::SnakeCase), "pager_duty");
  EXPECT_EQ(renderWords(W, NameSpelling::ScreamingSnakeCase), "PAGER_DUTY");
  EXPECT_EQ(renderWords(W, NameSpelling::CamelCase), "pagerDuty");
  EXPECT_EQ(renderWords(W, NameSpelling::PascalCase), "PagerDuty");
  EXPECT_EQ(renderWords(W, NameSpelling::KebabCase), "pager-duty");
}

TEST(NameSpellingTest, SpellsEnumerators) {
  EXPECT_EQ(spellEnumerator("kPagerDuty", NameSpelling::Exact), "kPagerDuty");
  EXPECT_EQ(spellEnumerator("kPagerDuty", NameSpelling::SnakeCase), "pager_duty");
  EXPECT_EQ(spellEnumerator("SYSTEM_ERROR", NameSpelling::CamelCase), "systemError");
  EXPECT_EQ(spellEnumerator("HTTPServer", NameSpelling::KebabCase), "http-server");
  EXPECT_EQ(spellEnumerator("Info", NameSpelling::ScreamingSnakeCase), "INFO");
}

TEST(NameSpellingTest, EveryNameReadsAsItsSpelling) {
  ASSERT_EQ(spellingNames().size(), 6u);
  for (const std::string &Name : spellingNames())
    EXPECT_EQ(spellingName(SpellingChoices.value(Name)), Name);
  EXPECT_EQ(SpellingChoices.value("SCREAMING_SNAKE_CASE"), NameSpelling::ScreamingSnakeCase);
  EXPECT_THROW(SpellingChoices.value("snake-case"), std::logic_error);
}

TEST(NameSpellingTest, ClosestNameFindsLikelyTyposOnly) {
  Words Enumerators{"SYSTEM_ERROR", "USER_ERROR", "OK"};
  EXPECT_EQ(closestName("SYSTEM_ERRORR", Enumerators), "SYSTEM_ERROR");
  EXPECT_EQ(closestName("USR_ERROR", Enumerators), "USER_ERROR");
  EXPECT_EQ(closestName("completely_different", Enumerators), std::nullopt);
  EXPECT_EQ(closestName("x", {}), std::nullopt);
}

} // namespace
} // namespace contractcheck
