// The result store as CI and pre-commit use it: warm re-runs parse nothing, an edit re-parses
// exactly what read it, a damaged or foreign entry is recomputed, concurrent runs do not corrupt
// it, and every way of running (-j1, -j2, warm, sharded extract + check) reports the same.
#include "CliTestSupport.h"
#include "ContentHash.h"
#include "MockSources.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>
#include <sys/stat.h>

namespace contractcheck::test {
namespace {

namespace fs = std::filesystem;

constexpr int FindingsFound = 1, Incomplete = 3;

class ResultStoreTest : public ::testing::Test {
protected:
  void SetUp() override {
    Project.write("include/state.h", "#pragma once\nenum class State { Open, Closed, Half, Shut };\n");
    Project.write("include/other.h", "#pragma once\nenum class Other { A, B };\n");
    Files = {Project.write("src/a.cpp", "#include \"state.h\"\n"
                                        "int a(State s) {\n"
                                        "  switch (s) { case State::Open: return 1; case State::Closed: return 2; case State::Half: return 3; default: return 0; }\n"
                                        "}\n"),
             Project.write("src/b.cpp", "#include \"other.h\"\n"
                                        "int b(Other o) { switch (o) { case Other::A: return 1; default: return 0; } }\n"),
             Project.write("src/c.cpp", "#include \"state.h\"\nint c() { return 3; }\n")};
    writeCompilationDatabase(Build(), Files, {"-std=c++20", "-I" + Project.file("include")});
  }

  std::string Build() const { return Project.path() + "/build"; }
  std::string Store() const { return Build() + "/.contractcheck-cache"; }

  ProcessResult run(std::vector<std::string> Args) {
    Args.insert(Args.begin(), {"-p", Build(), "--format", "json"});
    return runContractcheck(Args, Project.path());
  }

  static nlohmann::json findings(const ProcessResult &R) {
    return nlohmann::json::parse(R.Stdout)["findings"];
  }

  std::vector<fs::path> entries() const {
    std::vector<fs::path> Found;
    for (const auto &E : fs::recursive_directory_iterator(Store()))
      if (E.path().extension() == ".json")
        Found.push_back(E.path());
    return Found;
  }

  // An entry is a header line (format, build, key, checksum), then the outcome's text.
  static std::pair<nlohmann::json, std::string> entryParts(const fs::path &Entry) {
    std::string Text = readFile(Entry.string());
    size_t End = Text.find('\n');
    return {nlohmann::json::parse(Text.substr(0, End)), Text.substr(End + 1)};
  }
  // The summary of the last run's results (engine/StoredRun.h), which serves a warm run before
  // any entry is opened: removed by the tests of the entries themselves.
  void removeRunSummary() const { fs::remove_all(Store() + "/runs"); }
  static nlohmann::json storedOutcome(const fs::path &Entry) {
    return nlohmann::json::parse(entryParts(Entry).second);
  }

