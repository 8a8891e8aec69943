#include "Suppression.h"

#include <gtest/gtest.h>

namespace contractcheck {
namespace {

constexpr const char *Rule = "contract-switch-coverage";

TEST(SuppressionTest, NolintWithoutListSilencesEveryRuleOnItsLine) {
  SuppressionIndex Index("a;\nswitch (x) { // NOLINT\nb;\n");
  EXPECT_TRUE(Index.isSuppressed(2, Rule));
  EXPECT_FALSE(Index.isSuppressed(1, Rule));
  EXPECT_FALSE(Index.isSuppressed(3, Rule));
}

TEST(SuppressionTest, NolintListNamesRulesAndGlobs) {
  SuppressionIndex Index("x; // NOLINT(contract-switch-coverage)\n"
                         "y; // NOLINT(bugprone-*, contract-*)\n"
                         "z; // NOLINT(contract-mock-drift)\n");
  EXPECT_TRUE(Index.isSuppressed(1, Rule));
  EXPECT_TRUE(Index.isSuppressed(2, Rule));
  EXPECT_FALSE(Index.isSuppressed(3, Rule));
}

TEST(SuppressionTest, NolintNextLineCoversOnlyTheNextLine) {
  SuppressionIndex Index("// NOLINTNEXTLINE(contract-switch-coverage)\nswitch (x) {}\nswitch (y) {}\n");
  EXPECT_FALSE(Index.isSuppressed(1, Rule));
  EXPECT_TRUE(Index.isSuppressed(2, Rule));
  EXPECT_FALSE(Index.isSuppressed(3, Rule));
}

TEST(SuppressionTest, BeginEndCoverTheLinesBetweenThem) {
  SuppressionIndex Index("a\n// NOLINTBEGIN(contract-*)\nb\nc\n// NOLINTEND(contract-*)\nd\n");
  EXPECT_FALSE(Index.isSuppressed(1, Rule));
  EXPECT_TRUE(Index.isSuppressed(3, Rule));
  EXPECT_TRUE(Index.isSuppressed(4, Rule));
  EXPECT_FALSE(Index.isSuppressed(6, Rule));
  EXPECT_TRUE(Index.unmatchedLines().empty());
}

TEST(SuppressionTest, UnmatchedBeginSuppressesNothingAndIsReported) {
  SuppressionIndex Index("// NOLINTBEGIN(contract-*)\nb\n// NOLINTEND(bugprone-*)\n");
  EXPECT_FALSE(Index.isSuppressed(2, Rule));
  EXPECT_EQ(Index.unmatchedLines(), (std::vector<unsigned>{3, 1}));
}

TEST(SuppressionTest, LookalikesAreNotDirectives) {
  SuppressionIndex Index("x; // NOLINTFOO\ny; // NOLINT(contract-switch-coverage\n");
  EXPECT_FALSE(Index.isSuppressed(1, Rule));
  EXPECT_FALSE(Index.isSuppressed(2, Rule));
}

} // namespace
} // namespace contractcheck
