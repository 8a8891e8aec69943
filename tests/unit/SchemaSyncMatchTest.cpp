// contract-schema-sync's pure half: members out of JSON Schema / OpenAPI / YAML lists, and the
// comparison of a C++ enum with an external member list (spellings, prefixes, values,
// directions, sentinels, Python string values).
#include "JsonPointer.h"
#include "TestPaths.h"
#include "rules/schema-sync/EnumSetMatch.h"
#include "rules/schema-sync/ExternalEnumLoader.h"
#include "rules/schema-sync/ProtoEnumParser.h"
#include "rules/schema-sync/PythonEnumParser.h"
#include "rules/schema-sync/SchemaEnumExtraction.h"
#include "rules/utils/DataEnumValues.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace contractcheck {
namespace {

using Names = std::vector<std::string>;

std::string fixture(std::string_view Name) {
  return (std::filesystem::path(test::fixturesDir()) / "external-enums" /
          std::string(Name))
      .string();
}

DataDocument load(std::string_view Name) {
  DataError Error;
  std::optional<DataDocument> Doc = DataDocument::load(fixture(Name), Error);
  if (!Doc)
    ADD_FAILURE() << Error.render();
  return std::move(*Doc);
}

Names names(const std::vector<ExternalMember> &Members) {
  Names Out;
  for (const ExternalMember &M : Members)
    Out.push_back(M.Name);
  return Out;
}

std::optional<std::vector<ExternalMember>> membersAt(const DataDocument &Doc,
                                                     std::string_view Pointer, DataError &Error) {
  const DataNode *Node = resolveJsonPointer(Doc, Pointer, Error);
  if (!Node)
    return std::nullopt;
  return extractSchemaMembers(Doc, *Node, Error);
}

TEST(SchemaEnumExtractionTest, EnumArrayOrTheSchemaHoldingIt) {
  DataDocument Doc = load("order-state.schema.json");
  DataError Error;
  auto FromArray = membersAt(Doc, "#/definitions/OrderState/enum", Error);
  ASSERT_TRUE(FromArray) << Error.render();
  // null (a nullable enum) is not a member
  EXPECT_EQ(names(*FromArray),
            (Names{"NEW", "PENDING_ACK", "ACKED", "FILLED", "CANCELLED", "ARCHIVED"}));
  EXPECT_EQ((*FromArray)[1].Line, 21u);
  EXPECT_EQ((*FromArray)[1].Column, 23u);
  auto FromSchema = membersAt(Doc, "#/definitions/OrderState", Error);
  ASSERT_TRUE(FromSchema);
  EXPECT_EQ(names(*FromSchema), names(*FromArray));
  auto ThroughRef = membersAt(Doc, "#/properties/legacyState", Error);
  ASSERT_TRUE(ThroughRef) << Error.render();
  EXPECT_EQ(names(*ThroughRef), names(*FromArray));

  auto Numbers = membersAt(Doc, "#/definitions/Priority", Error);
  ASSERT_TRUE(Numbers);
  EXPECT_EQ(names(*Numbers), (Names{"0", "1", "5"}));
  EXPECT_EQ((*Numbers)[2].Value, 5);
}

TEST(SchemaEnumExtractionTest, OneOfConstsAndPlainLists) {
  DataDocument Doc = load("order-state.schema.json");
  DataError Error;
  auto Channel = membersAt(Doc, "#/properties/channel", Error);
  ASSERT_TRUE(Channel) << Error.render();
  EXPECT_EQ(names(*Channel), (Names{"web", "store", "phone"})); // {type: null} is no member
  EXPECT_EQ((*Channel)[0].Line, 10u);
  EXPECT_EQ((*Channel)[0].Column, 19u);

  DataDocument List = load("channels.yaml");
  auto Plain = extractSchemaMembers(List, List.root(), Error);
  ASSERT_TRUE(Plain) << Error.render();
  EXPECT_EQ(names(*Plain), (Names{"web", "store", "phone", "fax"}));
  EXPECT_EQ((*Plain)[3].Line, 5u);
  EXPECT_EQ((*Plain)[3].Column, 3u);

  DataDocument Api = load("openapi.yaml");
  auto Openapi = membersAt(Api, "#/components/schemas/OrderState", Error);
  ASSERT_TRUE(Openapi) << Error.render();
  EXPECT_EQ(names(*Openapi), (Names{"new", "pending_ack", "acked", "filled", "cancelled"}));
  EXPECT_EQ((*Openapi)[0].Line, 26u);
  auto Described = membersAt(Api, "#/components/schemas/DescribedState", Error);
  ASSERT_TRUE(Described) << Error.render();
  EXPECT_EQ(names(*Described), names(*Openapi));
}

TEST(SchemaEnumExtractionTest, NotAMemberListIsAPositionedError) {
  DataDocument Api = load("openapi.yaml");
  DataError Error;
  EXPECT_FALSE(membersAt(Api, "#/components/schemas/NotAList", Error));
  EXPECT_EQ(Error.Line, 48u);
  EXPECT_EQ(Error.Message, "expected a schema with 'enum', 'oneOf', 'anyOf' or 'allOf', or a "
                           "list of names; found a map with keys: type, format");
  EXPECT_FALSE(membersAt(Api, "#/openapi", Error));
  EXPECT_EQ(Error.Message, "expected an 'enum' list, a schema with 'enum', 'oneOf', 'anyOf' or "
                           "'allOf', or a list of names; found a string at line 1, column 10");

  DataError ParseError;
  DataDocument Bad = *DataDocument::parse("t.yaml",
                                          "a: {enum: x}\nb: [[1]]\nc: {oneOf: [{minimum: 1}]}\n"
                                          "d: {allOf: [{enum: [a]}, {enum: [b]}]}\n"
                                          "e: {anyOf: [{type: string}, {type: 'null'}]}\n",
                                          DataDocument::Format::Yaml, ParseError);
  EXPECT_FALSE(membersAt(Bad, "/a", Error));
  EXPECT_EQ(Error.Message, "expected 'enum' to be a list, found a string at line 1, column 11");
  EXPECT_FALSE(membersAt(Bad, "/b", Error));
  EXPECT_EQ(Error.Message, "expected each item of the list to be a string or a number, found a "
                           "list at line 2, column 5");
  EXPECT_FALSE(membersAt(Bad, "/c", Error));
  EXPECT_EQ(Error.Message, "expected each item of 'oneOf' to be a schema with a 'const' (or "
                           "only a 'type'), found a map at line 3, column 13 without 'const'");
  // Only `type`s: an open set with no member named, not an enum.
  EXPECT_FALSE(membersAt(Bad, "/e", Error));
  EXPECT_EQ(Error.Message, "expected an item of 'anyOf' to be a schema with a 'const', found "
                           "only 'type's");
  EXPECT_FALSE(membersAt(Bad, "/d", Error));
  EXPECT_EQ(Error.Message, "expected one item of 'allOf' to define the members, found several");
  EXPECT_EQ(Error.Line, 4u);
}

std::vector<CodeEnumerator> orderState() {
  // enum class OrderState { New, PendingAck, Acked, Filled, Cancelled, Expired, kCount };
  std::vector<CodeEnumerator> Out;
  int Value = 0;
  for (const char *Name :
       {"New", "PendingAck", "Acked", "Filled", "Cancelled", "Expired", "kCount"})
    Out.push_back({Name, Value++, "order.h", 11, static_cast<unsigned>(Value * 4)});
  return Out;
}

using Kind = EnumMismatch::Kind;

std::vector<std::pair<Kind, std::string>> summary(const std::vector<EnumMismatch> &Ms) {
  std::vector<std::pair<Kind, std::string>> Out;
  for (const EnumMismatch &M : Ms)
    Out.emplace_back(M.K, M.Enumerator ? M.Enumerator->Name : M.Member->Name);
  return Out;
}

TEST(EnumSetMatchTest, BothDirectionsWithSpellingAndSentinels) {
  DataDocument Api = load("openapi.yaml");
  DataError Error;
  auto Members = *membersAt(Api, "#/components/schemas/OrderState", Error);
  Members.push_back({"archived", std::nullopt, std::nullopt, 99, 9});
  std::vector<CodeEnumerator> Code = orderState();
  EnumMatchOptions Options;
  Options.Names = NameSpelling::SnakeCase;
  Options.IsSentinel = sentinelsByGlobs(Code, {*Glob::parse("kCount", Glob::Kind::Name)});
  std::vector<EnumMismatch> Ms = matchEnumSets(Code, Members, Options);
  ASSERT_EQ(summary(Ms), (std::vector<std::pair<Kind, std::string>>{
                             {Kind::MemberWithoutEnumerator, "archived"},
                             {Kind::EnumeratorWithoutMember, "Expired"}}));
  // Both positions: the member's in the external file, the enumerator's in C++.
  EXPECT_EQ(Ms[0].Member->Line, 99u);
  EXPECT_EQ(Ms[1].Enumerator->File, "order.h");
  EXPECT_EQ(Ms[1].ExternalName, "expired");

  Options.Direction = MatchDirection::CodeCoversSchema;
  EXPECT_EQ(
      summary(matchEnumSets(Code, Members, Options)),
      (std::vector<std::pair<Kind, std::string>>{{Kind::MemberWithoutEnumerator, "archived"}}));
  Options.Direction = MatchDirection::SchemaCoversCode;
  EXPECT_EQ(
      summary(matchEnumSets(Code, Members, Options)),
      (std::vector<std::pair<Kind, std::string>>{{Kind::EnumeratorWithoutMember, "Expired"}}));

  // Without sentinels, kCount is expected too.
  Options.Direction = MatchDirection::Both;
  Options.IsSentinel = nullptr;
  EXPECT_EQ(matchEnumSets(Code, Members, Options).size(), 3u);
}

TEST(EnumSetMatchTest, SentinelRuleIsSwitchCoverages) {
  std::vector<CodeEnumerator> Code = {{"A", 0}, {"kCount", 1}, {"B", 1}, {"kMax", 1}};
  auto IsSentinel = sentinelsByGlobs(Code, {*Glob::parse("k*", Glob::Kind::Name)});
  EXPECT_FALSE(IsSentinel(Code[0]));
  EXPECT_FALSE(IsSentinel(Code[1])); // neither last nor an alias of an earlier one
  EXPECT_TRUE(IsSentinel(Code[3]));  // last (and an alias)
}

TEST(EnumSetMatchTest, ATrailingRunOfSentinelNamesIsExempt) {
  std::vector<CodeEnumerator> Code = {{"Byte", 0}, {"Undefined", 1}, {"NumOptions", 2}};
  auto IsSentinel = sentinelsByGlobs(Code, {*Glob::parse("Undefined", Glob::Kind::Name),
                                            *Glob::parse("Num*", Glob::Kind::Name)});
  EXPECT_FALSE(IsSentinel(Code[0]));
  EXPECT_TRUE(IsSentinel(Code[1]));
  EXPECT_TRUE(IsSentinel(Code[2]));
}

TEST(EnumSetMatchTest, AliasesAreOneMemberOnEitherSide) {
  DataError Error;
  std::vector<PythonEnum> Enums = *parsePythonEnums("import enum\n"
                                                    "class State(str, enum.Enum):\n"
                                                    "    NEW = 'new'\n"
                                                    "    FILLED = 'filled'\n"
                                                    "    DONE = FILLED\n"
                                                    "class Level(enum.IntEnum):\n"
                                                    "    WARNING = 30\n"
                                                    "    WARN = WARNING\n",
                                                    Error);
  ASSERT_EQ(Enums.size(), 2u);
  EXPECT_EQ(Enums[0].Members[2].StringValue, "filled");
  EXPECT_EQ(Enums[1].Members[1].Value, 30);
  EnumMatchOptions ByValues;
  ByValues.Names = NameSpelling::SnakeCase;
  ByValues.Key = MatchKey::Values;
  EXPECT_TRUE(matchEnumSets({{"New", 0}, {"Filled", 1}}, Enums[0].Members, ByValues).empty());
  EnumMatchOptions Names;
  Names.Names = NameSpelling::ScreamingSnakeCase;
  Names.Values = true;
  EXPECT_TRUE(matchEnumSets({{"Warning", 30}}, Enums[1].Members, Names).empty());
  // A C++ alias needs no member of its own either.
  EXPECT_TRUE(matchEnumSets({{"Warning", 30}, {"Warn", 30}}, {Enums[1].Members[0]}, Names).empty());
}

TEST(EnumSetMatchTest, AnIgnoredMemberStandsForTheEnumeratorOfItsNumber) {
  std::vector<ExternalMember> Members = {{"SEVERITY_NUMBER_UNSPECIFIED", 0, std::nullopt, 2, 3},
                                         {"SEVERITY_NUMBER_TRACE", 1, std::nullopt, 3, 3}};
  EnumMatchOptions Options;
  Options.Names = NameSpelling::ScreamingSnakeCase;
  Options.StripPrefix = "SEVERITY_NUMBER_";
  Options.IgnoreMembers = {*Glob::parse("*_UNSPECIFIED", Glob::Kind::Name)};
  std::vector<CodeEnumerator> Code = {{"kInvalid", 0}, {"kTrace", 1}};
  // By name alone kInvalid has no member; with values bound, UNSPECIFIED is its member.
  EXPECT_EQ(summary(matchEnumSets(Code, Members, Options)),
            (std::vector<std::pair<Kind, std::string>>{{Kind::EnumeratorWithoutMember, "kInvalid"}}));
  Options.Values = true;
  EXPECT_TRUE(matchEnumSets(Code, Members, Options).empty());
}

TEST(EnumSetMatchTest, NamesMatchWhenOnlyWordBoundariesDiffer) {
  std::vector<ExternalMember> Members = {{"QINT8", 12, std::nullopt, 2, 3},
                                         {"BFLOAT16", 15, std::nullopt, 3, 3},
                                         {"CUBICSPLINE", std::nullopt, std::nullopt, 4, 3},
                                         {"QUINT4X2", 16, std::nullopt, 5, 3}};
  EnumMatchOptions Options;
  Options.Names = NameSpelling::ScreamingSnakeCase;
  std::vector<CodeEnumerator> Code = {
      {"QInt8", 12}, {"BFloat16", 15}, {"CubicSpline", 20}, {"QUInt4x2", 16}};
  EXPECT_TRUE(matchEnumSets(Code, Members, Options).empty());
  // Not a licence to match anything: a different name is still reported.
  Code.push_back({"Complex", 30});
  EXPECT_EQ(summary(matchEnumSets(Code, Members, Options)),
            (std::vector<std::pair<Kind, std::string>>{{Kind::EnumeratorWithoutMember, "Complex"}}));
}

TEST(EnumSetMatchTest, NumbersMatchByValue) {
  std::vector<ExternalMember> Members = {{"9728", 9728, std::nullopt, 2, 3},
                                         {"9729", 9729, std::nullopt, 3, 3}};
  EnumMatchOptions Options;
  EXPECT_EQ(summary(matchEnumSets({{"Nearest", 9728}, {"Linear", 9729}, {"Cubic", 9731}}, Members,
                                  Options)),
            (std::vector<std::pair<Kind, std::string>>{{Kind::EnumeratorWithoutMember, "Cubic"}}));
}

TEST(EnumSetMatchTest, ProtoWithPrefixAndValues) {
  DataError Error;
  std::ifstream In(fixture("shop.proto"));
  std::stringstream S;
  S << In.rdbuf();
  ProtoFile File = *parseProtoFile(S.str(), Error);
  std::string Message;
  const ProtoEnum *Channel = findProtoEnum(File, "Channel", Message);
  ASSERT_TRUE(Channel);
  // enum class Channel { Unspecified = 0, Web = 1, Store = 2, Shop = 2, Phone = 3, Fax = 5 };
  std::vector<CodeEnumerator> Code = {{"Unspecified", 0}, {"Web", 1},   {"Store", 2},
                                      {"Shop", 2},        {"Phone", 3}, {"Fax", 5}};
  EnumMatchOptions Options;
  Options.Names = NameSpelling::ScreamingSnakeCase;
  Options.StripPrefix = "CHANNEL_";
  std::vector<EnumMismatch> Ms = matchEnumSets(Code, Channel->Members, Options);
  // CHANNEL_FAX is reserved, not a member: Fax has none.
  EXPECT_EQ(summary(Ms),
            (std::vector<std::pair<Kind, std::string>>{{Kind::EnumeratorWithoutMember, "Fax"}}));
  Options.Values = true;
  Ms = matchEnumSets(Code, Channel->Members, Options);
  ASSERT_EQ(Ms.size(), 2u);
  EXPECT_EQ(Ms[1].K, Kind::ValueDiffers);
  EXPECT_EQ(Ms[1].Enumerator->Name, "Phone");
  EXPECT_EQ(Ms[1].Member->Value, 4);
  EXPECT_EQ(Ms[1].Member->Line, 18u);
  // Without the prefix stripped nothing pairs.
  Options.StripPrefix.clear();
  EXPECT_EQ(matchEnumSets(Code, Channel->Members, Options).size(), 11u);
}

TEST(EnumSetMatchTest, PythonStrEnumByNamesOrValues) {
  DataError Error;
  std::ifstream In(fixture("enums.py"));
  std::stringstream S;
  S << In.rdbuf();
  std::vector<PythonEnum> Enums = *parsePythonEnums(S.str(), Error);
  std::string Message;
  const PythonEnum *Channel = findPythonEnum(Enums, "Channel", Message);
  ASSERT_TRUE(Channel);
  std::vector<CodeEnumerator> Code = {{"kWeb", 0}, {"kStore", 1}, {"kPhone", 2}};

  EnumMatchOptions ByNames;
  ByNames.Names = NameSpelling::ScreamingSnakeCase; // kWeb -> WEB
  EXPECT_TRUE(matchEnumSets(Code, Channel->Members, ByNames).empty());

  EnumMatchOptions ByValues;
  ByValues.Names = NameSpelling::SnakeCase;
  ByValues.Key = MatchKey::Values;
  EXPECT_TRUE(matchEnumSets(Code, Channel->Members, ByValues).empty());
  ByValues.Names = NameSpelling::ScreamingSnakeCase;
  EXPECT_EQ(matchEnumSets(Code, Channel->Members, ByValues).size(), 6u);

  // Python's auto() values against C++ values.
  const PythonEnum *State = findPythonEnum(Enums, "OrderState", Message);
  std::vector<CodeEnumerator> States = {{"New", 1}, {"PendingAck", 2}, {"Acked", 3}, {"Filled", 4}};
  EnumMatchOptions Values;
  Values.Names = NameSpelling::ScreamingSnakeCase;
  Values.Values = true;
  EXPECT_EQ(summary(matchEnumSets(States, State->Members, Values)),
            (std::vector<std::pair<Kind, std::string>>{{Kind::ValueDiffers, "Acked"},
                                                       {Kind::ValueDiffers, "Filled"}}));
}

TEST(EnumSetMatchTest, ExactSpellingAndParsers) {
  std::vector<CodeEnumerator> Code = {{"NEW", 0}, {"FILLED", 1}};
  std::vector<ExternalMember> Members = {{"NEW", {}, {}, 1, 1}, {"filled", {}, {}, 2, 1}};
  EXPECT_EQ(summary(matchEnumSets(Code, Members, {})),
            (std::vector<std::pair<Kind, std::string>>{{Kind::MemberWithoutEnumerator, "filled"},
                                                       {Kind::EnumeratorWithoutMember, "FILLED"}}));
  EXPECT_EQ(MatchDirectionChoices.value("code-covers-schema"), MatchDirection::CodeCoversSchema);
  EXPECT_EQ(MatchDirectionChoices.value("schema-covers-code"), MatchDirection::SchemaCoversCode);
  EXPECT_EQ(MatchDirectionChoices.value("both"), MatchDirection::Both);
  EXPECT_EQ(MatchKeyChoices.value("values"), MatchKey::Values);
  EXPECT_EQ(MatchKeyChoices.name(MatchKey::Names), "names");
}

} // namespace
} // namespace contractcheck