  TempDir Project;
  std::vector<std::string> Files;
};

TEST_F(ResultStoreTest, AWarmRunParsesNothingAndReportsTheSame) {
  ProcessResult Cold = run({});
  ASSERT_EQ(Cold.ExitCode, FindingsFound) << Cold.Stderr;
  EXPECT_EQ(findings(Cold).size(), 1u);
  EXPECT_EQ(entries().size(), 3u);
  ProcessResult Warm = run({});
  EXPECT_EQ(Warm.ExitCode, FindingsFound) << Warm.Stderr;
  EXPECT_EQ(findings(Warm), findings(Cold));
  EXPECT_NE(Warm.Stderr.find("(3 unchanged, from the result store)"), std::string::npos)
      << Warm.Stderr;
  ProcessResult Uncached = run({"--no-cache"});
  EXPECT_EQ(findings(Uncached), findings(Cold));
  EXPECT_EQ(Uncached.Stderr.find("from the result store"), std::string::npos) << Uncached.Stderr;
}

TEST_F(ResultStoreTest, AnEditedHeaderReparsesExactlyTheTUsThatReadIt) {
  run({});
  Project.write("include/state.h",
                "#pragma once\nenum class State { Open, Closed, Half, Gone };\n");
  ProcessResult R = run({});
  EXPECT_NE(R.Stderr.find("(1 unchanged, from the result store)"), std::string::npos) << R.Stderr;
  ASSERT_EQ(findings(R).size(), 1u);
  EXPECT_NE(findings(R)[0]["message"].get<std::string>().find("State::Gone"), std::string::npos);
}

std::vector<fs::path> runSummaries(const std::string &Store) {
  std::vector<fs::path> Found;
  if (fs::is_directory(Store + "/runs"))
    for (const auto &E : fs::directory_iterator(Store + "/runs"))
      Found.push_back(E.path());
  return Found;
}

// A run's results are kept in one file besides the TUs' entries (engine/StoredRun.h): a warm
// run takes every TU from it, each file and lookup checked once, without opening an entry. A
// TU whose reads changed is not taken from it (parsed, as from a stale entry), the others are,
// and the next summary holds the new result.
TEST_F(ResultStoreTest, AWarmRunTakesEveryTUFromTheRunsSummaryWithoutOpeningAnEntry) {
  ProcessResult Cold = run({});
  ASSERT_EQ(Cold.ExitCode, FindingsFound) << Cold.Stderr;
  ASSERT_EQ(runSummaries(Store()).size(), 1u);
  for (const fs::path &Entry : entries())
    fs::remove(Entry);
  for (const char *Workers : {"-j1", "-j2"}) {
    ProcessResult Warm = run({Workers});
    EXPECT_EQ(Warm.ExitCode, FindingsFound) << Warm.Stderr;
    EXPECT_EQ(findings(Warm), findings(Cold));
    EXPECT_NE(Warm.Stderr.find("(3 unchanged, from the result store)"), std::string::npos)
        << Workers << "\n" << Warm.Stderr;
    EXPECT_TRUE(entries().empty()); // nothing analysed, nothing stored
  }
  // a.cpp and c.cpp read state.h: stale in the summary, with no entry to fall back on.
  Project.write("include/state.h",
                "#pragma once\nenum class State { Open, Closed, Half, Gone };\n");
  ProcessResult Edited = run({});
  EXPECT_NE(Edited.Stderr.find("(1 unchanged, from the result store)"), std::string::npos)
      << Edited.Stderr;
  ASSERT_EQ(findings(Edited).size(), 1u);
  EXPECT_NE(findings(Edited)[0]["message"].get<std::string>().find("State::Gone"),
            std::string::npos);
  EXPECT_EQ(entries().size(), 2u);
  // The summary the edited run wrote holds all three again: b.cpp's taken from the last one.
  for (const fs::path &Entry : entries())
    fs::remove(Entry);
  ProcessResult Again = run({});
  EXPECT_NE(Again.Stderr.find("(3 unchanged, from the result store)"), std::string::npos)
      << Again.Stderr;
  EXPECT_EQ(findings(Again), findings(Edited));
}

// The summary is checked like an entry: a damaged one (its checksum), one of another build, one
// whose TUs' keys changed (an edited configuration) serve nothing; the entries do, and the run
// writes it anew.
TEST_F(ResultStoreTest, ADamagedOrForeignRunsSummaryServesNothing) {
  ProcessResult Cold = run({});
  ASSERT_EQ(Cold.ExitCode, FindingsFound) << Cold.Stderr;
  std::vector<fs::path> Summaries = runSummaries(Store());
  ASSERT_EQ(Summaries.size(), 1u);
  std::string Good = readFile(Summaries[0].string());
  size_t Body = Good.find('\n') + 1;
  std::string Damaged = Good;
  size_t Some = Damaged.find("State", Body);
  ASSERT_NE(Some, std::string::npos);
  Damaged[Some] = 'Z'; // still JSON, a name changed: only the checksum tells
  std::string Foreign = Good;
  size_t Build = Foreign.find("\"build\":\"") + 9;
  Foreign[Build] = Foreign[Build] == '0' ? '1' : '0';
  for (const std::string &Planted : {Damaged, Foreign, Good.substr(0, Good.size() / 2)}) {
    std::ofstream(Summaries[0], std::ios::trunc) << Planted;
    ProcessResult R = run({});
    EXPECT_EQ(findings(R), findings(Cold));
    EXPECT_NE(R.Stderr.find("(3 unchanged, from the result store)"), std::string::npos)
        << R.Stderr;
    EXPECT_TRUE(readFile(Summaries[0].string()) == Good); // written anew, as it was
  }
  // Another configuration: every key changes; the summary's TUs are not this run's.
  Project.write(".contractcheck.yaml", "version: 1\nrules:\n  contract-switch-coverage:\n"
                                       "    severity: warning\n");
  for (const fs::path &Entry : entries())
    fs::remove(Entry);
  ProcessResult Configured = run({});
  EXPECT_EQ(Configured.Stderr.find("from the result store"), std::string::npos)
      << Configured.Stderr;
  ASSERT_EQ(findings(Configured).size(), 1u);
  EXPECT_EQ(findings(Configured)[0]["severity"], "warning") << Configured.Stdout;
}

// A single-file run (the hook's) takes the other TUs' facts for the global rules from the
// summary, and leaves it as it is when they all came from it: the given file's new result is
// made stale by its next edit, and rewriting the summary cost such a run more than it saved.
TEST_F(ResultStoreTest, ASingleFileRunTakesTheOtherTUsFactsFromTheRunsSummary) {
  ASSERT_EQ(run({}).ExitCode, FindingsFound);
  for (const fs::path &Entry : entries())
    fs::remove(Entry);
  std::vector<fs::path> Summaries = runSummaries(Store());
  ASSERT_EQ(Summaries.size(), 1u);
  std::string Before = readFile(Summaries[0].string());
  Project.write("src/c.cpp", "#include \"state.h\"\nint c() { return 4; }\n");
  ProcessResult Hook = run({Files[2]});
  EXPECT_EQ(Hook.ExitCode, 0) << Hook.Stderr;
  EXPECT_EQ(Hook.Stderr.find("analysing them once for the global rules"), std::string::npos)
      << Hook.Stderr;
  EXPECT_EQ(entries().size(), 1u); // c.cpp's own
  EXPECT_TRUE(readFile(Summaries[0].string()) == Before);
  // An edit the other TUs read: their facts come from their analysis, and the summary is
  // written with every TU's result.
  Project.write("include/other.h", "#pragma once\nenum class Other { A, B, C };\n");
  ProcessResult Header = run({Files[2]});
  EXPECT_NE(Header.Stderr.find("analysing them once for the global rules"), std::string::npos)
      << Header.Stderr;
  EXPECT_FALSE(readFile(Summaries[0].string()) == Before);
  for (const fs::path &Entry : entries())
    fs::remove(Entry);
  ProcessResult Warm = run({});
  EXPECT_NE(Warm.Stderr.find("(3 unchanged, from the result store)"), std::string::npos)
      << Warm.Stderr;
}

// A TU's result on one branch is found again after a checkout of another branch and back, as
// ccache finds a command's result for each set of inputs: the store kept one result per TU, and
// every switch re-analysed what the other branch had replaced. It keeps three besides the latest.
TEST_F(ResultStoreTest, SwitchingBranchesBackAndForthFindsEachBranchsResultAgain) {
  // The findings of a run on state.h's version Version, which took Unchanged TUs from the store.
  auto OnBranch = [&](int Version, int Unchanged) {
    Project.write("include/state.h", "#pragma once\nenum class State { Open, Closed, Half, V" +
                                         std::to_string(Version) + " };\n");
    ProcessResult R = run({});
    std::string Said = Unchanged
                           ? "(" + std::to_string(Unchanged) + " unchanged, from the result store)"
                           : "from the result store";
    EXPECT_EQ(R.Stderr.find(Said) != std::string::npos, Unchanged != 0)
        << "version " << Version << ": " << R.Stderr;
    return findings(R);
  };
  nlohmann::json First = OnBranch(1, 0), Second = OnBranch(2, 1);
  EXPECT_EQ(First.size(), 1u);
  EXPECT_EQ(OnBranch(1, 3), First);
  EXPECT_EQ(OnBranch(2, 3), Second);
  // Versions 1 to 5 stored in turn: 2 to 5 are kept (the latest and three earlier), 1 is not.
  for (int Version : {3, 4, 5})
    OnBranch(Version, 1);
  EXPECT_EQ(entries().size(), 3u + 2 * 3); // a.cpp and c.cpp read state.h
  EXPECT_EQ(OnBranch(2, 3), Second);
  EXPECT_EQ(OnBranch(1, 1), First);
  // The same for a TU's own file: an edit undone finds the result from before the edit.
  std::string Source = readFile(Files[2]);
  Project.write("src/c.cpp", Source + "int edited() { return 4; }\n");
  run({});
  Project.write("src/c.cpp", Source);
  ProcessResult Undone = run({});
  EXPECT_NE(Undone.Stderr.find("(3 unchanged, from the result store)"), std::string::npos)
      << Undone.Stderr;
}

// A rule's severity is given to its findings where they are merged, not stored with them: a
// severity-only edit takes every TU from the store, and every format and the exit code follow it.
TEST_F(ResultStoreTest, EditingOnlyASeverityReparsesNothing) {
  auto Severity = [&](const std::string &Level) {
    Project.write(".contractcheck.yaml",
                  "version: 1\nrules:\n  contract-switch-coverage: {severity: " + Level + "}\n");
  };
  Severity("error");
  ProcessResult Cold = run({});
  ASSERT_EQ(Cold.ExitCode, FindingsFound) << Cold.Stderr;
  ASSERT_EQ(findings(Cold).size(), 1u) << Cold.Stdout;
  EXPECT_EQ(findings(Cold)[0]["severity"], "error");

  Severity("warning");
  ProcessResult Warned = run({});
  EXPECT_EQ(Warned.ExitCode, 0) << Warned.Stdout << Warned.Stderr;
  EXPECT_NE(Warned.Stderr.find("(3 unchanged, from the result store)"), std::string::npos)
      << Warned.Stderr;
  ASSERT_EQ(findings(Warned).size(), 1u) << Warned.Stdout;
  EXPECT_EQ(findings(Warned)[0]["severity"], "warning");
  EXPECT_EQ(findings(Warned)[0]["message"], findings(Cold)[0]["message"]);
  ProcessResult Text = runContractcheck({"-p", Build()}, Project.path());
  EXPECT_NE(Text.Stdout.find(": warning: "), std::string::npos) << Text.Stdout;
  EXPECT_EQ(Text.Stdout.find(": error: "), std::string::npos) << Text.Stdout;
  ProcessResult Sarif = runContractcheck({"-p", Build(), "--format", "sarif"}, Project.path());
  nlohmann::json Results = nlohmann::json::parse(Sarif.Stdout)["runs"][0]["results"];
  ASSERT_EQ(Results.size(), 1u) << Sarif.Stdout;
  EXPECT_EQ(Results[0]["level"], "warning");
  EXPECT_EQ(runContractcheck({"-p", Build(), "--fail-on", "warning"}, Project.path()).ExitCode,
            FindingsFound);

  Severity("error");
  ProcessResult Back = run({});
  EXPECT_EQ(Back.ExitCode, FindingsFound) << Back.Stderr;
  EXPECT_NE(Back.Stderr.find("(3 unchanged, from the result store)"), std::string::npos)
      << Back.Stderr;
  EXPECT_EQ(findings(Back), findings(Cold));
}

// A TU whose switches are judged only in instantiations the standard library makes needs the
// parse that keeps library template bodies (BodySkipPolicy). Its entry remembers that, so after
// an edit its analysis starts there instead of finding it out with a wasted parse; the findings
// are the same either way.
TEST_F(ResultStoreTest, AnEntryRemembersThatItsTUNeededTemplateBodies) {
  std::string Library = readFile(fixturesDir() + "/contract-switch-coverage/instantiated-by-library.cpp");
  std::string Generic = Project.write("src/generic.cpp", Library);
  writeCompilationDatabase(Build(), {Files[0], Generic}, {"-std=c++17", "-I" + Project.file("include")});
  ProcessResult Cold = run({});
  ASSERT_EQ(Cold.ExitCode, FindingsFound) << Cold.Stderr;
  auto KeptBodies = [&](const std::string &Source) -> std::optional<bool> {
    for (const fs::path &Entry : entries()) {
      nlohmann::json Stored = storedOutcome(Entry);
      // Paths in an entry are relative to the TU's compile directory (here, the source's own).
      if (Stored["file"] == "${directory}/" + fs::path(Source).filename().string())
        return Stored["kept-template-bodies"].get<bool>();
    }
    return std::nullopt;
  };
  EXPECT_EQ(KeptBodies(Generic), true);
  EXPECT_EQ(KeptBodies(Files[0]), false);

  Project.write("src/generic.cpp", Library + "// edited\n");
  ProcessResult Edited = run({});
  EXPECT_EQ(findings(Edited), findings(Cold));
  EXPECT_EQ(KeptBodies(Generic), true);
}

TEST_F(ResultStoreTest, ATUWhoseTemplatesNoRuleJudgesIsParsedOnce) {
  // std::sort is given the project's Order, whose namespace has a function template: the
  // skipped library body could instantiate it, but nothing in it is judged per instantiation
  // (no switch over a template parameter, no mock), so the first parse is the analysis.
  std::string Plain = Project.write("src/plain.cpp", R"(#include <algorithm>
#include <vector>
namespace app {
struct Order { int Id; };
template <class T> T twice(T Value) { return Value + Value; }
inline bool operator<(const Order &A, const Order &B) { return A.Id < B.Id; }
} // namespace app
void order(std::vector<app::Order> &Orders) { std::sort(Orders.begin(), Orders.end()); }
int four() { return app::twice(2); }
)");
  writeCompilationDatabase(Build(), {Plain}, {"-std=c++17"});
  ProcessResult R = run({});
  ASSERT_EQ(R.ExitCode, 0) << R.Stderr;
  std::vector<fs::path> Stored = entries();
  ASSERT_EQ(Stored.size(), 1u);
  EXPECT_FALSE(storedOutcome(Stored[0])["kept-template-bodies"].get<bool>());
}

// Whether the TU's one stored result came from a parse that kept library template bodies.
TEST_F(ResultStoreTest, AMockIsParsedTwiceOnlyWhenALibraryBodyIsHandedIt) {
  auto Source = [](const std::string &Use) {
    return mockQueueSource() + R"(template <class T> struct Box { T Value; };
template <class T> T twice(T Value) { return Value + Value; }
struct Order { int Id; };
inline bool operator<(const Order &A, const Order &B) { return A.Id < B.Id; }
} // namespace app
void order(std::vector<app::Order> &Orders) { std::sort(Orders.begin(), Orders.end()); }
int size(app::MockQueue &Queue) { return app::Box<int>{Queue.size()}.Value; }
)" + Use;
  };
  auto KeptTemplateBodies = [&](const std::string &Use) {
    fs::remove_all(Build());
    std::string File = Project.write("src/mocks.cpp", Source(Use));
    writeCompilationDatabase(Build(), {File}, {"-std=c++17"});
    ProcessResult R = run({});
    EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
    std::vector<fs::path> Stored = entries();
    EXPECT_EQ(Stored.size(), 1u);
    return !Stored.empty() && storedOutcome(Stored[0])["kept-template-bodies"].get<bool>();
  };
  // A class template and a mock, and std::sort's skipped body is given app::Order, whose
  // namespace has a function template (declared after the mock: what a namespace holds counts
  // at the end of the TU), but no mock: it cannot form a specialization that pairs one.
  EXPECT_FALSE(KeptTemplateBodies(""));
  // Given the mocks it may, as gtest's TYPED_TEST over ::testing::Types<MockQueue> does.
  EXPECT_TRUE(KeptTemplateBodies("void order(std::vector<app::MockQueue *> &Queues) {\n"
                                 "  std::sort(Queues.begin(), Queues.end());\n}\n"));
}

