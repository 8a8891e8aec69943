// The .proto and Python enum subset parsers: members, values and positions, the traps that
// must not pass for members, and positioned errors for malformed files.
#include "TestPaths.h"
#include "rules/schema-sync/ProtoEnumParser.h"
#include "rules/schema-sync/PythonEnumParser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace contractcheck {
namespace {

std::string read(std::string_view Name) {
  std::ifstream In(std::filesystem::path(test::fixturesDir()) / "external-enums" / std::string(Name));
  std::stringstream S;
  S << In.rdbuf();
  EXPECT_FALSE(S.str().empty()) << Name;
  return S.str();
}

std::vector<std::string> names(const ExternalEnum &E) {
  std::vector<std::string> Out;
  for (const ExternalMember &M : E.Members)
    Out.push_back(M.Name);
  return Out;
}

using Names = std::vector<std::string>;

ProtoFile proto(std::string_view Text) {
  DataError Error;
  std::optional<ProtoFile> F = parseProtoFile(Text, Error);
  if (!F) {
    ADD_FAILURE() << Error.Line << ":" << Error.Column << ": " << Error.Message;
    return {};
  }
  return *F;
}

DataError protoError(std::string_view Text) {
  DataError Error;
  EXPECT_FALSE(parseProtoFile(Text, Error)) << Text;
  return Error;
}

TEST(ProtoEnumParserTest, EnumsWithNumbersPositionsAndNesting) {
  ProtoFile F = proto(read("shop.proto"));
  EXPECT_EQ(F.Package, "shop.v1");
  ASSERT_EQ(F.Enums.size(), 3u); // no Ghost from comments, no X from a string
  const ProtoEnum &Channel = F.Enums[0];
  EXPECT_EQ(Channel.Name, "Channel");
  EXPECT_EQ(Channel.Line, 12u);
  EXPECT_EQ(Channel.Column, 6u);
  EXPECT_EQ(names(Channel), (Names{"CHANNEL_UNSPECIFIED", "CHANNEL_WEB", "CHANNEL_STORE",
                                   "CHANNEL_SHOP", "CHANNEL_PHONE"}));
  EXPECT_EQ(Channel.Members[2].Value, 2);
  EXPECT_EQ(Channel.Members[3].Value, 2);
  EXPECT_EQ(Channel.Members[4].Line, 18u);
  EXPECT_EQ(Channel.Members[4].Column, 3u);
  EXPECT_TRUE(Channel.AllowAlias);
  ASSERT_EQ(Channel.ReservedNumbers.size(), 3u);
  EXPECT_EQ(Channel.ReservedNumbers[1].From, 10);
  EXPECT_EQ(Channel.ReservedNumbers[1].To, 20);
  EXPECT_EQ(Channel.ReservedNumbers[2].To, INT32_MAX);
  EXPECT_EQ(Channel.ReservedNames, (Names{"CHANNEL_FAX", "CHANNEL_MAIL"}));

  EXPECT_EQ(F.Enums[1].Name, "Order.State");
  EXPECT_EQ(names(F.Enums[1]), (Names{"STATE_NEW", "STATE_ACKED", "STATE_FILLED"}));
  EXPECT_EQ(F.Enums[1].Members[1].Value, 2); // 0x2
  EXPECT_FALSE(F.Enums[1].AllowAlias);
  EXPECT_EQ(F.Enums[2].Name, "Order.Line.State");
}

TEST(ProtoEnumParserTest, Proto2GroupsExtensionsAndNegativeValues) {
  ProtoFile F = proto(read("shop2.proto"));
  ASSERT_EQ(F.Enums.size(), 1u);
  EXPECT_EQ(F.Enums[0].Name, "Legacy.Result.Kind");
  EXPECT_EQ(F.Enums[0].Members[1].Value, -2);
}

// Found on protocolbuffers/protobuf's own .proto files (31 of 471 refused before).
TEST(ProtoEnumParserTest, Edition2024VisibilityAndOptionImports) {
  ProtoFile F = proto("edition = \"2024\";\nimport option \"opts.proto\";\n"
                      "local message M {\n  export enum E { E_A = 0; }\n  local l = 1;\n}\n"
                      "export enum Top { TOP_A = 0; }\n");
  ASSERT_EQ(F.Enums.size(), 2u);
  EXPECT_EQ(F.Enums[0].Name, "M.E");
  EXPECT_EQ(F.Enums[1].Name, "Top");
  EXPECT_EQ(F.Enums[1].Members[0].Line, 7u);
}

TEST(ProtoEnumParserTest, FindsEnumsByNestedPackagedOrUniqueName) {
  ProtoFile F = proto(read("shop.proto"));
  std::string Message;
  EXPECT_EQ(findProtoEnum(F, "Channel", Message), &F.Enums[0]);
  EXPECT_EQ(findProtoEnum(F, "shop.v1.Channel", Message), &F.Enums[0]);
  EXPECT_EQ(findProtoEnum(F, ".shop.v1.Order.State", Message), &F.Enums[1]);
  EXPECT_EQ(findProtoEnum(F, "Order.Line.State", Message), &F.Enums[2]);
  EXPECT_EQ(findProtoEnum(F, "State", Message), nullptr);
  EXPECT_EQ(Message, "enum name 'State' is ambiguous: both 'Order.State' and 'Order.Line.State' "
                     "are defined; write the nested name");
  EXPECT_EQ(findProtoEnum(F, "Chanel", Message), nullptr);
  EXPECT_EQ(Message, "no enum 'Chanel' in the file (it defines: Channel Order.State "
                     "Order.Line.State)");
}

TEST(ProtoEnumParserTest, MalformedFilesArePositioned) {
  DataError E = protoError(read("malformed.proto"));
  EXPECT_EQ(E.Line, 4u);
  EXPECT_EQ(E.Column, 3u);
  EXPECT_EQ(E.Message, "malformed .proto: expected ';', found 'CHANNEL_STORE'");

  E = protoError("enum E {\n  A = 1;\n");
  EXPECT_EQ(E.Line, 1u);
  EXPECT_EQ(E.Message, "malformed .proto: expected '}' to close enum 'E', found 'E'");
  E = protoError("/* open\nenum E {}");
  EXPECT_EQ(E.Message, "malformed .proto: unterminated comment");
  E = protoError("syntax = \"proto3;\n");
  EXPECT_EQ(E.Message, "malformed .proto: unterminated string");
  E = protoError("enum E { A = 2147483648; }");
  EXPECT_NE(E.Message.find("outside the 32-bit range"), std::string::npos);
  E = protoError("enum E { A = 0x; }");
  EXPECT_NE(E.Message.find("malformed integer"), std::string::npos) << E.Message;
  E = protoError("enum E { reserved 5 to 2; }");
  EXPECT_NE(E.Message.find("must not end before it starts"), std::string::npos);
  E = protoError("message M { int32 a = 1 [x = {]; }");
  EXPECT_NE(E.Message.find("expected '}' to close the '{'"), std::string::npos) << E.Message;
  E = protoError("enum { A = 1; }");
  EXPECT_EQ(E.Message, "malformed .proto: expected an enum name, found '{'");
  E = protoError("int32 x = 1;");
  EXPECT_EQ(E.Line, 1u);
  EXPECT_EQ(E.Column, 1u);
}

std::vector<PythonEnum> python(std::string_view Text) {
  DataError Error;
  std::optional<std::vector<PythonEnum>> Enums = parsePythonEnums(Text, Error);
  if (!Enums) {
    ADD_FAILURE() << Error.Line << ":" << Error.Column << ": " << Error.Message;
    return {};
  }
  return *Enums;
}

DataError pythonError(std::string_view Text) {
  DataError Error;
  EXPECT_FALSE(parsePythonEnums(Text, Error)) << Text;
  return Error;
}

TEST(PythonEnumParserTest, EnumKindsMembersAndAutoValues) {
  std::vector<PythonEnum> Enums = python(read("enums.py"));
  ASSERT_EQ(Enums.size(), 6u);

  const PythonEnum &State = Enums[0];
  EXPECT_EQ(State.Name, "OrderState");
  EXPECT_EQ(State.K, PythonEnum::Kind::Enum);
  EXPECT_EQ(State.Line, 10u);
  EXPECT_EQ(State.Column, 7u);
  // No docstring, comment, method local, _ignore_d, private or sunder name.
  EXPECT_EQ(names(State), (Names{"NEW", "PENDING_ACK", "ACKED", "FILLED"}));
  EXPECT_EQ(State.Members[0].Value, 1);
  EXPECT_EQ(State.Members[1].Value, 2);
  EXPECT_EQ(State.Members[2].Value, 5);
  EXPECT_EQ(State.Members[3].Value, 6);
  EXPECT_EQ(State.Members[3].Line, 16u);
  EXPECT_EQ(State.Members[3].Column, 5u);

  const PythonEnum &Channel = Enums[1];
  EXPECT_EQ(Channel.K, PythonEnum::Kind::StrMixin);
  EXPECT_TRUE(Channel.hasStringValues());
  EXPECT_EQ(names(Channel), (Names{"WEB", "STORE", "PHONE"}));
  EXPECT_EQ(Channel.Members[1].StringValue, "store");
  EXPECT_EQ(Channel.Members[2].StringValue, "phone"); // adjacent literals joined
  EXPECT_EQ(Channel.Members[2].Value, std::nullopt);

  const PythonEnum &Priority = Enums[2];
  EXPECT_EQ(Priority.K, PythonEnum::Kind::IntEnum);
  EXPECT_EQ(Priority.Members[2].Value, 15); // HIGH + 5

  const PythonEnum &Permission = Enums[3];
  EXPECT_EQ(Permission.K, PythonEnum::Kind::Flag);
  EXPECT_EQ(names(Permission), (Names{"READ", "WRITE", "EXECUTE", "NEXT", "READ_WRITE"}));
  EXPECT_EQ(Permission.Members[0].Value, 1);
  EXPECT_EQ(Permission.Members[1].Value, 2);
  EXPECT_EQ(Permission.Members[2].Value, 16);
  EXPECT_EQ(Permission.Members[3].Value, 32); // the power of two above the highest so far
  EXPECT_EQ(Permission.Members[4].Value, 3);

  EXPECT_EQ(Enums[4].Name, "Plain"); // a one-line body
  EXPECT_EQ(names(Enums[4]), (Names{"ONE", "TWO"}));
  EXPECT_EQ(Enums[4].Members[1].Column, 34u);

  EXPECT_EQ(Enums[5].Name, "Helpers.Nested");
  EXPECT_EQ(Enums[5].K, PythonEnum::Kind::StrEnum);
  EXPECT_EQ(Enums[5].Members[0].StringValue, "alpha"); // StrEnum's auto(): the name lower-cased
  EXPECT_EQ(Enums[5].Members[1].StringValue, "b");
}

TEST(PythonEnumParserTest, TokenizesWhatCouldHideAClass) {
  std::vector<PythonEnum> Enums = python("x = '''\nclass A(Enum):\n    B = 1\n'''\n"
                                         "y = (1,\n"
                                         "class_ := 2)\n"
                                         "s = r'\\' # not the end\\''\n"
                                         "class E(Enum):\n"
                                         "    A = 1 ; B = 2\n"
                                         "    C: int = 3\n"
                                         "    D: int\n"
                                         "    E_, F = 4, 5\n"
                                         "    helper = lambda self: 1\n"
                                         "    other = staticmethod(len)\n"
                                         "    G = \\\n"
                                         "        7\n"
                                         "    match = 8\n"
                                         "    if G:\n"
                                         "        H = 9\n");
  ASSERT_EQ(Enums.size(), 1u);
  EXPECT_EQ(names(Enums[0]), (Names{"A", "B", "C", "E_", "F", "G", "match"}));
  EXPECT_EQ(Enums[0].Members[4].Value, 5);
  EXPECT_EQ(Enums[0].Members[5].Value, 7);
}

TEST(PythonEnumParserTest, AutoAfterAStringDoesNotCount) {
  std::vector<PythonEnum> Enums =
      python("class E(Enum):\n    A = 'a'\n    B = auto()\n    C = 7\n    D = auto()\n");
  ASSERT_EQ(Enums.size(), 1u);
  EXPECT_EQ(Enums[0].Members[1].Value, 1);
  EXPECT_EQ(Enums[0].Members[3].Value, 8);
}

TEST(PythonEnumParserTest, AutoAfterADecreaseHasNoKnownValue) {
  std::vector<PythonEnum> Enums = python(
      "class E(IntEnum):\n    A = 5\n    B = 1\n    C = auto()\n    D = 9\n    F = auto()\n");
  ASSERT_EQ(Enums.size(), 1u);
  EXPECT_EQ(Enums[0].Members[2].Value, std::nullopt); // 2 before Python 3.13, 6 since
  EXPECT_EQ(Enums[0].Members[4].Value, 10);
}

TEST(PythonEnumParserTest, ASubclassOfAMemberlessEnumIsAnEnum) {
  std::vector<PythonEnum> Enums =
      python("class Base(str, Enum):\n    pass\n\nclass Color(Base):\n    RED = 'red'\n");
  ASSERT_EQ(Enums.size(), 2u);
  EXPECT_EQ(Enums[1].K, PythonEnum::Kind::StrMixin);
  EXPECT_EQ(Enums[1].Members[0].StringValue, "red");
}

TEST(PythonEnumParserTest, FindsClassesByNestedOrUniqueName) {
  std::vector<PythonEnum> Enums = python(read("enums.py"));
  std::string Message;
  EXPECT_EQ(findPythonEnum(Enums, "Channel", Message), &Enums[1]);
  EXPECT_EQ(findPythonEnum(Enums, "Nested", Message), &Enums[5]);
  EXPECT_EQ(findPythonEnum(Enums, "Helpers.Nested", Message), &Enums[5]);
  EXPECT_EQ(findPythonEnum(Enums, "Helpers", Message), nullptr);
  EXPECT_EQ(Message, "no enum class 'Helpers' in the file (enum classes: OrderState Channel "
                     "Priority Permission Plain Helpers.Nested)");
}

TEST(PythonEnumParserTest, MalformedFilesArePositioned) {
  DataError E = pythonError(read("malformed.py"));
  EXPECT_EQ(E.Line, 5u);
  EXPECT_EQ(E.Column, 11u);
  EXPECT_EQ(E.Message, "malformed Python: unterminated string literal");

  E = pythonError(read("malformed-indent.py"));
  EXPECT_EQ(E.Line, 6u);
  EXPECT_EQ(E.Column, 5u);
  EXPECT_EQ(E.Message, "malformed Python: unindent does not match any outer indentation level");

  E = pythonError("class E(Enum):\nA = 1\n");
  EXPECT_EQ(E.Line, 2u);
  EXPECT_EQ(E.Message, "malformed Python: expected an indented block after class 'E'");
  E = pythonError("class E(Enum)\n    A = 1\n");
  EXPECT_EQ(E.Message, "malformed Python: expected ':' after the header of class 'E'");
  E = pythonError("x = (1,\n2\n");
  EXPECT_EQ(E.Line, 1u);
  EXPECT_EQ(E.Column, 5u);
  EXPECT_EQ(E.Message, "malformed Python: '(' was never closed");
  E = pythonError("x = [1)\n");
  EXPECT_NE(E.Message.find("does not match the '['"), std::string::npos);
  E = pythonError("s = '''open\n");
  EXPECT_EQ(E.Message, "malformed Python: unterminated triple-quoted string literal");
  E = pythonError("s = f'{x'\n");
  EXPECT_EQ(E.Line, 1u);
  E = pythonError("x = 1 $ 2\n");
  EXPECT_EQ(E.Message, "malformed Python: invalid character '$'");
}

} // namespace
} // namespace contractcheck
