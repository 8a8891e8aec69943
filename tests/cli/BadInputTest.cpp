// Bad input gets one clear, positioned error and exit code 2 — never a crash or a silent skip.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

namespace contractcheck::test {
namespace {

constexpr int BadInput = 2;

TEST(BadInputTest, MissingBuildDirectory) {
  ProcessResult R = runContractcheck({"-p", "/nonexistent/build"});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, "contractcheck: error: build directory '/nonexistent/build' does not exist\n");
}

// The tool's own errors share clang's driver's style (`clang: error: ...`), whoever reports
// them: the command line, the option parser, a subcommand, a value; an error in a file the user
// wrote begins with its place instead (`file:line:col: error: ...`), as a compiler's does.
TEST(BadInputTest, TheToolsOwnErrorsBeginWithItsName) {
  const std::vector<std::vector<std::string>> Commands = {
      {"-p", "nonexist"},
      {"--explain", "no-such-rule"},
      {"--no-such-option"},
      {"-p", "nonexist", "--format", "xml"},
      {"lsp", "--no-such-option"},
  };
  for (const std::vector<std::string> &Command : Commands) {
    ProcessResult R = runContractcheck(Command);
    EXPECT_EQ(R.ExitCode, BadInput) << Command.front() << "\n" << R.Stderr;
    EXPECT_EQ(R.Stderr.rfind("contractcheck: error: ", 0), 0u) << Command.front() << "\n"
                                                                << R.Stderr;
    EXPECT_EQ(R.Stderr.find("\nerror: "), std::string::npos) << R.Stderr;
  }
  TempDir Build;
  writeCompilationDatabase(Build.path(), {Build.write("a.cpp", "int a;\n")}, {});
  std::string Config = Build.write("bad.yaml", "version: 1\nrules:\n  contract-no-such-rule: {}\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--config", Config});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_EQ(R.Stderr.rfind(Config + ":3:3: error: ", 0), 0u) << R.Stderr;
}

TEST(BadInputTest, BuildDirectoryWithoutCompilationDatabase) {
  TempDir Build;
  ProcessResult R = runContractcheck({"-p", Build.path()});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, "contractcheck: error: no compile_commands.json in '" + Build.path() +
                          "'; generate one (CMake: -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or bear)\n");
}

TEST(BadInputTest, NoBuildDirectoryGiven) {
  ProcessResult R = runContractcheck({});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_NE(R.Stderr.find("contractcheck: error: no build directory given; use -p BUILD_DIR"), std::string::npos);
}

TEST(BadInputTest, MalformedCompilationDatabaseJsonIsPositioned) {
  TempDir Build;
  Build.write("compile_commands.json",
              "[\n  {\"directory\": \"/src\",\n   \"file\": \"a.cpp\",,\n  }\n]\n");
  // Named as findings are: relative to the working directory, which is above it.
  ProcessResult R = runContractcheck({"-p", Build.path()}, Build.path());
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr.rfind("compile_commands.json:3:20: error: malformed JSON: syntax error", 0),
            0u)
      << R.Stderr;
}

TEST(BadInputTest, CompilationDatabaseEntryWithoutFileNamesTheEntry) {
  TempDir Build;
  Build.write("compile_commands.json",
              "[\n  {\"directory\": \"/src\", \"file\": \"a.cpp\", \"command\": \"c++ a.cpp\"},\n"
              "  {\"directory\": \"/src\", \"command\": \"c++ b.cpp\"}\n]\n");
  ProcessResult R = runContractcheck({"-p", Build.path()}, Build.path());
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, "compile_commands.json:3:3: error: entry 2: missing string 'file'\n");
}

// clang's JSON database refuses an entry with a key it does not know, and refused the whole
// database unpositioned ("Unknown key: ..."); read without it, the entry is named where it is.
TEST(BadInputTest, CompilationDatabaseEntryWithAnUnknownKeyNamesTheEntry) {
  TempDir Build;
  Build.write("compile_commands.json",
              "[\n  {\"directory\": \"/src\", \"file\": \"a.cpp\", \"command\": \"c++ a.cpp\"},\n"
              "  {\"directory\": \"/src\", \"file\": \"b.cpp\", \"command\": \"c++ b.cpp\", "
              "\"flags\": []}\n]\n");
  ProcessResult R = runContractcheck({"-p", Build.path()}, Build.path());
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, "compile_commands.json:3:3: error: entry 2: unknown key 'flags' (an entry "
                      "has 'directory', 'file', 'arguments' or 'command', and 'output')\n");
  Build.write("compile_commands.json",
              "[{\"directory\": \"/src\", \"file\": \"b.cpp\", \"command\": \"c++ b.cpp\", "
              "\"output\": 1}]");
  R = runContractcheck({"-p", Build.path()}, Build.path());
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, "compile_commands.json:1:2: error: entry 1: 'output' must be a string\n");
}

