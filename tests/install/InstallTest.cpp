// `cmake --install` into a temporary prefix, then everything a user does with the installed
// files: the CLI, the clang-tidy module under clang-tidy-19 -load, the pre-commit hook finding
// the CLI on PATH, the language server, and find_package(contractcheck) from another project.
#include "Subprocess.h"
#include "TestPaths.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace contractcheck::test {
namespace {

const char *BadSource = "enum class Mode { Idle, Busy, Stopped, Draining };\n"
                        "int f(Mode m) {\n"
                        "  switch (m) { case Mode::Idle: case Mode::Busy: case Mode::Stopped: "
                        "return 1; default: return 0; }\n"
                        "}\n";
const char *Finding = "src/bad.cpp:3:3: error: switch on 'Mode' has a 'default' label that hides "
                      "1 unhandled enumerator: Mode::Draining [contract-switch-coverage]";

class InstallTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    Prefix = new TempDir;
    Installed =
        runProcess({CMAKE_COMMAND, "--install", PROJECT_BINARY_DIR, "--prefix", Prefix->path()});
  }
  static void TearDownTestSuite() {
    delete Prefix;
    Prefix = nullptr;
  }

  void SetUp() override {
    ASSERT_EQ(Installed.ExitCode, 0) << Installed.Stdout << Installed.Stderr;
    Project.write("src/bad.cpp", BadSource);
    writeCompilationDatabase(Project.path() + "/build", {Project.file("src/bad.cpp")},
                             {"-std=c++20"});
  }

  // PATH with the installed bin/ and the system's, never the build tree's.
  static std::string installedPath() {
    return "PATH=" + Prefix->path() + "/bin:/usr/local/bin:/usr/bin:/bin";
  }

  static TempDir *Prefix;
  static ProcessResult Installed;
  TempDir Project;
};

TempDir *InstallTest::Prefix = nullptr;
ProcessResult InstallTest::Installed;

TEST_F(InstallTest, InstallsTheCliTheModuleTheDocsAndThePackageConfig) {
  for (const char *File :
       {"bin/contractcheck", "bin/contractcheck-clang-tidy",
        "lib/contractcheck/libcontractcheck-tidy.so",
        "lib/cmake/contractcheck/contractcheckConfig.cmake",
        "lib/cmake/contractcheck/contractcheckConfigVersion.cmake",
        "share/doc/contractcheck/README.md", "share/doc/contractcheck/docs/editors.md",
        "share/doc/contractcheck/docs/rules/contract-switch-coverage.md",
        "share/contractcheck/bazel/defs.bzl", "share/contractcheck/bazel/BUILD.bazel",
        "share/contractcheck/bazel/default.contractcheck.yaml"})
    EXPECT_TRUE(std::filesystem::exists(Prefix->path() + "/" + File)) << File;
}

TEST_F(InstallTest, TheInstalledCliAnalysesAProject) {
  ProcessResult R =
      runProcess({Prefix->path() + "/bin/contractcheck", "-p", "build"}, Project.path());
  EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find(Finding), std::string::npos) << R.Stdout << R.Stderr;
}

TEST_F(InstallTest, TheInstalledModuleLoadsIntoClangTidy) {
  ProcessResult R = runProcess({clangTidyBinary(), "-load",
                                Prefix->path() + "/lib/contractcheck/libcontractcheck-tidy.so",
                                "-checks=-*,contract-*", "-p", "build", "src/bad.cpp"},
                               Project.path());
  EXPECT_NE(R.Stdout.find(Project.path() + "/src/bad.cpp:3:3: warning: switch on 'Mode' has a "
                                           "'default' label that hides 1 unhandled enumerator: "
                                           "Mode::Draining [contract-switch-coverage]"),
            std::string::npos)
      << R.Stdout << R.Stderr;
}

TEST_F(InstallTest, TheClangTidyWrapperLoadsTheInstalledModule) {
  // Through a symlink, as a user's ~/bin/clang-tidy pointing at it would be.
  std::filesystem::create_symlink(Prefix->path() + "/bin/contractcheck-clang-tidy",
                                  Project.file("clang-tidy"));
  ProcessResult R = runProcess(
      {Project.file("clang-tidy"), "-checks=-*,contract-*", "-p", "build", "src/bad.cpp"},
      Project.path());
  EXPECT_NE(R.Stdout.find(Project.path() + "/src/bad.cpp:3:3: warning: switch on 'Mode' has a "
                                           "'default' label that hides 1 unhandled enumerator: "
                                           "Mode::Draining [contract-switch-coverage]"),
            std::string::npos)
      << R.Stdout << R.Stderr;
  R = runProcess({Project.file("clang-tidy"), "--version"});
  EXPECT_EQ(R.ExitCode, 0);
  EXPECT_NE(R.Stdout.find("LLVM version 19"), std::string::npos) << R.Stdout;
}

