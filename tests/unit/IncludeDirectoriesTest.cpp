// TUs whose commands differ only in include directories share a prefix of the standard headers
// they include, each loading it only when the prefix's lookups prove that its own directories
// would have found every file the prefix read where the prefix found it (IncludeDirectories.h,
// SharedHeaders.h): the vendored googletest's four TUs in yaml-cpp, each with its own -I and
// -isystem, parsed their standard headers once each.
#include "FakeStandardHeaders.h"
#include "IncludeDirectories.h"
#include "SharedHeaders.h"
#include "Subprocess.h"
#include "TranslationUnitAnalyzer.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace contractcheck {
namespace {

using test::TempDir;

TEST(IncludeDirectoriesTest, TheDirectoriesAreTakenOutInTheOrderTheyAreSearched) {
  IncludeSearch Split = splitIncludeDirectories(
      {"clang++", "-isystem", "sys", "-Ione", "-DX", "-iquote", "q", "-I", "/two",
       "--include-directory=three", "-isystem-after", "late", "-I=rooted", "-isystem/sys2",
       "-std=c++17"},
      "/build");
  std::vector<IncludeDirectory> Expected{{"/build/q", 'q'},        {"/build/one", 'I'},
                                         {"/two", 'I'},            {"/build/three", 'I'},
                                         {"/build/sys", 's'},      {"/sys2", 's'}};
  EXPECT_EQ(Split.Directories, Expected);
  std::vector<std::string> Rest{"clang++", "-DX", "-isystem-after", "late", "-I=rooted",
                                "-std=c++17"};
  EXPECT_EQ(Split.Rest, Rest);
}

TEST(IncludeDirectoriesTest, TheSearchesAgreeWhenNoDirectoryBeforeTheirCommonEndHoldsAName) {
  TempDir Dir;
  Dir.write("a/own.h", "");
  Dir.write("b/bits/slice.h", "");
  Dir.write("sys/valarray", "");
  Dir.write("sys/bits/slice.h", "");
  Dir.write("map/file", "");
  std::vector<std::string> Names{"bits/slice.h", "valarray", "absent.h"};
  IncludeDirectory Sys{Dir.file("sys"), 's'};
  std::vector<IncludeDirectory> A{{Dir.file("a"), 'I'}, Sys};
  // The names are in none of a/, c/ (missing): both pass them by and find them in sys/.
  std::optional<PathLookups> Asked = searchesAgree(Names, A, {{Dir.file("c"), 'I'}, Sys});
  ASSERT_TRUE(Asked.has_value());
  // What was asked is kept, for the stored result: a file that appears there makes it stale.
  EXPECT_TRUE(std::count(Asked->begin(), Asked->end(),
                         std::pair<std::string, std::string>{Dir.file("c/bits/slice.h"),
                                                             "missing"}));
  EXPECT_TRUE(std::none_of(Asked->begin(), Asked->end(), [&](const auto &L) {
    return L.first.rfind(Dir.file("sys"), 0) == 0; // the common end is not asked about
  }));
  // b/ holds bits/slice.h: a parse with it finds that one, not sys/'s.
  EXPECT_FALSE(searchesAgree(Names, A, {{Dir.file("b"), 'I'}, Sys}).has_value());
  EXPECT_FALSE(searchesAgree(Names, {{Dir.file("b"), 'I'}, Sys}, A).has_value());
  // The same directory as a user one rather than a system one is not the common end.
  EXPECT_FALSE(searchesAgree(Names, A, {{Dir.file("sys"), 'I'}}).has_value());
  // A header map (a file given as an include directory) is not looked into.
  EXPECT_FALSE(searchesAgree(Names, A, {{Dir.file("map/file"), 'I'}, Sys}).has_value());
}

// Three TUs on fake standard headers, each alone with its settings: the same but for one -I
// directory each. a/ and c/ hold only the TUs' own headers; shadow/ holds a bits/slice.h, which
// sys/valarray includes, so the third TU's own parse reads that one.
class SharedAcrossIncludeDirectoriesTest : public ::testing::Test {
protected:
  void SetUp() override {
    test::writeShadowableStandardHeaders(Dir);
    for (const std::string Name : {"a", "c", "shadow"})
      Dir.write(Name + "/own.h", "#pragma once\ninline int own() { return 1; }\n");
    for (const std::string Name : {"a", "c", "shadow"}) {
      std::string File =
          Dir.write(Name + ".cpp", "#include <valarray>\n#include <deque>\n#include \"own.h\"\n"
                                   "int use() { return own(); }\n");
      Commands.push_back({Dir.path(),
                          File,
                          {"clang++", "-std=c++17", "-I", Dir.file(Name), "-isystem",
                           Dir.file("sys"), "-c", File}});
    }
  }
  std::vector<const CompileCommand *> pointers() const {
    std::vector<const CompileCommand *> All;
    for (const CompileCommand &C : Commands)
      All.push_back(&C);
    return All;
  }

  TempDir Dir;
  std::vector<CompileCommand> Commands;
};

TEST_F(SharedAcrossIncludeDirectoriesTest, APrefixIsSharedAcrossIncludeDirectoriesThatShadowNothing) {
  AnalysisSettings Settings;
  SharedHeaders Headers(pointers(), Settings, 1);
  const PrecompiledPrefix *A = Headers.prefixFor(0, true);
  const PrecompiledPrefix *C = Headers.prefixFor(1, true);
  ASSERT_NE(A, nullptr);
  ASSERT_NE(C, nullptr);
  EXPECT_EQ(A->PchPath, C->PchPath); // one precompiled parse for both
  EXPECT_TRUE(std::binary_search(A->Searched.begin(), A->Searched.end(), "bits/slice.h"));
  // c.cpp's result relies on c/ not holding what a/ did not: asked, and recorded missing.
  auto Missing = [&](const PrecompiledPrefix &P, const std::string &Path) {
    return std::count(P.Lookups.begin(), P.Lookups.end(),
                      std::pair<std::string, std::string>{Path, "missing"}) == 1;
  };
  EXPECT_TRUE(Missing(*C, Dir.file("c/bits/slice.h")));
  EXPECT_FALSE(Missing(*A, Dir.file("c/bits/slice.h")));
  // shadow/bits/slice.h is what the third TU's <valarray> includes: it parses its own.
  EXPECT_EQ(Headers.prefixFor(2, true), nullptr);
  EXPECT_EQ(Headers.prefixFor(2, false), nullptr);
}

TEST_F(SharedAcrossIncludeDirectoriesTest, NothingIsSharedWithoutItsTurn) {
  // --shared-headers=never, and a TU whose settings no other TU's resemble.
  AnalysisSettings Never;
  Never.Precompile = PrecompileMode::Never;
  SharedHeaders None(pointers(), Never, 1);
  EXPECT_EQ(None.prefixFor(0, true), nullptr);
  for (size_t I : {1, 2}) {
    std::vector<std::string> Arguments = Commands[I].arguments();
    Arguments.insert(Arguments.begin() + 1, "-DOTHER");
    Commands[I] = CompileCommand(Commands[I].Directory, Commands[I].File, Arguments);
  }
  SharedHeaders Alone(pointers(), AnalysisSettings{}, 1);
  EXPECT_EQ(Alone.prefixFor(0, true), nullptr);
}

} // namespace
} // namespace contractcheck
