// Which system headers TUs may share precompiled: the plan (pure bookkeeping) and the scan that
// decides, from a real preprocessor run, how many of a TU's system headers may move to its top.
#include "SharedPrefixPlan.h"
#include "Subprocess.h"
#include "SystemHeaderRoots.h"
#include "TranslationUnitAnalyzer.h"

#include <gtest/gtest.h>

namespace contractcheck::test {
namespace {

constexpr size_t None = SharedPrefixPlan::None;

TEST(SharedPrefixPlanTest, TUsThatBeginAlikeShareTheLongestCommonRun) {
  SharedPrefixPlan Plan = planSharedPrefixes({{"g", {"map", "string", "vector"}},
                                              {"g", {"map", "string", "memory"}},
                                              {"g", {"map", "string", "vector"}}},
                                             2);
  ASSERT_EQ(Plan.Prefixes.size(), 2u);
  EXPECT_EQ(Plan.PrefixOf[0], Plan.PrefixOf[2]);
  EXPECT_EQ(Plan.Prefixes[Plan.PrefixOf[0]].Length, 3u);
  EXPECT_EQ(Plan.Prefixes[Plan.PrefixOf[1]].Length, 2u); // map, string: what it shares
}

TEST(SharedPrefixPlanTest, OtherCompilerSettingsOrALoneTUShareNothing) {
  SharedPrefixPlan Plan = planSharedPrefixes(
      {{"-std=c++20", {"map"}}, {"-std=c++17", {"map"}}, {"-std=c++20", {"string"}}}, 2);
  EXPECT_TRUE(Plan.Prefixes.empty());
  EXPECT_EQ(Plan.PrefixOf, (std::vector<size_t>{None, None, None}));
}

TEST(SharedPrefixPlanTest, MinShareOneGivesEveryTUItsOwnRoots) {
  SharedPrefixPlan Plan = planSharedPrefixes({{"g", {"map"}}, {"g", {}}}, 1);
  ASSERT_EQ(Plan.Prefixes.size(), 1u);
  EXPECT_EQ(Plan.PrefixOf, (std::vector<size_t>{0, None}));
}

// A project with a system include directory: sys/first.h, sys/second.h (guarded), and
// sys/config.h, which reads the macro PROJECT_CONFIG and defines LATE_MACRO.
class SystemHeaderRootsTest : public ::testing::Test {
protected:
  void SetUp() override {
    Dir.write("sys/first.h", "#pragma once\nint first();\n");
    Dir.write("sys/second.h", "#pragma once\nint second();\n");
    Dir.write("sys/config.h", "#pragma once\n#ifdef PROJECT_CONFIG\nint configured();\n#endif\n"
                              "#define LATE_MACRO 1\n");
    Dir.write("project.h", "#pragma once\nint project();\n");
  }

  std::vector<std::string> roots(const std::string &Main) {
    CompileCommand Command{Dir.path(), Dir.write("main.cpp", Main),
                           {"clang++", "-std=c++20", "-I", Dir.path(), "-isystem",
                            Dir.path() + "/sys", "-c", Dir.path() + "/main.cpp"}};
    SystemHeaderRoots Scan =
        scanSystemHeaderRoots(analysisCommandLine(Command, {}), Command.Directory);
    EXPECT_TRUE(Scan.Preprocessed);
    std::vector<std::string> Names;
    for (const SystemHeaderRoot &R : Scan.Roots)
      Names.push_back(R.Spelling);
    return Names;
  }

  using Names = std::vector<std::string>;
  TempDir Dir;
};

TEST_F(SystemHeaderRootsTest, TheSystemHeadersTheTUsOwnCodeIncludesInOrder) {
  EXPECT_EQ(roots("#include <second.h>\n#include \"project.h\"\n#include <first.h>\n"
                  "#include <second.h>\nint x;\n"),
            (Names{"second.h", "first.h"}));
}

TEST_F(SystemHeaderRootsTest, ARootThatReadsAMacroTheTUDefinedStaysWhereItIs) {
  EXPECT_EQ(roots("#include <first.h>\n#define PROJECT_CONFIG\n#include <config.h>\n"),
            (Names{"first.h"}));
  EXPECT_EQ(roots("#include <first.h>\n#include <config.h>\n#define PROJECT_CONFIG\n"),
            (Names{"first.h", "config.h"}));
}

TEST_F(SystemHeaderRootsTest, ARootThatDefinesANameTheTUUsedBeforeItStaysWhereItIs) {
  EXPECT_EQ(roots("#include <first.h>\nint LATE_MACRO = 0;\n#include <config.h>\n"),
            (Names{"first.h"}));
  EXPECT_EQ(roots("#include <first.h>\n#if LATE_MACRO\n#endif\n#include <config.h>\n"),
            (Names{"first.h"}));
  EXPECT_EQ(roots("#include <first.h>\n#include <config.h>\nint x = LATE_MACRO;\n"),
            (Names{"first.h", "config.h"}));
}

TEST_F(SystemHeaderRootsTest, ARootInsideBracesOrAfterAPragmaStaysWhereItIs) {
  EXPECT_EQ(roots("#include <first.h>\nextern \"C\" {\n#include <second.h>\n}\n"),
            (Names{"first.h"}));
  EXPECT_EQ(roots("#include <first.h>\n#pragma pack(push, 1)\n#include <second.h>\n"
                  "#pragma pack(pop)\n"),
            (Names{"first.h"}));
  EXPECT_EQ(roots("#pragma once\n#pragma GCC diagnostic push\n#include <first.h>\n"
                  "#pragma GCC diagnostic pop\n#include <second.h>\n"),
            (Names{"first.h", "second.h"}));
  EXPECT_EQ(roots("#define QUIET _Pragma(\"clang diagnostic push\")\nQUIET\n#include <first.h>\n"
                  "_Pragma(\"pack(1)\")\n#include <second.h>\n"),
            (Names{"first.h"}));
}

} // namespace
} // namespace contractcheck::test