TEST_F(InstallTest, ThePreCommitHookRunsTheInstalledCliFromPath) {
  ASSERT_EQ(runProcess({"git", "init", "-q"}, Project.path()).ExitCode, 0);
  TempDir Cache;
  ProcessResult R =
      runProcess({"pre-commit", "try-repo", sourceDir(), "contractcheck", "--color", "never",
                  "--files", "src/bad.cpp"},
                 Project.path(), {installedPath(), "PRE_COMMIT_HOME=" + Cache.path()});
  EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find(Finding), std::string::npos) << R.Stdout << R.Stderr;
}

TEST_F(InstallTest, TheInstalledLanguageServerStarts) {
  ProcessResult R = runProcess({Prefix->path() + "/bin/contractcheck", "lsp", "--help"});
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  EXPECT_NE(R.Stdout.find("usage: contractcheck lsp"), std::string::npos) << R.Stdout;
}

TEST_F(InstallTest, FindPackageGivesContractcheckAddAnalysisRunningTheInstalledCli) {
  Project.write("consumer/CMakeLists.txt",
                "cmake_minimum_required(VERSION 3.20)\n"
                "project(consumer CXX)\n"
                "set(CMAKE_EXPORT_COMPILE_COMMANDS ON)\n"
                "find_package(contractcheck REQUIRED)\n"
                "add_library(app STATIC " + Project.file("src/bad.cpp") + ")\n"
                "target_compile_features(app PRIVATE cxx_std_20)\n"
                "contractcheck_add_analysis(app)\n");
  std::string Build = Project.file("consumer/build");
  // PATH without the installed bin/: the package, not a PATH search, must name the CLI.
  ProcessResult R = runProcess({CMAKE_COMMAND, "-S", Project.file("consumer"), "-B", Build, "-G",
                                "Ninja", "-DCMAKE_PREFIX_PATH=" + Prefix->path()},
                               "", {"PATH=/usr/local/bin:/usr/bin:/bin"});
  ASSERT_EQ(R.ExitCode, 0) << R.Stdout << R.Stderr;
  R = runProcess({CMAKE_COMMAND, "--build", Build, "--target", "app_contractcheck"}, "",
                 {"PATH=/usr/local/bin:/usr/bin:/bin"});
  EXPECT_NE(R.ExitCode, 0) << "findings fail the build\n" << R.Stdout << R.Stderr;
  // Ninja prints the failed command: the check step of the installed CLI.
  EXPECT_NE(R.Stdout.find(Prefix->path() + "/bin/contractcheck check"), std::string::npos)
      << R.Stdout;
  EXPECT_NE(R.Stdout.find("hides 1 unhandled enumerator: Mode::Draining"), std::string::npos)
      << R.Stdout << R.Stderr;
}

TEST_F(InstallTest, FindPackageGivesImportedTargetsForTheCliAndTheModule) {
  Project.write("consumer/CMakeLists.txt",
                "cmake_minimum_required(VERSION 3.20)\n"
                "project(consumer LANGUAGES NONE)\n"
                "find_package(contractcheck 0.1 REQUIRED)\n"
                "get_target_property(cli contractcheck::contractcheck LOCATION)\n"
                "get_target_property(module contractcheck::tidy-module LOCATION)\n"
                "message(STATUS \"cli=${cli}\")\n"
                "message(STATUS \"module=${module}\")\n"
                "message(STATUS \"variable=${contractcheck_TIDY_MODULE}\")\n");
  ProcessResult R =
      runProcess({CMAKE_COMMAND, "-S", Project.file("consumer"), "-B",
                  Project.file("consumer/build"), "-DCMAKE_PREFIX_PATH=" + Prefix->path()});
  ASSERT_EQ(R.ExitCode, 0) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("cli=" + Prefix->path() + "/bin/contractcheck\n"), std::string::npos)
      << R.Stdout;
  std::string Module = Prefix->path() + "/lib/contractcheck/libcontractcheck-tidy.so";
  EXPECT_NE(R.Stdout.find("module=" + Module + "\n"), std::string::npos) << R.Stdout;
  EXPECT_NE(R.Stdout.find("variable=" + Module + "\n"), std::string::npos) << R.Stdout;
}

} // namespace
} // namespace contractcheck::test

