// A stored answer is never stale: every change that would make a parse resolve an #include
// differently (a re-pointed symlink, a header that now shadows another earlier on the include
// path, a __has_include that flips, the include-path environment) is a miss, so the warm answer
// is the --no-cache answer. Real files, real symlinks, real environment variables.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace contractcheck::test {
namespace {

namespace fs = std::filesystem;

// A four-enumerator State (the switch below misses Shut: one finding) and a three-enumerator
// one (the switch is complete: none).
const std::string FourStates = "#pragma once\nenum class State { Open, Closed, Half, Shut };\n";
const std::string ThreeStates = "#pragma once\nenum class State { Open, Closed, Half };\n";
const std::string Switch = "int judge(State s) {\n"
                           "  switch (s) { case State::Open: return 1; case State::Closed: return 2;"
                           " case State::Half: return 3; default: return 0; }\n"
                           "}\n";

class StoreFreshnessTest : public ::testing::Test {
protected:
  std::string Build() const { return Project.path() + "/build"; }

  ProcessResult run(std::vector<std::string> Args, const std::vector<std::string> &Env = {}) {
    Args.insert(Args.begin(), {contractcheckBinary(), "-p", Build(), "--format", "json"});
    return runProcess(Args, Project.path(), Env);
  }

  static size_t findingCount(const ProcessResult &R) {
    nlohmann::json J = nlohmann::json::parse(R.Stdout, nullptr, false);
    return J.is_object() ? J["findings"].size() : static_cast<size_t>(-1);
  }

  // The warm run (store filled by the previous run) answers as a run without the store.
  void expectWarmEqualsCold(size_t Expected, const std::vector<std::string> &Env = {}) {
    ProcessResult Warm = run({}, Env);
    ProcessResult Cold = run({"--no-cache"}, Env);
    EXPECT_EQ(findingCount(Cold), Expected) << Cold.Stdout << Cold.Stderr;
    EXPECT_EQ(findingCount(Warm), findingCount(Cold)) << Warm.Stdout << Warm.Stderr;
    EXPECT_EQ(Warm.ExitCode, Cold.ExitCode);
  }

  TempDir Project;
};

TEST_F(StoreFreshnessTest, ASymlinkedHeaderRePointedWhileTheOldTargetStays) {
  Project.write("variants/four.h", FourStates);
  Project.write("variants/three.h", ThreeStates);
  fs::create_directories(Project.file("include"));
  fs::create_symlink(Project.file("variants/four.h"), Project.file("include/state.h"));
  std::string Source = Project.write("src/a.cpp", "#include \"state.h\"\n" + Switch);
  writeCompilationDatabase(Build(), {Source}, {"-std=c++20", "-I" + Project.file("include")});
  ASSERT_EQ(findingCount(run({})), 1u);

  fs::remove(Project.file("include/state.h"));
  fs::create_symlink(Project.file("variants/three.h"), Project.file("include/state.h"));
  expectWarmEqualsCold(0);
}

TEST_F(StoreFreshnessTest, ASymlinkedHeaderReplacedByARegularFile) {
  Project.write("variants/four.h", FourStates);
  fs::create_directories(Project.file("include"));
  fs::create_symlink(Project.file("variants/four.h"), Project.file("include/state.h"));
  std::string Source = Project.write("src/a.cpp", "#include \"state.h\"\n" + Switch);
  writeCompilationDatabase(Build(), {Source}, {"-std=c++20", "-I" + Project.file("include")});
  ASSERT_EQ(findingCount(run({})), 1u);

  fs::remove(Project.file("include/state.h"));
  Project.write("include/state.h", ThreeStates);
  expectWarmEqualsCold(0);
}

TEST_F(StoreFreshnessTest, ASymlinkedIncludeDirectoryRePointed) {
  Project.write("v1/state.h", FourStates);
  Project.write("v2/state.h", ThreeStates);
  fs::create_directory_symlink(Project.file("v1"), Project.file("include"));
  std::string Source = Project.write("src/a.cpp", "#include \"state.h\"\n" + Switch);
  writeCompilationDatabase(Build(), {Source}, {"-std=c++20", "-I" + Project.file("include")});
  ASSERT_EQ(findingCount(run({})), 1u);

  fs::remove(Project.file("include"));
  fs::create_directory_symlink(Project.file("v2"), Project.file("include"));
  expectWarmEqualsCold(0);
}

TEST_F(StoreFreshnessTest, ANewHeaderShadowsTheOneFoundBeforeEarlierOnTheIncludePath) {
  Project.write("late/state.h", FourStates);
  fs::create_directories(Project.file("early"));
  std::string Source = Project.write("src/a.cpp", "#include <state.h>\n" + Switch);
  writeCompilationDatabase(Build(), {Source},
                           {"-std=c++20", "-I" + Project.file("early"), "-I" + Project.file("late")});
  ASSERT_EQ(findingCount(run({})), 1u);

  Project.write("early/state.h", ThreeStates);
  expectWarmEqualsCold(0);
  fs::remove(Project.file("early/state.h"));
  expectWarmEqualsCold(1);
}

TEST_F(StoreFreshnessTest, AHasIncludeThatFlips) {
  Project.write("include/state.h", FourStates);
  std::string Source = Project.write("src/a.cpp", "#include \"state.h\"\n"
                                                  "#if __has_include(\"quiet.h\")\n"
                                                  "#define SWITCH_OFF\n"
                                                  "#endif\n"
                                                  "#ifndef SWITCH_OFF\n" +
                                                      Switch + "#endif\n");
  writeCompilationDatabase(Build(), {Source}, {"-std=c++20", "-I" + Project.file("include")});
  ASSERT_EQ(findingCount(run({})), 1u);

  Project.write("include/quiet.h", "// its presence is the answer\n");
  expectWarmEqualsCold(0);
  fs::remove(Project.file("include/quiet.h"));
  expectWarmEqualsCold(1);
}

TEST_F(StoreFreshnessTest, TheIncludePathEnvironmentChanges) {
  Project.write("four/state.h", FourStates);
  Project.write("three/state.h", ThreeStates);
  std::string Source = Project.write("src/a.cpp", "#include <state.h>\n" + Switch);
  writeCompilationDatabase(Build(), {Source}, {"-std=c++20"});
  // CPLUS_INCLUDE_PATH's directories are system include directories, and an enum of a system
  // header is a library's, not held to coverage by default (report-system-enums).
  Project.write(".contractcheck.yaml",
                "version: 1\nrules:\n  contract-switch-coverage:\n    report-system-enums: true\n");
  for (const char *Variable : {"CPATH", "CPLUS_INCLUDE_PATH"}) {
    SCOPED_TRACE(Variable);
    std::string Four = std::string(Variable) + "=" + Project.file("four");
    std::string Three = std::string(Variable) + "=" + Project.file("three");
    ASSERT_EQ(findingCount(run({}, {Four})), 1u);
    expectWarmEqualsCold(0, {Three});
    expectWarmEqualsCold(1, {Four});
  }
}

} // namespace
} // namespace contractcheck::test
