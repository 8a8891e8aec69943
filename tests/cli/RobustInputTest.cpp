// Inputs that used to abort the process (an escaping exception, a fatal error, a stack overflow)
// each get an answer: a positioned error and exit 2, or a contained TU failure and exit 3.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sys/stat.h>

namespace contractcheck::test {
namespace {

constexpr int Clean = 0, FindingsFound = 1, BadInput = 2, Incomplete = 3;

class RobustInputTest : public ::testing::Test {
protected:
  void SetUp() override {
    Source = Src.write("a.cpp", switchMissingOne("a"));
    writeCompilationDatabase(Build.path(), {Source}, {"-std=c++20"});
  }
  TempDir Src, Build;
  std::string Source;
};

TEST_F(RobustInputTest, ConfigNamingADirectory) {
  ProcessResult R = runContractcheck({"-p", Build.path(), "--config", Src.path()});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, Src.path() + ": error: is a directory, not a configuration file\n");
}

TEST_F(RobustInputTest, ADirectoryNamedLikeTheConfiguration) {
  std::filesystem::create_directory(Src.file(".contractcheck.yaml"));
  ProcessResult R = runContractcheck({"-p", Build.path()});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, Src.file(".contractcheck.yaml") +
                          ": error: is a directory, not a configuration file\n");
}

TEST_F(RobustInputTest, DuplicateKeysAndASecondDocumentInTheConfiguration) {
  std::string Dup = Src.write("dup.yaml", "version: 1\nrules:\n  contract-switch-coverage:\n"
                                          "    severity: warning\n    severity: error\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--config", Dup});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, Dup + ":5:5: error: duplicate key 'severity' (first at line 4)\n");

  std::string Two = Src.write("two.yaml", "version: 1\n---\nversion: 1\n");
  R = runContractcheck({"-p", Build.path(), "--config", Two});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, Two + ":2:1: error: a second YAML document; the configuration must be a "
                            "single document\n");
}

// Every input goes through one reader: a FIFO is refused at once rather than waited on, a
// device rather than read until memory runs out ("LLVM ERROR: out of memory", exit 134), each
// with its path and exit 2. Run under timeout(1): a hang fails the test instead of the suite.
ProcessResult runWithin(std::vector<std::string> Args, const std::string &Cwd = {}) {
  Args.insert(Args.begin(), {"timeout", "60", contractcheckBinary()});
  return runProcess(Args, Cwd);
}

TEST_F(RobustInputTest, AFifoOrADeviceAsConfigurationBaselineOrDatabaseIsAnError) {
  std::string Fifo = Src.file("fifo.yaml");
  ASSERT_EQ(::mkfifo(Fifo.c_str(), 0600), 0);
  ProcessResult R = runWithin({"-p", Build.path(), "--config", Fifo});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_EQ(R.Stderr, Fifo + ": error: is a FIFO, not a configuration file (contractcheck reads "
                             "regular files only)\n");

  R = runWithin({"-p", Build.path(), "--config", "/dev/zero"});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_EQ(R.Stderr, "/dev/zero: error: is a character device, not a configuration file "
                      "(contractcheck reads regular files only)\n");

  R = runWithin({"-p", Build.path(), "--baseline", "/dev/zero", "--no-cache"});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_NE(R.Stderr.find("/dev/zero: error: is a character device, not a baseline file"),
            std::string::npos)
      << R.Stderr;

  R = runWithin({"-p", "/dev/zero"});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_NE(R.Stderr.find("/dev/zero: error: is a character device, not a compilation database"),
            std::string::npos)
      << R.Stderr;

  std::string Database = Build.file("compile_commands.json");
  std::filesystem::remove(Database);
  ASSERT_EQ(::mkfifo(Database.c_str(), 0600), 0);
  R = runWithin({"-p", Build.path()});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_NE(R.Stderr.find(Database + ": error: is a FIFO, not a compilation database"),
            std::string::npos)
      << R.Stderr;
}

