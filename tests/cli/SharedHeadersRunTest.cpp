// Loading shared system headers precompiled (--shared-headers) changes how fast a run is, never
// what it reports: the same findings as each TU parsing its own headers, whatever -j or the
// result store, and a TU whose headers do not survive being precompiled is parsed on its own.
#include "CliTestSupport.h"
#include "FakeStandardHeaders.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>

namespace contractcheck::test {
namespace {

namespace fs = std::filesystem;

nlohmann::json report(const std::string &BuildDir, std::vector<std::string> Args) {
  Args.insert(Args.begin(), {"-p", BuildDir, "--format", "json", "--quiet"});
  ProcessResult R = runContractcheck(Args);
  EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr;
  nlohmann::json Report = nlohmann::json::parse(R.Stdout);
  EXPECT_EQ(Report["summary"]["failed"], 0) << R.Stdout;
  return Report["findings"];
}

// A run in which some TU does not parse: its findings and the TUs not analysed.
nlohmann::json findingsAndFailures(const std::string &BuildDir, std::vector<std::string> Args) {
  Args.insert(Args.begin(), {"-p", BuildDir, "--format", "json", "--quiet", "--no-cache"});
  ProcessResult R = runContractcheck(Args);
  EXPECT_EQ(R.ExitCode, 3) << R.Stdout << R.Stderr;
  nlohmann::json Report = nlohmann::json::parse(R.Stdout);
  return nlohmann::json{{"findings", Report["findings"]}, {"failures", Report["failures"]}};
}

TEST(SharedHeadersRunTest, TheReportIsTheSameWithAndWithoutSharedHeaders) {
  // gMock tests and the classes they mock, across TUs that all include gmock and the standard
  // library: the TUs share their system headers.
  std::vector<std::string> Sources =
      cppFilesIn(fixturesDir() + "/contract-mock-drift/cross-tu-naming");
  TempDir Build;
  writeCompilationDatabase(Build.path(), Sources, {"-std=c++20"});
  nlohmann::json Own = report(Build.path(), {"--no-cache", "--shared-headers=never", "-j1"});
  ASSERT_GE(Own.size(), 2u) << Own.dump(2);
  EXPECT_EQ(report(Build.path(), {"--no-cache", "-j1"}), Own);
  EXPECT_EQ(report(Build.path(), {"--no-cache", "-j2"}), Own);
  EXPECT_EQ(report(Build.path(), {"--no-cache", "--shared-headers=always"}), Own);
  std::string Store = Build.path() + "/store";
  EXPECT_EQ(report(Build.path(), {"--cache-dir", Store}), Own);
  // What the shared headers were parsed from counts as read by each TU: nothing changed, so
  // every result comes from the store.
  ProcessResult Again = runContractcheck({"-p", Build.path(), "--cache-dir", Store});
  EXPECT_NE(Again.Stderr.find("(" + std::to_string(Sources.size()) + " unchanged, from the result store)"),
            std::string::npos)
      << Again.Stderr;
}

// Two clusters of TUs include a library after different standard headers (<deque>, <list>),
// and a fifth includes only the <valarray> all of them include: <valarray> is precompiled once,
// the two clusters' prefixes are built on it (chained), and the fifth loads it. Fake standard
// headers on -isystem stand for the real ones. Each TU reports one switch, and a second one
// when <valarray> defines VALARRAY_SLICES: a macro, which a TU reads from the precompiled
// prefix without reading the header itself.
class ChainedPrefixTest : public ::testing::Test {
protected:
  void SetUp() override {
    writeValarray("");
    Project.write("sys/deque", "#pragma once\nstruct Deque { int Size; };\n");
    Project.write("sys/list", "#pragma once\nstruct List { int Size; };\n");
    Project.write("sys/lib.h", "#pragma once\nnamespace lib { inline int one() { return 1; } }\n");
    auto Code = [](const std::string &Name) {
      return switchMissingOne(Name) + "#ifdef VALARRAY_SLICES\n" + switchMissingOne(Name + "Slice") +
             "#endif\n";
    };
    for (const std::string Name : {"a", "b"})
      Sources.push_back(Project.write(
          Name + ".cpp", "#include <valarray>\n#include <deque>\n#include <lib.h>\n" + Code(Name)));
    for (const std::string Name : {"c", "d"})
      Sources.push_back(Project.write(
          Name + ".cpp", "#include <list>\n#include <valarray>\n#include <lib.h>\n" + Code(Name)));
    Sources.push_back(Project.write("e.cpp", "#include <valarray>\n" + Code("e")));
    writeCompilationDatabase(Project.path(), Sources,
                             {"-std=c++20", "-isystem", Project.path() + "/sys"});
  }
  void writeValarray(const std::string &More) {
    Project.write("sys/valarray", "#pragma once\nstruct Valarray { int Size; };\n" + More);
  }
  nlohmann::json fullReport(std::vector<std::string> Args) {
    Args.insert(Args.begin(), {"-p", Project.path(), "--format", "json"});
    ProcessResult R = runContractcheck(Args);
    EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr;
    LastStderr = R.Stderr;
    return nlohmann::json::parse(R.Stdout);
  }

