// The one rule list is the source of truth: every rule in it must be documented and have
// fixtures that show it firing and staying silent.
#include "rules/RuleRegistry.h"
#include "Subprocess.h"
#include "TestPaths.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

namespace contractcheck {
namespace {

namespace fs = std::filesystem;

TEST(RuleCatalogueTest, IdsAreUniqueAndPrefixed) {
  std::set<std::string_view> Seen;
  for (const RuleInfo *Info : allRules()) {
    EXPECT_EQ(Info->Id.rfind("contract-", 0), 0u) << Info->Id;
    EXPECT_TRUE(Seen.insert(Info->Id).second) << Info->Id;
    EXPECT_EQ(findRule(Info->Id), Info);
    EXPECT_FALSE(Info->Summary.empty());
    EXPECT_FALSE(Info->Description.empty());
    EXPECT_TRUE(Info->Scope == RuleScope::Global ? Info->CreateGlobalRule != nullptr
                                                 : Info->CreateTURule != nullptr);
  }
}

TEST(RuleCatalogueTest, EveryRuleHasADocPageNamingEachOption) {
  for (const RuleInfo *Info : allRules()) {
    std::string Page = test::sourceDir() + "/docs/rules/" + std::string(Info->Id) + ".md";
    ASSERT_TRUE(fs::exists(Page)) << Page;
    std::string Text = test::readFile(Page);
    for (const OptionSpec &Spec : Info->Options) {
      EXPECT_NE(Text.find(std::string(Spec.Key)), std::string::npos) << Page << ": " << Spec.Key;
      EXPECT_NE(Text.find(tidyOptionName(Spec.Key)), std::string::npos) << Page << ": " << Spec.Key;
    }
  }
}

TEST(RuleCatalogueTest, EveryRuleHasPositiveAndNegativeFixtures) {
  for (const RuleInfo *Info : allRules()) {
    fs::path Dir = fs::path(test::fixturesDir()) / std::string(Info->Id);
    ASSERT_TRUE(fs::is_directory(Dir)) << Dir;
    bool Positive = false, Negative = false;
    for (const auto &Entry : fs::recursive_directory_iterator(Dir)) {
      if (!Entry.is_regular_file())
        continue;
      std::string Text = test::readFile(Entry.path().string());
      Positive |= Text.find("expected-error") != std::string::npos ||
                  Text.find("expected-warning") != std::string::npos;
      Negative |= Text.find("expected-no-diagnostics") != std::string::npos;
    }
    EXPECT_TRUE(Positive) << Info->Id << " has no fixture that expects a finding";
    EXPECT_TRUE(Negative) << Info->Id << " has no fixture that must stay silent";
  }
}

// The rule lists in README.md, docs/README.md and docs/configuration.md are written by hand (each
// entry says what the rule finds) and by scripts/new-rule.sh: each must list exactly the rules of
// Rules.def.
TEST(RuleCatalogueTest, EveryListOfRulesInTheDocsIsRulesDef) {
  struct List {
    std::string File;
    std::string Entry; // a regex whose first group is a rule id
  };
  const List Lists[] = {
      {"README.md", R"(\n- \[`(contract-[a-z0-9-]+)`\]\(docs/rules/\1\.md\))"},
      {"docs/README.md", R"(\n\| \[(contract-[a-z0-9-]+)\]\(rules/\1\.md\) \|)"},
      {"docs/configuration.md", R"(\n#### `(contract-[a-z0-9-]+)` options\n)"},
  };
  std::set<std::string> Registered;
  for (const RuleInfo *Info : allRules())
    Registered.insert(std::string(Info->Id));
  for (const List &L : Lists) {
    std::string Text = test::readFile(test::sourceDir() + "/" + L.File);
    std::set<std::string> Listed;
    std::regex Entry(L.Entry);
    for (auto It = std::sregex_iterator(Text.begin(), Text.end(), Entry);
         It != std::sregex_iterator(); ++It)
      EXPECT_TRUE(Listed.insert((*It)[1]).second) << L.File << " lists " << (*It)[1] << " twice";
    EXPECT_EQ(Listed, Registered) << L.File;
  }
}

TEST(RuleCatalogueTest, TidyOptionNamesAreCamelCase) {
  EXPECT_EQ(tidyOptionName("report-without-default"), "ReportWithoutDefault");
  EXPECT_EQ(tidyOptionName("enums"), "Enums");
}

} // namespace
} // namespace contractcheck
