// The hook as users install it: real pre-commit runs our .pre-commit-hooks.yaml (try-repo reads it
// from this checkout) on files of a throwaway project.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

namespace contractcheck::test {
namespace {

class PreCommitHookTest : public ::testing::Test {
protected:
  void SetUp() override {
    Project.write("src/bad.cpp", "enum class Mode { Idle, Busy, Stopped, Draining };\n"
                                 "int f(Mode m) {\n"
                                 "  switch (m) { case Mode::Idle: case Mode::Busy: case Mode::Stopped: return 1; default: return 0; }\n"
                                 "}\n");
    Project.write("src/good.cpp", "int g() { return 1; }\n");
    Project.write("src/api.h", "#pragma once\nint g();\n");
    // A header whose enum grew a member that a switch in another file hides behind default:.
    Project.write("include/state.h", "#pragma once\n"
                                     "enum class State { Open, Closed, Half, Shut };\n");
    Project.write("src/uses_state.cpp", "#include \"state.h\"\n"
                                        "int h(State s) {\n"
                                        "  switch (s) { case State::Open: return 1; case State::Closed: return 2; case State::Half: return 3; default: return 0; }\n"
                                        "}\n");
    Project.write("include/quiet.h", "#pragma once\nenum class Quiet { A, B };\n");
    Project.write("src/uses_quiet.cpp", "#include \"quiet.h\"\n"
                                        "int q(Quiet x) {\n"
                                        "  switch (x) { case Quiet::A: return 1; case Quiet::B: return 2; default: return 0; }\n"
                                        "}\n");
    Project.write("config/unrelated.yaml", "key: value\n");
    writeCompilationDatabase(Project.path() + "/build",
                             {Project.file("src/bad.cpp"), Project.file("src/good.cpp"),
                              Project.file("src/uses_state.cpp"), Project.file("src/uses_quiet.cpp")},
                             {"-std=c++20", "-I" + Project.file("include")});
    ASSERT_EQ(runProcess({"git", "init", "-q"}, Project.path()).ExitCode, 0);
  }

  // Files, or every file git tracks when Files is {"--all-files"}.
  // ToolDir: where the hook finds contractcheck (default: the one this suite tests).
  ProcessResult runHook(const std::vector<std::string> &Files, std::string ToolDir = "") {
    std::vector<std::string> Args{"pre-commit", "try-repo", sourceDir(), "contractcheck",
                                  "--color", "never"};
    if (Files != std::vector<std::string>{"--all-files"})
      Args.push_back("--files");
    Args.insert(Args.end(), Files.begin(), Files.end());
    if (ToolDir.empty())
      ToolDir = std::filesystem::path(contractcheckBinary()).parent_path();
    const char *Path = std::getenv("PATH");
    return runProcess(Args, Project.path(),
                      {"PATH=" + ToolDir + ":" + (Path ? Path : "/usr/bin:/bin"),
                       "PRE_COMMIT_HOME=" + Cache.path()});
  }

  TempDir Project, Cache;
};

TEST_F(PreCommitHookTest, FailsWithClangStyleFindingsOnAChangedFile) {
  ProcessResult R = runHook({"src/bad.cpp", "src/api.h"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("src/bad.cpp:3:3: error: switch on 'Mode' has a 'default' label that "
                          "hides 1 unhandled enumerator: Mode::Draining [contract-switch-coverage]"),
            std::string::npos)
      << R.Stdout << R.Stderr;
}

// pre-commit keeps the largest exit code of the hook's runs, and a run ended by a signal has a
// negative one: a contractcheck killed mid-run (by hand, by the out-of-memory killer) must fail
// the hook, not pass a commit it never judged. The contractcheck here is a stand-in that is
// killed as it starts: what is under test is the shipped hook definition run by real pre-commit.
TEST_F(PreCommitHookTest, AContractcheckEndedByASignalFailsTheHook) {
  Project.write("killed/contractcheck", "#!/bin/sh\nkill -KILL $$\n");
  std::filesystem::permissions(Project.file("killed/contractcheck"),
                               std::filesystem::perms::owner_all);
  ProcessResult R = runHook({"src/good.cpp"}, Project.file("killed"));
  EXPECT_NE(R.ExitCode, 0) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("Failed"), std::string::npos) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("exit code: 137"), std::string::npos) << R.Stdout << R.Stderr;
}

TEST_F(PreCommitHookTest, PassesOnCleanFiles) {
  ProcessResult R = runHook({"src/good.cpp", "src/api.h", "config/unrelated.yaml"});
  EXPECT_EQ(R.ExitCode, 0) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("Passed"), std::string::npos) << R.Stdout;
}