  TempDir Project;
  std::vector<std::string> Sources;
  std::string LastStderr;
};

TEST_F(ChainedPrefixTest, ATUReportsTheSameOnAChainedPrefix) {
  nlohmann::json Own = fullReport({"--no-cache", "--shared-headers=never", "-j1"});
  ASSERT_EQ(Own["findings"].size(), 5u) << Own.dump(2);
  EXPECT_EQ(fullReport({"--no-cache", "-j1"}), Own);
  EXPECT_EQ(fullReport({"--no-cache", "-j2"}), Own);
  EXPECT_EQ(fullReport({"--no-cache", "--shared-headers=always"}), Own);
  writeValarray("#define VALARRAY_SLICES 1\n");
  Own = fullReport({"--no-cache", "--shared-headers=never", "-j1"});
  ASSERT_EQ(Own["findings"].size(), 10u) << Own.dump(2);
  EXPECT_EQ(fullReport({"--no-cache", "-j1"}), Own);
  EXPECT_EQ(fullReport({"--no-cache", "--shared-headers=always"}), Own);
}

TEST_F(ChainedPrefixTest, AnEditOfTheLowerPrefixsHeaderReachesEveryTUChainedOnIt) {
  std::string Store = Project.path() + "/store";
  nlohmann::json Before = fullReport({"--cache-dir", Store, "-j1"});
  ASSERT_EQ(Before["findings"].size(), 5u) << Before.dump(2);
  // The TUs of the chained prefixes read <valarray> only through the lower prefix: its edit
  // makes every TU's stored result stale, and each reports its second switch.
  writeValarray("#define VALARRAY_SLICES 1\n");
  nlohmann::json After = fullReport({"--cache-dir", Store, "-j1"});
  EXPECT_EQ(LastStderr.find("unchanged, from the result store"), std::string::npos) << LastStderr;
  EXPECT_EQ(After["findings"].size(), 10u) << After.dump(2);
  EXPECT_EQ(After, fullReport({"--no-cache", "--shared-headers=never"}));
  EXPECT_EQ(fullReport({"--cache-dir", Store, "-j1"}), After);
  EXPECT_NE(LastStderr.find("(5 unchanged, from the result store)"), std::string::npos)
      << LastStderr;
}

// A fake standard header sys/<Name> of 70 files of its own (80 for map) and then More: large
// enough that sharing it on a chained prefix saves parsing 64 files' worth.
void writeLargeStandardHeader(TempDir &Project, const std::string &Name, const std::string &More) {
  std::string Text = "#pragma once\n";
  for (int I = 0; I < (Name == "map" ? 80 : 70); ++I) {
    std::string Part = "bits/" + Name + std::to_string(I) + ".h";
    Project.write("sys/" + Part, "#pragma once\nstruct " + Name + "Part" + std::to_string(I) +
                                     " { int Size; };\n");
    Text += "#include <" + Part + ">\n";
  }
  Project.write("sys/" + Name, Text + More);
}

// Five TUs with one command: all include <string>, four also <map>, two of those also
// <sstream> (yaml-cpp's src/). <string> is precompiled once, <map> on it for the four, and
// <sstream> on that for the two: a chain of three. <map> reads 81 files and <sstream> 71 (a
// prefix chained on another must save parsing 64 files' worth). Each TU reports one
// switch, and one more for each of MAP_MORE and SSTREAM_MORE the headers define: macros read
// from the middle and the top of the chain.
class ChainOfThreeTest : public ::testing::Test {
protected:
  void SetUp() override {
    Project.write("sys/string", "#pragma once\nstruct String { int Size; };\n");
    writeHeader("map", "");
    writeHeader("sstream", "");
    Project.write("sys/list", "#pragma once\nstruct List { int Size; };\n");
    auto Code = [](const std::string &Name) {
      return switchMissingOne(Name) + "#ifdef MAP_MORE\n" + switchMissingOne(Name + "Map") +
             "#endif\n#ifdef SSTREAM_MORE\n" + switchMissingOne(Name + "Sstream") + "#endif\n";
    };
    std::vector<std::pair<std::string, std::string>> TUs{
        {"a", "#include <string>\n#include <map>\n#include <sstream>\n"},
        {"b", "#include <sstream>\n#include <map>\n#include <string>\n"},
        {"c", "#include <string>\n#include <map>\n#include <list>\n"},
        {"d", "#include <map>\n#include <string>\n"},
        {"e", "#include <string>\n"}};
    for (const auto &[Name, Includes] : TUs)
      Sources.push_back(Project.write(Name + ".cpp", Includes + Code(Name)));
    writeCompilationDatabase(Project.path(), Sources,
                             {"-std=c++20", "-isystem", Project.path() + "/sys"});
  }
  void writeHeader(const std::string &Name, const std::string &More) {
    writeLargeStandardHeader(Project, Name, More);
  }

