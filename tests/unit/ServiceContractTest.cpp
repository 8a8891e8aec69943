// contract-declared-service's contract files and the files its globs name: positions a finding
// can point at (a quoted declaration's first character), and each malformed shape an error at
// its own line:col.
#include "rules/declared-service/ContractDeclaration.h"
#include "rules/declared-service/ProbeSource.h"
#include "rules/declared-service/ServiceContract.h"
#include "GlobFiles.h"
#include "Subprocess.h"

#include <gtest/gtest.h>

namespace contractcheck {
namespace {

std::optional<ServiceContract> parse(const std::string &Text, DataError &Error) {
  return parseServiceContract("/c/notifier.yaml", Text, Error);
}

TEST(ServiceContractTest, ReadsServiceAndMethodsWithTheColumnsOfTheDeclarations) {
  DataError Error;
  std::optional<ServiceContract> C = parse("owner: team\n"
                                           "service: ::shop::Notifier\n"
                                           "methods:\n"
                                           "  - \"bool send(const Alert& a)\"\n"
                                           "  - std::size_t pending() const\n"
                                           "  - 'void flush()'\n",
                                           Error);
  ASSERT_TRUE(C) << Error.render();
  EXPECT_EQ(C->Service, "shop::Notifier");
  EXPECT_EQ(C->ServicePosition, (DataPosition{2, 10}));
  ASSERT_EQ(C->Methods.size(), 3u);
  EXPECT_EQ(C->Methods[0].Text, "bool send(const Alert& a)");
  EXPECT_EQ(C->Methods[0].Position, (DataPosition{4, 5}));
  EXPECT_EQ(C->Methods[0].TextColumn, 6u); // past the quote
  EXPECT_EQ(C->Methods[1].TextColumn, 5u); // a plain scalar starts at its mark
  EXPECT_EQ(C->Methods[2].TextColumn, 6u);
}

TEST(ServiceContractTest, EachMalformedShapeIsAnErrorAtItsPosition) {
  struct Case {
    std::string Text;
    unsigned Line, Column;
    std::string Message;
  };
  const Case Cases[] = {
      {"- a\n", 1, 1, "a service contract is a mapping"},
      {"methods: []\n", 1, 1, "the contract has no 'service:'"},
      {"service: shop:Notifier\nmethods: []\n", 1, 10, "must be a qualified class name"},
      {"service: [a]\nmethods: []\n", 1, 10, "must be a qualified class name"},
      {"service: shop::N\n", 1, 1, "the contract has no 'methods:'"},
      {"service: shop::N\nmethods:\n", 2, 1, "'methods:' must be a list"},
      {"service: shop::N\nmethods: {a: b}\n", 2, 10, "'methods:' must be a list"},
      {"service: shop::N\nmethods:\n  - 3\n", 3, 5, "each method is a C++ member declaration"},
      {"service: shop::N\nmethods:\n  - \" \"\n", 3, 5, "an empty method declaration"},
      {"service: shop::N\nheader: [x]\nmethods: []\n", 2, 9, "'header:' must be a path"},
      {"service: a\nservice: b\nmethods: []\n", 2, 1, "duplicate"},
  };
  for (const Case &C : Cases) {
    DataError Error;
    EXPECT_FALSE(parse(C.Text, Error)) << C.Text;
    EXPECT_EQ(Error.Line, C.Line) << C.Text << Error.render();
    EXPECT_EQ(Error.Column, C.Column) << C.Text << Error.render();
    EXPECT_NE(Error.Message.find(C.Message), std::string::npos) << C.Text << Error.render();
  }
}

// A contract declaration is pasted into a snippet Clang preprocesses: everything that reaches the
// preprocessor rather than the parser, or that can end the probe's struct, is refused before the
// parse, at the offending character.
TEST(ContractDeclarationTest, WhatCouldReachThePreprocessorOrLeaveTheMemberIsRefused) {
  struct Case {
    std::string Text;
    size_t Offset;
    std::string Message;
  };
  const Case Cases[] = {
      {"bool send()\n#include \"/etc/passwd\"", 12, "preprocessor directive"},
      {"#include \"/dev/stdin\"", 0, "preprocessor directive"},
      {"void f(int = #x)", 13, "preprocessor directive"},
      {"void f()\n%:include \"/etc/passwd\"", 9, "digraph"},
      {"void f()\n?" "?=include \"/etc/passwd\"", 9, "trigraph"},
      {"void f() \\\n#include <x>", 9, "line splice"},
      {"void f() /* *\\ \n/ _Pragma(\"x\") */", 13, "line splice"},
      {"void f(int \\u0023)", 11, "backslash"},
      {"_Pragma(\"clang __debug overflow_stack\") void f()", 0, "pragma"},
      {"void f() __pragma(x)", 9, "pragma"},
      {"void f(int = __has_include(\"/dev/stdin\"))", 13, "__has_include"},
      {"void f()\nimport \"/etc/passwd\"", 9, "module directive"},
      {"void f(); }; struct Evil { int x;", 10, "exactly one declaration"},
      {"void f(); int g()", 10, "exactly one declaration"},
      {"void f() }", 9, "unbalanced '}'"},
      {"void f(int x[2)]", 14, "does not close"},
      {"void f(int x = (1)", 6, "unclosed '('"},
      {"void f() /* x", 9, "unterminated comment"},
      {"void f() // x", 9, "'//' comment"},
      {"void f(const char* = \"x)", 21, "unterminated literal"},
      {"void f(const char* = \"x\n#include <y>\")", 21, "does not end on its line"},
      {"void f(const char* = \"x\\\n\")", 23, "line splice"},
      // Found by ContractDeclarationFuzzer: '??/' is a backslash even inside a literal.
      {"void f(char c = '?" "?/')", 17, "trigraph"},
      // Found by ContractDeclarationFuzzer: '$' starts an identifier, so the quote after '$3L'
      // opens a literal rather than separating digits.
      {"int f(int = 3$3L'L);", 16, "unterminated literal"},
      // Found by ContractDeclarationFuzzer: a sign ends a decimal number after 'p'.
      {"int f(int = 4p+z'a);", 14, "exponent"},
      // Found by ContractDeclarationFuzzer: the letter a separator takes along is no exponent.
      {"int f(int = 4'A4'e+A'A);", 20, "unterminated literal"},
      {"int f(int = 1'z);", 13, "digit separator"},
      // Found by ContractDeclarationFuzzer: a comment before it leaves a word at its line's start.
      {"/*I*/module x;", 5, "module directive"},
      {"void f(const char* = R\"(x)\")", 21, "raw string"},
      {std::string("void f()\0", 9) + "#", 8, "control character"},
      {"void f(<%)", 7, "digraph"},
      {"void f(int x<:2:>)", 12, "digraph"},
      // Found by ContractDeclarationFuzzer: '<:::' is '<:' '::', a '[' that closes nothing.
      {"std::vector<:::std::string> names()", 11, "digraph"},
      {"std::vector<::>", 11, "digraph"},
      // Found by ContractDeclarationFuzzer: Clang splits a word at an invalid UTF-8 byte.
      {"void f\xd8__has_include_next()", 6, "non-ASCII"},
  };
  for (const Case &C : Cases) {
    std::optional<DeclarationProblem> Problem = checkContractDeclaration(C.Text);
    ASSERT_TRUE(Problem) << C.Text;
    EXPECT_EQ(Problem->Offset, C.Offset) << C.Text << ": " << Problem->Message;
    EXPECT_NE(Problem->Message.find(C.Message), std::string::npos) << C.Text << ": "
                                                                   << Problem->Message;
  }
}

// Everything a member declaration may say stays accepted (the fixtures' contracts among them).
TEST(ContractDeclarationTest, MemberDeclarationsAreAccepted) {
  const char *const Accepted[] = {
      "bool send(const Alert& alert, Channel channel)",
      "const store::Record* find(const std::string& key) const&",
      "template <typename F> void visit(F&& f) const",
      "int load(const char* path = \"#/a;}\", char c = '#', int flags = 1'000'000)",
      "std::vector<::std::string> names() const",
      "bool operator==(const Book&) const noexcept;",
      "void f(std::function<void()> cb = [] {}) /* a comment; with } */",
      "void import(Module module)",
      "bool operator<(const Key&) const",
      "int operator[](int i) const",
      "double scale(double x = 1e-3, double y = .5)",
      "void multi(int a,\n           int b)",
      "auto visit(int x) -> decltype(x)",
      "std::string u8name(char8_t c = u8'a', const wchar_t* w = L\"x\")",
  };
  for (const char *Text : Accepted) {
    std::optional<DeclarationProblem> Problem = checkContractDeclaration(Text);
    EXPECT_FALSE(Problem) << Text << ": " << Problem->Message;
  }
}

TEST(ContractDeclarationTest, AContractWithARefusedDeclarationIsAnErrorAtTheOffendingCharacter) {
  DataError Error;
  EXPECT_FALSE(parse("service: shop::N\nmethods:\n  - \"void f(); }; struct Evil { int x;\"\n",
                     Error));
  EXPECT_EQ(Error.File, "/c/notifier.yaml");
  EXPECT_EQ(Error.Line, 3u);
  EXPECT_EQ(Error.Column, 16u) << Error.render();
  EXPECT_NE(Error.Message.find("exactly one declaration"), std::string::npos) << Error.render();

  // Past a line break (an escape in a quoted scalar), the declaration itself is pointed at.
  EXPECT_FALSE(parse("service: shop::N\nmethods:\n  - \"void f()\\n#include \\\"/etc/passwd\\\"\"\n",
                     Error));
  EXPECT_EQ(Error.Line, 3u);
  EXPECT_EQ(Error.Column, 6u) << Error.render();
  EXPECT_NE(Error.Message.find("preprocessor directive"), std::string::npos) << Error.render();
}

TEST(ProbeSnippetTest, AContractFileNameIsNeverMoreThanANameInTheSnippet) {
  ServiceContract Contract;
  Contract.File = "/c/evil\n#include \"/etc/passwd\"\n\".yaml";
  Contract.Service = "N";
  Contract.Methods.push_back({"void f()", {3, 5}, 6});
  ProbeSnippet Snippet = probeSnippet({"/c/n.h"}, {{&Contract, ServiceScope{{}, "N", {}}}});
  EXPECT_EQ(Snippet.Text.find("\n#include \"/etc/passwd\""), std::string::npos) << Snippet.Text;
  EXPECT_NE(Snippet.Text.find("#line 3 \"/c/evil\\012#include \\\"/etc/passwd\\\"\\012\\\".yaml\""),
            std::string::npos)
      << Snippet.Text;
  EXPECT_FALSE(canBeIncluded("/c/a\n#include \"/etc/passwd\"\n.h"));
  EXPECT_FALSE(canBeIncluded("/c/a\".h"));
  EXPECT_TRUE(canBeIncluded("/c/a b.h"));
}

TEST(GlobFilesTest, ListsWhatTheGlobsNameRelativeToTheBaseAtTheDepthTheyName) {
  test::TempDir Dir;
  Dir.write("contracts/a.yaml", "");
  Dir.write("contracts/b.yml", "");
  Dir.write("contracts/deep/c.yaml", "");
  Dir.write("other/d.yaml", "");
  auto Globs = [](std::initializer_list<const char *> Patterns) {
    std::vector<Glob> Out;
    for (const char *P : Patterns)
      Out.push_back(*Glob::parse(P, Glob::Kind::Path));
    return Out;
  };
  EXPECT_EQ(filesMatching(Globs({"contracts/*.yaml"}), Dir.path()),
            std::vector<std::string>{Dir.file("contracts/a.yaml")});
  EXPECT_EQ(
      filesMatching(Globs({"contracts/**/*.yaml", "contracts/*.yaml"}), Dir.path()),
      (std::vector<std::string>{Dir.file("contracts/a.yaml"), Dir.file("contracts/deep/c.yaml")}));
  EXPECT_EQ(filesMatching(Globs({"other/d.yaml"}), Dir.path()),
            std::vector<std::string>{Dir.file("other/d.yaml")});
  EXPECT_EQ(filesMatching(Globs({(Dir.path() + "/other/*.yaml").c_str()}), "/nowhere"),
            std::vector<std::string>{Dir.file("other/d.yaml")});
  EXPECT_TRUE(filesMatching(Globs({"missing/*.yaml"}), Dir.path()).empty());
}

} // namespace
} // namespace contractcheck