TEST_F(RobustInputTest, AFifoAsADataFileOrAsASourceDoesNotHangTheRun) {
  // A schema binding's file: a configuration error at the binding's 'file:'.
  std::string Fifo = Src.file("channels.yaml");
  ASSERT_EQ(::mkfifo(Fifo.c_str(), 0600), 0);
  std::string Config = Src.write(".contractcheck.yaml", R"(version: 1
rules:
  contract-schema-sync:
    bindings:
      - {enum: aMode, file: channels.yaml, at: ""}
)");
  ProcessResult R = runWithin({"-p", Build.path(), "--no-cache"}, Src.path());
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stdout << R.Stderr;
  EXPECT_NE((R.Stdout + R.Stderr).find(Fifo + "' is a FIFO, not a data file"), std::string::npos)
      << R.Stdout << R.Stderr;
  std::filesystem::remove(Config);

  // A database entry that is a FIFO, and a TU that includes one: not analysed, the others are.
  std::string Entry = Src.file("pipe.cpp");
  ASSERT_EQ(::mkfifo(Entry.c_str(), 0600), 0);
  std::string Header = Src.file("pipe.h");
  ASSERT_EQ(::mkfifo(Header.c_str(), 0600), 0);
  std::string Includer = Src.write("b.cpp", "#include \"pipe.h\"\n");
  writeCompilationDatabase(Build.path(), {Source, Entry, Includer}, {"-std=c++20"});
  R = runWithin({"-p", Build.path(), "--no-cache"}, Src.path());
  EXPECT_EQ(R.ExitCode, Incomplete) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("a.cpp:"), std::string::npos) << R.Stdout; // its finding
  EXPECT_NE(R.Stderr.find("analysed 1 of 3 translation units"), std::string::npos) << R.Stderr;
}

// A Designer form's .ui is read to move a finding of its generated ui_X.h onto it: a FIFO named
// like the form is no form (it would block the read), and the finding stays in the header.
TEST_F(RobustInputTest, AFifoNamedLikeADesignerFormDoesNotHangTheRun) {
  std::string Form = fixturesDir() + "/contract-string-dispatch/qt-ui-forms";
  std::filesystem::copy(Form, Src.path(), std::filesystem::copy_options::recursive |
                                              std::filesystem::copy_options::overwrite_existing);
  std::filesystem::remove(Src.file("Finder.ui"));
  ASSERT_EQ(::mkfifo(Src.file("Finder.ui").c_str(), 0600), 0);
  writeCompilationDatabase(Build.path(), {Src.file("Finder.cpp")},
                           {"-std=c++20", "-I" + Src.file("autogen/include"),
                            "-isystem/usr/include/x86_64-linux-gnu/qt5",
                            "-isystem/usr/include/x86_64-linux-gnu/qt5/QtCore",
                            "-isystem/usr/include/x86_64-linux-gnu/qt5/QtGui",
                            "-isystem/usr/include/x86_64-linux-gnu/qt5/QtWidgets", "-fPIC"});
  ProcessResult R = runWithin({"-p", Build.path(), "--no-cache"}, Src.path());
  EXPECT_EQ(R.ExitCode, Clean) << R.Stdout << R.Stderr;
  EXPECT_EQ(R.Stdout.find("Finder.ui"), std::string::npos) << R.Stdout;
  EXPECT_NE(R.Stderr.find("2 in 1 generated file (uic) not reported"), std::string::npos)
      << R.Stderr;
}

// Header search skips a directory named like the header, as the compiler does (stella has
// src/emucore/exception/ on its include path, before <exception>).
TEST(RobustInputDirectoryTest, ADirectoryNamedLikeAHeaderOnTheIncludePathIsSkipped) {
  TempDir Project;
  std::filesystem::create_directories(Project.path() + "/inc/exception");
  std::filesystem::create_directories(Project.path() + "/inc/vector");
  Project.write("a.cpp", "#include <exception>\n#include <vector>\n" + switchMissingOne("a"));
  ProcessResult R =
      runContractcheck({"--quiet", "a.cpp", "--", "-std=c++17", "-Iinc"}, Project.path());
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("a.cpp:3:"), std::string::npos) << R.Stdout;
}

TEST_F(RobustInputTest, BaselineWithAStringVersion) {
  std::string Baseline = Src.write("b.json", "{\n  \"version\": \"1\",\n  \"findings\": []\n}\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--baseline", Baseline});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, Baseline + ":2:14: error: unsupported baseline version \"1\"; this "
                                 "contractcheck reads version 1 (a number)\n");
}

TEST_F(RobustInputTest, BaselineWithANumberForARule) {
  std::string Baseline = Src.write(
      "b.json", "{\"version\": 1, \"findings\": [\n  {\"rule\": \"x\", \"file\": \"a\", "
                "\"message\": \"m\", \"line_text\": \"t\"},\n  {\"rule\": 1, \"file\": \"a\", "
                "\"message\": \"m\", \"line_text\": \"t\"}\n]}\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--baseline", Baseline});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, Baseline + ":3:12: error: baseline entry 2: 'rule' must be a string, got "
                                 "number\n");
}