namespace contractcheck::test {
namespace {

// The .deb as Debian policy wants it (12.3, 12.5, 12.7): a machine-readable copyright file,
// changelog.Debian.gz, every document over 4 KiB compressed, an extended description in short
// lines; and lintian, where installed, finds no error.
TEST(DebianPackageTest, CarriesCopyrightChangelogAndCompressedDocs) {
  TempDir Out;
  ProcessResult Packed = runProcess({CPACK_COMMAND, "-G", "DEB", "-B", Out.path(), "--config",
                                     std::string(PROJECT_BINARY_DIR) + "/CPackConfig.cmake"});
  ASSERT_EQ(Packed.ExitCode, 0) << Packed.Stdout << Packed.Stderr;
  std::string Deb;
  for (const auto &Entry : std::filesystem::directory_iterator(Out.path()))
    if (Entry.path().extension() == ".deb")
      Deb = Entry.path().string();
  ASSERT_FALSE(Deb.empty()) << Packed.Stdout;

  ProcessResult Listing = runProcess({"dpkg-deb", "--contents", Deb});
  ASSERT_EQ(Listing.ExitCode, 0) << Listing.Stderr;
  const std::string DocDir = "./usr/share/doc/contractcheck/";
  bool Copyright = false, Changelog = false;
  std::istringstream Lines(Listing.Stdout);
  for (std::string Line; std::getline(Lines, Line);) {
    // -rw-r--r-- root/root  1944 2026-12-05 04:47 ./usr/share/doc/contractcheck/copyright
    std::istringstream Fields(Line);
    std::string Mode, Owner, Date, Time, Path;
    long long Size = 0;
    Fields >> Mode >> Owner >> Size >> Date >> Time >> Path;
    if (Mode.empty() || Mode[0] != '-' || Path.rfind(DocDir, 0) != 0)
      continue;
    std::string Name = std::filesystem::path(Path).filename().string();
    Copyright |= Path == DocDir + "copyright";
    Changelog |= Path == DocDir + "changelog.Debian.gz";
    bool Compressed = Name.ends_with(".gz") || Name.ends_with(".png");
    EXPECT_TRUE(Compressed || Size <= 4096 || Name == "copyright") << Path << " is not compressed";
  }
  EXPECT_TRUE(Copyright) << Listing.Stdout;
  EXPECT_TRUE(Changelog) << Listing.Stdout;

  // Without git, contract-switch-coverage's default `history: git` cannot say which
  // enumerators are newer than a switch and reports every one: a CI image that installs the
  // package with its recommendations (GitLab's debian:12 job in docs/ci.md) must get git.
  ProcessResult Recommends = runProcess({"dpkg-deb", "--field", Deb, "Recommends"});
  ASSERT_EQ(Recommends.ExitCode, 0) << Recommends.Stderr;
  std::vector<std::string> Recommended;
  std::istringstream Items(Recommends.Stdout);
  for (std::string Item; std::getline(Items, Item, ',');) {
    Item.erase(0, Item.find_first_not_of(" \n"));
    Item.erase(Item.find_last_not_of(" \n") + 1);
    Recommended.push_back(Item.substr(0, Item.find(' ')));
  }
  for (const char *Package : {"git", "clang-tidy-19"})
    EXPECT_TRUE(std::find(Recommended.begin(), Recommended.end(), Package) != Recommended.end())
        << Package << " is not recommended; Recommends: " << Recommends.Stdout;

  ProcessResult Description = runProcess({"dpkg-deb", "--field", Deb, "Description"});
  std::istringstream DescriptionLines(Description.Stdout);
  for (std::string Line; std::getline(DescriptionLines, Line);)
    EXPECT_LT(Line.size(), 80u) << Line;

  if (!std::filesystem::exists("/usr/bin/lintian"))
    GTEST_SKIP() << "lintian is not installed; the policy checks above ran";
  ProcessResult Lintian = runProcess({"lintian", "--fail-on", "error", Deb});
  EXPECT_EQ(Lintian.ExitCode, 0) << Lintian.Stdout << Lintian.Stderr;
}

} // namespace
} // namespace contractcheck::test