// A relative 'file' is relative to 'directory'; with 'directory' empty or relative, it would be
// looked up from wherever contractcheck runs, and another file silently analysed.
TEST(BadInputTest, CompilationDatabaseEntryWithoutAnAbsoluteDirectoryNamesTheEntry) {
  TempDir Build;
  Build.write("compile_commands.json",
              "[\n  {\"directory\": \"/src\", \"file\": \"a.cpp\", \"command\": \"c++ a.cpp\"},\n"
              "  {\"directory\": \"\", \"file\": \"b.cpp\", \"command\": \"c++ b.cpp\"}\n]\n");
  ProcessResult R = runContractcheck({"-p", Build.path()}, Build.path());
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(
      R.Stderr,
      "compile_commands.json:3:3: error: entry 2: 'directory' is empty; it must be the compiler's "
      "working directory as an absolute path, else 'b.cpp' would be looked up "
      "from wherever contractcheck runs\n");
  Build.write("compile_commands.json",
              "[{\"directory\": \"src\", \"file\": \"b.cpp\", \"command\": \"c++ b.cpp\"}]");
  R = runContractcheck({"-p", Build.path()}, Build.path());
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(
      R.Stderr,
      "compile_commands.json:1:2: error: entry 1: 'directory' is relative ('src'); it must be the "
      "compiler's working directory as an absolute path, else 'b.cpp' would "
      "be looked up from wherever contractcheck runs\n");
}

// One entry whose path is in another encoding is that entry's problem, not the database's: it
// is reported at its position and the others are analysed (exit code 3, incomplete).
TEST(BadInputTest, AnEntryThatIsNotUtf8IsReportedAndTheOthersAnalysed) {
  TempDir Src, Build;
  std::string Good = Src.write("a.cpp", switchMissingOne("a"));
  std::string Bad = Src.write("caf\xE9.cpp", "int x;\n");
  std::string Db = Build.write(
      "compile_commands.json",
      "[\n  {\"directory\": \"" + Src.path() + "\", \"file\": \"" + Bad +
          "\", \"arguments\": [\"c++\", \"-c\", \"x.cpp\"]},\n  {\"directory\": \"" + Src.path() +
          "\", \"file\": \"" + Good + "\", \"arguments\": [\"c++\", \"-std=c++20\", \"-c\", \"" +
          Good + "\"]}\n]\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--no-cache"}, Build.path());
  EXPECT_EQ(R.ExitCode, 3) << R.Stderr;
  // At the first byte that is not UTF-8, on the entry's line, named from the working directory.
  std::string Text = readFile(Db);
  size_t Byte = Text.find('\xE9'), LineStart = Text.rfind('\n', Byte) + 1;
  std::string Expected = "compile_commands.json:2:" + std::to_string(Byte - LineStart + 1) +
                         ": error: entry 1: holds bytes that are not UTF-8 (a path in another "
                         "encoding?); this entry is not analysed, the others are\n";
  EXPECT_EQ(R.Stderr.rfind(Expected, 0), 0u) << R.Stderr;
  EXPECT_NE(R.Stderr.find("analysed 1 of 1 translation units"), std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stdout.find("a.cpp:"), std::string::npos) << "the other entry's finding is reported";

  // An extraction of the whole database is incomplete too; a build's extraction of one given
  // file did not ask for that entry, and is not failed by it (nor told about it).
  TempDir Store;
  R = runContractcheck({"extract", "-p", Build.path(), "--cache-dir", Store.path(), Good});
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  EXPECT_EQ(R.Stderr.find("not UTF-8"), std::string::npos) << R.Stderr;
  R = runContractcheck({"extract", "-p", Build.path(), "--cache-dir", Store.path()}, Build.path());
  EXPECT_EQ(R.ExitCode, 3) << R.Stderr;
  EXPECT_EQ(R.Stderr.rfind(Expected, 0), 0u) << R.Stderr;
}