TEST_F(RobustInputTest, AHeaderWhoseNameIsNotUtf8InJsonAndSarif) {
  std::string Header = Src.write("mode\xE9.h", "#pragma once\n" + switchMissingOne("mode"));
  Src.write("a.cpp", "#include \"mode\xE9.h\"\n");
  // JSON replaces the invalid byte; SARIF URIs percent-encode it.
  for (auto [Format, Spelling] : {std::pair<std::string, std::string>{"json", "mode\xEF\xBF\xBD.h"},
                                  {"sarif", "mode%E9.h"}}) {
    ProcessResult R = runContractcheck({"-p", Build.path(), "--format", Format});
    EXPECT_EQ(R.ExitCode, FindingsFound) << Format << ": " << R.Stderr;
    EXPECT_NO_THROW(static_cast<void>(nlohmann::json::parse(R.Stdout))) << Format;
    EXPECT_NE(R.Stdout.find(Spelling), std::string::npos) << Format;
  }
}

TEST_F(RobustInputTest, ALatin1SourceLineInABaseline) {
  std::string Text = switchMissingOne("a");
  Text.replace(Text.find("  switch (m) {"), 14, "  switch (m) { // d\xE9j\xE0 vu");
  Src.write("a.cpp", Text);
  std::string Baseline = Src.file("baseline.json");
  ProcessResult Write = runContractcheck({"-p", Build.path(), "--write-baseline", Baseline});
  EXPECT_EQ(Write.ExitCode, Clean) << Write.Stderr;
  nlohmann::json Written = nlohmann::json::parse(readFile(Baseline));
  EXPECT_EQ(Written["findings"][0]["line_text"], "switch (m) { // d\xEF\xBF\xBDj\xEF\xBF\xBD vu");
  ProcessResult Use = runContractcheck({"-p", Build.path(), "--baseline", Baseline});
  EXPECT_EQ(Use.ExitCode, Clean) << Use.Stdout << Use.Stderr;
}

TEST_F(RobustInputTest, AWholeDatabaseRunThatAnalysesNothingIsAnError) {
  TempDir Empty;
  Empty.write("compile_commands.json", "[]\n");
  ProcessResult R = runContractcheck({"-p", Empty.path()});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, Empty.file("compile_commands.json") +
                          ": error: the compilation database has no entries; nothing to analyse\n");

  Src.write(".contractcheck.yaml", "version: 1\npaths:\n  exclude: ['*.cpp']\n");
  R = runContractcheck({"-p", Build.path()});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, Build.file("compile_commands.json") +
                          ": error: none of the 1 entries of the compilation database is analysed "
                          "(1 excluded by paths.exclude); nothing to analyse\n");
}

TEST_F(RobustInputTest, ResponseFilesInTheDatabaseAreExpanded) {
  Src.write("a.cpp", "#ifndef FROM_RESPONSE_FILE\n#error the response file was not read\n#endif\n" +
                         switchMissingOne("a"));
  Src.write("flags.rsp", "-std=c++20 -DFROM_RESPONSE_FILE\n");
  nlohmann::json Db = nlohmann::json::array(
      {{{"directory", Src.path()}, {"file", "a.cpp"},
        {"arguments", {"clang++", "@flags.rsp", "-c", "a.cpp"}}}});
  Build.write("compile_commands.json", Db.dump());
  ProcessResult R = runContractcheck({"-p", Build.path(), "--format", "json"});
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stdout << R.Stderr;
}

// An input that fails is a failure of its TU alone, with the status it names: the other TUs'
// findings are kept.
struct FailingInput {
  std::string Name;
  std::string Text;
  std::vector<std::string> Args;
  std::string Status;
  size_t AddressSpaceMB = 0; // run under ulimit -v; 0: no limit
  std::string Reason = {};   // what the failure's first error says, when it matters
};

void PrintTo(const FailingInput &Input, std::ostream *OS) { *OS << Input.Name; }

class FailingInputTest : public ::testing::TestWithParam<FailingInput> {};