TEST_F(ResultStoreTest, DamagedOrForeignEntriesAreRecomputed) {
  ProcessResult Cold = run({});
  std::vector<fs::path> Entries = entries();
  ASSERT_EQ(Entries.size(), 3u);
  { // truncated
    std::string Text = readFile(Entries[0].string());
    std::ofstream(Entries[0], std::ios::trunc) << Text.substr(0, Text.size() / 2);
  }
  { // valid JSON, damaged payload: the checksum no longer matches
    auto [Header, Outcome] = entryParts(Entries[1]);
    nlohmann::json Damaged = nlohmann::json::parse(Outcome);
    Damaged["errors"] = {"tampered"};
    std::ofstream(Entries[1], std::ios::trunc) << Header.dump() << '\n' << Damaged.dump();
  }
  { // written by another contractcheck build
    auto [Header, Outcome] = entryParts(Entries[2]);
    Header["build"] = "someone-else";
    std::ofstream(Entries[2], std::ios::trunc) << Header.dump() << '\n' << Outcome;
  }
  removeRunSummary();
  ProcessResult R = run({});
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stderr;
  EXPECT_EQ(findings(R), findings(Cold));
  EXPECT_EQ(R.Stderr.find("from the result store"), std::string::npos) << R.Stderr;
  ProcessResult Again = run({});
  EXPECT_NE(Again.Stderr.find("(3 unchanged, from the result store)"), std::string::npos)
      << Again.Stderr;
}