// A source the build writes (a .pb.cc, CMake's own stubs) is listed before the build has run:
// the TU is not analysed, and the report says why in words, not in the driver's "no input
// files" and "expected exactly one compiler job in ''". The other TUs are analysed.
TEST(BadInputTest, ASourceTheBuildHasNotGeneratedYetIsNamedAsMissing) {
  TempDir Src, Build;
  std::string Good = Src.write("a.cpp", switchMissingOne("a"));
  std::string Missing = Src.file("gen/messages.pb.cc");
  writeCompilationDatabase(Build.path(), {Good, Missing}, {"-std=c++20"});
  for (const char *Sharing : {"--shared-headers=auto", "--shared-headers=never"}) {
    ProcessResult R = runContractcheck({"-p", Build.path(), "--no-cache", Sharing}, Src.path());
    EXPECT_EQ(R.ExitCode, 3) << R.Stdout << R.Stderr;
    EXPECT_NE(R.Stdout.find("gen/messages.pb.cc: error: not analysed (parse-error)\n  error: the "
                            "source file does not exist; if the build generates it, build the "
                            "project (or that target) first, or leave it out with "
                            "'paths.exclude'\n"),
              std::string::npos)
        << R.Stdout;
    // The summary names it as the report does.
    EXPECT_NE(R.Stderr.find("not analysed:\n  gen/messages.pb.cc (parse-error)\n"),
              std::string::npos)
        << R.Stderr;
    EXPECT_EQ(R.Stdout.find("compiler job"), std::string::npos) << R.Stdout;
    EXPECT_NE(R.Stdout.find("a.cpp:"), std::string::npos) << "the other TU's finding is reported";
  }
}

// A header the build writes (uic's ui_*.h, protoc's .pb.h) before the build has run: clang's error
// names it, and the report says what to do, as for a missing source. The parse stops at the
// first one, so the hint is about them all.
TEST(BadInputTest, AHeaderTheBuildHasNotGeneratedYetSaysWhatToDo) {
  TempDir Src, Build;
  std::string Window = Src.write("window.cpp", "#include \"ui_window.h\"\n#include \"window.pb.h\"\n");
  writeCompilationDatabase(Build.path(), {Window}, {"-std=c++20"});
  ProcessResult R = runContractcheck({"-p", Build.path(), "--no-cache"}, Src.path());
  EXPECT_EQ(R.ExitCode, 3) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("window.cpp:1:10: error: 'ui_window.h' file not found; if the build "
                          "generates it (moc, uic, rcc, protoc), build those targets before the "
                          "run\n"),
            std::string::npos)
      << R.Stdout;
}

// apache/orc before protoc has run: 36 of its TUs include the generated orc_proto.pb.h through
// one wrapper header, and the summary of a JSON run (a CI log) gave the same first error under
// each of them. TUs stopped by one first error are listed together and the error is said once,
// after them (past ten of them, how many more); a TU with an error of its own keeps it.
TEST(BadInputTest, TranslationUnitsStoppedByTheSameMissingHeaderShareOneError) {
  TempDir Src, Build;
  Src.write("wrapper.h", "#include \"orc_proto.pb.h\"\n");
  std::vector<std::string> Sources;
  for (int I = 0; I < 12; ++I)
    Sources.push_back(Src.write("src" + std::to_string(I) + ".cpp", "#include \"wrapper.h\"\n"));
  Sources.push_back(Src.write("own.cpp", "int broken = undeclared;\n"));
  writeCompilationDatabase(Build.path(), Sources, {"-std=c++20"});
  ProcessResult R =
      runContractcheck({"-p", Build.path(), "--no-cache", "--format", "json"}, Src.path());
  EXPECT_EQ(R.ExitCode, 3) << R.Stderr;
  const std::string Error = "wrapper.h:1:10: error: 'orc_proto.pb.h' file not found";
  size_t First = R.Stderr.find(Error);
  ASSERT_NE(First, std::string::npos) << R.Stderr;
  EXPECT_EQ(R.Stderr.find(Error, First + 1), std::string::npos) << "said once: " << R.Stderr;
  EXPECT_NE(R.Stderr.find("  src0.cpp (parse-error)\n  src1.cpp (parse-error)\n"), std::string::npos)
      << R.Stderr;
  EXPECT_NE(R.Stderr.find("  and 2 more\n    " + Error), std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stderr.find("(the first error of each of these 12)\n"), std::string::npos)
      << R.Stderr;
  EXPECT_NE(R.Stderr.find("  own.cpp (parse-error)\n    own.cpp:1:14: error: use of undeclared "
                          "identifier 'undeclared'\n"),
            std::string::npos)
      << R.Stderr;
}