TEST_P(FailingInputTest, FailsItsTranslationUnitAlone) {
  TempDir Src, Build;
  // A service whose contract the rule parses into each TU that defines it.
  Src.write(".contractcheck.yaml", "version: 1\nrules:\n  contract-declared-service:\n"
                                   "    contracts: [\"contracts/*.yaml\"]\n");
  Src.write("contracts/queue.yaml", "service: Queue\nmethods:\n  - \"void push(int job)\"\n");
  std::string Fine = Src.write("fine.cpp", switchMissingOne("fine") +
                                               "struct Queue {\n  void push(int Job);\n};\n");
  std::string Failing = Src.write("failing.cpp", GetParam().Text);
  std::vector<std::string> Args{"-std=c++20"};
  Args.insert(Args.end(), GetParam().Args.begin(), GetParam().Args.end());
  writeCompilationDatabase(Build.path(), {Failing, Fine}, Args);
  std::vector<std::string> Run{"-p", Build.path(), "--format", "json", "-j", "2"};
  ProcessResult R = GetParam().AddressSpaceMB
                        ? runContractcheckWithAddressSpace(GetParam().AddressSpaceMB << 20, Run)
                        : runContractcheck(Run);
  EXPECT_EQ(R.ExitCode, Incomplete) << R.Stderr;
  nlohmann::json Report = nlohmann::json::parse(R.Stdout);
  ASSERT_EQ(Report["findings"].size(), 1u) << R.Stdout;
  EXPECT_EQ(Report["findings"][0]["location"]["file"], Fine);
  ASSERT_EQ(Report["failures"].size(), 1u) << R.Stdout;
  EXPECT_EQ(Report["failures"][0]["file"], Failing);
  EXPECT_EQ(Report["failures"][0]["status"], GetParam().Status);
  if (!GetParam().Reason.empty())
    EXPECT_EQ(Report["failures"][0]["errors"][0], GetParam().Reason);
}

// A stack overflow is a contained crash. Code that does not compile is a parse error, never a
// crash, whatever the parse left behind; the crash campaign found those on clang's
// test/SemaCXX/PR75221.cpp and test/CXX/dcl.dcl/dcl.spec/dcl.type/p3-0x.cpp (Sema hands the
// rejected alias template over as a null declaration), test/SemaCXX/decltype.cpp and
// test/Parser/annotation-token-in-lexed-body.cpp (the class left open puts the main file's end
// in a re-lexed token stream, where contract-declared-service's declarations parsed into the TU
// crashed the lexer).
INSTANTIATE_TEST_SUITE_P(
    Inputs, FailingInputTest,
    ::testing::Values(
        FailingInput{"NestedBraces",
                     "void f() " + std::string(200000, '{') + std::string(200000, '}') + "\n",
                     {"-fbracket-depth=1000000"},
                     "crash"},
        FailingInput{"ConstexprRecursion",
                     "constexpr long down(long n) { return n == 0 ? 0 : 1 + down(n - 1); }\n"
                     "static_assert(down(2000000) == 2000000);\n",
                     {"-fconstexpr-depth=100000000", "-fconstexpr-steps=2147483647"},
                     "crash"},
        FailingInput{"AliasTemplateDefiningAClass",
                     "template <class T> using Box = struct Box {\n  T Item;\n};\n",
                     {},
                     "parse-error"},
        FailingInput{"ClassLeftOpenAfterAServiceClass",
                     "struct Queue {\n  void push(int Job) { Last = Job; }\n  int Last = 0;\n};\n"
                     "struct Unclosed {\n",
                     {},
                     "parse-error"},
        FailingInput{"InlineMethodLeftOpen",
                     "struct Queue {\n  void push(int Job) {\n    Last = Job;\n",
                     {},
                     "parse-error"},
        // Constant evaluation that allocates until the address space is full: the allocation
        // that fails ends its TU (LLVM's handler aborted the process, "LLVM ERROR: out of
        // memory", when the TU's abandoned memory left none for the main thread). Found on
        // clang's test/Parser/nested_lambda_overflow.cpp.
        FailingInput{"OutOfMemory",
                     "constexpr bool grow() {\n"
                     "  for (int I = 0; I < 1000000; ++I) {\n"
                     "    int *Block = new int[20000];\n"
                     "    Block[19999] = I;\n"
                     "  }\n"
                     "  return true;\n"
                     "}\n"
                     "static_assert(grow());\n",
                     {},
                     "crash",
                     3072,
                     "ran out of memory while parsing or analysing this file; the failure was "
                     "contained"}),
    [](const ::testing::TestParamInfo<FailingInput> &Info) { return Info.param.Name; });

} // namespace
} // namespace contractcheck::test
