// The temporaries of a run are not left behind: the shared headers' precompiled prefixes (up to
// 180 MB each) and the store's and the report's temporary files are removed when SIGINT, SIGTERM
// or SIGHUP ends the run, and what a run killed with SIGKILL left is reaped by the next run: only
// where contractcheck puts its own temporaries, only what is older than that run and belongs to a
// process that is gone. Real signals, sent once the tool has written its precompiled prefix.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <filesystem>
#include <unistd.h>

namespace contractcheck::test {
namespace {

namespace fs = std::filesystem;

// Entries of Dir whose name starts with Prefix.
std::vector<std::string> entriesStartingWith(const std::string &Dir, const std::string &Prefix) {
  std::vector<std::string> Found;
  for (const auto &E : fs::directory_iterator(Dir))
    if (E.path().filename().string().rfind(Prefix, 0) == 0)
      Found.push_back(E.path().string());
  return Found;
}

// A precompiled prefix written in one of the run's temporary directories in Tmp.
bool prefixWritten(const std::string &Tmp) {
  for (const std::string &Dir : entriesStartingWith(Tmp, "contractcheck-headers-")) {
    std::error_code EC;
    for (fs::directory_iterator It(Dir, EC), End; !EC && It != End; It.increment(EC))
      if (It->path().extension() == ".pch")
        return true;
  }
  return false;
}

// Whether Text is a whole result entry: a header line and the outcome, each a JSON document.
bool completeEntry(const std::string &Text) {
  size_t End = Text.find('\n');
  return End != std::string::npos &&
         !nlohmann::json::parse(Text.substr(0, End), nullptr, false).is_discarded() &&
         !nlohmann::json::parse(Text.substr(End + 1), nullptr, false).is_discarded();
}

// The files under the store whose name says they are temporaries, and the result entries that
// are not complete.
std::vector<std::string> storeLeftovers(const std::string &Store) {
  std::vector<std::string> Found;
  std::error_code EC;
  for (fs::recursive_directory_iterator It(Store, EC), End; !EC && It != End; It.increment(EC)) {
    std::string Name = It->path().filename().string();
    if (Name.find(".tmp-") != std::string::npos)
      Found.push_back(It->path().string());
    else if (It->is_regular_file() && It->path().extension() == ".json" &&
             !completeEntry(readFile(It->path().string())))
      Found.push_back(It->path().string() + " (not a complete entry)");
  }
  return Found;
}

// A process id no process has: one that ended.
std::string deadPid() {
  ProcessResult R = runProcess({"sh", "-c", "echo $$"});
  return std::to_string(std::stoi(R.Stdout));
}

class TemporariesTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::string Headers = "#include <map>\n#include <string>\n#include <vector>\n";
    std::vector<std::string> Sources{
        Project.write("a.cpp", Headers + switchMissingOne("a")),
        Project.write("b.cpp", Headers + slowToParse(2000000000000L))};
    writeCompilationDatabase(Project.file("build"), Sources,
                             {"-std=c++20", "-fconstexpr-steps=2147483647"});
  }

  std::vector<std::string> command(const std::string &Timeout = "0") const {
    return {"env", "TMPDIR=" + Tmp.path(), contractcheckBinary(), "-p", Project.file("build"),
            "--shared-headers=always", "-j", "2", "--quiet", "--tu-timeout", Timeout};
  }
  std::string store() const { return Project.file("build/.contractcheck-cache"); }

  TempDir Project, Tmp;
};

class SignalledRunTest : public TemporariesTest, public ::testing::WithParamInterface<int> {};

TEST_P(SignalledRunTest, RemovesThePrecompiledPrefixesAndLeavesNoPartialEntry) {
  BackgroundProcess Run(command());
  ASSERT_TRUE(waitUntil([&] { return prefixWritten(Tmp.path()); }));
  // a.cpp is stored, b.cpp is still being parsed.
  ASSERT_TRUE(waitUntil([&] { return storedResults(store()) >= 1; }));
  Run.signal(GetParam());
  ProcessResult R = Run.wait();
  EXPECT_EQ(R.ExitCode, 128 + GetParam()) << R.Stderr;
  EXPECT_EQ(entriesStartingWith(Tmp.path(), "contractcheck-headers-"), std::vector<std::string>{});
  EXPECT_EQ(storeLeftovers(store()), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(Signals, SignalledRunTest, ::testing::Values(SIGINT, SIGTERM, SIGHUP));

TEST_F(TemporariesTest, WhatAKilledRunLeftIsReapedByTheNextRun) {
  {
    BackgroundProcess Run(command());
    ASSERT_TRUE(waitUntil([&] { return prefixWritten(Tmp.path()); }));
    Run.signal(SIGKILL);
    EXPECT_EQ(Run.wait().ExitCode, 128 + SIGKILL);
  }
  std::vector<std::string> Left = entriesStartingWith(Tmp.path(), "contractcheck-headers-");
  ASSERT_EQ(Left.size(), 1u) << "nothing runs on SIGKILL";
  // A live process's directory is its own, and so is what merely looks like ours.
  std::string Live =
      Tmp.write("contractcheck-headers-" + std::to_string(getpid()) + "-abcdef/x.pch", "");
  std::string NotOurs = Tmp.write("contractcheck-headers-x/y.pch", "");
  ProcessResult R = runProcess(command("2"));
  EXPECT_EQ(R.ExitCode, 3) << R.Stderr; // b.cpp times out
  EXPECT_FALSE(fs::exists(Left[0])) << "the killed run's precompiled prefixes are still there";
  EXPECT_TRUE(fs::exists(Live));
  EXPECT_TRUE(fs::exists(NotOurs));
  EXPECT_EQ(entriesStartingWith(Tmp.path(), "contractcheck-headers-").size(), 2u);
}

TEST_F(TemporariesTest, StoreTemporariesOfAProcessThatIsGoneAreReaped) {
  std::string Dead = deadPid();
  std::string Shard = "build/.contractcheck-cache/ab/";
  std::string Reaped = Project.write(Shard + ".k.json.tmp-" + Dead + "-1234", "half");
  std::string Live = Project.write(Shard + ".l.json.tmp-" + std::to_string(getpid()) + "-1234", "half");
  // Newer than the run: not left by an earlier one.
  std::string Newer = Project.write(Shard + ".n.json.tmp-" + Dead + "-1234", "half");
  ASSERT_EQ(runProcess({"touch", "-d", "+1 hour", Newer}).ExitCode, 0);
  // Only the store's own temporaries: not a link named like one, nor a file outside the store.
  std::string Target = Project.write("target.txt", "kept");
  std::string Link = Project.file(Shard + ".m.json.tmp-" + Dead + "-1234");
  fs::create_symlink(Target, Link);
  std::string Outside = Project.write("build/.o.json.tmp-" + Dead + "-1234", "half");
  ProcessResult R = runProcess(command("2"));
  EXPECT_EQ(R.ExitCode, 3) << R.Stderr; // b.cpp times out
  EXPECT_FALSE(fs::exists(Reaped));
  EXPECT_TRUE(fs::exists(Live)) << "a live process's temporary is its own";
  EXPECT_TRUE(fs::exists(Newer));
  EXPECT_TRUE(fs::is_symlink(Link));
  EXPECT_EQ(readFile(Target), "kept");
  EXPECT_TRUE(fs::exists(Outside));
}

} // namespace
} // namespace contractcheck::test