TEST(BadInputTest, FileThatDoesNotExist) {
  TempDir Build;
  cliFixture("parse-failure", Build);
  ProcessResult R = runContractcheck({"-p", Build.path(), "/nonexistent/nope.cpp"});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, "contractcheck: error: '/nonexistent/nope.cpp' does not exist\n");
}

TEST(BadInputTest, FileNotInTheCompilationDatabase) {
  TempDir Build;
  cliFixture("parse-failure", Build);
  std::string Other = Build.write("other.cpp", "int x;\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), Other});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, "contractcheck: error: '" + Other + "' is not in the compilation database " +
                          Build.path() + "/compile_commands.json; if it is new, re-run CMake (or "
                          "whatever wrote the database); if this build never compiles it (another "
                          "platform's source, an option that is off), leave it out with "
                          "'paths.exclude' in .contractcheck.yaml\n");
}

// Every given source the database lacks is named in the one error, so that a user fixes
// paths.exclude (or re-runs CMake) once, not once per file.
TEST(BadInputTest, EverySourceNotInTheCompilationDatabaseIsNamedInOneError) {
  TempDir Build;
  cliFixture("parse-failure", Build);
  std::string One = Build.write("one.cpp", "int x;\n");
  std::string Two = Build.write("two.cc", "int y;\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), One, Two});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, "contractcheck: error: 2 given sources are not in the compilation database " +
                          Build.path() + "/compile_commands.json:\n  " + One + "\n  " + Two +
                          "\nif they are new, re-run CMake (or whatever wrote the database); if "
                          "this build never compiles them (another platform's sources, an option "
                          "that is off), leave them out with 'paths.exclude' in .contractcheck.yaml\n");
}

// `contractcheck -p build /etc/hosts` (or a header of another checkout) was a warning, "analysed 0
// of 0 translation units" and exit code 0: a script or gate took the mistake for a clean run.
// Inside the project such files stay the hook's warnings (a CI workflow, another platform's
// header), also with the build directory outside the source tree.
TEST(BadInputTest, AGivenFileOutsideTheProjectThatNothingReadsIsAnError) {
  TempDir Src, Build;
  std::string Built = Src.write("a.cpp", "int a() { return 1; }\n");
  writeCompilationDatabase(Build.path(), {Built}, {"-std=c++20"});
  // Outside the directory holding both temporary directories.
  ProcessResult R = runContractcheck({"-p", Build.path(), "/bin/sh"});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_NE(R.Stderr.find("contractcheck: error: '/bin/sh' is not a file of the project: it is "
                          "outside "),
            std::string::npos)
      << R.Stderr;
  EXPECT_NE(R.Stderr.find(" (the project root, and the directory holding the compilation "
                          "database " + Build.path() + "/compile_commands.json and its sources) "
                          "and is neither a source of the database nor a file the configuration "
                          "names; nothing to analyse for it\n"),
            std::string::npos)
      << R.Stderr;
  R = runContractcheck({"-p", Build.path(), "/usr/include/stdio.h"});
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stderr;
  EXPECT_NE(R.Stderr.find("'/usr/include/stdio.h' is not a file of the project: it is outside "),
            std::string::npos)
      << R.Stderr;
  EXPECT_NE(R.Stderr.find(") and no translation unit of the database includes it; nothing to "
                          "analyse for it\n"),
            std::string::npos)
      << R.Stderr;

  std::string Workflow = Src.write("ci.yml", "jobs: {}\n");
  std::string Unused = Src.write("win/only.h", "int win();\n");
  R = runContractcheck({"-p", Build.path(), Workflow, Unused});
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  EXPECT_NE(R.Stderr.find("no rule reads it; ignored"), std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stderr.find("no translation unit of the compilation database includes it; not "
                          "analysed"),
            std::string::npos)
      << R.Stderr;
}

