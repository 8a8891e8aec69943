// Where a source file's inclusions end (engine/IncludeRegion.h): a stored scan of a TU's system
// headers is taken again only while the main file's text up to there is unchanged, so the end
// must lie after every inclusion directive the preprocessor would see, whatever hides around it.
#include "IncludeRegion.h"

#include <gtest/gtest.h>

#include <string>

namespace contractcheck {
namespace {

// The end of Head, the part that must be kept; Tail must not count.
void expectRegion(const std::string &Head, const std::string &Tail) {
  EXPECT_EQ(includeRegionEnd(Head + Tail), Head.size()) << Head << "|" << Tail;
}

TEST(IncludeRegionTest, EndsAfterTheLineOfTheLastInclude) {
  expectRegion("#include <map>\n#include \"a.h\"\n", "int f() { return 1; }\n");
  expectRegion("  #  include <map>  // a comment\n", "\nint x;\n#define N 3\n#pragma once\n");
  expectRegion("#include_next <map>\n", "int x;\n");
  expectRegion("#import <map>\n", "int x;\n");
  expectRegion("#include <map>", ""); // no newline at the end of the file
}

TEST(IncludeRegionTest, AFileWithoutIncludesHasNone) {
  EXPECT_EQ(includeRegionEnd(""), 0u);
  EXPECT_EQ(includeRegionEnd("int main() { return 0; }\n#define X 1\n"), 0u);
}

TEST(IncludeRegionTest, IncludesAfterCodeCount) {
  expectRegion("#include <map>\nint x;\n#if X\n#include <vector>\n", "#endif\nint y;\n");
  // Even in a branch that is never taken: a region too long only costs a scan.
  expectRegion("#if 0\n#include <vector>\n", "#endif\n");
}

TEST(IncludeRegionTest, AnIncludeInACommentOrALiteralDoesNot) {
  expectRegion("#include <map>\n",
               "/*\n#include <vector>\n*/\n// #include <set>\nconst char *s = \"#include <x>\";\n");
}

TEST(IncludeRegionTest, SplicedAndDigraphSpellingsCount) {
  expectRegion("#inc\\\nlude <map>\n", "int x;\n");
  expectRegion("#include \\\n  <map>\n", "int x;\n");
  expectRegion("%:include <map>\n", "int x;\n");
  expectRegion("# /* a comment */ include <map>\n", "int x;\n");
  expectRegion("/* leading */ #include <map>\n", "int x;\n");
}

TEST(IncludeRegionTest, AHeaderNameIsNotLexedAsCode) {
  // "/*" in a header name opens no comment: the lines after it are read.
  expectRegion("#include <a/*b.h>\n#include <c.h>\n", "int x; /* */\n");
}

TEST(IncludeRegionTest, ARawStringHidesNothingFromTheCLexer) {
  // In C++ the directive is inside a raw string; in C (or C++98) it is a directive. Either
  // language may be the TU's: the later end counts.
  expectRegion("const char *s = R\"(\n#include <map>\n", ")\";\nint x;\n");
  // And a block comment that C would open inside a C++ raw string hides nothing from the C++
  // lexer.
  expectRegion("const char *s = R\"x( \" /* )x\";\n#include <map>\n", "int x; // */\n");
}

TEST(IncludeRegionTest, ModulesImportsCount) {
  expectRegion("module;\n#include <map>\nexport module m;\nimport <vector>;\n", "int x;\n");
  expectRegion("export import n;\n", "int x;\n");
}

TEST(IncludeRegionTest, TrigraphsTakeTheWholeFile) {
  std::string Text = "int x;\n?\?=include <map>\nint y;\n";
  EXPECT_EQ(includeRegionEnd(Text), Text.size());
}

} // namespace
} // namespace contractcheck