namespace contractcheck {
namespace {

TEST(DataEnumValuesTest, ValuesThatSpellNoEnumeratorWithDidYouMean) {
  DataDocument Routes = load("routes.yaml");
  std::string Message;
  DataKeyPath Path = *DataKeyPath::parse("routes[*].channel", Message);
  std::vector<BadEnumValue> Bad =
      findBadEnumValues(Routes, Path, {"Web", "Store", "Phone"}, NameSpelling::SnakeCase);
  ASSERT_EQ(Bad.size(), 1u);
  EXPECT_EQ(Bad[0].Text, "stor");
  EXPECT_EQ(Bad[0].Position, (DataPosition{5, 14}));
  EXPECT_EQ(Bad[0].Closest, "store");
  EXPECT_FALSE(Bad[0].NotAString);

  // The unbound key "unrelated.channel" is never looked at.
  EXPECT_TRUE(findBadEnumValues(Routes, *DataKeyPath::parse("fallback.channel", Message),
                                {"Web", "Store", "Phone"}, NameSpelling::SnakeCase)
                  .empty());

  DataError Error;
  DataDocument Odd = *DataDocument::parse("t.json", R"({"c": [1, null, {"x": 1}, "web"]})",
                                          DataDocument::Format::Json, Error);
  Bad = findBadEnumValues(Odd, *DataKeyPath::parse("c[*]", Message), {"Web"},
                          NameSpelling::SnakeCase);
  ASSERT_EQ(Bad.size(), 2u); // null is an unset value, fine
  EXPECT_TRUE(Bad[0].NotAString);
  EXPECT_EQ(Bad[0].Text, "1");
  EXPECT_EQ(Bad[1].Text, "a map");
  EXPECT_EQ(Bad[1].Position, (DataPosition{1, 17}));
}

} // namespace
} // namespace contractcheck

