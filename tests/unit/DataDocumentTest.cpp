// DataDocument: JSON and YAML into positioned trees, and every malformed input as a
// positioned error, never an exception.
#include "DataDocument.h"
#include "DataDocumentParsers.h"
#include "TestPaths.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <regex>

namespace contractcheck {
namespace {

using Kind = DataNode::Kind;

// A plain scalar's kind is matched by hand; it must be what the YAML 1.2 core schema's regular
// expressions (as std::regex matched them before) say, for every string of up to four
// characters from those the expressions name, and a few longer ones.
TEST(DataDocumentTest, PlainScalarKindsAreTheCoreSchemasRegularExpressions) {
  static const std::regex Null("~|null|Null|NULL|");
  static const std::regex Bool("true|True|TRUE|false|False|FALSE");
  static const std::regex Number("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|"
                                 "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|"
                                 "[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");
  auto Expected = [](const std::string &S) {
    if (S.size() > 64)
      return Kind::String;
    if (std::regex_match(S, Null))
      return Kind::Null;
    if (std::regex_match(S, Bool))
      return Kind::Bool;
    if (std::regex_match(S, Number))
      return Kind::Number;
    return Kind::String;
  };
  const std::string Alphabet = "0179aAfFxoeE.+-nN~ ";
  std::vector<std::string> Inputs = {"",
                                     "null",
                                     "Null",
                                     "NULL",
                                     "nULL",
                                     "true",
                                     "TRUE",
                                     "tRUE",
                                     "False",
                                     ".inf",
                                     "-.Inf",
                                     "+.INF",
                                     ".nan",
                                     ".NaN",
                                     ".NAN",
                                     "+.nan",
                                     "-.NaN",
                                     "0o17",
                                     "0o18",
                                     "0x1F",
                                     "0xg",
                                     "-0x1",
                                     "1.5e+10",
                                     "1.e5",
                                     ".5E-3",
                                     "1e",
                                     "1e+",
                                     "+1.0e-07",
                                     std::string(64, '1'),
                                     std::string(65, '1'),
                                     "1_000",
                                     "0b1"};
  std::string S;
  std::function<void(size_t)> Each = [&](size_t Left) {
    Inputs.push_back(S);
    if (Left == 0)
      return;
    for (char C : Alphabet) {
      S.push_back(C);
      Each(Left - 1);
      S.pop_back();
    }
  };
  Each(4);
  for (const std::string &Input : Inputs)
    ASSERT_EQ(data_detail::plainScalarKind(Input), Expected(Input)) << "'" << Input << "'";
}

DataDocument parseOk(std::string_view Text, DataDocument::Format F) {
  DataError Error;
  std::optional<DataDocument> Doc = DataDocument::parse("t", Text, F, Error);
  EXPECT_TRUE(Doc) << Error.render();
  return Doc ? std::move(*Doc)
             : *DataDocument::parse("t", "null", DataDocument::Format::Json, Error);
}

DataError parseError(std::string_view Text, DataDocument::Format F) {
  DataError Error;
  EXPECT_FALSE(DataDocument::parse("t.json", Text, F, Error));
  return Error;
}

std::string externalFixture(std::string_view Name) {
  return (std::filesystem::path(test::fixturesDir()) / "external-enums" /
          std::string(Name))
      .string();
}

TEST(DataDocumentTest, JsonNodesAndKeysCarryLineAndColumn) {
  DataDocument Doc = parseOk("{\n  \"a\": [1, \"x\\u00e9\"],\n\t\"b\": {\"c\": null}\n}",
                             DataDocument::Format::Json);
  const DataNode &Root = Doc.root();
  ASSERT_EQ(Root.kind(), Kind::Map);
  EXPECT_EQ(Root.position(), (DataPosition{1, 1}));
  ASSERT_EQ(Root.entries().size(), 2u);
  EXPECT_EQ(Root.entries()[0].Key, "a");
  EXPECT_EQ(Root.entries()[0].KeyPosition, (DataPosition{2, 3}));
  const DataNode &A = Root.entries()[0].Value;
  ASSERT_EQ(A.kind(), Kind::List);
  EXPECT_EQ(A.position(), (DataPosition{2, 8}));
  EXPECT_EQ(A.items()[0].kind(), Kind::Number);
  EXPECT_EQ(A.items()[0].integer(), 1);
  EXPECT_EQ(A.items()[1].kind(), Kind::String);
  EXPECT_EQ(A.items()[1].text(), "x\xc3\xa9"); // decoded by nlohmann
  EXPECT_EQ(A.items()[1].position(), (DataPosition{2, 12}));
  EXPECT_EQ(Root.entries()[1].KeyPosition, (DataPosition{3, 2})); // a tab is one byte
  EXPECT_EQ(Root.find("b")->find("c")->kind(), Kind::Null);
  EXPECT_EQ(Root.find("missing"), nullptr);
}

TEST(DataDocumentTest, JsonIsStrictAndErrorsArePositioned) {
  DataError E = parseError("{\n  \"a\": [1, 2,]\n}", DataDocument::Format::Json);
  EXPECT_EQ(E.File, "t.json");
  EXPECT_EQ(E.Line, 2u);
  EXPECT_EQ(E.Column, 14u);
  EXPECT_NE(E.Message.find("malformed JSON: syntax error"), std::string::npos) << E.Message;
  EXPECT_EQ(E.render().rfind("t.json:2:14: error: malformed JSON", 0), 0u) << E.render();

  EXPECT_EQ(parseError("// comment\n{}", DataDocument::Format::Json).Line, 1u);
  EXPECT_EQ(parseError("{'a': 1}", DataDocument::Format::Json).Column, 2u);
  EXPECT_EQ(parseError("{} {}", DataDocument::Format::Json).Column, 4u);
  EXPECT_EQ(parseError("", DataDocument::Format::Json).Line, 1u);
}

// drogon's config.example.json opens with a /* */ block and comments out keys with //: jsoncpp
// reads it, strict JSON does not. Jsonc skips both kinds as white space, positions still exact.
TEST(DataDocumentTest, JsoncSkipsCommentsAndKeepsPositions) {
  std::string_view Text = "/* a config\n */\n{\n  // \"off\": 1,\n  \"log\": /* x */ \"DEBUG\",\n"
                          "  /*\n  \"a\": 2,\n  */ \"b\": [1, // one\n 2, /* two, */],\n}\n";
  DataDocument Doc = parseOk(Text, DataDocument::Format::Jsonc);
  const DataNode &Root = Doc.root();
  ASSERT_EQ(Root.kind(), Kind::Map);
  EXPECT_EQ(Root.position(), (DataPosition{3, 1}));
  ASSERT_EQ(Root.entries().size(), 2u);
  EXPECT_EQ(Root.entries()[0].Key, "log");
  EXPECT_EQ(Root.entries()[0].KeyPosition, (DataPosition{5, 3}));
  EXPECT_EQ(Root.entries()[0].Value.position(), (DataPosition{5, 18}));
  EXPECT_EQ(Root.entries()[1].KeyPosition, (DataPosition{8, 6}));
  EXPECT_EQ(Root.find("b")->items()[1].position(), (DataPosition{9, 2}));

  // Comment markers and commas inside strings are text.
  EXPECT_EQ(parseOk("{\"u\": \"http://x/*y*/\", \"v\": \",]\\\"//\"}", DataDocument::Format::Jsonc)
                .root()
                .find("v")
                ->text(),
            ",]\"//");
  // The same text is no strict JSON; an unterminated comment is no JSON with comments either,
  // nor is a comma with nothing before it.
  EXPECT_EQ(parseError(Text, DataDocument::Format::Json).Line, 1u);
  DataError E = parseError("{\"a\": 1}\n /* open", DataDocument::Format::Jsonc);
  EXPECT_EQ(E.render(), "t.json:2:2: error: malformed JSON: a '/*' comment that is never closed");
  EXPECT_EQ(parseError("[,]", DataDocument::Format::Jsonc).Column, 2u);
}

TEST(DataDocumentTest, DuplicateKeysAreErrorsNamingBothPlaces) {
  DataError E = parseError("{\"a\": 1,\n \"a\": 2}", DataDocument::Format::Json);
  EXPECT_EQ(E.Line, 2u);
  EXPECT_EQ(E.Column, 2u);
  EXPECT_EQ(E.Message, "duplicate key 'a' (first at line 1, column 2)");

  DataError Y;
  EXPECT_FALSE(DataDocument::load(externalFixture("duplicate-key.yaml"), Y));
  EXPECT_EQ(Y.Line, 3u);
  EXPECT_EQ(Y.Column, 1u);
  EXPECT_EQ(Y.Message, "duplicate key 'a' (first at line 1, column 1)");
}

TEST(DataDocumentTest, JsonIntegersInRangeOnly) {
  DataDocument Doc = parseOk("[0, -12, 9223372036854775807, -9223372036854775808, "
                             "9223372036854775808, 1.5, 1e3]",
                             DataDocument::Format::Json);
  const auto &Items = Doc.root().items();
  EXPECT_EQ(Items[0].integer(), 0);
  EXPECT_EQ(Items[1].integer(), -12);
  EXPECT_EQ(Items[2].integer(), INT64_MAX);
  EXPECT_EQ(Items[3].integer(), INT64_MIN);
  EXPECT_EQ(Items[4].integer(), std::nullopt);
  EXPECT_EQ(Items[5].integer(), std::nullopt);
  EXPECT_EQ(Items[6].integer(), std::nullopt);
  EXPECT_EQ(Items[5].text(), "1.5");
}

TEST(DataDocumentTest, YamlNodesCarryMarksAndCoreSchemaKinds) {
  DataDocument Doc = parseOk("a: 1\nb: \"2\"\nc:\n  - x\n  - ~\n  - true\n  - 0x1F\n"
                             "d: |\n  block\ne: {f: g}\n",
                             DataDocument::Format::Yaml);
  const DataNode &Root = Doc.root();
  ASSERT_EQ(Root.kind(), Kind::Map);
  EXPECT_EQ(Root.find("a")->kind(), Kind::Number);
  EXPECT_EQ(Root.find("a")->position(), (DataPosition{1, 4}));
  EXPECT_EQ(Root.find("b")->kind(), Kind::String); // quoted: a string, whatever it spells
  const DataNode &C = *Root.find("c");
  EXPECT_EQ(C.items()[0].position(), (DataPosition{4, 5}));
  EXPECT_EQ(C.items()[0].kind(), Kind::String);
  EXPECT_EQ(C.items()[1].kind(), Kind::Null);
  EXPECT_EQ(C.items()[2].kind(), Kind::Bool);
  EXPECT_EQ(C.items()[3].integer(), 31);
  EXPECT_EQ(Root.find("d")->kind(), Kind::String);
  EXPECT_EQ(Root.find("d")->text(), "block\n");
  EXPECT_EQ(Root.findEntry("e")->KeyPosition, (DataPosition{10, 1}));
  EXPECT_EQ(Root.find("e")->find("f")->position(), (DataPosition{10, 8}));
}

TEST(DataDocumentTest, YamlColumnsCountBytes) {
  DataDocument Doc = parseOk("\xc3\xa9t\xc3\xa9: x\n", DataDocument::Format::Yaml);
  EXPECT_EQ(Doc.root().entries()[0].Value.position(), (DataPosition{1, 8}));
}

TEST(DataDocumentTest, MalformedYamlIsPositioned) {
  DataError E;
  EXPECT_FALSE(DataDocument::load(externalFixture("malformed.yaml"), E));
  EXPECT_EQ(E.Line, 4u) << E.render();
  EXPECT_NE(E.Message.find("malformed YAML"), std::string::npos);
}

TEST(DataDocumentTest, ATabIndentedLineSaysSo) {
  DataError E = parseError("routes:\n  - venue: a\n\t- venue: b\n", DataDocument::Format::Yaml);
  EXPECT_NE(E.Message.find("; this line is indented with a tab, which YAML does not allow"),
            std::string::npos)
      << E.render();
}

TEST(DataDocumentTest, OneYamlDocumentOnly) {
  DataError E = parseError("a: 1\n---\nb: 2\n", DataDocument::Format::Yaml);
  EXPECT_EQ(E.Line, 2u);
  EXPECT_EQ(E.Message, "expected one YAML document, found another one here");
  EXPECT_EQ(parseOk("", DataDocument::Format::Yaml).root().kind(), Kind::Null);
  EXPECT_EQ(parseOk("# only a comment\n", DataDocument::Format::Yaml).root().kind(), Kind::Null);
}

// Found by DataDocumentFuzzer: yaml-cpp 0.7's LoadAll never returns on ",%".
TEST(DataDocumentTest, RegressionYamlParserStallIsAnError) {
  DataError E = parseError(",%", DataDocument::Format::Yaml);
  EXPECT_EQ(E.Line, 1u);
  EXPECT_NE(E.Message.find("malformed YAML"), std::string::npos) << E.Message;
}

// Found by DataDocumentFuzzer: nlohmann takes a NUL byte for the end of the text, so "-4\0#"
// passed as the number -4 with the rest ignored; yaml-cpp would do the same.
TEST(DataDocumentTest, RegressionNulByteIsAnErrorNotTheEnd) {
  DataError E = parseError(std::string_view("-4\0#\x8c", 5), DataDocument::Format::Json);
  EXPECT_EQ(E.render(), "t.json:1:3: error: malformed JSON: a NUL byte");
  E = parseError(std::string_view("a: 1\nb: \0x", 11), DataDocument::Format::Yaml);
  EXPECT_EQ(E.render(), "t.json:2:4: error: malformed YAML: a NUL byte");
}

TEST(DataDocumentTest, HostileNestingAndAliasesAreBounded) {
  std::string Deep(MaxDataDepth + 10, '[');
  Deep += std::string(MaxDataDepth + 10, ']');
  DataError E = parseError(Deep, DataDocument::Format::Json);
  EXPECT_EQ(E.Message, "nesting deeper than 512 levels");

  // Nine levels of ten aliases each: 10^9 nodes once expanded.
  std::string Laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int I = 1; I <= 9; ++I) {
    std::string Prev = "*a" + std::to_string(I - 1);
    Laughs += "a" + std::to_string(I) + ": &a" + std::to_string(I) + " [";
    for (int J = 0; J < 10; ++J)
      Laughs += (J ? ", " : "") + Prev;
    Laughs += "]\n";
  }
  DataError L = parseError(Laughs, DataDocument::Format::Yaml);
  EXPECT_NE(L.Message.find("expands to more than"), std::string::npos) << L.Message;
}

// YAML 1.1 merge keys, as yaml-cpp's users write them (it does not expand them itself).
TEST(DataDocumentTest, YamlMergeKeysLendEntriesAndWrittenKeysOverride) {
  DataDocument Doc = parseOk("base: &base {channel: web, weight: 1}\n"
                             "extra: &extra {weight: 2, tier: gold}\n"
                             "one:\n"
                             "  <<: *base\n"
                             "  weight: 5\n"
                             "two:\n"
                             "  <<: [*extra, *base]\n"
                             "  name: two\n"
                             "quoted: {\"<<\": plain}\n",
                             DataDocument::Format::Yaml);
  const DataNode *One = Doc.root().find("one");
  ASSERT_TRUE(One);
  ASSERT_EQ(One->entries().size(), 2u); // weight (written), channel (merged); no "<<"
  EXPECT_EQ(One->find("weight")->text(), "5");
  EXPECT_EQ(One->find("channel")->text(), "web");
  // A merged entry keeps the position it was written at, in the anchored map.
  EXPECT_EQ(One->findEntry("channel")->KeyPosition, (DataPosition{1, 14}));
  EXPECT_EQ(One->find("channel")->position(), (DataPosition{1, 23}));
  EXPECT_FALSE(One->find("<<"));

  // In a list of maps the earlier map wins.
  const DataNode *Two = Doc.root().find("two");
  ASSERT_TRUE(Two);
  EXPECT_EQ(Two->entries().size(), 4u);
  EXPECT_EQ(Two->find("weight")->text(), "2");
  EXPECT_EQ(Two->find("tier")->text(), "gold");
  EXPECT_EQ(Two->find("channel")->text(), "web");
  EXPECT_EQ(Two->find("name")->text(), "two");

  // A quoted "<<" is an ordinary key.
  EXPECT_EQ(Doc.root().find("quoted")->find("<<")->text(), "plain");

  // Merged maps merge in turn.
  DataDocument Chain = parseOk("a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b}\n",
                               DataDocument::Format::Yaml);
  EXPECT_EQ(Chain.root().find("c")->find("x")->text(), "1");
  EXPECT_EQ(Chain.root().find("c")->find("y")->text(), "2");
}

TEST(DataDocumentTest, YamlMergeKeysKeepDuplicateChecksAndReportBadValues) {
  // Written keys are still checked against each other.
  DataError Dup = parseError("base: &b {x: 1}\nm:\n  <<: *b\n  y: 1\n  y: 2\n",
                             DataDocument::Format::Yaml);
  EXPECT_EQ(Dup.Line, 5u);
  EXPECT_EQ(Dup.Message, "duplicate key 'y' (first at line 4, column 3)");

  DataError Twice = parseError("a: &a {x: 1}\nm:\n  <<: *a\n  <<: *a\n",
                               DataDocument::Format::Yaml);
  EXPECT_EQ(Twice.Line, 4u);
  EXPECT_EQ(Twice.Message, "a second merge key '<<' (first at line 3, column 3); merge several "
                           "maps with '<<: [*a, *b]'");

  DataError Scalar = parseError("m:\n  <<: 3\n", DataDocument::Format::Yaml);
  EXPECT_EQ(Scalar.Line, 2u);
  EXPECT_EQ(Scalar.Message, "the merge key '<<' takes a map or a list of maps, not a number");
  DataError ListOfScalars = parseError("a: &a {x: 1}\nm: {<<: [*a, 3]}\n",
                                       DataDocument::Format::Yaml);
  EXPECT_NE(ListOfScalars.Message.find("takes a map or a list of maps"), std::string::npos)
      << ListOfScalars.Message;
}

// A map that merges itself (an alias to the map it sits in) must end, not recurse until the
// stack runs out: the depth bound stops it.
TEST(DataDocumentTest, RegressionSelfMergingMapIsBounded) {
  DataError Self = parseError("m: &m {x: 1, <<: *m}\n", DataDocument::Format::Yaml);
  EXPECT_EQ(Self.Message, "nesting deeper than 512 levels");
  DataError Nested = parseError("rules: &r {x: {enums: *r, <<: *r}}\n",
                                DataDocument::Format::Yaml);
  EXPECT_EQ(Nested.Message, "nesting deeper than 512 levels");
}

TEST(DataDocumentTest, LoadPicksTheFormatByExtension) {
  DataError E;
  std::optional<DataDocument> Json =
      DataDocument::load(externalFixture("order-state.schema.json"), E);
  ASSERT_TRUE(Json) << E.render();
  EXPECT_EQ(Json->file(), externalFixture("order-state.schema.json"));
  EXPECT_TRUE(DataDocument::load(externalFixture("openapi.yaml"), E)) << E.render();

  EXPECT_FALSE(DataDocument::load(externalFixture("malformed.json"), E));
  EXPECT_EQ(E.render().substr(E.render().find("malformed.json")),
            "malformed.json:2:21: error: malformed JSON: syntax error while parsing value - "
            "unexpected ']'; expected '[', '{', or a literal");

  EXPECT_FALSE(DataDocument::load(externalFixture("absent.yaml"), E));
  EXPECT_EQ(E.Message, "cannot read the data file: No such file or directory");
  EXPECT_FALSE(DataDocument::load(externalFixture("shop.proto"), E));
  EXPECT_EQ(E.Message, "expected a data file ending in .json, .yaml or .yml");
}

} // namespace
} // namespace contractcheck