// The pre-commit hook is given every staged source, also one this build never compiles (spdlog's
// bench/ with SPDLOG_BUILD_BENCH off, a Windows source): paths.exclude lets such a commit pass.
TEST(BadInputTest, AGivenSourceNotInTheDatabaseThatPathsExcludeLeavesOutIsNotAnError) {
  TempDir Src, Build;
  std::string Built = Src.write("a.cpp", "int a() { return 1; }\n");
  std::string Bench = Src.write("bench/bench.cpp", "int main() { return 0; }\n");
  writeCompilationDatabase(Build.path(), {Built}, {"-std=c++20"});
  Src.write(".contractcheck.yaml", "version: 1\npaths:\n  exclude: [\"bench/**\"]\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), Bench, Built});
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  EXPECT_NE(R.Stderr.find("analysed 1 of 1 translation units"), std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stderr.find("(1 excluded by paths.exclude)"), std::string::npos) << R.Stderr;
  ProcessResult Alone = runContractcheck({"-p", Build.path(), Bench});
  EXPECT_NE(Alone.ExitCode, BadInput) << Alone.Stderr;
}

TEST(BadInputTest, MalformedConfigurationIsPositioned) {
  TempDir Build;
  cliFixture("parse-failure", Build);
  std::string Cfg = Build.write("bad.yaml", "version: 1\nrules:\n  contract-switch-coverage:\n    severty: warning\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--config", Cfg}, Build.path());
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(
      R.Stderr,
      "bad.yaml:4:5: error: unknown key 'severty' in the settings of "
      "'contract-switch-coverage' (did you mean 'severity'?); expected one "
      "of: severity, enums, sentinels, report-without-default, min-coverage, "
      "converter-coverage, size-sentinels, catch-alls, neutral-zero, "
      "report-refusing-default, report-delegating-default, report-catch-all-default, "
      "report-shared-default, "
      "report-grouped-names, report-named-default, report-system-enums, history, history-same-commit, history-revisited, "
      "history-renames, "
      "range-markers, unproduced-values, caller-defaults, passed-values, skip-flags, flag-templates\n");
}

// yaml-cpp reports an unclosed flow list at the end of the file ("5:1: ... end of sequence flow
// not found" for a four-line file): the error says where the bracket was opened.
TEST(BadInputTest, AnUnclosedYamlBracketSaysWhereItOpened) {
  TempDir Build;
  cliFixture("parse-failure", Build);
  std::string Cfg = Build.write(
      "bad.yaml", "version: 1 # [not this one]\nrules:\n  contract-switch-coverage:\n"
                  "    enums: [\"a::*\", \"b]\"\n");
  ProcessResult R = runContractcheck({"-p", Build.path(), "--config", Cfg}, Build.path());
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, "bad.yaml:5:1: error: malformed YAML: end of sequence flow not found; the "
                      "'[' at line 4, column 12 is never closed (a missing ']')\n");
  Cfg = Build.write("map.yaml", "version: 1\nrules: {contract-switch-coverage: {severity: "
                                "warning}\n");
  R = runContractcheck({"-p", Build.path(), "--config", Cfg}, Build.path());
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_NE(R.Stderr.find("end of map flow not found; the '{' at line 2, column 8 is never "
                          "closed (a missing '}')\n"),
            std::string::npos)
      << R.Stderr;
  // The quote left open swallows the ']': it is the mistake.
  Cfg = Build.write("quote.yaml", "version: 1\nrules:\n  contract-switch-coverage:\n"
                                  "    enums: [\"a::*]\n");
  R = runContractcheck({"-p", Build.path(), "--config", Cfg}, Build.path());
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_NE(R.Stderr.find("the '\"' at line 4, column 13 is never closed (a missing '\"')\n"),
            std::string::npos)
      << R.Stderr;
}

TEST(BadInputTest, ConfigurationFoundUpwardIsValidatedToo) {
  TempDir Src, Build;
  std::string File = Src.write("sub/a.cpp", "int a;\n");
  Src.write(".contractcheck.yaml", "version: 1\npaths: {exclude: src}\n");
  writeCompilationDatabase(Build.path(), {File}, {"-std=c++20"});
  ProcessResult R = runContractcheck({"-p", Build.path()}, Src.path());
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, ".contractcheck.yaml:2:18: error: 'paths.exclude' must be a list of "
                      "strings, got 'src'\n");
}

