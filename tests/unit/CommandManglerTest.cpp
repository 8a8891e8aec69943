// Commands written by other compilers, made into commands clang's driver accepts: what is dropped,
// and that what decides the code's meaning stays.
#include "CommandMangler.h"

#include <gtest/gtest.h>

namespace contractcheck {
namespace {

using Args = std::vector<std::string>;

TEST(CommandManglerTest, DropsWhatClangsDriverDoesNotKnow) {
  MangledCommand M = mangleCommand(
      {"/usr/bin/g++", "-fno-canonical-system-headers", "-DX=1", "-fconcepts", "-Iinc",
       "-mno-direct-extern-access", "-std=c++17", "-fconcepts-diagnostics-depth=3",
       "-fno-lifetime-dse", "--target=aarch64-linux-gnu", "-c", "a.cpp"});
  EXPECT_EQ(M.Arguments, (Args{"/usr/bin/g++", "-DX=1", "-Iinc", "-std=c++17",
                               "--target=aarch64-linux-gnu", "-c", "a.cpp"}));
  EXPECT_EQ(M.Dropped, (Args{"-fno-canonical-system-headers", "-fconcepts",
                             "-mno-direct-extern-access", "-fconcepts-diagnostics-depth=3",
                             "-fno-lifetime-dse"}));
}

TEST(CommandManglerTest, KeepsEveryFlagClangKnowsEvenWhenItOnlyIgnoresIt) {
  // gcc's optimisation and hardening flags that clang's option table lists (as ignored or real).
  Args Command{"gcc", "-g", "-O2", "-ffile-prefix-map=/src=.", "-fstack-protector-strong",
               "-Wformat", "-Werror=format-security", "-Wdate-time", "-D_FORTIFY_SOURCE=2",
               "-fstack-clash-protection", "-fcf-protection", "-fno-tree-vrp", "-U_FORTIFY_SOURCE",
               "-Wno-maybe-uninitialized", "-isystem", "/opt/x", "-MD",
               "-MF", "a.d", "-x", "c++", "-o", "a.o", "-c", "a.cpp"};
  MangledCommand M = mangleCommand(Command);
  EXPECT_EQ(M.Arguments, Command);
  EXPECT_TRUE(M.Dropped.empty());
}

TEST(CommandManglerTest, AValueIsJudgedWithItsOptionNotAlone) {
  // The values after -Xclang, -include and -D look like flags clang does not know.
  Args Command{"clang++", "-Xclang", "-fconcepts", "-Xclang", "-include", "-Xclang",
               "-fno-gnu-unique", "-D", "-fplugin=x", "-c", "a.cpp"};
  EXPECT_EQ(mangleCommand(Command).Arguments, Command);
  EXPECT_EQ(mangleCommand({"clang++", "-include", "-fno-gnu-unique", "-c", "a.cpp"}).Arguments,
            (Args{"clang++", "-Xclang", "-include", "-Xclang", "-fno-gnu-unique", "-c", "a.cpp"}));
}

TEST(CommandManglerTest, AnIncludedHeaderIsGivenToTheFrontEndSoThatNoPrecompiledOneReplacesIt) {
  // clang's driver turns -include X into -include-pch X.pch when X.pch (or X.gch) exists, the
  // build's precompiled header by another name; the front end's -include reads X.
  EXPECT_EQ(mangleCommand({"g++", "-include", "config.h", "-includeb.h", "--include", "c.h",
                           "-Iinc", "-c", "a.cpp"})
                .Arguments,
            (Args{"g++", "-Xclang", "-include", "-Xclang", "config.h", "-Xclang", "-include",
                  "-Xclang", "b.h", "-Xclang", "-include", "-Xclang", "c.h", "-Iinc", "-c",
                  "a.cpp"}));
}

TEST(CommandManglerTest, GccPluginsDiagnosticFormatsAndUnknownSanitizersAreDropped) {
  MangledCommand M = mangleCommand({"g++", "-fplugin=annobin", "-fplugin-arg-annobin-disable",
                                    "-fdiagnostics-format=json", "-fsanitize=address,bounds-strict",
                                    "-fsanitize=bounds-strict", "-c", "a.cpp"});
  EXPECT_EQ(M.Arguments, (Args{"g++", "-fsanitize=address", "-c", "a.cpp"}));
  EXPECT_EQ(M.Dropped, (Args{"-fplugin=annobin", "-fplugin-arg-annobin-disable",
                             "-fdiagnostics-format=json", "-fsanitize=bounds-strict",
                             "-fsanitize=bounds-strict"}));
}

TEST(CommandManglerTest, ClangClIsJudgedByItsOwnOptions) {
  Args Command{"clang-cl", "/nologo", "/EHsc", "/DX=1", "/std:c++20", "/c", "a.cpp"};
  MangledCommand M = mangleCommand(Command);
  EXPECT_EQ(M.Arguments, Command);
  EXPECT_TRUE(M.Dropped.empty());
}

TEST(CommandManglerTest, CMakesPrecompiledHeaderIsNotLoadedAndItsHeaderStays) {
  MangledCommand M = mangleCommand(
      {"/usr/bin/clang++", "-std=c++11", "-Winvalid-pch", "-Xclang", "-include-pch", "-Xclang",
       "/b/CMakeFiles/core.dir/cmake_pch.hxx.pch", "-Xclang", "-include", "-Xclang",
       "/b/CMakeFiles/core.dir/cmake_pch.hxx", "-o", "a.o", "-c", "/s/a.cpp"});
  EXPECT_EQ(M.Arguments,
            (Args{"/usr/bin/clang++", "-std=c++11", "-Winvalid-pch", "-Xclang", "-include",
                  "-Xclang", "/b/CMakeFiles/core.dir/cmake_pch.hxx", "-o", "a.o", "-c", "/s/a.cpp"}));
  EXPECT_EQ(M.PrecompiledHeaders, (Args{"/b/CMakeFiles/core.dir/cmake_pch.hxx.pch"}));
  EXPECT_TRUE(M.Dropped.empty());
}

TEST(CommandManglerTest, ABarePrecompiledHeaderIsReplacedByTheHeaderItIsNamedAfter) {
  MangledCommand M =
      mangleCommand({"clang++", "-DX", "-include-pch", "pch/common.h.pch", "-c", "a.cpp"});
  EXPECT_EQ(M.Arguments, (Args{"clang++", "-DX", "-Xclang", "-include", "-Xclang", "pch/common.h",
                               "-c", "a.cpp"}));
  EXPECT_EQ(M.PrecompiledHeaders, (Args{"pch/common.h.pch"}));
  // Already included by name: not twice.
  M = mangleCommand(
      {"clang++", "-include", "common.h", "-include-pch", "common.h.pch", "-c", "a.cpp"});
  EXPECT_EQ(M.Arguments,
            (Args{"clang++", "-Xclang", "-include", "-Xclang", "common.h", "-c", "a.cpp"}));
  // Any other -Xclang pair stays.
  Args Other{"clang++", "-Xclang", "-fno-pch-timestamp", "-Xclang", "-ast-dump", "-c", "a.cpp"};
  EXPECT_EQ(mangleCommand(Other).Arguments, Other);
}

TEST(CommandManglerTest, ACommandIsSplitAsTheShellSplitsIt) {
  EXPECT_EQ(splitCommand("/usr/bin/c++\t\t-Wall \t-DNAME=\"a b\"\n  -I'inc dir' a\\ b.cpp"),
            (Args{"/usr/bin/c++", "-Wall", "-DNAME=a b", "-Iinc dir", "a b.cpp"}));
  EXPECT_EQ(splitCommand("c++ -DQ=\\\"x\\\" -c a.cpp"), (Args{"c++", "-DQ=\"x\"", "-c", "a.cpp"}));
}

} // namespace
} // namespace contractcheck