  TempDir Project;
  std::vector<std::string> Sources;
};

TEST_F(ChainOfThreeTest, EveryTUReportsWhatItsOwnParseReports) {
  nlohmann::json Own = report(Project.path(), {"--no-cache", "--shared-headers=never", "-j1"});
  ASSERT_EQ(Own.size(), 5u) << Own.dump(2);
  EXPECT_EQ(report(Project.path(), {"--no-cache", "-j1"}), Own);
  EXPECT_EQ(report(Project.path(), {"--no-cache", "-j2"}), Own);
  EXPECT_EQ(report(Project.path(), {"--no-cache", "--shared-headers=always"}), Own);
  // A macro of the middle of the chain, then of its top: the TUs that include it see it.
  writeHeader("map", "#define MAP_MORE 1\n");
  Own = report(Project.path(), {"--no-cache", "--shared-headers=never", "-j1"});
  ASSERT_EQ(Own.size(), 9u) << Own.dump(2);
  EXPECT_EQ(report(Project.path(), {"--no-cache", "-j1"}), Own);
  EXPECT_EQ(report(Project.path(), {"--no-cache", "--shared-headers=always"}), Own);
  writeHeader("sstream", "#define SSTREAM_MORE 1\n");
  Own = report(Project.path(), {"--no-cache", "--shared-headers=never", "-j1"});
  ASSERT_EQ(Own.size(), 11u) << Own.dump(2);
  EXPECT_EQ(report(Project.path(), {"--no-cache", "-j1"}), Own);
  EXPECT_EQ(report(Project.path(), {"--no-cache", "-j2"}), Own);
  EXPECT_EQ(report(Project.path(), {"--no-cache", "--shared-headers=always"}), Own);
}

TEST_F(ChainOfThreeTest, AnEditInTheMiddleOfTheChainReachesTheTUsAboveIt) {
  std::string Store = Project.path() + "/store";
  ASSERT_EQ(report(Project.path(), {"--cache-dir", Store, "-j1"}).size(), 5u);
  // a.cpp and b.cpp read <map> through the prefix of <sstream> chained on it.
  writeHeader("map", "#define MAP_MORE 1\n");
  nlohmann::json After = report(Project.path(), {"--cache-dir", Store, "-j1"});
  EXPECT_EQ(After.size(), 9u) << After.dump(2);
  EXPECT_EQ(After, report(Project.path(), {"--no-cache", "--shared-headers=never"}));
  ProcessResult Again = runContractcheck({"-p", Project.path(), "--cache-dir", Store, "-j1"});
  EXPECT_NE(Again.Stderr.find("(5 unchanged, from the result store)"), std::string::npos)
      << Again.Stderr;
}

// The report Own (--shared-headers=never) again under -j1, -j2, always, and cold then warm
// through a result store.
void expectTheSameInEveryMode(const TempDir &Project, const nlohmann::json &Own) {
  EXPECT_EQ(report(Project.path(), {"--no-cache", "-j1"}), Own);
  EXPECT_EQ(report(Project.path(), {"--no-cache", "-j2"}), Own);
  EXPECT_EQ(report(Project.path(), {"--no-cache", "--shared-headers=always"}), Own);
  std::string Store = Project.path() + "/store";
  EXPECT_EQ(report(Project.path(), {"--cache-dir", Store}), Own);
  EXPECT_EQ(report(Project.path(), {"--cache-dir", Store}), Own);
}

// Writes each TU of TUs (its name, its #include lines), followed by Code(name), and a database
// compiling them with sys/ as a system directory. Expect(N) checks that their own parses report N
// findings, and every mode the same.
std::function<void(size_t)>
writeTUsOnSystemHeaders(TempDir &Project,
                        const std::vector<std::pair<std::string, std::string>> &TUs,
                        const std::function<std::string(const std::string &)> &Code) {
  std::vector<std::string> Sources;
  for (const auto &[Name, Includes] : TUs)
    Sources.push_back(Project.write(Name + ".cpp", Includes + Code(Name)));
  writeCompilationDatabase(Project.path(), Sources,
                           {"-std=c++20", "-isystem", Project.path() + "/sys"});
  return [&Project](size_t Findings) {
    nlohmann::json Own = report(Project.path(), {"--no-cache", "--shared-headers=never", "-j1"});
    ASSERT_EQ(Own.size(), Findings) << Own.dump(2);
    expectTheSameInEveryMode(Project, Own);
    fs::remove_all(Project.path() + "/store");
  };
}

// Standard headers a TU includes after a library root, chained on the prefix that ends with it
// (yaml-cpp's src/ TUs that begin with <cassert>). a.cpp and b.cpp include <string>, the library
// header lib/lib.h, then <map> (81 files) and <sstream> (71 files); c.cpp <list> after it. The
// three share <string> and lib/lib.h, and a.cpp and b.cpp <map> and <sstream> on a prefix
// chained on that one, after lib/lib.h as in their text. d.cpp includes <map> before lib/lib.h.
// Each TU reports one switch, one more for each of MAP_MORE and SSTREAM_MORE the headers
// define, and one more when lib/lib.h saw MAP_MORE, which only d.cpp's order gives it: a prefix
// that moved <map> above lib/lib.h would give it to a.cpp and b.cpp too.
TEST(SharedHeadersRunTest, StandardHeadersATUIncludesAfterALibraryHeaderKeepTheirPlaceOnAChain) {
  TempDir Project;
  Project.write("sys/string", "#pragma once\nstruct String { int Size; };\n");
  Project.write("sys/list", "#pragma once\nstruct List { int Size; };\n");
  auto WriteHeader = [&](const std::string &Name, const std::string &More) {
    writeLargeStandardHeader(Project, Name, More);
  };
  auto WriteLibrary = [&](const std::string &More) {
    Project.write("sys/lib/lib.h", "#ifndef LIB_LIB_H\n#define LIB_LIB_H\nstruct Lib { int Size; };\n" +
                                       More + "#endif\n");
  };
  WriteHeader("map", "");
  WriteHeader("sstream", "");
  WriteLibrary("");
  auto Code = [](const std::string &Name) {
    return switchMissingOne(Name) + "#ifdef MAP_MORE\n" + switchMissingOne(Name + "Map") +
           "#endif\n#ifdef SSTREAM_MORE\n" + switchMissingOne(Name + "Sstream") +
           "#endif\n#ifdef LIB_SAW_MAP\n" + switchMissingOne(Name + "Lib") + "#endif\n";
  };
  std::vector<std::pair<std::string, std::string>> TUs{
      {"a", "#include <string>\n#include <lib/lib.h>\n#include <map>\n#include <sstream>\n"},
      {"b", "#include <lib/lib.h>\n#include <string>\n#include <sstream>\n#include <map>\n"},
      {"c", "#include <string>\n#include <lib/lib.h>\n#include <list>\n"},
      {"d", "#include <string>\n#include <map>\n#include <lib/lib.h>\n"}};
  auto Expect = writeTUsOnSystemHeaders(Project, TUs, Code);
  Expect(4);
  WriteHeader("map", "#define MAP_MORE 1\n");
  Expect(7);
  WriteHeader("sstream", "#define SSTREAM_MORE 1\n");
  Expect(9);
  WriteLibrary("#ifdef MAP_MORE\n#define LIB_SAW_MAP 1\n#endif\n");
  Expect(10);
}

// b.cpp includes a standard header before the library header that a.cpp and c.cpp share with
// it: while the scan shows that the two read and define nothing of each other's, b.cpp loads the
// prefix of <string> and the library and includes <valarray> after it. The macros that tie them
// (<valarray> testing the library's, the library testing <valarray>'s) each make b.cpp load only
// the lower prefix of <string>, and a switch is added where the TU's own parse sees the macro:
// 3, 3, 4 findings, the same in every mode.
TEST(SharedHeadersRunTest, AStandardHeaderATUIncludesBeforeALibraryHeaderMayFollowItsPrefix) {
  TempDir Project;
  Project.write("sys/string", "#pragma once\nstruct String { int Size; };\n");
  auto WriteLibrary = [&](const std::string &More) {
    Project.write("sys/lib/lib.h", "#ifndef LIB_LIB_H\n#define LIB_LIB_H\n#include <string>\n"
                                   "struct Lib { int Size; };\n#define LIB_ON 1\n" +
                                       More + "#endif\n");
  };
  writeLargeStandardHeader(Project, "valarray", "#define VALARRAY_ON 1\n");
  WriteLibrary("");
  auto Code = [](const std::string &Name) {
    return switchMissingOne(Name) + "#ifdef VALARRAY_SAW_LIB\n" +
           switchMissingOne(Name + "Valarray") + "#endif\n#ifdef LIB_SAW_VALARRAY\n" +
           switchMissingOne(Name + "Lib") + "#endif\n";
  };
  std::vector<std::pair<std::string, std::string>> TUs{
      {"a", "#include <string>\n#include <lib/lib.h>\n"},
      {"b", "#include <string>\n#include <valarray>\n#include <lib/lib.h>\n"},
      {"c", "#include <lib/lib.h>\n#include <string>\n"}};
  auto Expect = writeTUsOnSystemHeaders(Project, TUs, Code);
  Expect(3);
  // Loaded above <valarray>, the library would define LIB_ON before <valarray> tests it.
  writeLargeStandardHeader(Project, "valarray",
                           "#ifdef LIB_ON\n#define VALARRAY_SAW_LIB 1\n#endif\n"
                           "#define VALARRAY_ON 1\n");
  Expect(3);
  // The library tests <valarray>'s macro, which only b.cpp's order gives it.
  writeLargeStandardHeader(Project, "valarray", "#define VALARRAY_ON 1\n");
  WriteLibrary("#ifdef VALARRAY_ON\n#define LIB_SAW_VALARRAY 1\n#endif\n");
  Expect(4);
}

// Three TUs alone with their settings, which differ only in one -I directory each (the
// vendored googletest's TUs in yaml-cpp): a/ and c/ hold their own header, shadow/ also a
// bits/slice.h that the fake <valarray> includes, defining a macro under which shadow.cpp has a
// second switch. a.cpp and c.cpp share one precompiled <valarray> and <deque>; shadow.cpp, whose
// own parse reads shadow/bits/slice.h, must not load it: it would lose its second finding.
TEST(SharedHeadersRunTest, ATUWhoseIncludeDirectoriesShadowAHeaderOfASharedPrefixParsesItsOwn) {
  TempDir Project;
  writeShadowableStandardHeaders(Project);
  nlohmann::json Database = nlohmann::json::array();
  for (const std::string Name : {"a", "c", "shadow"}) {
    Project.write(Name + "/own.h", "#pragma once\ninline int own() { return 1; }\n");
    std::string File = Project.write(
        Name + ".cpp", "#include <valarray>\n#include <deque>\n#include \"own.h\"\n" +
                           switchMissingOne(Name) + "#ifdef SHADOWED\n" +
                           switchMissingOne(Name + "Shadowed") + "#endif\n");
    Database.push_back({{"directory", Project.path()},
                        {"file", File},
                        {"arguments",
                         {"clang++", "-std=c++20", "-I", Project.file(Name), "-isystem",
                          Project.file("sys"), "-c", File}}});
  }
  Project.write("compile_commands.json", Database.dump(2));
  nlohmann::json Own = report(Project.path(), {"--no-cache", "--shared-headers=never", "-j1"});
  ASSERT_EQ(Own.size(), 4u) << Own.dump(2);
  expectTheSameInEveryMode(Project, Own);
}

// Three TUs including real standard headers and a system header that reads __DEPRECATED: two
// differ only in warning flags that change nothing and share one prefix; the third's
// -Wno-deprecated undefines __DEPRECATED, so it keeps its own parse and its own meaning.
TEST(SharedHeadersRunTest, TUsThatDifferInWarningFlagsReportWhatTheirOwnParsesReport) {
  TempDir Project;
  Project.write("sys/dep.h", "#pragma once\n#ifdef __DEPRECATED\n#define DEPRECATED_ON 1\n#endif\n");
  nlohmann::json Database = nlohmann::json::array();
  std::vector<std::vector<std::string>> Warnings{
      {"-Wall"}, {"-Wall", "-W", "-Wcast-qual", "-Wwrite-strings", "-Wno-sign-compare"},
      {"-Wall", "-Wno-deprecated"}};
  for (size_t I = 0; I < Warnings.size(); ++I) {
    std::string Name = "t" + std::to_string(I);
    std::string File = Project.write(
        Name + ".cpp", "#include <vector>\n#include <map>\n#include <dep.h>\n" +
                           switchMissingOne(Name) + "#ifdef DEPRECATED_ON\n" +
                           switchMissingOne(Name + "Deprecated") + "#endif\n");
    std::vector<std::string> Args{"clang++", "-std=c++20", "-isystem", Project.file("sys")};
    Args.insert(Args.end(), Warnings[I].begin(), Warnings[I].end());
    Args.insert(Args.end(), {"-c", File});
    Database.push_back({{"directory", Project.path()}, {"file", File}, {"arguments", Args}});
  }
  Project.write("compile_commands.json", Database.dump(2));
  nlohmann::json Own = report(Project.path(), {"--no-cache", "--shared-headers=never", "-j1"});
  ASSERT_EQ(Own.size(), 5u) << Own.dump(2);
  expectTheSameInEveryMode(Project, Own);
}

TEST(SharedHeadersRunTest, ATUWhoseHeadersCannotBePrecompiledIsParsedOnItsOwn) {
  // legacy.h has no include guard and defines a struct: once precompiled, the TU's own
  // #include of it defines the struct a second time, which does not compile. The TU is then
  // parsed as written, and judged.
  TempDir Project;
  Project.write("sys/legacy.h", "struct Legacy { int Value; };\n");
  std::vector<std::string> Sources;
  for (const std::string Name : {"a", "b"})
    Sources.push_back(Project.write(Name + ".cpp", "#include <legacy.h>\n" + switchMissingOne(Name)));
  writeCompilationDatabase(Project.path(), Sources,
                           {"-std=c++20", "-isystem", Project.path() + "/sys"});
  nlohmann::json Findings = report(Project.path(), {"--no-cache", "--shared-headers=always"});
  EXPECT_EQ(Findings.size(), 2u) << Findings.dump(2);
  EXPECT_EQ(report(Project.path(), {"--no-cache", "--shared-headers=never"}), Findings);
}

TEST(SharedHeadersRunTest, ClangsErrorCountIsNotPrintedWhenTheSharedHeadersFail) {
  // A TU that does not parse is reported once, by the report; the scan of its system headers
  // and a prefix that does not compile must not add clang's "1 error generated." to stderr
  // (twice per TU, 52 lines on a ZNC checkout whose generated headers were not built yet).
  TempDir Project;
  Project.write("sys/legacy.h", "struct Legacy { int Value; };\n");
  std::vector<std::string> Sources;
  for (const std::string Name : {"a", "b"})
    Sources.push_back(Project.write(Name + ".cpp", "#include <legacy.h>\n#include \"gen/missing.h\"\n"));
  for (const std::string Name : {"c", "d"})
    Sources.push_back(Project.write(Name + ".cpp", "#include <legacy.h>\n" + switchMissingOne(Name)));
  writeCompilationDatabase(Project.path(), Sources,
                           {"-std=c++20", "-isystem", Project.path() + "/sys"});
  ProcessResult R = runContractcheck({"-p", Project.path(), "--no-cache", "--shared-headers=always"});
  EXPECT_EQ(R.ExitCode, 3) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("'gen/missing.h' file not found"), std::string::npos) << R.Stdout;
  EXPECT_EQ(R.Stderr.find("generated."), std::string::npos) << R.Stderr;
}

TEST(SharedHeadersRunTest, AProjectsOwnPrecompiledHeaderIsJudgedWhole) {
  // CMake's target_precompile_headers puts the project's own headers in a precompiled header:
  // what they hold is the project's code, judged as if it were parsed with the TU.
  TempDir Project;
  std::string Header = Project.write("proj.h", "#pragma once\n" + switchMissingOne("classify"));
  std::string Main = Project.write("main.cpp", "#include \"proj.h\"\nint use() { return 0; }\n");
  ProcessResult Pch = runProcess({"clang++-19", "-std=c++20", "-x", "c++-header", Header, "-o",
                                  Header + ".pch"});
  ASSERT_EQ(Pch.ExitCode, 0) << Pch.Stderr;
  writeCompilationDatabase(Project.path(), {Main}, {"-std=c++20", "-include-pch", Header + ".pch"});
  nlohmann::json Findings = report(Project.path(), {"--no-cache"});
  ASSERT_EQ(Findings.size(), 1u) << Findings.dump(2);
  EXPECT_EQ(Findings[0]["location"]["file"], Header);
}

TEST(SharedHeadersRunTest, APrecompiledFileBesideAnIncludedHeaderIsNotLoaded) {
  // Given -include proj.h, clang's driver loads proj.h.pch instead when there is one: here one
  // no clang reads (another compiler's, another version's), which failed the TU.
  TempDir Project;
  std::string Header = Project.write("proj.h", "#pragma once\n" + switchMissingOne("classify"));
  Project.write("proj.h.pch", "not a precompiled header\n");
  std::string Main = Project.write("main.cpp", "int use() { return 0; }\n");
  writeCompilationDatabase(Project.path(), {Main}, {"-std=c++20", "-include", Header});
  nlohmann::json Findings = report(Project.path(), {"--no-cache"});
  ASSERT_EQ(Findings.size(), 1u) << Findings.dump(2);
  EXPECT_EQ(Findings[0]["location"]["file"], Header);
}

TEST(SharedHeadersRunTest, AHeaderOfTheProjectIsJudgedHoweverTheCommandIncludesIt) {
  // The rules walk the project's code only (TraversalScope.h): a header the command includes
  // is the project's code whether the TU reads it as text or loads it precompiled, with its
  // system headers shared or not.
  TempDir Project;
  Project.write("sys/lib.h", "#pragma once\nnamespace lib { inline int one() { return 1; } }\n");
  std::string Header =
      Project.write("proj.h", "#pragma once\n#include <lib.h>\n" + switchMissingOne("classify"));
  std::string Main =
      Project.write("main.cpp", "#include <lib.h>\nint use() { return lib::one(); }\n");
  // clang's driver would load proj.h.pch for -include proj.h (CommandMangler.h).
  ProcessResult Pch = runProcess({"clang++-19", "-std=c++20", "-isystem", Project.path() + "/sys",
                                  "-x", "c++-header", Header, "-o", Header + ".pch"});
  ASSERT_EQ(Pch.ExitCode, 0) << Pch.Stderr;
  std::vector<std::string> Flags{"-std=c++20", "-isystem", Project.path() + "/sys"};
  struct Way {
    std::vector<std::string> Command, Options;
  };
  for (const Way &W :
       {Way{{"-include", Header}, {}}, Way{{"-Xclang", "-include", "-Xclang", Header}, {}},
        // Loaded as the command line says: the mangler does not see --extra-arg.
        Way{{}, {"--extra-arg=-include-pch", "--extra-arg=" + Header + ".pch"}}}) {
    std::vector<std::string> Command = Flags;
    Command.insert(Command.end(), W.Command.begin(), W.Command.end());
    writeCompilationDatabase(Project.path(), {Main}, Command);
    for (std::string Mode : {"never", "always"}) {
      std::vector<std::string> Options{"--no-cache", "--shared-headers=" + Mode};
      Options.insert(Options.end(), W.Options.begin(), W.Options.end());
      nlohmann::json Findings = report(Project.path(), Options);
      ASSERT_EQ(Findings.size(), 1u) << Mode << " " << Findings.dump(2);
      EXPECT_EQ(Findings[0]["location"]["file"], Header);
    }
  }
}

TEST(SharedHeadersRunTest, ATUThatUsesAHeaderBeforeIncludingItFailsInEveryMode) {
  // The prefix moves a TU's system headers above its own code. uses-lib.h names lib::Widget and
  // uses-limits.h std::numeric_limits, each before the TU that reads it includes the header
  // declaring them (d.cpp includes <string> first, which does not bring <limits>): as written (and with clang) a.cpp and d.cpp do not compile, and loading the
  // prefix of the TUs that include the headers first must not make them (cmakesl's
  // sema_builder_ast_visitor_test.cpp lacks <limits> and parsed only in a whole run).
  TempDir Project;
  Project.write("sys/lib.h", "#pragma once\nnamespace lib { struct Widget { int Size; }; }\n");
  Project.write("uses-lib.h",
                "#pragma once\ninline int widgetSize(const lib::Widget &W) { return W.Size; }\n");
  Project.write("uses-limits.h",
                "#pragma once\ninline int most() { return std::numeric_limits<int>::max(); }\n");
  std::vector<std::string> Sources;
  std::string Late = Project.write("a.cpp", "#include \"uses-lib.h\"\n#include <lib.h>\n" +
                                                switchMissingOne("a"));
  Sources.push_back(Late);
  for (const std::string Name : {"b", "c"})
    Sources.push_back(Project.write(Name + ".cpp", "#include <lib.h>\n#include \"uses-lib.h\"\n" +
                                                       switchMissingOne(Name)));
  std::string LateStandard = Project.write(
      "d.cpp", "#include <string>\n#include \"uses-limits.h\"\n#include <limits>\n" +
                   switchMissingOne("d"));
  Sources.push_back(LateStandard);
  Sources.push_back(Project.write(
      "e.cpp", "#include <string>\n#include <limits>\n#include \"uses-limits.h\"\n" +
                   switchMissingOne("e")));
  writeCompilationDatabase(Project.path(), Sources,
                           {"-std=c++20", "-isystem", Project.path() + "/sys"});
  auto Run = [&](std::vector<std::string> Args) { return findingsAndFailures(Project.path(), Args); };
  nlohmann::json Own = Run({"--shared-headers=never", "-j1"});
  ASSERT_EQ(Own["failures"].size(), 2u) << Own.dump(2);
  EXPECT_EQ(Own["failures"][0]["file"], Late);
  EXPECT_EQ(Own["failures"][1]["file"], LateStandard);
  EXPECT_EQ(Own["findings"].size(), 3u) << Own.dump(2);
  EXPECT_EQ(Run({"-j1"}), Own);
  EXPECT_EQ(Run({"-j2"}), Own);
  EXPECT_EQ(Run({"--shared-headers=always", "-j1"}), Own);
  // Alone, with a prefix of its own.
  for (const std::string &File : {Late, LateStandard}) {
    nlohmann::json Alone = Run({"--shared-headers=always", File});
    ASSERT_EQ(Alone["failures"].size(), 1u) << Alone.dump(2);
    EXPECT_EQ(Alone["failures"][0], Own["failures"][File == Late ? 0 : 1]);
  }
}

TEST(SharedHeadersRunTest, ATUThatNeedsAClassCompleteBeforeIncludingItsDefinitionFailsInEveryMode) {
  // <iosfwd> declares std::string; a member of that type needs <string>, which the TU includes
  // only after the header declaring the member: as written (and with clang) a.cpp does not
  // compile, with the prefix of b.cpp, which includes <string> first, it did (cmakesl's
  // identifier_info.hpp in cross_translation_unit_static_variables.cpp).
  TempDir Project;
  Project.write("named.h", "#pragma once\n#include <iosfwd>\nstruct Named { std::string Name; };\n");
  std::string Late = Project.write(
      "a.cpp", "#include \"named.h\"\n#include <string>\n" + switchMissingOne("a"));
  std::vector<std::string> Sources{
      Late, Project.write("b.cpp", "#include <string>\n#include \"named.h\"\n" +
                                       switchMissingOne("b"))};
  writeCompilationDatabase(Project.path(), Sources, {"-std=c++20"});
  nlohmann::json Own = findingsAndFailures(Project.path(), {"--shared-headers=never", "-j1"});
  ASSERT_EQ(Own["failures"].size(), 1u) << Own.dump(2);
  EXPECT_EQ(Own["failures"][0]["file"], Late);
  EXPECT_EQ(Own["findings"].size(), 1u) << Own.dump(2);
  EXPECT_EQ(findingsAndFailures(Project.path(), {"-j1"}), Own);
  EXPECT_EQ(findingsAndFailures(Project.path(), {"--shared-headers=always", "-j1"}), Own);
}

} // namespace
} // namespace contractcheck::test