// Only a file under the working directory is named relative to it, as a finding is: one above
// it (run from a subdirectory) or beside it keeps its absolute path, which an editor can open.
TEST(BadInputTest, AnErrorInAFileOutsideTheWorkingDirectoryNamesItsAbsolutePath) {
  TempDir Src, Build;
  std::string File = Src.write("sub/a.cpp", "int a;\n");
  std::string Cfg = Src.write(".contractcheck.yaml", "version: 1\npaths: {exclude: src}\n");
  writeCompilationDatabase(Build.path(), {File}, {"-std=c++20"});
  std::string Expected =
      Cfg + ":2:18: error: 'paths.exclude' must be a list of strings, got 'src'\n";
  for (const std::string &Cwd : {Src.file("sub"), Build.path()}) {
    ProcessResult R = runContractcheck({"-p", Build.path()}, Cwd);
    EXPECT_EQ(R.ExitCode, BadInput) << Cwd;
    EXPECT_EQ(R.Stderr, Expected) << Cwd;
  }
}

TEST(BadInputTest, UnknownCommandLineOption) {
  ProcessResult R = runContractcheck({"--frobnicate"});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_NE(R.Stderr.find("frobnicate"), std::string::npos) << R.Stderr;
}

// LLVM's parser writes a value it cannot read, or a missing one, to stderr itself, in its own
// style (`contractcheck: for the -j option: 'foo' value invalid for uint argument!`), and its
// guess at a mistyped option as `contractcheck: Did you mean ...`: said as every other
// command-line error is, with exit code 2.
TEST(BadInputTest, LLVMsOwnOptionErrorsAreSaidAsTheToolsErrors) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> Cases = {
      {{"-jfoo"},
       "contractcheck: error: invalid value 'foo' for -j: expected a whole number of workers (0 "
       "or more)\n"},
      {{"-p", "build", "-j"}, "contractcheck: error: for the -j option: requires a value!\n"},
      {{"--quiet=3"},
       "contractcheck: error: for the --quiet option: '3' is invalid value for "
       "boolean argument! Try 0 or 1\n"},
      {{"--format=bogus"},
       "contractcheck: error: unknown value 'bogus' for --format; expected "
       "one of: text, json, sarif, codeclimate, html\n"},
  };
  for (const auto &[Args, Expected] : Cases) {
    ProcessResult R = runContractcheck(Args);
    EXPECT_EQ(R.ExitCode, BadInput) << Args.front();
    EXPECT_EQ(R.Stdout, "") << Args.front();
    EXPECT_EQ(R.Stderr, Expected) << Args.front();
  }
  ProcessResult R = runContractcheck({"--ouptut=x.txt"});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_NE(R.Stderr.find("contractcheck: error: unknown command line argument '--ouptut=x.txt'"),
            std::string::npos)
      << R.Stderr;
  EXPECT_NE(R.Stderr.find("\ncontractcheck: note: did you mean '"), std::string::npos) << R.Stderr;
  for (size_t Begin = 0, End; (End = R.Stderr.find('\n', Begin)) != std::string::npos;
       Begin = End + 1) {
    std::string Line = R.Stderr.substr(Begin, End - Begin);
    EXPECT_TRUE(Line.rfind("contractcheck: error: ", 0) == 0 ||
                Line.rfind("contractcheck: note: ", 0) == 0)
        << Line;
  }
}

// LLVM took any unknown `-h...` for its `-h` (--help): `-hlep` printed the help and exited 0, so a
// CI gate with that typo passed without analysing anything.
TEST(BadInputTest, AMistypedHelpIsAnUnknownOption) {
  for (const char *Typo : {"-hlep", "--hlep", "-help-me", "-hx"}) {
    ProcessResult R = runContractcheck({"-p", "build", Typo});
    EXPECT_EQ(R.ExitCode, BadInput) << Typo;
    EXPECT_EQ(R.Stdout, "") << Typo;
    EXPECT_EQ(R.Stderr, std::string("contractcheck: error: unknown command line argument '") +
                            Typo + "'\ncontractcheck: note: did you mean '--help'?\n");
  }
  for (const char *Help : {"-h", "--help", "-help", "--help-hidden"}) {
    ProcessResult R = runContractcheck({Help});
    EXPECT_EQ(R.ExitCode, 0) << Help << R.Stderr;
    EXPECT_NE(R.Stdout.find("OVERVIEW: contractcheck"), std::string::npos) << Help;
  }
}

