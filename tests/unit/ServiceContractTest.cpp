// contract-declared-service's contract files and the files its globs name: positions a finding
// can point at (a quoted declaration's first character), and each malformed shape an error at
// its own line:col.
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