// A shared store may be poisoned by anyone who can write it, checksums and all (they tell damage,
// not intent): an entry or a summary whose outcome holds a member nested a million arrays deep
// ran the store's reader out of stack (SIGSEGV, the whole run lost). Deeper than anything the
// store writes, it is a miss: the TU is analysed again, and the store written anew.
TEST_F(ResultStoreTest, AStoredOutcomeNestedDeeperThanAnythingStoredIsAMissNotACrash) {
  ProcessResult Cold = run({});
  ASSERT_EQ(Cold.ExitCode, FindingsFound) << Cold.Stderr;
  // A member in front of the first outcome's others, the checksum of the body made to match.
  auto Poison = [](const fs::path &File, const std::string &Before) {
    std::string Text = readFile(File.string());
    size_t End = Text.find('\n');
    nlohmann::json Header = nlohmann::json::parse(Text.substr(0, End));
    std::string Body = Text.substr(End + 1);
    size_t At = Body.find(Before);
    ASSERT_NE(At, std::string::npos) << File;
    Body.insert(At + Before.size(),
                "\"deep\":" + std::string(1000000, '[') + std::string(1000000, ']') + ",");
    Header["checksum"] = contentHash(Body);
    std::ofstream(File, std::ios::trunc) << Header.dump() << '\n' << Body;
  };
  std::vector<fs::path> Summaries = runSummaries(Store());
  ASSERT_EQ(Summaries.size(), 1u);
  Poison(Summaries[0], "\"outcome\":{");
  ProcessResult FromSummary = run({});
  EXPECT_EQ(FromSummary.ExitCode, FindingsFound) << FromSummary.Stderr;
  EXPECT_EQ(findings(FromSummary), findings(Cold));
  EXPECT_NE(FromSummary.Stderr.find("(3 unchanged, from the result store)"), std::string::npos)
      << FromSummary.Stderr; // from the entries
  removeRunSummary();
  for (const fs::path &Entry : entries())
    Poison(Entry, "{");
  ProcessResult FromEntries = run({});
  EXPECT_EQ(FromEntries.ExitCode, FindingsFound) << FromEntries.Stderr;
  EXPECT_EQ(findings(FromEntries), findings(Cold));
  EXPECT_EQ(FromEntries.Stderr.find("from the result store"), std::string::npos)
      << FromEntries.Stderr;
  ProcessResult Again = run({});
  EXPECT_NE(Again.Stderr.find("(3 unchanged, from the result store)"), std::string::npos)
      << Again.Stderr;
}