// Most contract drift starts in a header: a commit that changes only the header is judged
// through the translation units that include it. Without a result store yet, the include scan
// finds them; after a full run, the store's dependency lists do.
TEST_F(PreCommitHookTest, AChangedHeaderIsJudgedThroughTheTUsThatIncludeIt) {
  for (bool StoreFirst : {false, true}) {
    if (StoreFirst)
      runContractcheck({"-p", Project.path() + "/build", "--quiet"}, Project.path());
    ProcessResult R = runHook({"include/state.h"});
    EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr;
    EXPECT_NE(R.Stdout.find("src/uses_state.cpp:3:3: error: switch on 'State' has a 'default' "
                            "label that hides 1 unhandled enumerator: State::Shut"),
              std::string::npos)
        << R.Stdout << R.Stderr;
    EXPECT_EQ(R.Stdout.find("bad.cpp"), std::string::npos) << R.Stdout;
    ProcessResult Clean = runHook({"include/quiet.h"});
    EXPECT_EQ(Clean.ExitCode, 0) << Clean.Stdout << Clean.Stderr;
  }
}

// A commit that changes only a Qt Designer form: the form's ui_Finder.h (as uic last wrote it,
// in AUTOUIC's include directory) is judged through the TU that includes it, and a connection to
// a slot the class no longer has is reported at the form's <slot> element.
TEST_F(PreCommitHookTest, AChangedDesignerFormIsJudgedThroughTheTUsThatIncludeItsHeader) {
  const std::string Fixture = fixturesDir() + "/contract-string-dispatch/qt-ui-forms/";
  Project.write("src/Finder.ui", readFile(Fixture + "Finder.ui"));
  Project.write("src/Finder.h", readFile(Fixture + "Finder.h"));
  Project.write("src/Finder.cpp", readFile(Fixture + "Finder.cpp"));
  Project.write("build/app_autogen/include/ui_Finder.h",
                readFile(Fixture + "autogen/include/ui_Finder.h"));
  std::vector<std::string> Flags{"-std=c++17", "-fPIC",
                                 "-I" + Project.file("build/app_autogen/include")};
  for (const char *Module : {"", "/QtCore", "/QtGui", "/QtWidgets"})
    Flags.push_back(std::string("-isystem/usr/include/x86_64-linux-gnu/qt5") + Module);
  writeCompilationDatabase(Project.path() + "/build",
                           {Project.file("src/Finder.cpp"), Project.file("src/good.cpp")}, Flags);
  ProcessResult R = runHook({"src/Finder.ui"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("src/Finder.ui:20:10: error: 'SLOT(findNext())' names no slot or "
                          "Q_INVOKABLE method of 'Finder' (did you mean 'findNextMatch'?)"),
            std::string::npos)
      << R.Stdout << R.Stderr;
  EXPECT_EQ(R.Stdout.find("ignored"), std::string::npos) << R.Stdout;
}

// The store's dependency lists say what each TU included when it was analysed, not now: a TU
// that gained an #include since (no run in between) is found by scanning it again, and so is
// one whose other header gained it.
TEST_F(PreCommitHookTest, ATUThatGainedTheIncludeSinceItWasStoredIsJudgedThroughTheHeader) {
  ASSERT_EQ(runContractcheck({"-p", Project.path() + "/build", "--quiet"}, Project.path()).ExitCode,
            1);
  Project.write("src/good.cpp", "#include \"state.h\"\n"
                                "int g(State s) {\n"
                                "  switch (s) { case State::Open: return 1; case State::Closed: return 2; case State::Half: return 3; default: return 0; }\n"
                                "}\n");
  Project.write("include/quiet.h", "#pragma once\n#include \"state.h\"\nenum class Quiet { A, B };\n"
                                   "inline int k(State s) { switch (s) { case State::Open: return 1; "
                                   "case State::Closed: return 2; case State::Half: return 3; default: return 0; } }\n");
  ProcessResult R = runHook({"include/state.h"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr;
  for (const char *Where : {"src/good.cpp:3:3: error", "src/uses_state.cpp:3:3: error",
                            "include/quiet.h:4:"})
    EXPECT_NE(R.Stdout.find(Where), std::string::npos) << Where << "\n" << R.Stdout << R.Stderr;
  EXPECT_EQ(R.Stdout.find("no translation unit"), std::string::npos) << R.Stdout;
}

// `pre-commit run --all-files`, the first thing a user runs after installing the hook, on a
// project that vendors a library with its own tests and scripts (yaml-cpp's googletest-1.16.0/:
// 80 sources the build never compiles, 30 Python scripts, 2 YAML files). Every source the database
// lacks is named in one error, not the first one per run; once paths.exclude covers the vendored
// tree, its files are not warned about one by one ahead of the finding that fails the hook.
TEST_F(PreCommitHookTest, AllFilesOfAVendoredTreeAreNamedOnceAndSilentOnceExcluded) {
  Project.write("vendor/gtest/test/a_test.cc", "int a() { return 1; }\n");
  Project.write("vendor/gtest/test/b_test.cc", "int b() { return 2; }\n");
  Project.write("vendor/gtest/scripts/run_tests.py", "print('hi')\n");
  Project.write("vendor/gtest/include/only_tests.h", "#pragma once\nint only();\n");
  ASSERT_EQ(runProcess({"git", "add", "."}, Project.path()).ExitCode, 0);
  ProcessResult R = runHook({"--all-files"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr; // pre-commit's own: the hook failed
  EXPECT_NE(R.Stdout.find("- exit code: 2"), std::string::npos) << R.Stdout;
  EXPECT_NE(R.Stdout.find("contractcheck: error: 2 given sources are not in the compilation "
                          "database "),
            std::string::npos)
      << R.Stdout;
  EXPECT_NE(R.Stdout.find("\n  vendor/gtest/test/a_test.cc\n  vendor/gtest/test/b_test.cc\nif "
                          "they are new, re-run CMake"),
            std::string::npos)
      << R.Stdout;

  Project.write(".contractcheck.yaml", "version: 1\npaths:\n  exclude: [\"vendor/**\"]\n");
  ASSERT_EQ(runProcess({"git", "add", "."}, Project.path()).ExitCode, 0);
  R = runHook({"--all-files"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("- exit code: 1"), std::string::npos) << R.Stdout;
  EXPECT_NE(R.Stdout.find("src/bad.cpp:3:3: error: switch on 'Mode'"), std::string::npos)
      << R.Stdout;
  EXPECT_EQ(R.Stdout.find("vendor/"), std::string::npos) << R.Stdout;
  // Outside the excluded tree a file no rule reads is still said to be ignored.
  EXPECT_NE(R.Stdout.find("contractcheck: warning: config/unrelated.yaml: not a source of the "
                          "compilation database, and no rule reads it; ignored"),
            std::string::npos)
      << R.Stdout;
}

// The local hook as docs/usage.md spells it (the ```yaml block with `repo: local`), written into
// a .pre-commit-config.yaml and run by real pre-commit: a recipe that pre-commit refuses (a key
// missing) or that does not run the hook fails here.
TEST_F(PreCommitHookTest, TheDocumentedLocalHookRuns) {
  std::string Usage = readFile(sourceDir() + "/docs/usage.md");
  size_t Local = Usage.find("  - repo: local\n");
  ASSERT_NE(Local, std::string::npos) << "docs/usage.md shows no local hook";
  size_t Start = Usage.rfind("```yaml\n", Local), End = Usage.find("```", Local);
  ASSERT_NE(Start, std::string::npos);
  ASSERT_NE(End, std::string::npos);
  Project.write(".pre-commit-config.yaml", Usage.substr(Start + 8, End - Start - 8));
  std::string ToolDir = std::filesystem::path(contractcheckBinary()).parent_path();
  const char *Path = std::getenv("PATH");
  ProcessResult R = runProcess(
      {"pre-commit", "run", "--color", "never", "--files", "src/bad.cpp", "src/good.cpp"},
      Project.path(),
      {"PATH=" + ToolDir + ":" + (Path ? Path : "/usr/bin:/bin"), "PRE_COMMIT_HOME=" + Cache.path()});
  EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("src/bad.cpp:3:3: error: switch on 'Mode' has a 'default' label that "
                          "hides 1 unhandled enumerator: Mode::Draining [contract-switch-coverage]"),
            std::string::npos)
      << R.Stdout << R.Stderr;
}

} // namespace
} // namespace contractcheck::test