namespace contractcheck {
namespace {

TEST(ExternalEnumLoaderTest, EverySourceKindByExtension) {
  ExternalEnumError Error;
  auto Schema = loadExternalEnum(fixture("openapi.yaml"), "#/components/schemas/OrderState", Error);
  ASSERT_TRUE(Schema) << Error.Error.render();
  EXPECT_EQ(Schema->Enum.Name, "#/components/schemas/OrderState");
  EXPECT_EQ(Schema->Enum.Line, 24u);
  EXPECT_EQ(names(Schema->Enum.Members).size(), 5u);

  auto List = loadExternalEnum(fixture("channels.yaml"), "", Error);
  ASSERT_TRUE(List) << Error.Error.render();
  EXPECT_EQ(List->Enum.Members.size(), 4u);

  auto Proto = loadExternalEnum(fixture("shop.proto"), "Channel", Error);
  ASSERT_TRUE(Proto) << Error.Error.render();
  EXPECT_EQ(Proto->Enum.Members.size(), 5u);
  EXPECT_EQ(Proto->ReservedNames, (Names{"CHANNEL_FAX", "CHANNEL_MAIL"}));

  auto Python = loadExternalEnum(fixture("enums.py"), "Channel", Error);
  ASSERT_TRUE(Python) << Error.Error.render();
  EXPECT_TRUE(Python->StringValues);
  EXPECT_EQ(Python->Enum.Line, 33u);
  EXPECT_FALSE(loadExternalEnum(fixture("enums.py"), "Priority", Error)->StringValues);
}

TEST(ExternalEnumLoaderTest, MalformedFilesAreIncompleteRunsBadBindingsConfigurationErrors) {
  ExternalEnumError Error;
  for (std::string_view Malformed :
       {"malformed.json", "malformed.yaml", "malformed.proto", "malformed.py"}) {
    EXPECT_FALSE(loadExternalEnum(fixture(Malformed), "Channel", Error));
    EXPECT_TRUE(Error.Malformed) << Malformed;
    EXPECT_EQ(Error.Error.File, fixture(Malformed));
    EXPECT_NE(Error.Error.Line, 0u) << Error.Error.render();
  }
  EXPECT_EQ(loadExternalEnum(fixture("malformed.proto"), "Channel", Error), std::nullopt);
  EXPECT_EQ(Error.Error.render(), fixture("malformed.proto") +
                                      ":4:3: error: malformed .proto: expected ';', found "
                                      "'CHANNEL_STORE'");

  EXPECT_FALSE(loadExternalEnum(fixture("absent.proto"), "Channel", Error));
  EXPECT_FALSE(Error.Malformed);
  EXPECT_EQ(Error.Error.Message, "cannot read the data file: No such file or directory");
  EXPECT_FALSE(loadExternalEnum(fixture("absent.json"), "", Error));
  EXPECT_FALSE(Error.Malformed);
  EXPECT_FALSE(loadExternalEnum(fixture("shop.proto"), "Chanel", Error));
  EXPECT_FALSE(Error.Malformed);
  EXPECT_NE(Error.Error.Message.find("no enum 'Chanel'"), std::string::npos);
  EXPECT_FALSE(loadExternalEnum(fixture("openapi.yaml"), "#/components/schemas/NotAList", Error));
  EXPECT_FALSE(Error.Malformed);
  EXPECT_EQ(Error.Error.Line, 48u);
  EXPECT_FALSE(loadExternalEnum(fixture("routes.yaml"), "#/routes/9", Error));
  EXPECT_FALSE(Error.Malformed);
  EXPECT_FALSE(loadExternalEnum(fixture("README.md"), "x", Error));
  EXPECT_EQ(Error.Error.Message, "expected a .json, .yaml, .yml, .proto or .py file");
}

} // namespace
} // namespace contractcheck
