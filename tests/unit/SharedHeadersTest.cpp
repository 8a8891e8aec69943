// Which system headers TUs may share precompiled: the plan (pure bookkeeping) and the scan that
// decides, from a real preprocessor run, how many of a TU's system headers may move to its top.
#include "SharedPrefixPlan.h"
#include "StandardHeaders.h"
#include "Subprocess.h"
#include "SystemHeaderRoots.h"
#include "TranslationUnitAnalyzer.h"

#include <gtest/gtest.h>

namespace contractcheck::test {
namespace {

constexpr size_t None = SharedPrefixPlan::None;

// Every header of C++23 [headers] tables 24 and 26 and of C17 7.1.2 (the list this used to keep
// by hand): Clang's table and the few it lacks together know each of them, and nothing else.
TEST(StandardHeadersTest, ClangsTableAndItsGapsAreTheStandardsHeaders) {
  const char *Standard[] = {
      "algorithm", "any", "array", "assert.h", "atomic", "barrier", "bit", "bitset", "cassert",
      "ccomplex", "cctype", "cerrno", "cfenv", "cfloat", "charconv", "chrono", "cinttypes",
      "ciso646", "climits", "clocale", "cmath", "codecvt", "compare", "complex", "complex.h",
      "concepts", "condition_variable", "coroutine", "csetjmp", "csignal", "cstdalign", "cstdarg",
      "cstdbool", "cstddef", "cstdint", "cstdio", "cstdlib", "cstring", "ctgmath", "ctime",
      "ctype.h", "cuchar", "cwchar", "cwctype", "deque", "errno.h", "exception", "execution",
      "expected", "fenv.h", "filesystem", "flat_map", "flat_set", "float.h", "format",
      "forward_list", "fstream", "functional", "future", "generator", "initializer_list",
      "inttypes.h", "iomanip", "ios", "iosfwd", "iostream", "iso646.h", "istream", "iterator",
      "latch", "limits", "limits.h", "list", "locale", "locale.h", "map", "math.h", "mdspan",
      "memory", "memory_resource", "mutex", "new", "numbers", "numeric", "optional", "ostream",
      "print", "queue", "random", "ranges", "ratio", "regex", "scoped_allocator", "semaphore",
      "set", "setjmp.h", "shared_mutex", "signal.h", "source_location", "span", "spanstream",
      "sstream", "stack", "stacktrace", "stdalign.h", "stdarg.h", "stdatomic.h", "stdbool.h",
      "stddef.h", "stdexcept", "stdfloat", "stdint.h", "stdio.h", "stdlib.h", "stdnoreturn.h",
      "stop_token", "streambuf", "string", "string.h", "string_view", "strstream", "syncstream",
      "system_error", "tgmath.h", "thread", "threads.h", "time.h", "tuple", "type_traits",
      "typeindex", "typeinfo", "uchar.h", "unordered_map", "unordered_set", "utility", "valarray",
      "variant", "vector", "version", "wchar.h", "wctype.h"};
  for (const char *Header : Standard)
    EXPECT_TRUE(isStandardHeader(Header)) << Header;
  for (const char *Header : {"experimental/filesystem", "bits/stl_vector.h", "unistd.h",
                             "vector.h", "sys/types.h", "gtest/gtest.h", "<vector>"})
    EXPECT_FALSE(isStandardHeader(Header)) << Header;
  EXPECT_FALSE(isOrderFreeStandardHeader("cassert"));
  EXPECT_TRUE(isOrderFreeStandardHeader("vector"));
  EXPECT_TRUE(isPlatformHeader("unistd.h"));
}

TEST(SharedPrefixPlanTest, TUsThatBeginAlikeShareTheLongestCommonRun) {
  SharedPrefixPlan Plan = planSharedPrefixes({{"g", {"map", "string", "vector"}},
                                              {"g", {"map", "string", "memory"}},
                                              {"g", {"map", "string", "vector"}}},
                                             2);
  ASSERT_EQ(Plan.Prefixes.size(), 1u);
  EXPECT_EQ(Plan.PrefixOf[0], Plan.PrefixOf[2]);
  EXPECT_EQ(Plan.Prefixes[Plan.PrefixOf[0]].Length, 3u);
  EXPECT_EQ(Plan.PrefixOf[1], None); // a prefix of map and string would be its alone
}

LeadingStandardHeader standardRoot(const std::string &Path, size_t Before) {
  return {Path, 10, true, Before};
}
LeadingStandardHeader standardInclude(const std::string &Path) { return {Path, 10, false, 0}; }

TEST(SharedPrefixPlanTest, StandardHeadersAreSharedInAnyOrder) {
  // <map> <string> / <string> <vector> <map> / <vector> <deque>: the first two share both.
  SharedPrefixPlan Plan = planSharedPrefixes(
      {{"g", {}, {standardRoot("map", 0), standardRoot("string", 0)}},
       {"g", {}, {standardRoot("string", 0), standardRoot("vector", 0), standardRoot("map", 0)}},
       {"g", {}, {standardRoot("vector", 0), standardRoot("deque", 0)}}},
      2);
  ASSERT_EQ(Plan.Prefixes.size(), 1u);
  EXPECT_EQ(Plan.PrefixOf, (std::vector<size_t>{0, 0, None}));
  EXPECT_EQ(Plan.Prefixes[0].Standard, (std::vector<std::string>{"map", "string"}));
  EXPECT_EQ(Plan.Prefixes[0].Length, 0u);
}

TEST(SharedPrefixPlanTest, ALibraryRootIsSharedWithTheStandardHeadersItsTUsInclude) {
  // <string> "gtest.h" / <vector> "gtest.h", gtest.h including both: sharing gtest.h moves it
  // above <string> and <vector>, so both come first, which each TU includes anyway.
  SharedPrefixPlan Plan = planSharedPrefixes(
      {{"g", {"gtest.h"}, {standardRoot("string", 0), standardInclude("vector")}},
       {"g", {"gtest.h"}, {standardRoot("vector", 0), standardInclude("string")}}},
      2);
  ASSERT_EQ(Plan.Prefixes.size(), 1u);
  EXPECT_EQ(Plan.PrefixOf, (std::vector<size_t>{0, 0}));
  EXPECT_EQ(Plan.Prefixes[0].Standard, (std::vector<std::string>{"string", "vector"}));
  EXPECT_EQ(Plan.Prefixes[0].Length, 1u);
}

TEST(SharedPrefixPlanTest, ALibraryRootIsNotMovedAboveAStandardHeaderThePrefixLacks) {
  // The first TU includes <regex> before gtest.h, which the second never includes: gtest.h may
  // not move above it without it, and <regex> may not come first for the second. The third
  // includes <regex> after gtest.h, which may lead: it shares with the first.
  // The second loads <string> alone, precompiled once, which the first and third's prefix is
  // built on.
  SharedPrefixPlan Plan = planSharedPrefixes(
      {{"g", {"gtest.h"}, {standardRoot("regex", 0), standardInclude("string")}},
       {"g", {"gtest.h"}, {standardInclude("string")}},
       {"g", {"gtest.h"}, {standardInclude("string"), standardRoot("regex", 1)}}},
      2);
  ASSERT_EQ(Plan.Prefixes.size(), 2u);
  EXPECT_EQ(Plan.PrefixOf, (std::vector<size_t>{0, 1, 0}));
  EXPECT_EQ(Plan.Prefixes[0].Standard, (std::vector<std::string>{"regex", "string"}));
  EXPECT_EQ(Plan.Prefixes[0].Length, 1u);
  EXPECT_EQ(Plan.Prefixes[0].Lower, 1u);
  EXPECT_EQ(Plan.Prefixes[1].Standard, (std::vector<std::string>{"string"}));
  EXPECT_EQ(Plan.Prefixes[1].Length, 0u);
  EXPECT_EQ(Plan.Prefixes[1].Lower, None);
  // Without the third, the first two share <string> only: the first needs <regex> above gtest.h.
  Plan = planSharedPrefixes(
      {{"g", {"gtest.h"}, {standardRoot("regex", 0), standardInclude("string")}},
       {"g", {"gtest.h"}, {standardInclude("string")}}},
      2);
  ASSERT_EQ(Plan.Prefixes.size(), 1u);
  EXPECT_EQ(Plan.Prefixes[0].Standard, (std::vector<std::string>{"string"}));
  EXPECT_EQ(Plan.Prefixes[0].Length, 0u);
}

TEST(SharedPrefixPlanTest, ALibraryRootMovesAboveAStandardHeaderThatMayFollowIt) {
  // As above, but the scan showed that gtest.h and <regex> read and define nothing of each
  // other's: the first TU includes <regex> after the prefix of <string> and gtest.h it shares.
  LeadingStandardHeader Regex = standardRoot("regex", 0);
  Regex.MayFollow = true;
  std::vector<PrefixCandidate> Candidates{{"g", {"gtest.h"}, {Regex, standardInclude("string")}},
                                          {"g", {"gtest.h"}, {standardInclude("string")}}};
  SharedPrefixPlan Plan = planSharedPrefixes(Candidates, 2);
  ASSERT_EQ(Plan.Prefixes.size(), 1u);
  EXPECT_EQ(Plan.PrefixOf, (std::vector<size_t>{0, 0}));
  EXPECT_EQ(Plan.Prefixes[0].Standard, (std::vector<std::string>{"string"}));
  EXPECT_EQ(Plan.Prefixes[0].Length, 1u);
  // Two such TUs share <regex> again, chained after gtest.h, when it weighs enough.
  Regex.Weight = 100;
  Candidates = {{"g", {"gtest.h"}, {Regex, standardInclude("string")}},
                {"g", {"gtest.h"}, {Regex, standardInclude("string")}},
                {"g", {"gtest.h"}, {standardInclude("string")}}};
  Plan = planSharedPrefixes(Candidates, 2);
  ASSERT_EQ(Plan.Prefixes.size(), 2u);
  EXPECT_EQ(Plan.PrefixOf, (std::vector<size_t>{1, 1, 0}));
  EXPECT_EQ(Plan.Prefixes[0].Standard, (std::vector<std::string>{"string"}));
  EXPECT_EQ(Plan.Prefixes[1].Standard, (std::vector<std::string>{"regex", "string"}));
  EXPECT_EQ(Plan.Prefixes[1].Lower, 0u);
}

TEST(SharedPrefixPlanTest, TUsNeedingDifferentStandardHeadersBeforeALibraryShareItApart) {
  // Two tests include <valarray> before gtest.h, two <deque>, one gtest.h alone: no prefix of
  // gtest.h serves all five (each pair needs its own header above it, which the others lack),
  // but each pair shares one (yaml-cpp's tests: 12 of 17 shared no gtest.h or gmock.h). The
  // <string> all five include is precompiled once: both pairs' prefixes are built on it, and the
  // fifth TU loads it.
  SharedPrefixPlan Plan = planSharedPrefixes(
      {{"g", {"gtest.h"}, {standardRoot("valarray", 0), standardInclude("string")}},
       {"g", {"gtest.h"}, {standardRoot("deque", 0), standardInclude("string")}},
       {"g", {"gtest.h"}, {standardInclude("string")}},
       {"g", {"gtest.h"}, {standardRoot("valarray", 0), standardInclude("string")}},
       {"g", {"gtest.h"}, {standardRoot("deque", 0), standardInclude("string")}}},
      2);
  ASSERT_EQ(Plan.Prefixes.size(), 3u);
  EXPECT_EQ(Plan.PrefixOf[0], Plan.PrefixOf[3]);
  EXPECT_EQ(Plan.PrefixOf[1], Plan.PrefixOf[4]);
  EXPECT_NE(Plan.PrefixOf[0], Plan.PrefixOf[1]);
  ASSERT_NE(Plan.PrefixOf[2], None);
  const SharedPrefix &Lower = Plan.Prefixes[Plan.PrefixOf[2]];
  EXPECT_EQ(Lower.Standard, (std::vector<std::string>{"string"}));
  EXPECT_EQ(Lower.Length, 0u);
  EXPECT_EQ(Lower.Lower, None);
  EXPECT_EQ(Plan.Prefixes[Plan.PrefixOf[0]].Standard,
            (std::vector<std::string>{"string", "valarray"}));
  EXPECT_EQ(Plan.Prefixes[Plan.PrefixOf[1]].Standard,
            (std::vector<std::string>{"deque", "string"}));
  for (size_t I : {0, 1}) {
    EXPECT_EQ(Plan.Prefixes[Plan.PrefixOf[I]].Length, 1u);
    EXPECT_EQ(Plan.Prefixes[Plan.PrefixOf[I]].Lower, Plan.PrefixOf[2]);
  }
}

TEST(SharedPrefixPlanTest, PrefixesChainOnTheStandardHeadersMostOfThemShare) {
  // Two clusters of gtest.h tests (<regex> / <deque> before it) and two TUs sharing <map>,
  // <string> and <vector>, all of them including <string> and <vector>; one TU includes neither.
  // <string> and <vector> are precompiled once, as the lower prefix of the three others; the
  // prefix of exactly those is the lower one itself when there is one.
  LeadingStandardHeader Heavy = standardInclude("vector");
  Heavy.Weight = 100;
  SharedPrefixPlan Plan = planSharedPrefixes(
      {{"g", {"gtest.h"}, {standardRoot("regex", 0), standardInclude("string"), Heavy}},
       {"g", {"gtest.h"}, {standardRoot("regex", 0), standardInclude("string"), Heavy}},
       {"g", {"gtest.h"}, {standardRoot("deque", 0), standardInclude("string"), Heavy}},
       {"g", {"gtest.h"}, {standardRoot("deque", 0), standardInclude("string"), Heavy}},
       {"g", {}, {standardRoot("map", 0), standardRoot("string", 0), Heavy}},
       {"g", {}, {standardRoot("map", 0), standardRoot("string", 0), Heavy}},
       {"g", {}, {standardRoot("list", 0)}}},
      2);
  ASSERT_EQ(Plan.Prefixes.size(), 4u);
  EXPECT_EQ(Plan.PrefixOf[6], None);
  const SharedPrefix &Lower = Plan.Prefixes.back();
  EXPECT_EQ(Lower.Standard, (std::vector<std::string>{"string", "vector"}));
  EXPECT_EQ(Lower.Length, 0u);
  EXPECT_EQ(Lower.Lower, None);
  for (size_t I = 0; I < 6; ++I) {
    ASSERT_NE(Plan.PrefixOf[I], None);
    EXPECT_EQ(Plan.Prefixes[Plan.PrefixOf[I]].Lower, Plan.Prefixes.size() - 1) << I;
  }
  // One prefix and no TU left without one: nothing to chain.
  Plan = planSharedPrefixes(
      {{"g", {"gtest.h"}, {standardRoot("regex", 0), standardInclude("string"), Heavy}},
       {"g", {"gtest.h"}, {standardRoot("regex", 0), standardInclude("string"), Heavy}}},
      2);
  ASSERT_EQ(Plan.Prefixes.size(), 1u);
  EXPECT_EQ(Plan.Prefixes[0].Lower, None);
}

TEST(SharedPrefixPlanTest, WhatAPrefixsTUsIncludeBeyondItIsSharedOnAPrefixChainedOnIt) {
  // Five TUs of a group all include <string>; four of them also <map>, and two of those also
  // <sstream> (yaml-cpp's src/: each TU parsed what its cluster did not all include). <string>
  // and <map> are shared by the four, <sstream> on top of that by two, each prefix chained on
  // the one below it; the fifth loads <string> alone. Every prefix holds only standard headers
  // each of its TUs includes.
  LeadingStandardHeader String = standardRoot("string", 0), Map = standardRoot("map", 0),
                        Sstream = standardRoot("sstream", 0), List = standardRoot("list", 0);
  String.Weight = 40;
  Map.Weight = 40;
  Sstream.Weight = 70;
  List.Weight = 20;
  std::vector<PrefixCandidate> Candidates = {{"g", {}, {String, Map, Sstream}},
                                             {"g", {}, {Sstream, Map, String}},
                                             {"g", {}, {String, Map, List}},
                                             {"g", {}, {Map, String}},
                                             {"g", {}, {String}}};
  SharedPrefixPlan Plan = planSharedPrefixes(Candidates, 2);
  auto StandardOf = [&](size_t I) { return Plan.Prefixes[Plan.PrefixOf[I]].Standard; };
  for (size_t I = 0; I < Candidates.size(); ++I)
    ASSERT_NE(Plan.PrefixOf[I], None) << I;
  EXPECT_EQ(Plan.PrefixOf[0], Plan.PrefixOf[1]);
  EXPECT_EQ(StandardOf(0), (std::vector<std::string>{"map", "sstream", "string"}));
  EXPECT_EQ(Plan.PrefixOf[2], Plan.PrefixOf[3]); // <list> is the third's alone
  EXPECT_EQ(StandardOf(2), (std::vector<std::string>{"map", "string"}));
  EXPECT_EQ(StandardOf(4), (std::vector<std::string>{"string"}));
  // Chained: <string>, then <map> on it, then <sstream> on that.
  EXPECT_EQ(Plan.Prefixes[Plan.PrefixOf[0]].Lower, Plan.PrefixOf[2]);
  EXPECT_EQ(Plan.Prefixes[Plan.PrefixOf[2]].Lower, Plan.PrefixOf[4]);
  EXPECT_EQ(Plan.Prefixes[Plan.PrefixOf[4]].Lower, None);
  for (const SharedPrefix &Prefix : Plan.Prefixes)
    EXPECT_EQ(Prefix.Length, 0u);
  // Sharing what saves less than it costs (two files' worth) is left to each TU.
  Sstream.Weight = 2;
  Candidates[0].Standard[2] = Sstream;
  Candidates[1].Standard[0] = Sstream;
  Plan = planSharedPrefixes(Candidates, 2);
  EXPECT_EQ(Plan.PrefixOf[0], Plan.PrefixOf[2]);
  EXPECT_EQ(StandardOf(0), (std::vector<std::string>{"map", "string"}));
}

TEST(SharedPrefixPlanTest, WhatTUsIncludeAfterTheirLibraryRootsIsSharedOnAPrefixChainedOnThem) {
  // Three TUs begin with <string> and gtest.h; two include <map> and <sstream> after gtest.h,
  // the third <list> (yaml-cpp's src/ TUs that begin with <cassert>: each parsed what came
  // after it). The two share <map> and <sstream> on a prefix chained on the one of <string> and
  // gtest.h: those come after gtest.h there too, as in their text.
  LeadingStandardHeader Map = standardRoot("map", 1), Sstream = standardRoot("sstream", 1),
                        List = standardRoot("list", 1);
  Map.Weight = 40;
  Sstream.Weight = 70;
  std::vector<PrefixCandidate> Candidates = {
      {"g", {"gtest.h"}, {standardRoot("string", 0), Map, Sstream}},
      {"g", {"gtest.h"}, {Sstream, standardRoot("string", 0), Map}},
      {"g", {"gtest.h"}, {standardRoot("string", 0), List}}};
  SharedPrefixPlan Plan = planSharedPrefixes(Candidates, 2);
  ASSERT_EQ(Plan.Prefixes.size(), 2u);
  EXPECT_EQ(Plan.PrefixOf, (std::vector<size_t>{1, 1, 0}));
  EXPECT_EQ(Plan.Prefixes[0].Standard, (std::vector<std::string>{"string"}));
  EXPECT_EQ(Plan.Prefixes[0].Length, 1u);
  EXPECT_EQ(Plan.Prefixes[1].Standard, (std::vector<std::string>{"map", "sstream", "string"}));
  EXPECT_EQ(Plan.Prefixes[1].Length, 0u);
  EXPECT_EQ(Plan.Prefixes[1].Lower, 0u);
  // A standard header that gtest.h entered in one TU is in its prefix already: it is never
  // shared after gtest.h, though the others include it after gtest.h themselves.
  LeadingStandardHeader Entered = standardInclude("sstream");
  Entered.Weight = 70;
  Candidates[0].Standard = {standardRoot("string", 0), Map, Entered};
  Candidates.push_back(Candidates[1]);
  Plan = planSharedPrefixes(Candidates, 2);
  ASSERT_EQ(Plan.Prefixes.size(), 2u);
  EXPECT_EQ(Plan.Prefixes[Plan.PrefixOf[1]].Standard,
            (std::vector<std::string>{"map", "sstream", "string"}));
  EXPECT_EQ(Plan.PrefixOf[1], Plan.PrefixOf[3]);
  EXPECT_EQ(Plan.PrefixOf[0], Plan.PrefixOf[2]);
  EXPECT_EQ(Plan.Prefixes[Plan.PrefixOf[0]].Length, 1u);
}

TEST(SharedPrefixPlanTest, AStandardHeaderEnteredInsideAnotherIsOneTheTUIncludes) {
  // The first TU includes <string> before gtest.h; the second gets it only inside <ostream>,
  // which gtest.h includes: a prefix of <ostream>, <string> and gtest.h means what each TU's
  // text means.
  LeadingStandardHeader Ostream = standardInclude("ostream");
  Ostream.Enters = {"string"};
  SharedPrefixPlan Plan = planSharedPrefixes(
      {{"g", {"gtest.h"}, {standardRoot("string", 0), standardInclude("ostream")}},
       {"g", {"gtest.h"}, {Ostream}}},
      2);
  ASSERT_EQ(Plan.Prefixes.size(), 1u);
  EXPECT_EQ(Plan.PrefixOf, (std::vector<size_t>{0, 0}));
  EXPECT_EQ(Plan.Prefixes[0].Standard, (std::vector<std::string>{"ostream", "string"}));
  EXPECT_EQ(Plan.Prefixes[0].Length, 1u);
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

  SystemHeaderRoots scan(const std::string &Main, const std::string &Define = "-DNOTHING") {
    CompileCommand Command{Dir.path(),
                           Dir.write("main.cpp", Main),
                           {"clang++", "-std=c++20", Define, "-I", Dir.path(), "-isystem",
                            Dir.path() + "/sys", "-c", Dir.path() + "/main.cpp"}};
    SystemHeaderRoots Scan =
        scanSystemHeaderRoots(analysisCommandLine(Command, {}), Command.Directory);
    EXPECT_TRUE(Scan.Preprocessed);
    return Scan;
  }

  std::vector<std::string> roots(const std::string &Main, const std::string &Define = "-DNOTHING") {
    std::vector<std::string> Names;
    for (const SystemHeaderRoot &R : scan(Main, Define).Roots)
      Names.push_back(R.Spelling);
    return Names;
  }

  // The standard headers that may lead: "name" for a root of the TU's own, "name@root" for one
  // a library root includes.
  std::vector<std::string> leading(const std::string &Main) {
    SystemHeaderRoots Scan = scan(Main);
    std::vector<std::string> Names;
    Names.reserve(Scan.Standard.size());
    for (const StandardHeaderUse &S : Scan.Standard)
      Names.push_back(S.IsRoot ? S.Spelling : S.Spelling + "@" + Scan.Roots[S.Root].Spelling);
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

// The command line's macros are the same wherever the roots go; so is what a line marker says
// the command line wrote (the scan asks the presumed file only where one could rename it).
TEST_F(SystemHeaderRootsTest, TheCommandLinesMacrosLeaveARootWhereItMayGo) {
  EXPECT_EQ(roots("#include <first.h>\n#include <config.h>\n", "-DPROJECT_CONFIG"),
            (Names{"first.h", "config.h"}));
  EXPECT_EQ(roots("#include <first.h>\n# 1 \"<command line>\"\n#define PROJECT_CONFIG\n"
                  "# 5 \"main.cpp\"\n#include <config.h>\n"),
            (Names{"first.h", "config.h"}));
  EXPECT_EQ(roots("#include <first.h>\n#define PROJECT_CONFIG\n#include <config.h>\n"),
            (Names{"first.h"}));
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

TEST_F(SystemHeaderRootsTest, ARootWithoutAnIncludeGuardStaysWhereItIs) {
  // The TU's own #include reads each root of its prefix again. protobuf's port_def.inc has no
  // guard: read a second time without port_undef.inc between, it fails.
  Dir.write("sys/port_def.inc", "#ifdef PORT_DEFINED\n#error read twice\n#endif\n"
                                "#define PORT_DEFINED 1\n");
  Dir.write("sys/port_undef.inc", "#undef PORT_DEFINED\n");
  Dir.write("sys/unguarded.h", "int unguarded();\n");
  Dir.write("sys/guarded.h", "#ifndef GUARDED_H\n#define GUARDED_H\nint guarded();\n#endif\n");
  EXPECT_EQ(roots("#include <first.h>\n#include <port_def.inc>\n#if PORT_DEFINED\n#endif\n"
                  "#include <port_undef.inc>\n#include <second.h>\n"),
            (Names{"first.h"}));
  EXPECT_EQ(roots("#include <first.h>\n#include <unguarded.h>\n#include <second.h>\n"),
            (Names{"first.h"}));
  // A guard, #pragma once, or a standard header (which may be included more than once) is read
  // again to no effect, whether the scan read it whole or as its directives (<unistd.h>); so is
  // a header that only includes such headers (Qt's <QString>), not one that includes another.
  Dir.write("sys/Guarded", "#include \"guarded.h\"\n");
  Dir.write("sys/Unguarded", "#include \"unguarded.h\"\n");
  EXPECT_EQ(roots("#include <Guarded>\n#include <cassert>\n#include <stddef.h>\n"
                  "#include <unistd.h>\n#include <second.h>\n"),
            (Names{"Guarded", "cassert", "stddef.h", "unistd.h", "second.h"}));
  EXPECT_EQ(roots("#include <first.h>\n#include <Unguarded>\n#include <second.h>\n"),
            (Names{"first.h"}));
}

TEST_F(SystemHeaderRootsTest, AHeaderThatIncludesAboveItsGuardIsReadAgainToNoEffect) {
  // Qt 6's qstringlist.h includes qlist.h above its '#ifndef QSTRINGLIST_H', which clang's
  // multiple-include detection does not see past. Read again, its #include finds qlist.h
  // guarded and its guard skips the rest, so the roots after it may lead too.
  Dir.write("sys/qlist.h", "#ifndef QLIST_H\n#define QLIST_H\nint qlist();\n#endif\n");
  Dir.write("sys/guarded.h", "#ifndef GUARDED_H\n#define GUARDED_H\nint guarded();\n#endif\n");
  Dir.write("sys/unguarded.h", "int unguarded();\n");
  auto IncludingAbove = [&](const std::string &Above, const std::string &Guard,
                            const std::string &After = "") {
    Dir.write("sys/qstringlist.h", "// Copyright\n" + Above + "\n" + Guard +
                                       "\n#define QSTRINGLIST_H\n#include <guarded.h>\n"
                                       "#if defined(X)\nint x;\n#else\nint y;\n#endif\n"
                                       "int qstringlist();\n#endif // QSTRINGLIST_H\n" + After);
    return roots("#include <first.h>\n#include <QStringList>\n#include <second.h>\n");
  };
  Dir.write("sys/QStringList", "#include \"qstringlist.h\"\n");
  const Names All{"first.h", "QStringList", "second.h"};
  const Names Before{"first.h"};
  EXPECT_EQ(IncludingAbove("#include <qlist.h>", "#ifndef QSTRINGLIST_H"), All);
  EXPECT_EQ(IncludingAbove("#include <qlist.h>\n#include \"guarded.h\"",
                           "#if !defined(QSTRINGLIST_H)"),
            All);
  EXPECT_EQ(IncludingAbove("", "#if !defined QSTRINGLIST_H"), All);
  // The include above it would be read again: an unguarded header, or one like it.
  EXPECT_EQ(IncludingAbove("#include <unguarded.h>", "#ifndef QSTRINGLIST_H"), Before);
  // Anything else outside the guard is read again: a declaration above or below it, a
  // directive that is no #include, a guard with another branch, or another guard condition.
  EXPECT_EQ(IncludingAbove("#include <qlist.h>\nint above();", "#ifndef QSTRINGLIST_H"), Before);
  EXPECT_EQ(IncludingAbove("#include <qlist.h>", "#ifndef QSTRINGLIST_H", "int below();\n"),
            Before);
  EXPECT_EQ(IncludingAbove("#include <qlist.h>\n#define ABOVE 1", "#ifndef QSTRINGLIST_H"),
            Before);
  EXPECT_EQ(IncludingAbove("#include <qlist.h>", "#ifndef QSTRINGLIST_H",
                           "#ifndef QSTRINGLIST_H\n#endif\n"),
            Before);
  EXPECT_EQ(IncludingAbove("#include <qlist.h>", "#if !defined(QSTRINGLIST_H) || OTHER"), Before);
  EXPECT_EQ(IncludingAbove("#include <qlist.h>", "#ifndef OTHER_GUARD"), Before);
  Dir.write("sys/qstringlist.h", "#include <qlist.h>\n#ifndef QSTRINGLIST_H\n"
                                 "#define QSTRINGLIST_H\nint a();\n#else\nint b();\n#endif\n");
  EXPECT_EQ(roots("#include <first.h>\n#include <QStringList>\n#include <second.h>\n"),
            Before);
  // Its guard undefined after it, a second read would not be skipped.
  Dir.write("sys/qstringlist.h", "#include <qlist.h>\n#ifndef QSTRINGLIST_H\n"
                                 "#define QSTRINGLIST_H\nint a();\n#endif\n");
  EXPECT_EQ(roots("#include <first.h>\n#include <QStringList>\n#include <second.h>\n"), All);
  EXPECT_EQ(roots("#include <first.h>\n#include <QStringList>\n#include <second.h>\n"
                  "#undef QSTRINGLIST_H\n"),
            Before);
}

TEST_F(SystemHeaderRootsTest, AForwardingHeaderIncludedAgainIsAskedAboutOnce) {
  // Qt's <QtContainerFwd> has no guard, so each #include reads it again and it includes
  // qcontainerfwd.h (an #include above its guard) each time: the same answer each time.
  Dir.write("sys/guarded.h", "#ifndef GUARDED_H\n#define GUARDED_H\nint guarded();\n#endif\n");
  Dir.write("sys/fwd.h", "#include <guarded.h>\n#ifndef FWD_H\n#define FWD_H\nint fwd();\n#endif\n");
  Dir.write("sys/Fwd", "#include \"fwd.h\"\n");
  EXPECT_EQ(roots("#include <first.h>\n#include <Fwd>\n#include <Fwd>\n#include <second.h>\n"),
            (Names{"first.h", "Fwd", "Fwd", "second.h"}));
}

TEST_F(SystemHeaderRootsTest, APragmaAMacroStringizesIsJudgedByItsText) {
  // Qt's QT_WARNING_PUSH, in every Q_OBJECT: QT_DO_PRAGMA(clang diagnostic push), where
  // QT_DO_PRAGMA(text) is _Pragma(#text), which spells no string where it is written.
  Dir.write("sys/pragmas.h", "#pragma once\n#define DO_PRAGMA(text) _Pragma(#text)\n"
                             "#define WARNING_PUSH DO_PRAGMA(clang diagnostic push)\n"
                             "#define PACKED DO_PRAGMA(pack(1))\n");
  EXPECT_EQ(roots("#include <pragmas.h>\nWARNING_PUSH\n#include <second.h>\n"),
            (Names{"pragmas.h", "second.h"}));
  EXPECT_EQ(roots("#include <pragmas.h>\n_Pragma(\"clang diagnostic push\")\n"
                  "#include <second.h>\n"),
            (Names{"pragmas.h", "second.h"}));
  // One that changes what the headers after it mean still ends the roots.
  EXPECT_EQ(roots("#include <pragmas.h>\nPACKED\n#include <second.h>\n"), (Names{"pragmas.h"}));
}

TEST_F(SystemHeaderRootsTest, StandardHeadersMayLeadWhereverTheyAreIncluded) {
  Dir.write("sys/lib.h", "#pragma once\n#include <map>\n#include <cassert>\nint lib();\n");
  EXPECT_EQ(leading("#include <lib.h>\n#include <vector>\n#include <cassert>\n"),
            (Names{"map@lib.h", "vector"})); // assert depends on NDEBUG where it is included
}

TEST_F(SystemHeaderRootsTest, AStandardHeaderKnowsTheCxxStandardHeadersItEntersFirst) {
  // Fake standard headers, found first on the -isystem path: <stdexcept> enters <string> and
  // <stddef.h>; <memory> enters <new> and finds <string> already included.
  Dir.write("sys/string", "#pragma once\nint string_;\n");
  Dir.write("sys/new", "#pragma once\nint new_;\n");
  Dir.write("sys/stddef.h", "#pragma once\nint stddef_;\n");
  Dir.write("sys/stdexcept", "#pragma once\n#include <string>\n#include <stddef.h>\n");
  Dir.write("sys/memory", "#pragma once\n#include <new>\n#include <string>\n");
  Dir.write("sys/lib.h", "#pragma once\n#include <stdexcept>\n#include <memory>\n");
  SystemHeaderRoots Scan = scan("#include <lib.h>\n");
  std::map<std::string, std::vector<std::string>> Enters;
  for (const StandardHeaderUse &S : Scan.Standard)
    for (const SystemHeaderRoot &E : S.Enters)
      Enters[S.Spelling].push_back(E.Spelling);
  // A C header is no C++ one: the C library includes its own in part (__need_size_t).
  EXPECT_EQ(Enters, (std::map<std::string, std::vector<std::string>>{{"stdexcept", {"string"}},
                                                                     {"memory", {"new"}}}));
}

TEST_F(SystemHeaderRootsTest, AStandardHeaderWhoseMacroALibraryReadsFirstStaysWhereItIs) {
  // As googletest's gtest-port.h reads __cpp_lib_any before anything includes <any>.
  Dir.write("sys/probe.h", "#pragma once\n#ifdef _GLIBCXX_VECTOR\nint seen();\n#endif\n");
  EXPECT_EQ(leading("#include <probe.h>\n#include <vector>\n#include <map>\n"), (Names{"map"}));
  EXPECT_EQ(leading("#include <vector>\n#include <probe.h>\n#include <map>\n"),
            (Names{"vector", "map"})); // it sees <vector> either way
}

TEST_F(SystemHeaderRootsTest, AStandardHeaderMayFollowALaterLibraryThatNeitherReadsNorChangesIt) {
  // The standard roots that the library roots after them may move above ("name+"); fake
  // standard headers, found first on the -isystem path.
  Dir.write("sys/deque", "#pragma once\nint LIB_NAME;\n");
  Dir.write("sys/queue", "#pragma once\n#define QUEUE_SIZE 4\n");
  Dir.write("sys/stack", "#pragma once\n#ifdef LIB_FLAG\nint stack_;\n#endif\n");
  Dir.write("sys/lib.h", "#pragma once\nint lib();\n");
  auto Following = [&](const std::string &Main) {
    std::vector<std::string> Names;
    for (const StandardHeaderUse &S : scan(Main).Standard)
      if (S.IsRoot)
        Names.push_back(S.Spelling + (S.MayFollow ? "+" : ""));
    return Names;
  };
  const std::string Roots = "#include <deque>\n#include <queue>\n#include <stack>\n";
  EXPECT_EQ(Following(Roots + "#include <lib.h>\n"), (Names{"deque+", "queue+", "stack+"}));
  // The library reads <queue>'s macro; defines a name <deque>'s text reads, or the macro
  // <stack> tests: each stays above it.
  Dir.write("sys/lib.h", "#pragma once\nint lib[QUEUE_SIZE];\n");
  EXPECT_EQ(Following(Roots + "#include <lib.h>\n"), (Names{"deque+", "queue", "stack+"}));
  Dir.write("sys/lib.h", "#pragma once\n#define LIB_NAME lib_name\n");
  EXPECT_EQ(Following(Roots + "#include <lib.h>\n"), (Names{"deque", "queue+", "stack+"}));
  Dir.write("sys/lib.h", "#pragma once\n#define LIB_FLAG 1\n");
  EXPECT_EQ(Following(Roots + "#include <lib.h>\n"), (Names{"deque+", "queue+", "stack"}));
  // A library before them is not moved; <stack>, which reads its macro, may not lead at all.
  EXPECT_EQ(Following("#include <lib.h>\n" + Roots), (Names{"deque+", "queue+"}));
  // The real <vector> configures itself with macros gtest-like libraries read.
  Dir.write("sys/probe.h", "#pragma once\n#ifdef __GLIBCXX__\nint seen();\n#endif\n");
  EXPECT_EQ(Following("#include <vector>\n#include <probe.h>\n"), (Names{"vector"}));
}

TEST_F(SystemHeaderRootsTest, NoStandardHeaderLeadsALibraryThatConfiguresTheStandardLibrary) {
  Dir.write("sys/tuned.h", "#pragma once\n#define _GLIBCXX_ASSERTIONS 1\n");
  EXPECT_EQ(leading("#include <tuned.h>\n#include <vector>\n"), Names{});
  EXPECT_EQ(leading("#include <vector>\n#include <tuned.h>\n"), Names{"vector"});
}

TEST_F(SystemHeaderRootsTest, AStandardHeaderALibraryIncludesInsideBracesStaysWhereItIs) {
  Dir.write("sys/wrapped.h", "#pragma once\nextern \"C\" {\n#include <string.h>\n}\n");
  EXPECT_EQ(leading("#include <wrapped.h>\n#include <map>\n"), Names{"map"});
}

TEST_F(SystemHeaderRootsTest, TheScanWeighsEachRootAndWhatNoPrefixSpares) {
  // What orders the parses (costliest first): tokens lexed in each root, and in the TU's own
  // code and the roots that may not move.
  SystemHeaderRoots Small = scan("#include <first.h>\n#include <vector>\nint x;\n");
  ASSERT_EQ(Small.Roots.size(), 2u);
  EXPECT_GT(Small.Roots[0].Tokens, 0u);
  EXPECT_GT(Small.Roots[1].Tokens, 10 * Small.Roots[0].Tokens); // <vector> is much more
  SystemHeaderRoots Large = scan("#include <first.h>\n#include <vector>\nint x;\n"
                                 "int f(int a) { return a + 1; }\n"
                                 "extern \"C\" {\n#include <second.h>\n}\n");
  EXPECT_EQ(Large.Roots.size(), 2u); // second.h, inside braces, stays: its tokens are the TU's
  EXPECT_GT(Large.UnsharedTokens, Small.UnsharedTokens + 10);
}

// The scan reads the implementation's headers as their directives only (HeaderDirectives.h)
// where their text cannot change what it finds; these compare it with reading them whole.
class MinimizedScanTest : public SystemHeaderRootsTest {
protected:
  SystemHeaderRoots scanAs(const std::string &Main, HeaderReading Reading) {
    CompileCommand Command{Dir.path(),
                           Dir.write("main.cpp", Main),
                           {"clang++", "-std=c++20", "-I", Dir.path(), "-isystem",
                            Dir.path() + "/sys", "-c", Dir.path() + "/main.cpp"}};
    return scanSystemHeaderRoots(analysisCommandLine(Command, {}), Command.Directory, {},
                                 nullptr, Reading);
  }

  // Everything but the token counts, which are the minimized headers' raw ones.
  static std::string described(const SystemHeaderRoots &Scan) {
    std::string Text = Scan.Preprocessed ? "preprocessed\n" : "failed\n";
    for (const SystemHeaderRoot &R : Scan.Roots)
      Text += "root " + R.Spelling + " " + R.Path + "\n";
    for (const StandardHeaderUse &S : Scan.Standard)
      Text += "standard " + S.Spelling + " " + S.Path + " under " + std::to_string(S.Root) +
              (S.IsRoot ? " root " : " ") + std::to_string(S.Files) + " files\n";
    return Text;
  }

  // The roots found reading the implementation's headers minimized, checked against reading
  // them whole.
  std::string sameBothWays(const std::string &Main) {
    std::string Whole = described(scanAs(Main, HeaderReading::Whole));
    std::string Minimized = described(scanAs(Main, HeaderReading::MinimizeImplementation));
    EXPECT_EQ(Minimized, Whole) << Main;
    return Minimized;
  }
};

TEST_F(MinimizedScanTest, RealStandardHeadersGiveWhatTheirWholeTextGives) {
  Dir.write("sys/lib.h", "#pragma once\n#include <map>\n#include <cassert>\n"
                         "#define LIB_READY 1\nint lib();\n");
  Dir.write("sys/wrapped.h", "#pragma once\nextern \"C\" {\n#include <string.h>\n}\n");
  Dir.write("sys/probe.h", "#pragma once\n#ifdef _GLIBCXX_VECTOR\nint seen();\n#endif\n");
  Dir.write("sys/tuned.h", "#pragma once\n#define _GLIBCXX_ASSERTIONS 1\n");
  for (const char *Main : {
           "#include <vector>\n#include <map>\n#include <string>\nint x;\n",
           "#include <cstdio>\n#include <cstdlib>\n#include <cstring>\n#include <cerrno>\n",
           "#include <functional>\n#include <memory>\n#include <algorithm>\n#include <iostream>\n",
           "#include <unistd.h>\n#include <sys/types.h>\n#include <pthread.h>\n#include <cmath>\n",
           "#include <lib.h>\n#include <vector>\n#include <cassert>\n",
           "#include <wrapped.h>\n#include <map>\n",
           "#include <probe.h>\n#include <vector>\n#include <map>\n",
           "#include <tuned.h>\n#include <vector>\n",
           "#define _GNU_SOURCE 1\n#include <string.h>\n#include <vector>\n",
           "#include <vector>\n#define NDEBUG\n#include <cassert>\n#include <map>\n",
           "#define private public\n#include <map>\n",
           "#include <first.h>\n#define min(a, b) ((a) < (b) ? (a) : (b))\n#include <algorithm>\n",
           "#include <string>\nint LIB_READY;\n#include <lib.h>\n",
       })
    sameBothWays(Main);
}

// Fake standard headers, found first on the -isystem path: they are the implementation's.
TEST_F(MinimizedScanTest, AMacroTheTUDefinedThatAStandardHeadersTextExpandsKeepsItsPlace) {
  Dir.write("sys/valarray", "#pragma once\nint valarray_size = PROJECT_SIZE;\n");
  EXPECT_EQ(sameBothWays("#define PROJECT_SIZE 4\n#include <valarray>\n"), "preprocessed\n");
  // The same through a macro of the standard header's own, defined after it was entered.
  Dir.write("sys/cstdalign", "#pragma once\n#define IMPL_SIZE PROJECT_SIZE\n"
                             "int align_size = IMPL_SIZE;\n");
  EXPECT_EQ(sameBothWays("#define PROJECT_SIZE 4\n#include <cstdalign>\n"), "preprocessed\n");
  // Undefined by the TU and no macro: not expanded, the header may lead; defined again by the
  // standard header itself, it is expanded there.
  EXPECT_EQ(sameBothWays("#undef PROJECT_SIZE\n#include <valarray>\n"),
            "preprocessed\nroot valarray " + Dir.path() + "/sys/valarray\nstandard valarray " +
                Dir.path() + "/sys/valarray under 0 root 1 files\n");
  Dir.write("sys/cstdbool", "#pragma once\n#define PROJECT_SIZE 2\nint bool_size = PROJECT_SIZE;\n");
  EXPECT_EQ(sameBothWays("#undef PROJECT_SIZE\n#include <cstdbool>\n"), "preprocessed\n");
  // A condition of a block the directives leave out, empty of all else, reads it too.
  Dir.write("sys/ciso646", "#pragma once\n#ifdef PROJECT_SIZE\n#endif\nint iso;\n");
  EXPECT_EQ(sameBothWays("#define PROJECT_SIZE 4\n#include <ciso646>\n"), "preprocessed\n");
  // libstdc++'s own text: its 'private:' is what '#define private public' changes.
  EXPECT_EQ(sameBothWays("#define private public\n#include <map>\n"), "preprocessed\n");
}

TEST_F(MinimizedScanTest, AStandardHeaderExpandingALibrarysMacroStaysWhereItIs) {
  Dir.write("sys/valarray", "#pragma once\nint valarray_size = LIBRARY_SIZE;\n");
  Dir.write("sys/lib.h", "#pragma once\n#define LIBRARY_SIZE 4\n#include <valarray>\n");
  EXPECT_EQ(sameBothWays("#include <lib.h>\n#include <map>\n").find("standard valarray"),
            std::string::npos);
}

TEST_F(MinimizedScanTest, AnErrorInAStandardHeaderFailsTheScanOnlyWhereItIsRead) {
  Dir.write("sys/valarray", "#pragma once\n#ifdef NEVER_DEFINED\n#error not this way\n#endif\n"
                            "int valarray_size;\n");
  EXPECT_EQ(sameBothWays("#include <valarray>\n").substr(0, 12), "preprocessed");
  Dir.write("sys/cstdalign", "#pragma once\n#ifndef NEVER_DEFINED\n#error read\n#endif\n");
  EXPECT_EQ(sameBothWays("#include <cstdalign>\n"), "failed\n");
}

TEST_F(MinimizedScanTest, AStandardHeaderLeavingABraceOpenIsCounted) {
  Dir.write("sys/valarray", "#pragma once\nextern \"C\" {\nint valarray_size;\n");
  EXPECT_EQ(sameBothWays("#include <valarray>\n#include <first.h>\n}\n"),
            "preprocessed\nroot valarray " + Dir.path() + "/sys/valarray\n"
            "standard valarray " + Dir.path() + "/sys/valarray under 0 root 1 files\n");
}

} // namespace
} // namespace contractcheck::test
