// Rule options: one validation for .contractcheck.yaml and clang-tidy's CheckOptions strings, and
// typed values a rule reads once.
#include "OptionParser.h"
#include "RuleOptions.h"
#include "rules/RuleRegistry.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

namespace contractcheck {
namespace {

constexpr std::string_view Spellings[] = {"exact", "snake_case"};
constexpr std::string_view Formats[] = {"json", "yaml"};
constexpr FieldSpec BindingFields[] = {
    {"enum", OptionType::String, true, "qualified enum name"},
    {"arg", OptionType::Unsigned, false, "argument index", {}, "0"},
    {"names", OptionType::Choice, false, "spelling", Spellings, "exact"},
    {"files", OptionType::PathGlobList, false, "data files", {}, ""},
    // No default: left out, the rule decides (a data binding's format, by each file's extension).
    {"format", OptionType::Choice, false, "format", Formats},
};
constexpr FieldSpec EndpointFields[] = {
    {"function", OptionType::String, true, "qualified function name"},
    {"arg", OptionType::Unsigned, false, "argument index", {}, "0"},
};
constexpr FieldSpec RouteFields[] = {
    {"name", OptionType::String, true, "name"},
    {"register", OptionType::RecordList, true, "where names are registered", {}, {},
     EndpointFields},
    {"call", OptionType::RecordList, false, "where names are called", {}, "", EndpointFields},
};
constexpr OptionSpec Specs[] = {
    {"flag", OptionType::Bool, "false", "a flag"},
    {"share", OptionType::Percent, "75", "a percentage"},
    {"enums", OptionType::NameGlobList, "*;x::*", "globs"},
    {"bindings", OptionType::RecordList, "", "records", BindingFields},
    {"pairs", OptionType::RecordList, "", "pairs", BindingFields, {}, '='},
    {"routes", OptionType::RecordList, "", "record lists inside records", RouteFields},
};
const RuleInfo Info{.Id = "test-rule", .Summary = "", .Description = "",
                    .Scope = RuleScope::TranslationUnit, .Options = Specs};

const OptionSpec &spec(std::string_view Key) { return *Info.findOption(Key); }

OptionError errorOf(const OptionSpec &Spec, const std::string &Yaml) {
  try {
    parseOption(Spec, YAML::Load(Yaml));
  } catch (const OptionError &E) {
    return E;
  }
  ADD_FAILURE() << "no error for " << Yaml;
  return {};
}

TEST(OptionParserTest, DefaultsAreTyped) {
  RuleOptions Options(Info);
  EXPECT_FALSE(Options.getBool("flag"));
  EXPECT_EQ(Options.getUnsigned("share"), 75u);
  EXPECT_EQ(Options.getList("enums"), (std::vector<std::string>{"*", "x::*"}));
  ASSERT_EQ(Options.getGlobs("enums").size(), 2u);
  EXPECT_TRUE(Options.getGlobs("enums")[1].matches("x::E"));
  EXPECT_TRUE(Options.get("bindings").empty());
  EXPECT_THROW(Options.get("nonexistent"), std::logic_error);
}

// defaultValue reads a list's or an empty record list's default without YAML: the value must be
// the one the full validation gives, for every option every rule declares (which also checks
// that every default is valid: the fast path does not compile the default globs).
TEST(OptionParserTest, EveryRulesDefaultsAreWhatTheFullValidationReads) {
  size_t Checked = 0;
  for (const RuleInfo *Rule : allRules())
    for (const OptionSpec &Spec : Rule->Options) {
      nlohmann::json Parsed;
      ASSERT_NO_THROW(Parsed = parseOptionString(Spec, std::string(Spec.Default)))
          << Rule->Id << "." << Spec.Key;
      EXPECT_EQ(defaultValue(Spec), Parsed) << Rule->Id << "." << Spec.Key;
      ++Checked;
    }
  EXPECT_GT(Checked, 20u);
  for (const OptionSpec &Spec : Specs)
    EXPECT_EQ(defaultValue(Spec), parseOptionString(Spec, std::string(Spec.Default))) << Spec.Key;
}

TEST(OptionParserTest, RecordListsFromYamlFillFieldDefaults) {
  nlohmann::json Value = parseOption(
      spec("bindings"), YAML::Load("[{enum: a::E, names: snake_case}, {enum: b::F, arg: 2}]"));
  ASSERT_EQ(Value.size(), 2u);
  EXPECT_EQ(Value[0]["enum"], "a::E");
  EXPECT_EQ(Value[0]["arg"], 0);
  EXPECT_EQ(Value[0]["names"], "snake_case");
  EXPECT_EQ(Value[1]["arg"], 2);
  EXPECT_EQ(Value[1]["names"], "exact");
  EXPECT_EQ(Value[1]["files"], nlohmann::json::array());
  EXPECT_FALSE(Value[1].contains("format"));
  EXPECT_EQ(parseOption(spec("bindings"), YAML::Load("[{enum: a::E, format: yaml}]"))[0]["format"],
            "yaml");
}

TEST(OptionParserTest, TheSameValidationServesCheckOptionsStrings) {
  for (const OptionSpec &Spec : Specs) {
    nlohmann::json Default = defaultValue(Spec);
    EXPECT_EQ(parseOptionString(Spec, toOptionString(Spec, Default)), Default) << Spec.Key;
  }
  nlohmann::json Bindings = parseOptionString(spec("bindings"), "[{enum: a::E, arg: 1}]");
  EXPECT_EQ(parseOptionString(spec("bindings"), toOptionString(spec("bindings"), Bindings)),
            Bindings);
  EXPECT_EQ(parseOptionString(spec("flag"), "1"), true);
  EXPECT_EQ(parseOptionString(spec("enums"), " a ; ;b "), nlohmann::json::array({"a", "b"}));
  EXPECT_EQ(parseOptionString(spec("pairs"), "a::E=1"),
            parseOption(spec("pairs"), YAML::Load("[{enum: a::E, arg: 1}]")));
}

TEST(OptionParserTest, RecordListsNestInsideRecords) {
  nlohmann::json Value = parseOption(spec("routes"), YAML::Load(R"(
- name: bus
  register: [{function: a::Bus::on, arg: 1}, {function: a::on}]
)"));
  ASSERT_EQ(Value.size(), 1u);
  ASSERT_EQ(Value[0]["register"].size(), 2u);
  EXPECT_EQ(Value[0]["register"][0]["function"], "a::Bus::on");
  EXPECT_EQ(Value[0]["register"][0]["arg"], 1);
  EXPECT_EQ(Value[0]["register"][1]["arg"], 0);     // the inner field's default
  EXPECT_EQ(Value[0]["call"], nlohmann::json::array()); // the outer field's default
  // The CheckOptions form carries the nesting too.
  EXPECT_EQ(parseOptionString(spec("routes"), toOptionString(spec("routes"), Value)), Value);

  OptionError E = errorOf(spec("routes"), "- name: bus\n  register: [{function: f, ag: 1}]");
  EXPECT_EQ(E.Message, "unknown key 'ag' in each item of 'register' (did you mean 'arg'?); "
                       "expected one of: function, arg");
  EXPECT_EQ(E.Line, 2u);
  EXPECT_EQ(E.Column, 28u);
  EXPECT_EQ(errorOf(spec("routes"), "- {name: bus, register: [{arg: 1}]}").Message,
            "each item of 'register' needs the key 'function'");
  EXPECT_EQ(errorOf(spec("routes"), "- {name: bus, register: f}").Message,
            "'register' must be a list of mappings, got 'f'");
  EXPECT_EQ(errorOf(spec("routes"), "- {name: bus}").Message,
            "each item of 'routes' needs the key 'register'");
}

TEST(OptionParserTest, BadValuesArePositionedWithSuggestions) {
  OptionError E = errorOf(spec("bindings"), "- {enum: a::E, names: snake_cse}");
  EXPECT_EQ(E.Message, "'names' must be one of exact, snake_case, got 'snake_cse' (did you mean "
                       "'snake_case'?)");
  EXPECT_EQ(E.Line, 1u);
  EXPECT_EQ(E.Column, 23u);
  EXPECT_EQ(errorOf(spec("bindings"), "- {arg: 1}").Message,
            "each item of 'bindings' needs the key 'enum'");
  EXPECT_EQ(errorOf(spec("bindings"), "- {enum: E, enum: F}").Message,
            "duplicate key 'enum' in each item of 'bindings'");
  EXPECT_EQ(errorOf(spec("bindings"), "- {enum: E, arg: -1}").Message,
            "'arg' must be a whole number from 0 to 1000000, got '-1'");
  EXPECT_EQ(errorOf(spec("share"), "101").Message,
            "'share' must be a whole number from 0 to 100, got '101'");
  EXPECT_EQ(errorOf(spec("enums"), "['a[']").Message.substr(0, 22), "bad glob 'a[' in 'enum");
  EXPECT_THROW(parseOptionString(spec("flag"), "maybe"), OptionError);
  EXPECT_THROW(parseOptionString(spec("bindings"), "[{enum: "), OptionError);
}

} // namespace
} // namespace contractcheck