TEST_F(ResultStoreTest, ARunAfterARebuildSaysWhyNothingCameFromTheStore) {
  ASSERT_EQ(run({}).ExitCode, FindingsFound);
  // What a rebuilt contractcheck finds: no entry under its keys (the build is part of each), and
  // the store last written by the build before it.
  for (const fs::path &Entry : entries())
    fs::remove(Entry);
  removeRunSummary(); // under another build's fingerprint
  std::ofstream(Store() + "/builds/last", std::ios::trunc) << "the build before";
  ProcessResult Rebuilt = run({});
  EXPECT_EQ(Rebuilt.ExitCode, FindingsFound) << Rebuilt.Stderr;
  EXPECT_NE(Rebuilt.Stderr.find("(none from the result store: its results are another "
                                "contractcheck build's, which this one does not read)"),
            std::string::npos)
      << Rebuilt.Stderr;
  ProcessResult Again = run({});
  EXPECT_NE(Again.Stderr.find("(3 unchanged, from the result store)"), std::string::npos)
      << Again.Stderr;
  // Entries missing from a store this build wrote last: nothing to say about builds.
  for (const fs::path &Entry : entries())
    fs::remove(Entry);
  removeRunSummary();
  ProcessResult Missing = run({});
  EXPECT_EQ(Missing.Stderr.find("another contractcheck build"), std::string::npos)
      << Missing.Stderr;
}

