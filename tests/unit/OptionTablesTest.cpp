// Every option table in the docs is tested against the rules' own option declarations
// (RuleInfo::Options): docs/configuration.md's table of each rule and the rule page's table list
// exactly the declared keys, with the declared clang-tidy names and defaults.
#include "RuleOptions.h"
#include "rules/RuleRegistry.h"
#include "TestPaths.h"
#include "Subprocess.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

namespace contractcheck {
namespace {

using Row = std::vector<std::string>;

// The cells of a Markdown table row ('\|' is a '|' inside a cell).
Row cellsOf(const std::string &Line) {
  Row Cells;
  std::string Cell;
  for (size_t I = 1; I < Line.size(); ++I) {
    if (Line[I] == '\\' && I + 1 < Line.size() && Line[I + 1] == '|') {
      Cell += '|';
      ++I;
    } else if (Line[I] == '|') {
      size_t B = Cell.find_first_not_of(' '), E = Cell.find_last_not_of(' ');
      Cells.push_back(B == std::string::npos ? "" : Cell.substr(B, E - B + 1));
      Cell.clear();
    } else {
      Cell += Line[I];
    }
  }
  return Cells;
}

// The first `code span` of a cell, or "" when it has none.
std::string codeOf(const std::string &Cell) {
  size_t B = Cell.find('`');
  if (B == std::string::npos)
    return "";
  size_t E = Cell.find('`', B + 1);
  return Cell.substr(B + 1, E - B - 1);
}

// The tables of Text from the line starting with Start to the next line starting with End:
// header row, then the rows.
std::vector<std::vector<Row>> tablesIn(const std::string &Text, const std::string &Start,
                                       const std::string &End) {
  size_t From = Text.find(Start);
  if (From == std::string::npos)
    return {};
  size_t To = End.empty() ? std::string::npos : Text.find(End, From + Start.size());
  std::istringstream In(Text.substr(From, To == std::string::npos ? std::string::npos : To - From));
  std::vector<std::vector<Row>> Tables;
  bool InTable = false;
  for (std::string Line; std::getline(In, Line);) {
    if (Line.rfind("|", 0) != 0) {
      InTable = false;
      continue;
    }
    if (Line.rfind("|---", 0) == 0)
      continue;
    if (!InTable)
      Tables.emplace_back();
    InTable = true;
    Tables.back().push_back(cellsOf(Line));
  }
  return Tables;
}

int columnOf(const Row &Header, const std::vector<std::string> &Names) {
  for (size_t I = 0; I < Header.size(); ++I)
    for (const std::string &Name : Names)
      if (Header[I].find(Name) != std::string::npos)
        return static_cast<int>(I);
  return -1;
}

// The options table of a section: the table whose rows name declared keys.
const std::vector<Row> *optionTable(const std::vector<std::vector<Row>> &Tables, const RuleInfo &Rule) {
  for (const std::vector<Row> &Table : Tables)
    for (size_t I = 1; I < Table.size(); ++I)
      if (!Table[I].empty() && Rule.findOption(codeOf(Table[I][0])))
        return &Table;
  return nullptr;
}

std::vector<std::string> declaredKeys(const RuleInfo &Rule) {
  std::vector<std::string> Keys;
  for (const OptionSpec &Spec : Rule.Options)
    Keys.emplace_back(Spec.Key);
  std::sort(Keys.begin(), Keys.end());
  return Keys;
}

std::vector<std::string> documentedKeys(const std::vector<Row> &Table) {
  std::vector<std::string> Keys;
  for (size_t I = 1; I < Table.size(); ++I)
    if (!Table[I].empty())
      Keys.push_back(codeOf(Table[I][0]));
  std::sort(Keys.begin(), Keys.end());
  return Keys;
}

// A documented default matches the declared one written either way: in CheckOptions form
// ("a;b") or as the YAML/JSON value (["a", "b"]).
bool sameDefault(const std::string &Documented, const OptionSpec &Spec, const RuleInfo &Rule) {
  if (Documented == Spec.Default)
    return true;
  nlohmann::json Value = nlohmann::json::parse(Documented, nullptr, /*allow_exceptions=*/false);
  return !Value.is_discarded() && Value == RuleOptions(Rule).get(Spec.Key);
}

TEST(OptionTablesTest, EachRulePageListsTheDeclaredOptions) {
  for (const RuleInfo *Rule : allRules()) {
    SCOPED_TRACE(std::string(Rule->Id));
    std::string Page = test::readFile(test::sourceDir() + "/docs/rules/" + std::string(Rule->Id) + ".md");
    std::vector<std::vector<Row>> Tables = tablesIn(Page, "## Options", "\n## ");
    const std::vector<Row> *Table = optionTable(Tables, *Rule);
    if (Rule->Options.empty()) {
      EXPECT_EQ(Table, nullptr);
      continue;
    }
    ASSERT_NE(Table, nullptr) << "no options table under '## Options'";
    EXPECT_EQ(documentedKeys(*Table), declaredKeys(*Rule));
    int Tidy = columnOf((*Table)[0], {"clang-tidy", "CheckOptions"});
    int Default = columnOf((*Table)[0], {"Default"});
    ASSERT_GE(Default, 0);
    for (size_t I = 1; I < Table->size(); ++I) {
      const Row &R = (*Table)[I];
      const OptionSpec *Spec = R.empty() ? nullptr : Rule->findOption(codeOf(R[0]));
      if (!Spec || R.size() <= static_cast<size_t>(std::max(Default, Tidy)))
        continue;
      if (Tidy >= 0) {
        std::string Name = codeOf(R[Tidy]);
        EXPECT_TRUE(Name == tidyOptionName(Spec->Key) ||
                    Name == std::string(Rule->Id) + "." + tidyOptionName(Spec->Key))
            << Spec->Key << ": " << Name;
      }
      EXPECT_TRUE(sameDefault(codeOf(R[Default]), *Spec, *Rule))
          << Spec->Key << ": documented '" << codeOf(R[Default]) << "', declared '" << Spec->Default
          << "'";
    }
  }
}

TEST(OptionTablesTest, ConfigurationListsTheDeclaredOptionsOfEachRule) {
  std::string Configuration = test::readFile(test::sourceDir() + "/docs/configuration.md");
  for (const RuleInfo *Rule : allRules()) {
    SCOPED_TRACE(std::string(Rule->Id));
    std::string Heading = "#### `" + std::string(Rule->Id) + "` options";
    std::vector<std::vector<Row>> Tables = tablesIn(Configuration, Heading, "\n#");
    const std::vector<Row> *Table = optionTable(Tables, *Rule);
    if (Rule->Options.empty())
      continue;
    ASSERT_NE(Table, nullptr) << "no table under '" << Heading << "'";
    EXPECT_EQ(documentedKeys(*Table), declaredKeys(*Rule));
    int Default = columnOf((*Table)[0], {"Default"});
    ASSERT_GE(Default, 0);
    for (size_t I = 1; I < Table->size(); ++I) {
      const Row &R = (*Table)[I];
      const OptionSpec *Spec = R.empty() ? nullptr : Rule->findOption(codeOf(R[0]));
      if (!Spec || R.size() <= static_cast<size_t>(std::max(Default, 0)))
        continue;
      // "as for `other-rule`": the other rule's option of the same key.
      if (R[Default].rfind("as for ", 0) == 0) {
        const RuleInfo *Other = findRule(codeOf(R[Default]));
        ASSERT_NE(Other, nullptr) << R[Default];
        const OptionSpec *Same = Other->findOption(Spec->Key);
        ASSERT_NE(Same, nullptr) << R[Default];
        EXPECT_EQ(RuleOptions(*Rule).get(Spec->Key), RuleOptions(*Other).get(Spec->Key)) << Spec->Key;
        continue;
      }
      EXPECT_TRUE(sameDefault(codeOf(R[Default]), *Spec, *Rule))
          << Spec->Key << ": documented '" << codeOf(R[Default]) << "', declared '" << Spec->Default
          << "'";
    }
  }
}

} // namespace
} // namespace contractcheck
