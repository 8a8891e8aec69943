// One file at a time (the pre-commit hook, extract of one TU) loads its system headers
// precompiled from the result store (engine/StoredPrefixes.h) and reports exactly what a run
// that parses them reports; a prefix whose headers changed, or whose stored files are damaged,
// is never loaded.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/file.h>
#include <unistd.h>

namespace contractcheck::test {
namespace {

namespace fs = std::filesystem;

constexpr const char *Loaded = "with its system headers precompiled in the result store";
constexpr const char *LeftToBuilder =
    "precompiling the system headers in the background for the next run";

class StoredPrefixTest : public ::testing::Test {
protected:
  void SetUp() override {
    // A library on -isystem, as gMock or a vendored SDK is: its enum is mapped by the report
    // (every enumerator a row), so an edit of the header shows in the report.
    Project.write("sys/modes.h", "#pragma once\nenum class Mode { Idle, Busy, Stopped };\n");
    Source = Project.write("a.cpp", "#include <modes.h>\n"
                                    "int byMode(Mode m) {\n  switch (m) {\n  case Mode::Idle:\n"
                                    "  case Mode::Busy:\n    return 0;\n  default:\n    return 1;\n"
                                    "  }\n}\n" +
                                        switchMissingOne("classify"));
    writeCompilationDatabase(Project.path(), {Source},
                             {"-std=c++20", "-isystem", Project.path() + "/sys"});
  }

  std::string store() const { return Project.path() + "/store"; }

  ProcessResult run(std::vector<std::string> Args) {
    Args.insert(Args.begin(), {"-p", Project.path(), "--format", "json", Source});
    ProcessResult R = runContractcheck(Args);
    EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr;
    return R;
  }
  // A run, then its prefix builder (engine/PrefixBuilder.h): what the next run finds stored.
  ProcessResult withStore() {
    ProcessResult R = run({"--cache-dir", store()});
    waitForPrefixBuilders(store());
    return R;
  }
  // What parsing every header of the TU reports.
  nlohmann::json parsed() {
    return nlohmann::json::parse(run({"--no-cache", "--shared-headers=never"}).Stdout);
  }
  // The TU's own text changes, so its stored result is stale and it is parsed again; its
  // system headers do not.
  void editSource() {
    std::ofstream(Source, std::ios::app) << "// edited " << ++Edits << "\n";
  }
  // After an edit of the TU, the next run loads its stored prefix and reports what parsing
  // every header reports: the example's one finding.
  nlohmann::json editedRunLoadsThePrefix() {
    editSource();
    ProcessResult R = withStore();
    EXPECT_NE(R.Stderr.find("(1 " + std::string(Loaded) + ")"), std::string::npos) << R.Stderr;
    nlohmann::json Report = nlohmann::json::parse(R.Stdout);
    EXPECT_EQ(Report["findings"].size(), 1u) << R.Stdout;
    EXPECT_EQ(Report, parsed());
    return Report;
  }
  std::vector<fs::path> storedPrefixFiles(const std::string &Extension) const {
    std::vector<fs::path> Found;
    if (fs::exists(store() + "/prefixes"))
      for (const auto &E : fs::directory_iterator(store() + "/prefixes"))
        if (E.path().extension() == Extension)
          Found.push_back(E.path());
    return Found;
  }