// A hook's commit of the configuration alone analyses every TU for the global rules and stores
// them: the store is this build's from then on. It still named the build before, so the next
// commit, whose one source had changed, blamed "another contractcheck build" for its miss.
TEST_F(ResultStoreTest, TheOtherTUsAHookRunStoresMakeTheStoreThisBuilds) {
  ASSERT_EQ(run({}).ExitCode, FindingsFound);
  for (const fs::path &Entry : entries())
    fs::remove(Entry);
  std::ofstream(Store() + "/builds/last", std::ios::trunc) << "the build before";
  std::string Config = Project.write(".contractcheck.yaml", "version: 1\n");
  ProcessResult Hook = run({Config});
  ASSERT_NE(Hook.Stderr.find("analysing them once for the global rules"), std::string::npos)
      << Hook.Stderr;
  ASSERT_EQ(entries().size(), 3u);
  Project.write("src/c.cpp", "#include \"state.h\"\nint c() { return 4; }\n");
  ProcessResult Next = run({Files[2]});
  EXPECT_EQ(Next.ExitCode, 0) << Next.Stderr;
  EXPECT_EQ(Next.Stderr.find("another contractcheck build"), std::string::npos) << Next.Stderr;
}

// An entry replaced by a FIFO or by a link to a device (a poisoned shared cache) is a miss: the
// run neither waits for a writer nor reads /dev/zero until memory runs out. 'check' only reads
// the store (what a run then writes over such an entry is the store's write path).
TEST_F(ResultStoreTest, AnEntryThatIsAFifoOrADeviceIsAMiss) {
  run({});
  std::vector<fs::path> Entries = entries();
  ASSERT_EQ(Entries.size(), 3u);
  fs::remove(Entries[0]);
  ASSERT_EQ(::mkfifo(Entries[0].c_str(), 0600), 0);
  fs::remove(Entries[1]);
  fs::create_symlink("/dev/zero", Entries[1]);
  removeRunSummary();
  ProcessResult R = runProcess(
      {"timeout", "60", contractcheckBinary(), "check", "-p", Build(), "--format", "json"},
      Project.path());
  EXPECT_EQ(R.ExitCode, Incomplete) << R.Stderr;
  nlohmann::json Failures = nlohmann::json::parse(R.Stdout)["failures"];
  ASSERT_EQ(Failures.size(), 2u) << R.Stdout;
  EXPECT_EQ(Failures[0]["status"], "not-extracted");
  EXPECT_EQ(Failures[1]["status"], "not-extracted");
}

TEST_F(ResultStoreTest, ConcurrentRunsLeaveAUsableStore) {
  ProcessResult First, Second;
  std::thread T([&] { First = run({"-j", "1"}); });
  Second = run({"-j", "1"});
  T.join();
  EXPECT_EQ(First.ExitCode, FindingsFound) << First.Stderr;
  EXPECT_EQ(Second.ExitCode, FindingsFound) << Second.Stderr;
  EXPECT_EQ(findings(First), findings(Second));
  for (const auto &E : fs::recursive_directory_iterator(Store()))
    EXPECT_EQ(E.path().string().find(".tmp-"), std::string::npos) << E.path();
  ProcessResult Warm = run({});
  EXPECT_NE(Warm.Stderr.find("(3 unchanged, from the result store)"), std::string::npos)
      << Warm.Stderr;
}

