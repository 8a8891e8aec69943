// One file at a time takes its stored scan of system headers (engine/StoredScans.h) instead of
// preprocessing the TU again while nothing the scan depends on changed: the TU's text up to its
// last #include, and every file and lookup of the scan. An edit above that point, or a new
// #include, is scanned again, and the report is what a parse of every header gives.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace contractcheck::test {
namespace {

namespace fs = std::filesystem;

constexpr const char *Loaded = "with its system headers precompiled in the result store";

class StoredScanTest : public ::testing::Test {
protected:
  void SetUp() override {
    // A library on -isystem whose enum depends on a configuration macro, as a vendored SDK's
    // does: a TU that defines it before the include must not get the header precompiled
    // without it.
    Project.write("sys/modes.h", "#pragma once\n#ifdef WITH_DRAINING\n"
                                 "enum class Mode { Idle, Busy, Draining };\n#else\n"
                                 "enum class Mode { Idle, Busy };\n#endif\n");
    Project.write("sys/extra.h", "#pragma once\nenum class Extra { One, Two };\n");
    Source = Project.write("a.cpp", Body);
    writeCompilationDatabase(Project.path(), {Source},
                             {"-std=c++20", "-isystem", Project.path() + "/sys"});
  }

  std::string store() const { return Project.path() + "/store"; }

  nlohmann::json run(std::vector<std::string> Args, std::string *Stderr = nullptr) {
    Args.insert(Args.begin(), {"-p", Project.path(), "--format", "json", Source});
    ProcessResult R = runContractcheck(Args);
    EXPECT_LE(R.ExitCode, 1) << R.Stdout << R.Stderr;
    if (Stderr)
      *Stderr = R.Stderr;
    return nlohmann::json::parse(R.Stdout);
  }
  // A run, then its prefix builder (engine/PrefixBuilder.h), which scans a TU whose scan was
  // not stored: what the next run finds stored.
  nlohmann::json withStore(std::string *Stderr = nullptr) {
    nlohmann::json Report = run({"--cache-dir", store()}, Stderr);
    waitForPrefixBuilders(store());
    return Report;
  }
  // What parsing every header of the TU reports.
  nlohmann::json parsed() { return run({"--no-cache", "--shared-headers=never"}); }

  // The one stored scan, and which file it is (device, inode, modification time): a run that
  // scans again writes a new file over it.
  fs::path storedScan() const {
    std::vector<fs::path> Found;
    if (fs::exists(store() + "/scans"))
      for (const auto &E : fs::directory_iterator(store() + "/scans"))
        if (E.path().extension() == ".scan")
          Found.push_back(E.path());
    EXPECT_EQ(Found.size(), 1u);
    return Found.empty() ? fs::path() : Found.front();
  }
  std::string identity(const fs::path &File) const {
    struct stat Info {};
    if (::stat(File.c_str(), &Info) != 0)
      return "missing";
    return std::to_string(Info.st_dev) + ":" + std::to_string(Info.st_ino) + ":" +
           std::to_string(Info.st_mtim.tv_sec) + "." + std::to_string(Info.st_mtim.tv_nsec);
  }
  std::vector<std::string> storedPrefixHeaders() const {
    std::vector<std::string> Texts;
    if (fs::exists(store() + "/prefixes"))
      for (const auto &E : fs::directory_iterator(store() + "/prefixes"))
        if (E.path().extension() == ".hpp")
          Texts.push_back(readFile(E.path().string()));
    return Texts;
  }

  static constexpr const char *Body = "#include <modes.h>\n"
                                      "int byMode(Mode m) {\n  switch (m) {\n"
                                      "  case Mode::Idle:\n    return 0;\n"
                                      "  case Mode::Busy:\n    return 1;\n  default:\n"
                                      "    return 2;\n  }\n}\n";
  TempDir Project;
  std::string Source;
};

TEST_F(StoredScanTest, AnEditBelowTheIncludesTakesTheStoredScan) {
  nlohmann::json First = withStore();
  fs::path Scan = storedScan();
  std::string Stored = identity(Scan);
  std::ofstream(Source, std::ios::app) << "int added() { return 3; }\n";
  std::string Stderr;
  nlohmann::json Second = withStore(&Stderr);
  EXPECT_EQ(identity(Scan), Stored) << "the TU was scanned again";
  EXPECT_NE(Stderr.find(Loaded), std::string::npos) << Stderr;
  EXPECT_EQ(Second, parsed());
  EXPECT_EQ(Second, First);
}

TEST_F(StoredScanTest, AMacroDefinedAboveTheIncludesIsScannedAgain) {
  nlohmann::json Before = withStore();
  EXPECT_EQ(Before["map"].dump().find("Draining"), std::string::npos) << Before;
  EXPECT_NE(Before["map"].dump().find("Busy"), std::string::npos) << Before;
  // modes.h now reads a macro the TU defines first: it may no longer be precompiled ahead of
  // the TU's code, and Mode gains Draining (the report maps the enum the switch is over).
  Project.write("a.cpp", std::string("#define WITH_DRAINING\n") + Body);
  nlohmann::json After = withStore();
  EXPECT_NE(After["map"].dump().find("Draining"), std::string::npos) << After;
  EXPECT_EQ(After, parsed());
}

TEST_F(StoredScanTest, AnIncludeAddedBelowTheOthersIsScannedAgain) {
  withStore();
  ASSERT_EQ(storedPrefixHeaders().size(), 1u);
  std::ofstream(Source, std::ios::app) << "#include <extra.h>\nint byExtra(Extra e) {\n"
                                          "  switch (e) {\n  case Extra::One:\n    return 0;\n"
                                          "  default:\n    return 1;\n  }\n}\n";
  nlohmann::json After = withStore();
  EXPECT_EQ(After, parsed());
  // Its prefix now holds extra.h too: the scan saw the new #include.
  std::vector<std::string> Headers = storedPrefixHeaders();
  EXPECT_TRUE(std::any_of(Headers.begin(), Headers.end(), [](const std::string &Text) {
    return Text.find("<extra.h>") != std::string::npos;
  })) << ::testing::PrintToString(Headers);
}

TEST_F(StoredScanTest, AnEditedSystemHeaderIsScannedAgain) {
  withStore();
  fs::path Scan = storedScan();
  std::string Stored = identity(Scan);
  Project.write("sys/modes.h", "#pragma once\n#include <extra.h>\nenum class Mode { Idle, Busy };\n");
  std::ofstream(Source, std::ios::app) << "// edited\n";
  nlohmann::json After = withStore();
  EXPECT_NE(identity(Scan), Stored) << "the stale scan was taken";
  EXPECT_EQ(After, parsed());
}

TEST_F(StoredScanTest, ADamagedScanIsAMiss) {
  nlohmann::json Expected = withStore();
  fs::path Scan = storedScan();
  std::string Text = readFile(Scan.string());
  std::ofstream(Scan, std::ios::trunc) << Text.substr(0, Text.size() / 2);
  std::ofstream(Source, std::ios::app) << "// edited\n";
  EXPECT_EQ(withStore(), Expected);
  // Scanned again and stored whole: the next run takes it.
  std::string Rewritten = identity(storedScan());
  std::ofstream(Source, std::ios::app) << "// edited again\n";
  EXPECT_EQ(withStore(), Expected);
  EXPECT_EQ(identity(storedScan()), Rewritten);
}

} // namespace
} // namespace contractcheck::test