  TempDir Project;
  std::string Source;
  int Edits = 0;
};

TEST_F(StoredPrefixTest, TheSecondRunLoadsTheStoredPrefixAndReportsTheSame) {
  ProcessResult First = withStore();
  EXPECT_EQ(First.Stderr.find(Loaded), std::string::npos) << First.Stderr;
  ASSERT_EQ(storedPrefixFiles(".pch").size(), 1u) << "the first run stores the TU's prefix";
  ASSERT_EQ(storedPrefixFiles(".prefix").size(), 1u);
  nlohmann::json Report = editedRunLoadsThePrefix();
  EXPECT_EQ(nlohmann::json::parse(First.Stdout), Report);
}

TEST_F(StoredPrefixTest, ATUIncludingAHeaderWithoutAGuardLoadsThePrefixBeforeIt) {
  // As a protobuf-generated header does: port_def.inc, which has no include guard and fails
  // when read twice without port_undef.inc between, then a macro it defined, then
  // port_undef.inc. A prefix ending with port_def.inc fails the TU's parse, which reads it again.
  Project.write("sys/port_def.inc", "#ifdef PORT_VERSION\n#error port_def.inc read twice\n"
                                    "#endif\n#define PORT_VERSION 3\n");
  Project.write("sys/port_undef.inc", "#undef PORT_VERSION\n");
  std::string Text = readFile(Source);
  Project.write("a.cpp", "#include <modes.h>\n#include <port_def.inc>\n#if PORT_VERSION < 3\n"
                         "#error too old\n#endif\n#include <port_undef.inc>\n" +
                             Text);
  withStore();
  editedRunLoadsThePrefix();
}

TEST_F(StoredPrefixTest, AHeaderThatIncludesAboveItsGuardLeavesTheHeadersAfterItInThePrefix) {
  // As Qt 6's qstringlist.h: '#include <qlist.h>' above its '#ifndef QSTRINGLIST_H', which
  // clang's multiple-include detection does not see past. Read again by the TU's own #include,
  // it changes nothing, so it and the roots after it (modes.h) lead.
  Project.write("sys/qlist.h", "#ifndef QLIST_H\n#define QLIST_H\nstruct QList {};\n#endif\n");
  Project.write("sys/qstringlist.h", "// Copyright\n#include <qlist.h>\n\n#ifndef QSTRINGLIST_H\n"
                                     "#define QSTRINGLIST_H\nstruct QStringList : QList {};\n"
                                     "#endif // QSTRINGLIST_H\n");
  Project.write("sys/QStringList", "#include \"qstringlist.h\"\n");
  std::string Text = readFile(Source);
  Project.write("a.cpp", "#include <QStringList>\n" + Text); // Text includes <modes.h>
  withStore();
  editedRunLoadsThePrefix(); // and reports what parsing every header reports
  std::vector<fs::path> Prefixes = storedPrefixFiles(".hpp");
  ASSERT_EQ(Prefixes.size(), 1u);
  std::string Prefix = readFile(Prefixes[0].string());
  EXPECT_NE(Prefix.find("<QStringList>"), std::string::npos) << Prefix;
  EXPECT_NE(Prefix.find("<modes.h>"), std::string::npos) << Prefix;
}

TEST_F(StoredPrefixTest, AnEditedSystemHeaderIsNotLoadedStale) {
  withStore();
  Project.write("sys/modes.h", "#pragma once\nenum class Mode { Idle, Busy, Stopped, Draining };\n");
  editSource();
  ProcessResult AfterEdit = withStore();
  EXPECT_EQ(AfterEdit.Stderr.find(Loaded), std::string::npos) << AfterEdit.Stderr;
  nlohmann::json Report = nlohmann::json::parse(AfterEdit.Stdout);
  EXPECT_NE(Report["map"].dump().find("Draining"), std::string::npos) << AfterEdit.Stdout;
  EXPECT_EQ(Report, parsed());
  // Built again from the edited header, under the same key: the stale one is replaced.
  EXPECT_EQ(storedPrefixFiles(".pch").size(), 1u);
  editSource();
  ProcessResult Next = withStore();
  EXPECT_NE(Next.Stderr.find(Loaded), std::string::npos) << Next.Stderr;
  EXPECT_EQ(nlohmann::json::parse(Next.Stdout), Report);
}

TEST_F(StoredPrefixTest, HeadersTouchedWithoutChangeStillLoad) {
  // A checkout or a build step that rewrites a header with the same content gives it a new
  // modification time: clang's own check of a precompiled file's inputs must compare content.
  withStore();
  for (const std::string &Touched :
       {Project.path() + "/sys/modes.h", storedPrefixFiles(".hpp").at(0).string()})
    ASSERT_EQ(runProcess({"touch", "-d", "+1 hour", Touched}).ExitCode, 0);
  editSource();
  ProcessResult R = withStore();
  EXPECT_NE(R.Stderr.find(Loaded), std::string::npos) << R.Stderr;
  EXPECT_EQ(nlohmann::json::parse(R.Stdout), parsed());
}

TEST_F(StoredPrefixTest, ADamagedPrefixIsAMissNeverAWrongResult) {
  nlohmann::json Expected = nlohmann::json::parse(withStore().Stdout);
  fs::path Pch = storedPrefixFiles(".pch").at(0);
  fs::path Description = storedPrefixFiles(".prefix").at(0);
  std::string Original = readFile(Pch.string());

  // Truncated: another file than the description names.
  fs::resize_file(Pch, Original.size() / 2);
  editSource();
  ProcessResult Truncated = withStore();
  EXPECT_EQ(Truncated.Stderr.find(Loaded), std::string::npos) << Truncated.Stderr;
  EXPECT_EQ(nlohmann::json::parse(Truncated.Stdout), Expected);

  // Garbage of the same size and time: the description's check passes, clang refuses the file,
  // the TU is parsed without it, and the stored prefix is dropped to be built again.
  fs::file_time_type When = fs::last_write_time(Pch);
  std::string Garbage(Original.size(), 'x');
  std::ofstream(Pch, std::ios::in | std::ios::out | std::ios::binary).write(Garbage.data(), Garbage.size());
  fs::last_write_time(Pch, When);
  editSource();
  ProcessResult Refused = withStore();
  EXPECT_EQ(Refused.Stderr.find(Loaded), std::string::npos) << Refused.Stderr;
  EXPECT_EQ(nlohmann::json::parse(Refused.Stdout), Expected);
  EXPECT_FALSE(fs::exists(Description)) << "a prefix clang refused is not described any more";
  editSource();
  withStore(); // builds it again
  editSource();
  ProcessResult Rebuilt = withStore();
  EXPECT_NE(Rebuilt.Stderr.find(Loaded), std::string::npos) << Rebuilt.Stderr;
  EXPECT_EQ(nlohmann::json::parse(Rebuilt.Stdout), Expected);

  // A description that is not one: a miss.
  std::ofstream(Description, std::ios::trunc) << "{\"format\": ";
  editSource();
  ProcessResult Corrupt = withStore();
  EXPECT_EQ(Corrupt.Stderr.find(Loaded), std::string::npos) << Corrupt.Stderr;
  EXPECT_EQ(nlohmann::json::parse(Corrupt.Stdout), Expected);
}

TEST_F(StoredPrefixTest, ATUThatCannotTakeItsHeadersPrecompiledIsNotMadeToTryAgain) {
  // legacy.h's guard is undefined by reset.h, which the scan does not foresee (a root without
  // a guard it does: the test above): precompiled, the TU's own #include of legacy.h reads it
  // again and defines the struct twice.
  Project.write("sys/legacy.h",
                "#ifndef LEGACY_H\n#define LEGACY_H\nstruct Legacy { int Value; };\n#endif\n");
  Project.write("sys/reset.h", "#pragma once\n#undef LEGACY_H\n");
  std::string Text = readFile(Source);
  Project.write("a.cpp", "#include <legacy.h>\n#include <reset.h>\n" + Text);
  nlohmann::json Expected = parsed();
  // The first run parses directly; the builder stores the prefix, untried.
  EXPECT_EQ(nlohmann::json::parse(withStore().Stdout), Expected);
  editSource();
  // The second run loads it, fails with it, parses without it and leaves it to the third,
  // which builds it itself and tries it at once.
  EXPECT_EQ(nlohmann::json::parse(withStore().Stdout), Expected);
  EXPECT_TRUE(storedPrefixFiles(".prefix").empty());
  editSource();
  EXPECT_EQ(nlohmann::json::parse(withStore().Stdout), Expected);
  EXPECT_TRUE(storedPrefixFiles(".pch").empty()) << "recorded as not to be used, without its .pch";
  ASSERT_EQ(storedPrefixFiles(".prefix").size(), 1u);
  editSource();
  ProcessResult Again = withStore();
  EXPECT_EQ(Again.Stderr.find(Loaded), std::string::npos) << Again.Stderr;
  EXPECT_EQ(nlohmann::json::parse(Again.Stdout), Expected);
  EXPECT_TRUE(storedPrefixFiles(".pch").empty()) << "not built again while legacy.h is unchanged";
}

TEST_F(StoredPrefixTest, TheFirstRunParsesDirectlyAndLeavesThePrefixToTheBuilder) {
  nlohmann::json Expected = parsed();
  // A builder at work on this store (this test, holding its lock): the run must neither wait
  // for it nor build the prefix itself.
  fs::create_directories(store() + "/prefixes");
  int Lock = ::open((store() + "/prefixes/builder.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC,
                    0666);
  ASSERT_GE(Lock, 0);
  ASSERT_EQ(::flock(Lock, LOCK_EX), 0);
  ProcessResult First = run({"--cache-dir", store()});
  EXPECT_EQ(nlohmann::json::parse(First.Stdout), Expected);
  EXPECT_TRUE(storedPrefixFiles(".pch").empty()) << "the run built the prefix itself";
  EXPECT_TRUE(!fs::exists(store() + "/scans") || fs::is_empty(store() + "/scans"))
      << "the run scanned the TU itself";
  EXPECT_EQ(storedPrefixFiles(".request").size(), 1u) << "no request left for the builder";
  // The summary says where the prefix went, once; a run that loads it does not say so.
  EXPECT_NE(First.Stderr.find(LeftToBuilder), std::string::npos) << First.Stderr;
  EXPECT_EQ(First.Stderr.find(LeftToBuilder), First.Stderr.rfind(LeftToBuilder));
  ::close(Lock);
  // The next run finds no prefix either, asks again, and this time starts the builder, which
  // builds what both asked for.
  editSource();
  EXPECT_EQ(nlohmann::json::parse(withStore().Stdout), Expected);
  EXPECT_TRUE(storedPrefixFiles(".request").empty());
  ASSERT_EQ(storedPrefixFiles(".pch").size(), 1u);
  editSource();
  ProcessResult Loading = withStore();
  EXPECT_NE(Loading.Stderr.find(Loaded), std::string::npos) << Loading.Stderr;
  EXPECT_EQ(Loading.Stderr.find(LeftToBuilder), std::string::npos) << Loading.Stderr;
  EXPECT_EQ(nlohmann::json::parse(Loading.Stdout), Expected);
}

TEST_F(StoredPrefixTest, ANeverRunNeitherLoadsNorStoresPrefixes) {
  run({"--cache-dir", store(), "--shared-headers=never"});
  EXPECT_TRUE(storedPrefixFiles(".pch").empty());
}

} // namespace
} // namespace contractcheck::test