TEST_F(ResultStoreTest, CheckReportsFromTheStoreAloneAndNamesWhatWasNotExtracted) {
  ProcessResult Missing = run({"check"});
  EXPECT_EQ(Missing.ExitCode, 2) << "'check' is a subcommand, not a file: " << Missing.Stderr;
  ProcessResult NotExtracted = runContractcheck({"check", "-p", Build(), "--format", "json"},
                                                Project.path());
  EXPECT_EQ(NotExtracted.ExitCode, Incomplete) << NotExtracted.Stderr;
  EXPECT_EQ(nlohmann::json::parse(NotExtracted.Stdout)["failures"][0]["status"], "not-extracted");
  ProcessResult Extract = runContractcheck({"extract", "-p", Build(), Files[0]}, Project.path());
  EXPECT_EQ(Extract.ExitCode, 0) << Extract.Stderr;
  EXPECT_EQ(Extract.Stdout, "");
  ProcessResult Check = runContractcheck({"check", "-p", Build(), "--format", "json", Files[0]},
                                         Project.path());
  EXPECT_EQ(Check.ExitCode, FindingsFound) << Check.Stderr;
  EXPECT_EQ(nlohmann::json::parse(Check.Stdout)["findings"].size(), 1u);
}

TEST_F(ResultStoreTest, ExtractWritesADepfileOfWhatTheTUReadForTheBuildSystem) {
  std::string Depfile = Project.file("out/a.d"), Stamp = Project.file("out/a.stamp");
  fs::create_directories(Project.file("out"));
  ProcessResult R = runContractcheck(
      {"extract", "-p", Build(), "--depfile", Depfile, "--stamp", Stamp, Files[0]},
      Project.path());
  ASSERT_EQ(R.ExitCode, 0) << R.Stderr;
  std::string Text = readFile(Depfile);
  EXPECT_EQ(Text.rfind(Stamp + ":", 0), 0u) << Text;
  EXPECT_NE(Text.find("include/state.h"), std::string::npos) << Text;
  EXPECT_NE(Text.find("src/a.cpp"), std::string::npos) << Text;
  EXPECT_TRUE(fs::exists(Stamp));
}

// Ninja reads the depfile: a header whose directory holds a space, '#', '$' or a backslash
// before a space is tracked (editing it makes a.cpp's extraction dirty, and nothing else); one
// with a line break, which no depfile can name, leaves no stamp, so b.cpp is extracted by
// every build rather than trusted stale; and the depfile still parses.
TEST(DepfileTest, NinjaTracksHeadersWhoseNamesNeedEscapingAndAlwaysRedoesOneItCannotName) {
  TempDir Project;
  const std::vector<std::string> Odd = {"sp ace", "ha#sh", "dol$lar", "back\\ slash"};
  std::vector<std::string> Args{"-std=c++20"};
  std::string Includes;
  for (size_t I = 0; I < Odd.size(); ++I) {
    Project.write(Odd[I] + "/h" + std::to_string(I) + ".h", "#pragma once\n");
    Args.push_back("-I" + Project.file(Odd[I]));
    Includes += "#include \"h" + std::to_string(I) + ".h\"\n";
  }
  Project.write("new\nline/nl.h", "#pragma once\n");
  Args.push_back("-I" + Project.file("new\nline"));
  std::string A = Project.write("a.cpp", Includes + "int a() { return 1; }\n");
  std::string B = Project.write("b.cpp", "#include \"nl.h\"\nint b() { return 2; }\n");
  writeCompilationDatabase(Project.file("build"), {A, B}, Args);
  Project.write("build.ninja",
                "rule extract\n"
                "  command = " + contractcheckBinary() + " extract -p build --quiet"
                " --depfile $out.d --stamp $out $in\n"
                "  depfile = $out.d\n"
                "  description = EXTRACT $out\n"
                "build a.stamp: extract a.cpp\n"
                "build b.stamp: extract b.cpp\n");
  auto ninja = [&](std::vector<std::string> Extra) {
    std::vector<std::string> Command{"ninja", "-C", Project.path()};
    Command.insert(Command.end(), Extra.begin(), Extra.end());
    return runProcess(Command);
  };
  // Every input an hour old, so an edit is newer than any stamp whatever the clock's grain.
  for (const auto &Entry : fs::recursive_directory_iterator(Project.path()))
    if (Entry.is_regular_file())
      fs::last_write_time(Entry.path(), fs::file_time_type::clock::now() - std::chrono::hours(1));
  ProcessResult First = ninja({});
  ASSERT_EQ(First.ExitCode, 0) << First.Stdout << First.Stderr;
  EXPECT_NE(First.Stdout.find("a depfile cannot name '" + Project.file("new\nline/nl.h")),
            std::string::npos)
      << First.Stdout;
  EXPECT_TRUE(fs::exists(Project.file("a.stamp")));
  EXPECT_FALSE(fs::exists(Project.file("b.stamp")));

  auto Dirty = [&] {
    ProcessResult DryRun = ninja({"-n"});
    EXPECT_EQ(DryRun.ExitCode, 0) << DryRun.Stdout << DryRun.Stderr;
    return std::make_pair(DryRun.Stdout.find("EXTRACT a.stamp") != std::string::npos,
                          DryRun.Stdout.find("EXTRACT b.stamp") != std::string::npos);
  };
  EXPECT_EQ(Dirty(), std::make_pair(false, true));
  for (size_t I = 0; I < Odd.size(); ++I) {
    ASSERT_EQ(ninja({}).ExitCode, 0);
    EXPECT_EQ(Dirty(), std::make_pair(false, true)) << "dirty before the edit of " << Odd[I];
    fs::last_write_time(Project.file(Odd[I] + "/h" + std::to_string(I) + ".h"),
                        fs::file_time_type::clock::now());
    EXPECT_EQ(Dirty(), std::make_pair(true, true)) << "editing a header in '" << Odd[I]
                                                   << "' does not re-extract";
  }
}