// A clang-tidy user types -checks; LLVM's guess was "Did you mean '--config=-*,contract-...'?".
// -header-filter was worse: LLVM took it for its -h (--help), printed the help and exited 0, so a
// CI gate that analysed nothing passed.
TEST(BadInputTest, AClangTidyOptionSaysWhatContractcheckDoesInstead) {
  ProcessResult R = runContractcheck({"-p", "build", "-checks=-*,contract-switch-coverage"});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, "contractcheck: error: unknown command line argument "
                      "'-checks=-*,contract-switch-coverage'\n"
                      "contractcheck: note: '-checks' is a clang-tidy option contractcheck does "
                      "not take: choose the rules in .contractcheck.yaml ('rules: "
                      "{contract-enum-table: {severity: off}}', docs/configuration.md), or run "
                      "the clang-tidy module with -checks (clang-tidy-19 -load "
                      "libcontractcheck-tidy.so -checks='-*,contract-*')\n");
  ProcessResult H = runContractcheck({"-p", "build", "-header-filter=.*"});
  EXPECT_EQ(H.ExitCode, BadInput) << H.Stdout;
  EXPECT_EQ(H.Stdout, "");
  EXPECT_NE(H.Stderr.find("contractcheck: note: '-header-filter' is a clang-tidy option"),
            std::string::npos)
      << H.Stderr;
  EXPECT_EQ(H.Stderr.find("Did you mean"), std::string::npos) << H.Stderr;
}

// LLVM's own answer was "for the --format option: Cannot find option named 'xml'!": what the
// option takes was left to --help.
TEST(BadInputTest, AnUnknownValueOfAnOptionListsTheValuesItTakes) {
  ProcessResult R = runContractcheck({"-p", "build", "--format", "xml"});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, "contractcheck: error: unknown value 'xml' for --format (did you mean 'html'?); expected "
                      "one of: text, json, sarif, codeclimate, html\n");
  R = runContractcheck({"-p", "build", "--fail-on=warn"});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr,
            "contractcheck: error: unknown value 'warn' for --fail-on; expected one of: error, warning\n");
  for (const char *Option : {"--shared-headers=sometimes", "--color=sometimes"}) {
    R = runContractcheck({"-p", "build", Option});
    EXPECT_EQ(R.ExitCode, BadInput);
    EXPECT_NE(R.Stderr.find("contractcheck: error: unknown value 'sometimes' for --"), std::string::npos)
        << R.Stderr;
    EXPECT_NE(R.Stderr.find("; expected one of: auto, "), std::string::npos) << R.Stderr;
  }
}

// LLVM's own answer to `-jfoo` was "for the -j option: 'foo' value invalid for uint argument!",
// without the tool's `error:`; and `--jobs 2`, make's spelling, was read as `-j` with the value
// "obs".
TEST(BadInputTest, ACountThatIsNotANumberSaysWhatTheOptionCounts) {
  struct Case {
    std::vector<std::string> Args;
    std::string Error;
  };
  for (const Case &C : std::vector<Case>{
           {{"-jfoo"}, "invalid value 'foo' for -j: expected a whole number of workers"},
           {{"-j", "-3"}, "invalid value '-3' for -j: expected a whole number of workers"},
           {{"--tu-timeout=10s"},
            "invalid value '10s' for --tu-timeout: expected a whole number of seconds"},
           {{"--cache-max-age", "week"},
            "invalid value 'week' for --cache-max-age: expected a whole number of days"}}) {
    std::vector<std::string> Args{"-p", "build"};
    Args.insert(Args.end(), C.Args.begin(), C.Args.end());
    ProcessResult R = runContractcheck(Args);
    EXPECT_EQ(R.ExitCode, BadInput) << C.Error;
    EXPECT_EQ(R.Stderr, "contractcheck: error: " + C.Error + " (0 or more)\n");
  }
  ProcessResult R;
  for (const char *Jobs : {"--jobs=2", "-jobs=2"}) {
    R = runContractcheck({"-p", "no-such-build", Jobs});
    EXPECT_EQ(R.ExitCode, BadInput) << Jobs;
    EXPECT_EQ(R.Stderr, "contractcheck: error: build directory 'no-such-build' does not exist\n")
        << Jobs;
  }
}

TEST(BadInputTest, ExplainUnknownRuleSuggests) {
  ProcessResult R = runContractcheck({"--explain", "contract-switch-coverag"});
  EXPECT_EQ(R.ExitCode, BadInput);
  EXPECT_EQ(R.Stderr, "contractcheck: error: unknown rule 'contract-switch-coverag' (did you mean "
                      "'contract-switch-coverage'?); 'contractcheck --list-rules' lists them\n");
}

} // namespace
} // namespace contractcheck::test