// Global steps judge from facts of several TUs: however the facts were gathered, the report is
// the same.
TEST(ResultStoreDeterminismTest, EveryWayOfRunningGivesTheSameReport) {
  TempDir Build;
  std::string Fixture = fixturesDir() + "/contract-mock-drift/cross-tu-co-instantiation";
  std::vector<std::string> Sources;
  for (const auto &E : fs::directory_iterator(Fixture))
    if (E.path().extension() == ".cpp")
      Sources.push_back(E.path().string());
  std::sort(Sources.begin(), Sources.end());
  writeCompilationDatabase(Build.path(), Sources, {"-std=c++20"});
  auto Report = [&](std::vector<std::string> Args) {
    Args.insert(Args.begin(), {"-p", Build.path(), "--format", "json"});
    ProcessResult R = runContractcheck(Args);
    EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stderr;
    return nlohmann::json::parse(R.Stdout)["findings"];
  };
  nlohmann::json Serial = Report({"-j", "1", "--no-cache"});
  ASSERT_GE(Serial.size(), 3u) << Serial.dump(2); // the fixture's expected findings
  EXPECT_EQ(Report({"-j", "2", "--no-cache"}), Serial);
  std::string Cache = Build.path() + "/store";
  EXPECT_EQ(Report({"-j", "2", "--cache-dir", Cache}), Serial); // cold, fills the store
  EXPECT_EQ(Report({"-j", "1", "--cache-dir", Cache}), Serial); // warm
  std::string Shards = Build.path() + "/shards";
  for (auto It = Sources.rbegin(); It != Sources.rend(); ++It) // one shard per TU, any order
    EXPECT_EQ(runContractcheck({"extract", "-p", Build.path(), "--cache-dir", Shards, *It}).ExitCode,
              0);
  ProcessResult Check =
      runContractcheck({"check", "-p", Build.path(), "--cache-dir", Shards, "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(Check.Stdout)["findings"], Serial);
}

// The report's maps are drawn from facts and global steps alike: a cold, warm or sharded run of
// the example (every consumer kind its rules map, a mock) draws the same maps.
TEST(ResultStoreDeterminismTest, EveryWayOfRunningDrawsTheSameMaps) {
  TempDir Build;
  std::string Example = sourceDir() + "/examples";
  std::vector<std::string> Sources = writeExampleDatabase(Build.path());
  auto Maps = [&](std::vector<std::string> Args) {
    Args.insert(Args.end(), {"-p", Build.path(), "--format", "json"});
    ProcessResult R = runContractcheck(Args, Example);
    EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stderr;
    return nlohmann::json::parse(R.Stdout)["map"];
  };
  nlohmann::json Serial = Maps({"-j", "1", "--no-cache"});
  ASSERT_EQ(Serial["version"], 1);
  std::set<std::string> Kinds;
  for (const nlohmann::json &Enum : Serial["enums"])
    for (const nlohmann::json &Consumer : Enum["consumers"])
      Kinds.insert(Consumer["kind"].get<std::string>());
  EXPECT_EQ(Kinds, (std::set<std::string>{"data-file", "json-serialize-enum", "proto", "python",
                                          "schema", "string-to-enum", "switch", "table"}))
      << Serial.dump(2);
  std::set<std::string> StandIns;
  for (const nlohmann::json &Service : Serial["services"])
    for (const nlohmann::json &StandIn : Service["stand_ins"])
      StandIns.insert(StandIn["kind"].get<std::string>());
  EXPECT_EQ(StandIns,
            (std::set<std::string>{"declared contract", "mock", "string-dispatched name"}))
      << Serial.dump(2);
  std::string Cache = Build.path() + "/store";
  EXPECT_EQ(Maps({"-j", "2", "--cache-dir", Cache}), Serial); // cold, fills the store
  EXPECT_EQ(Maps({"-j", "1", "--cache-dir", Cache}), Serial); // warm
  std::string Shards = Build.path() + "/shards";
  for (auto It = Sources.rbegin(); It != Sources.rend(); ++It) // one shard per TU, any order
    EXPECT_EQ(runContractcheck({"extract", "-p", Build.path(), "--cache-dir", Shards, *It}, Example)
                  .ExitCode,
              0);
  EXPECT_EQ(Maps({"check", "--cache-dir", Shards}), Serial);
}

} // namespace
} // namespace contractcheck::test
