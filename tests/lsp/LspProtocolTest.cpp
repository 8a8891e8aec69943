// `contractcheck lsp` driven by a scripted client over real pipes, on a small project parsed by
// the real Clang: the LSP lifecycle, diagnostics, quick fixes, unsaved text, and bad input.
#include "LspClient.h"
#include "MockSources.h"
#include "Subprocess.h"
#include "TestPaths.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include <sys/stat.h>

namespace contractcheck::test {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

const char *ModeHeader = "#pragma once\n"
                         "enum class Mode { Idle, Busy, Stopped, Draining };\n"
                         "inline int weight(Mode m) {\n"
                         "  switch (m) {\n"
                         "  case Mode::Idle: return 0;\n"
                         "  case Mode::Busy: case Mode::Stopped: return 1;\n"
                         "  default: return 2;\n"
                         "  }\n"
                         "}\n";

// A switch over Mode that leaves Draining to its default.
const std::string RunFunction = "int run(Mode m) {\n"
                                "  switch (m) {\n"
                                "  case Mode::Idle:\n"
                                "  case Mode::Busy:\n"
                                "  case Mode::Stopped:\n"
                                "    return 1;\n"
                                "  default:\n"
                                "    return 0;\n"
                                "  }\n"
                                "}\n";
const std::string RunSource = "#include \"mode.h\"\n\n" + RunFunction;

// Applies LSP TextEdits (single-line positions are enough for these fixes) to Text.
std::string applyEdits(std::string Text, json Edits) {
  auto Offset = [&](const json &P) {
    size_t At = 0;
    for (int Line = 0; Line < P["line"].get<int>(); ++Line)
      At = Text.find('\n', At) + 1;
    return At + P["character"].get<size_t>();
  };
  std::sort(Edits.begin(), Edits.end(), [&](const json &A, const json &B) {
    return Offset(A["range"]["start"]) > Offset(B["range"]["start"]);
  });
  for (const json &E : Edits) {
    size_t Begin = Offset(E["range"]["start"]), End = Offset(E["range"]["end"]);
    Text.replace(Begin, End - Begin, E["newText"].get<std::string>());
  }
  return Text;
}

// The latest publishDiagnostics for Uri, whether it came before or after the one waited for.
std::optional<json> published(LspClient &Client, const std::string &Uri) {
  for (auto It = Client.received().rbegin(); It != Client.received().rend(); ++It)
    if (It->value("method", "") == "textDocument/publishDiagnostics" &&
        (*It)["params"]["uri"] == Uri)
      return *It;
  return Client.diagnostics(Uri);
}

// The next diagnostics published for File are for its text of Version and say nothing.
void expectNoDiagnostics(LspClient &Client, const std::string &File, int Version) {
  std::optional<json> Published = Client.diagnostics(fileUri(File));
  ASSERT_TRUE(Published);
  EXPECT_EQ((*Published)["params"]["version"], Version);
  EXPECT_EQ((*Published)["params"]["diagnostics"], json::array()) << Published->dump(1);
}

class LspProtocolTest : public ::testing::Test {
protected:
  void SetUp() override {
    Header = Project.write("include/mode.h", ModeHeader);
    Run = Project.write("src/run.cpp", RunSource);
    Broken = Project.write("src/broken.cpp", "#include \"mode.h\"\nint broken( {\n");
    writeCompilationDatabase(Project.path() + "/build", {Run, Broken},
                             {"-std=c++20", "-I" + Project.path() + "/include"});
  }

  std::vector<std::string> Args{"--debounce-ms", "50"};
  TempDir Project;
  std::string Header, Run, Broken;
};

json onlyDiagnostic(const std::optional<json> &Published) {
  EXPECT_TRUE(Published);
  if (!Published)
    return json();
  const json &List = (*Published)["params"]["diagnostics"];
  EXPECT_EQ(List.size(), 1u) << List.dump(1);
  return List.empty() ? json() : List[0];
}

TEST_F(LspProtocolTest, InitializeAnnouncesFullSyncAndQuickFixes) {
  LspClient Client(Args);
  json Result = Client.initialize();
  EXPECT_EQ(Result["capabilities"]["textDocumentSync"]["change"], 1);
  EXPECT_EQ(Result["capabilities"]["textDocumentSync"]["openClose"], true);
  EXPECT_EQ(Result["capabilities"]["codeActionProvider"]["codeActionKinds"], json({"quickfix"}));
  EXPECT_EQ(Result["serverInfo"]["name"], "contractcheck");
  EXPECT_FALSE(Result.contains("offsetEncoding"));
}

TEST_F(LspProtocolTest, ClientOfferingUtf8GetsUtf8Columns) {
  LspClient Client(Args);
  json Result = Client.initialize({{"offsetEncoding", {"utf-8", "utf-16"}}});
  EXPECT_EQ(Result["offsetEncoding"], "utf-8");
}

TEST_F(LspProtocolTest, DidOpenPublishesTheFindingsOfTheFileAndOfItsHeaders) {
  LspClient Client(Args);
  Client.initialize();
  Client.open(Run, RunSource);
  json D = onlyDiagnostic(Client.diagnostics(fileUri(Run)));
  EXPECT_EQ(D["code"], "contract-switch-coverage");
  EXPECT_EQ(D["severity"], 1);
  EXPECT_EQ(D["source"], "contractcheck");
  EXPECT_EQ(D["range"], json({{"start", {{"line", 3}, {"character", 2}}},
                              {"end", {{"line", 3}, {"character", 8}}}}));
  EXPECT_EQ(D["message"], "switch on 'Mode' has a 'default' label that hides 1 unhandled "
                          "enumerator: Mode::Draining");
  EXPECT_EQ(D["codeDescription"]["href"].get<std::string>().substr(0, 4), "http");
  EXPECT_NE(D["codeDescription"]["href"].get<std::string>().find("contract-switch-coverage.md"),
            std::string::npos);
  ASSERT_EQ(D["relatedInformation"].size(), 1u);
  EXPECT_EQ(D["relatedInformation"][0]["location"]["uri"], fileUri(Header));
  EXPECT_EQ(D["relatedInformation"][0]["location"]["range"]["start"]["line"], 1);
  EXPECT_EQ(D["relatedInformation"][0]["message"], "enum 'Mode' is defined here");

  // The header the TU includes has its own finding, published although it is not open.
  json H = onlyDiagnostic(published(Client, fileUri(Header)));
  EXPECT_EQ(H["range"]["start"]["line"], 3);
  EXPECT_EQ(H["message"], "switch on 'Mode' has a 'default' label that hides 1 unhandled "
                          "enumerator: Mode::Draining");
}

// A team that adopted the gate with a baseline (qtermwidget: 4 accepted findings) saw every
// accepted finding in the editor as an error, while the hook and CI passed: the server takes the
// CLI's --baseline and shows only what the CLI would report, a new finding included.
TEST_F(LspProtocolTest, ABaselineHidesWhatTheCliAccepts) {
  std::string Accepted = Project.path() + "/.contractcheck-baseline.json";
  ProcessResult W = runProcess(
      {contractcheckBinary(), "-p", "build", "--quiet", "--write-baseline", Accepted, Run},
      Project.path());
  ASSERT_EQ(W.ExitCode, 0) << W.Stderr;
  std::vector<std::string> WithBaseline = Args;
  WithBaseline.insert(WithBaseline.end(), {"--baseline", Accepted});
  LspClient Client(WithBaseline);
  Client.initialize();
  Client.open(Run, RunSource);
  expectNoDiagnostics(Client, Run, 1);

  // Another switch that drops Draining is not in the baseline: shown, from the unsaved text.
  std::string Edited = RunSource + "\n" + RunFunction;
  Edited.replace(Edited.rfind("int run("), 8, "int walk(");
  Client.change(Run, Edited, 2);
  json D = onlyDiagnostic(Client.diagnostics(fileUri(Run)));
  EXPECT_EQ(D["code"], "contract-switch-coverage");
  EXPECT_EQ(D["range"]["start"]["line"], 14) << D.dump(1);
}

TEST_F(LspProtocolTest, CodeActionReturnsTheFixItAsAQuickFix) {
  LspClient Client(Args);
  Client.initialize();
  Client.open(Run, RunSource);
  json D = onlyDiagnostic(Client.diagnostics(fileUri(Run)));
  int Id = Client.request("textDocument/codeAction", {{"textDocument", {{"uri", fileUri(Run)}}},
                                                      {"range",
                                                       {{"start", {{"line", 3}, {"character", 4}}},
                                                        {"end", {{"line", 3}, {"character", 4}}}}},
                                                      {"context", {{"diagnostics", {D}}}}});
  std::optional<json> R = Client.response(Id);
  ASSERT_TRUE(R);
  ASSERT_EQ((*R)["result"].size(), 1u) << R->dump(1);
  const json &Action = (*R)["result"][0];
  EXPECT_EQ(Action["kind"], "quickfix");
  EXPECT_EQ(Action["title"], "Add case Mode::Draining");
  EXPECT_EQ(Action["diagnostics"][0]["code"], "contract-switch-coverage");
  const json &Changes = Action["edit"]["changes"];
  ASSERT_TRUE(Changes.contains(fileUri(Run))) << Changes.dump(1);
  std::string Fixed = applyEdits(RunSource, Changes[fileUri(Run)]);
  EXPECT_NE(Fixed.find("  case Mode::Draining:\n  default:"), std::string::npos) << Fixed;

  // Nowhere near a finding: nothing to offer. Asking only for refactorings: nothing either.
  Id = Client.request("textDocument/codeAction", {{"textDocument", {{"uri", fileUri(Run)}}},
                                                  {"range",
                                                   {{"start", {{"line", 0}, {"character", 0}}},
                                                    {"end", {{"line", 1}, {"character", 0}}}}},
                                                  {"context", {{"diagnostics", json::array()}}}});
  R = Client.response(Id);
  ASSERT_TRUE(R);
  EXPECT_EQ((*R)["result"], json::array());
  Id = Client.request("textDocument/codeAction",
                      {{"textDocument", {{"uri", fileUri(Run)}}},
                       {"range", D["range"]},
                       {"context", {{"diagnostics", {D}}, {"only", {"refactor"}}}}});
  R = Client.response(Id);
  ASSERT_TRUE(R);
  EXPECT_EQ((*R)["result"], json::array());
}

TEST_F(LspProtocolTest, DidChangeAnalysesTheUnsavedTextAndNewerEditsWin) {
  LspClient Client(Args);
  Client.initialize();
  Client.open(Run, RunSource);
  onlyDiagnostic(Client.diagnostics(fileUri(Run)));

  // Two edits in quick succession: the first is never analysed on its own.
  std::string TwoMissing = RunSource;
  TwoMissing.replace(TwoMissing.find("  case Mode::Stopped:\n"), 22, "");
  Client.change(Run, TwoMissing, 2);
  std::string Fixed = RunSource;
  Fixed.replace(Fixed.find("  default:"), 0, "  case Mode::Draining:\n");
  Client.change(Run, Fixed, 3);
  expectNoDiagnostics(Client, Run, 3);

  // Lines added above the switch in the buffer only: the finding moves with the buffer.
  std::string Shifted = std::string("// one\n// two\n") + RunSource;
  Client.change(Run, Shifted, 4);
  json D = onlyDiagnostic(Client.diagnostics(fileUri(Run)));
  EXPECT_EQ(D["range"]["start"]["line"], 5);

  // A NOLINT typed in the buffer silences it before the file is saved.
  std::string Silenced = Shifted;
  Silenced.replace(Silenced.find("  switch (m) {"), 14,
                   "  switch (m) { // NOLINT(contract-switch-coverage)");
  Client.change(Run, Silenced, 5);
  expectNoDiagnostics(Client, Run, 5);
}

TEST_F(LspProtocolTest, DidSaveAnalysesAgainAndAStaleFixIsNotOffered) {
  LspClient Client(Args);
  Client.initialize();
  Client.open(Run, RunSource);
  json D = onlyDiagnostic(Client.diagnostics(fileUri(Run)));
  std::string Saved = std::string("// saved\n") + RunSource;
  Project.write("src/run.cpp", Saved);
  Client.change(Run, Saved, 2);
  // Before the edit is analysed, the fix computed for version 1 must not be offered.
  int Id = Client.request("textDocument/codeAction", {{"textDocument", {{"uri", fileUri(Run)}}},
                                                      {"range", D["range"]},
                                                      {"context", {{"diagnostics", {D}}}}});
  std::optional<json> R = Client.response(Id);
  ASSERT_TRUE(R);
  EXPECT_EQ((*R)["result"], json::array());
  Client.notify("textDocument/didSave", {{"textDocument", {{"uri", fileUri(Run)}}}});
  json After = onlyDiagnostic(Client.diagnostics(fileUri(Run)));
  EXPECT_EQ(After["range"]["start"]["line"], 4);
  Id = Client.request("textDocument/codeAction", {{"textDocument", {{"uri", fileUri(Run)}}},
                                                  {"range", After["range"]},
                                                  {"context", {{"diagnostics", {After}}}}});
  R = Client.response(Id);
  ASSERT_TRUE(R);
  EXPECT_EQ((*R)["result"].size(), 1u);
}

TEST_F(LspProtocolTest, AHeaderIsAnalysedThroughATranslationUnitThatIncludesIt) {
  LspClient Client(Args);
  Client.initialize();
  Client.open(Header, ModeHeader);
  json H = onlyDiagnostic(Client.diagnostics(fileUri(Header)));
  EXPECT_EQ(H["code"], "contract-switch-coverage");
  EXPECT_EQ(H["range"]["start"]["line"], 3);
  EXPECT_EQ(H["severity"], 1);
}

// Of the TUs that include a header from the same distance (ZNC's include/znc/Message.h, read by
// a hundred TUs in src/), the one with the header's stem analyses it, not the database's first.
TEST_F(LspProtocolTest, AHeaderIsAnalysedThroughTheIncluderWithItsStemAmongEquals) {
  std::string Stemmed = Project.write("src/mode.cpp", "#include \"mode.h\"\n");
  writeCompilationDatabase(Project.path() + "/build", {Run, Broken, Stemmed},
                           {"-std=c++20", "-I" + Project.path() + "/include"});
  LspClient Client(Args);
  Client.initialize();
  Client.open(Header, ModeHeader);
  std::optional<json> Log = Client.waitFor([&](const json &M) {
    return M.value("method", "") == "window/logMessage" &&
           M["params"]["message"].get<std::string>().find("analysed " + Header) != std::string::npos;
  });
  ASSERT_TRUE(Log);
  EXPECT_NE((*Log)["params"]["message"].get<std::string>().find(" through " + Stemmed + " "),
            std::string::npos)
      << Log->dump();
}

// An open header shows what its own analysis of its current text found, as clangd shows a
// header: not the older view of it that another open TU's last analysis published, which kept a
// finding the header's edit had fixed. A finding the edit causes appears on the header; the TU
// keeps its own.
// run.cpp and the header both open, the header analysed through a TU of its own (the one beside
// it), not through run.cpp.
class LspOpenHeaderTest : public LspProtocolTest {
protected:
  void SetUp() override {
    LspProtocolTest::SetUp();
    std::string ModeTu = Project.write("include/mode.cpp", "#include \"mode.h\"\n");
    writeCompilationDatabase(Project.path() + "/build", {Run, Broken, ModeTu},
                             {"-std=c++20", "-I" + Project.path() + "/include"});
  }

  void openRunAndHeader(LspClient &Client) {
    Client.initialize();
    Client.open(Run, RunSource);
    onlyDiagnostic(Client.diagnostics(fileUri(Run)));
    onlyDiagnostic(published(Client, fileUri(Header))); // seen through run.cpp
    Client.open(Header, ModeHeader);
    EXPECT_EQ(onlyDiagnostic(Client.diagnostics(fileUri(Header)))["range"]["start"]["line"], 3);
  }
};

TEST_F(LspOpenHeaderTest, AnOpenHeaderShowsWhatItsOwnEditsCauseAndFix) {
  LspClient Client(Args);
  openRunAndHeader(Client);

  std::string Fixed = ModeHeader;
  Fixed.replace(Fixed.find("  default:"), 0, "  case Mode::Draining: return 3;\n");
  Client.change(Header, Fixed, 2);
  expectNoDiagnostics(Client, Header, 2);

  std::string Added = Fixed;
  Added.replace(Added.find("Draining };"), 8, "Draining, Paused");
  Client.change(Header, Added, 3);
  json H = onlyDiagnostic(Client.diagnostics(fileUri(Header)));
  EXPECT_EQ(H["range"]["start"]["line"], 3);
  EXPECT_EQ(H["message"], "switch on 'Mode' has a 'default' label that hides 1 unhandled "
                          "enumerator: Mode::Paused");
  // run.cpp was not analysed again: its own finding stays as published.
  EXPECT_EQ(onlyDiagnostic(published(Client, fileUri(Run)))["message"],
            "switch on 'Mode' has a 'default' label that hides 1 unhandled enumerator: "
            "Mode::Draining");
}

// Saving a header analyses the open files that read it again, as clangd re-parses open files on
// a save: the open source's switch that the header's renamed enumerator left incomplete says so
// without waiting for an edit of that source.
TEST_F(LspOpenHeaderTest, SavingAHeaderAnalysesTheOpenFilesThatReadIt) {
  LspClient Client(Args);
  openRunAndHeader(Client);

  std::string Renamed = ModeHeader;
  Renamed.replace(Renamed.find("Draining };"), 8, "Drained");
  Project.write("include/mode.h", Renamed);
  Client.change(Header, Renamed, 2);
  Client.notify("textDocument/didSave", {{"textDocument", {{"uri", fileUri(Header)}}}});
  json D = onlyDiagnostic(Client.diagnostics(fileUri(Run)));
  EXPECT_EQ(D["message"], "switch on 'Mode' has a 'default' label that hides 1 unhandled "
                          "enumerator: Mode::Drained");
}

TEST_F(LspProtocolTest, ATranslationUnitThatDoesNotParseGetsOneDiagnosticOnLineOne) {
  LspClient Client(Args);
  Client.initialize();
  Client.open(Broken, readFile(Broken));
  json D = onlyDiagnostic(Client.diagnostics(fileUri(Broken)));
  EXPECT_EQ(D["code"], "parse-error");
  EXPECT_EQ(D["range"]["start"], json({{"line", 0}, {"character", 0}}));
  EXPECT_NE(D["message"].get<std::string>().find("does not parse"), std::string::npos);
  EXPECT_NE(D["message"].get<std::string>().find("broken.cpp:2:"), std::string::npos)
      << D["message"];
  // The server is still serving.
  Client.open(Run, RunSource);
  onlyDiagnostic(Client.diagnostics(fileUri(Run)));
}

// A header that is a FIFO once blocked the parse forever, and every file opened after it got no
// diagnostics: the TU is answered as not parsing, and the next file is served.
TEST_F(LspProtocolTest, AHeaderThatIsAFifoFailsItsTranslationUnitAndTheServerKeepsServing) {
  std::string Fifo = Project.file("include/pipe.h");
  ASSERT_EQ(::mkfifo(Fifo.c_str(), 0600), 0);
  std::string Piped = Project.write("src/piped.cpp", "#include \"pipe.h\"\nint piped();\n");
  writeCompilationDatabase(Project.path() + "/build", {Run, Broken, Piped},
                           {"-std=c++20", "-I" + Project.path() + "/include"});
  LspClient Client(Args);
  Client.initialize();
  Client.open(Piped, readFile(Piped));
  json D = onlyDiagnostic(Client.diagnostics(fileUri(Piped)));
  EXPECT_EQ(D["code"], "parse-error") << D.dump();
  EXPECT_NE(D.dump().find("pipe.h"), std::string::npos) << D.dump();
  Client.open(Run, RunSource);
  D = onlyDiagnostic(Client.diagnostics(fileUri(Run)));
  EXPECT_EQ(D["code"], "contract-switch-coverage");
}

TEST_F(LspProtocolTest, ACrashInAnalysisIsContainedAndTheServerKeepsServing) {
  LspClient Client(Args);
  Client.initialize();
  // Clang's debugging pragma crashes the compiler; typed into the buffer only.
  Client.open(Run, std::string("#pragma clang __debug crash\n") + RunSource);
  json D = onlyDiagnostic(Client.diagnostics(fileUri(Run)));
  EXPECT_EQ(D["code"], "crash");
  EXPECT_EQ(D["range"]["start"], json({{"line", 0}, {"character", 0}}));
  EXPECT_NE(D["message"].get<std::string>().find("crash was contained"), std::string::npos);
  Client.change(Run, RunSource, 2);
  D = onlyDiagnostic(Client.diagnostics(fileUri(Run)));
  EXPECT_EQ(D["code"], "contract-switch-coverage");
  int Id = Client.request("shutdown", nullptr);
  ASSERT_TRUE(Client.response(Id));
  Client.notify("exit", nullptr);
  EXPECT_EQ(Client.waitForExit(), 0) << Client.stderrText();
}

TEST_F(LspProtocolTest, AFileOutsideAnyCompileDatabaseIsReportedInTheLogNotAsAFinding) {
  TempDir Elsewhere;
  std::string Lonely = Elsewhere.write("lonely.cpp", RunSource);
  LspClient Client(Args);
  Client.initialize();
  Client.open(Lonely, RunSource);
  std::optional<json> Published = Client.diagnostics(fileUri(Lonely));
  ASSERT_TRUE(Published);
  EXPECT_EQ((*Published)["params"]["diagnostics"], json::array());
  bool Logged = std::any_of(Client.received().begin(), Client.received().end(), [&](const json &M) {
    return M.value("method", "") == "window/logMessage" &&
           M["params"]["message"].get<std::string>().find(Lonely) != std::string::npos;
  });
  EXPECT_TRUE(Logged) << Client.stderrText();
}

// A source the configuration excludes and the database does not list (yaml-cpp's util/api.cpp,
// which its build never compiles) is said to be excluded, as the CLI skips it, not warned about
// as a database that lacks it.
TEST_F(LspProtocolTest, AnExcludedSourceTheDatabaseLacksIsSaidToBeExcluded) {
  Project.write(".contractcheck.yaml", "version: 1\npaths:\n  exclude: [\"util/**\"]\n");
  std::string Unbuilt = Project.write("util/api.cpp", RunSource);
  LspClient Client(Args);
  Client.initialize();
  Client.open(Unbuilt, RunSource);
  std::optional<json> Published = Client.diagnostics(fileUri(Unbuilt));
  ASSERT_TRUE(Published);
  EXPECT_EQ((*Published)["params"]["diagnostics"], json::array());
  // Logged before the (empty) diagnostics were published.
  auto Log = std::find_if(Client.received().begin(), Client.received().end(), [&](const json &M) {
    return M.value("method", "") == "window/logMessage" &&
           M["params"]["message"].get<std::string>().find("not analysing " + Unbuilt) == 0;
  });
  ASSERT_NE(Log, Client.received().end()) << Client.stderrText();
  EXPECT_EQ((*Log)["params"]["message"],
            "not analysing " + Unbuilt + ": " + Unbuilt + " is excluded by paths.exclude");
  EXPECT_EQ((*Log)["params"]["type"], 3); // Info, as for an excluded source the database lists
}

TEST_F(LspProtocolTest, ACompileCommandsDirGivenOnTheCommandLineIsUsedForEveryFile) {
  TempDir Elsewhere;
  std::string Moved = Elsewhere.write("run.cpp", RunSource);
  writeCompilationDatabase(Elsewhere.path() + "/db", {Moved},
                           {"-std=c++20", "-I" + Project.path() + "/include"});
  LspClient Client({"--compile-commands-dir", Elsewhere.path() + "/db"});
  Client.initialize();
  Client.open(Moved, RunSource);
  json D = onlyDiagnostic(Client.diagnostics(fileUri(Moved)));
  EXPECT_EQ(D["code"], "contract-switch-coverage");
}

// A global step (mock-drift's pairing across TUs) needs the other TUs' facts: the editor takes
// them from the result store the last CLI run filled, and without it reports nothing cross-TU.
TEST(LspStoredFactsTest, CrossTUFindingsComeFromTheLastCliRunsStore) {
  TempDir Build;
  std::string Fixture = fixturesDir() + "/contract-mock-drift/cross-tu-co-instantiation";
  std::vector<std::string> Sources = {Fixture + "/production.cpp", Fixture + "/toggler_test.cpp",
                                      Fixture + "/upload_test.cpp"};
  writeCompilationDatabase(Build.path(), Sources, {"-std=c++20"});
  std::string Test = Fixture + "/toggler_test.cpp";
  std::string MockHeader = fileUri(Fixture + "/mock_transport.h");
  auto MockFindings = [&](LspClient &Client) {
    Client.initialize();
    Client.open(Test, readFile(Test));
    Client.diagnostics(fileUri(Test));
    std::optional<json> Published = published(Client, MockHeader);
    return Published ? Published->at("params").at("diagnostics").size() : size_t{0};
  };
  {
    LspClient Client({"--compile-commands-dir", Build.path()});
    EXPECT_EQ(MockFindings(Client), 0u) << "no store yet: nothing to pair with";
  }
  ProcessResult Cli = runProcess({contractcheckBinary(), "-p", Build.path(), "--quiet"});
  ASSERT_EQ(Cli.ExitCode, 1) << Cli.Stderr;
  LspClient Client({"--compile-commands-dir", Build.path()});
  // mock_transport.h's two expected findings, found with the other TUs' stored facts.
  EXPECT_EQ(MockFindings(Client), 2u) << Client.stderrText();
}

// The log line of the next analysis of File (sent after its diagnostics).
std::string nextAnalysisLogged(LspClient &Client, const std::string &File) {
  std::optional<json> Logged = Client.waitFor([&](const json &M) {
    return M.value("method", "") == "window/logMessage" &&
           M["params"]["message"].get<std::string>().rfind("analysed " + File, 0) == 0;
  });
  return Logged ? (*Logged)["params"]["message"].get<std::string>() : std::string();
}

const std::string Precompiled = "system headers precompiled from the store";
const std::string PrecompiledNow = "system headers precompiled now, and stored";

// The server keeps each TU's scan of its system headers in the store (engine/StoredScans.h)
// and takes it again while the TU's text up to its last #include is unchanged: that text is the
// editor's buffer, not the file on disk. A macro typed above the #include in the buffer changes
// what the library header defines, so the header may no longer be precompiled ahead of it.
TEST(LspStoredScanTest, AMacroTypedAboveTheIncludesIsSeenBeforeTheFileIsSaved) {
  TempDir Project;
  Project.write("sys/modes.h", "#pragma once\n#ifdef WITH_DRAINING\n#define HAS_DRAINING 1\n"
                               "#else\n#define HAS_DRAINING 0\n#endif\n");
  const std::string Body = "#include <modes.h>\n"
                           "enum class Mode {\n  Idle,\n  Busy,\n  Stopped,\n"
                           "#if HAS_DRAINING\n  Draining,\n#endif\n};\n" +
                           RunFunction;
  std::string Source = Project.write("src/run.cpp", Body);
  writeCompilationDatabase(Project.path() + "/build", {Source},
                           {"-std=c++20", "-isystem", Project.path() + "/sys"});
  LspClient Client({"--compile-commands-dir", Project.path() + "/build", "--debounce-ms", "50"});
  Client.initialize();
  Client.open(Source, Body);
  std::optional<json> Opened = Client.diagnostics(fileUri(Source));
  ASSERT_TRUE(Opened);
  EXPECT_EQ((*Opened)["params"]["diagnostics"], json::array()) << Opened->dump(1);
  // The first analysis stored the scan and the prefix; the second analysis of the same text
  // takes them; the edit must not.
  Client.notify("textDocument/didSave", {{"textDocument", {{"uri", fileUri(Source)}}}});
  Client.diagnostics(fileUri(Source));
  Client.change(Source, "#define WITH_DRAINING\n" + Body, 2);
  json D = onlyDiagnostic(Client.diagnostics(fileUri(Source)));
  EXPECT_EQ(D["code"], "contract-switch-coverage");
  EXPECT_NE(D["message"].get<std::string>().find("Draining"), std::string::npos) << D.dump(1);
}

// A buffer edited above its last #include (a comment, a project #include) no longer matches the
// stored scan of the file. The server scans the buffer itself and loads the prefix stored under
// the same system headers, rather than parsing them all again on every edit until the file is
// saved (Bear's Parsers.cc: 3 s an analysis instead of 0.7 s).
TEST(LspStoredScanTest, ABufferEditedAboveItsIncludesStillLoadsTheStoredPrefix) {
  TempDir Project;
  Project.write("sys/modes.h", "#pragma once\n#define MODE_COUNT 4\n");
  const std::string Body = "#include <modes.h>\n"
                           "enum class Mode { Idle, Busy, Stopped, Draining };\n" +
                           RunFunction;
  std::string Source = Project.write("src/run.cpp", Body);
  writeCompilationDatabase(Project.path() + "/build", {Source},
                           {"-std=c++20", "-isystem", Project.path() + "/sys"});
  LspClient Client({"--compile-commands-dir", Project.path() + "/build", "--debounce-ms", "50"});
  auto NextAnalysis = [&] { return nextAnalysisLogged(Client, Source); };
  Client.initialize();
  Client.open(Source, Body);
  EXPECT_EQ(NextAnalysis().find(Precompiled), std::string::npos) << "nothing stored yet";
  Client.notify("textDocument/didSave", {{"textDocument", {{"uri", fileUri(Source)}}}});
  EXPECT_NE(NextAnalysis().find(Precompiled), std::string::npos) << Client.stderrText();
  Client.change(Source, "// typed above the includes, not saved\n" + Body, 2);
  std::string Edited = NextAnalysis();
  EXPECT_NE(Edited.find(Precompiled), std::string::npos) << Edited << Client.stderrText();
  // What it finds is what it found from the file on disk.
  json D = onlyDiagnostic(published(Client, fileUri(Source)));
  EXPECT_EQ(D["code"], "contract-switch-coverage") << D.dump(1);
}

// A TU of standard headers and sys/extra.h with ExtraText.
std::string writeTableSource(TempDir &Project, const std::string &ExtraText) {
  Project.write("sys/extra.h", ExtraText);
  std::string Source =
      Project.write("src/table.cpp", "#include <map>\n#include <string>\n#include <vector>\n"
                                     "#include <extra.h>\n"
                                     "std::map<std::string, std::vector<int>> Table;\n");
  writeCompilationDatabase(Project.path() + "/build", {Source},
                           {"-std=c++20", "-isystem", Project.path() + "/sys"});
  return Source;
}

// Opens Source and saves it as soon as the open's analysis is logged: the logs of both.
std::pair<std::string, std::string> openThenSaveAtOnce(LspClient &Client,
                                                       const std::string &Source) {
  Client.initialize();
  Client.open(Source, readFile(Source));
  std::string Opened = nextAnalysisLogged(Client, Source);
  Client.notify("textDocument/didSave", {{"textDocument", {{"uri", fileUri(Source)}}}});
  return {Opened, nextAnalysisLogged(Client, Source)};
}

// What the store's prefixes directory holds with an extension among Extensions.
std::vector<std::string> prefixFiles(const TempDir &Project,
                                     const std::vector<std::string> &Extensions) {
  std::vector<std::string> Found;
  std::error_code EC;
  for (std::filesystem::directory_iterator
           It(Project.path() + "/build/.contractcheck-cache/prefixes", EC),
       End;
       !EC && It != End; It.increment(EC))
    if (std::find(Extensions.begin(), Extensions.end(), It->path().extension()) != Extensions.end())
      Found.push_back(It->path().filename());
  return Found;
}

// The open finds no prefix: it builds it, stores it and parses with it, as clangd builds its
// preamble; the save that follows at once loads it. No builder process is asked: it would be
// done only after the user's first save (engine/PrefixBuilder.h).
TEST(LspStoredScanTest, TheOpenBuildsThePrefixItMissesAndTheFirstSaveLoadsIt) {
  TempDir Project;
  std::string Source = writeTableSource(Project, "#pragma once\n");
  LspClient Client({"--compile-commands-dir", Project.path() + "/build"});
  auto [Opened, Saved] = openThenSaveAtOnce(Client, Source);
  EXPECT_NE(Opened.find(PrecompiledNow), std::string::npos) << Opened << Client.stderrText();
  EXPECT_NE(Saved.find(Precompiled), std::string::npos) << Saved << Client.stderrText();
  EXPECT_EQ(prefixFiles(Project, {".request", ".lock"}), std::vector<std::string>{});
  EXPECT_EQ(prefixFiles(Project, {".prefix"}).size(), 1u);
}

// The same when the stored prefix is stale (a header it precompiles changed): the open builds
// it again, in place of the stale one, and the save loads the new one.
TEST(LspStoredScanTest, TheOpenRebuildsAStalePrefixAndTheFirstSaveLoadsIt) {
  TempDir Project;
  std::string Source = writeTableSource(Project, "#pragma once\nint Extra;\n");
  {
    LspClient First({"--compile-commands-dir", Project.path() + "/build"});
    First.initialize();
    First.open(Source, readFile(Source));
    ASSERT_FALSE(nextAnalysisLogged(First, Source).empty()) << First.stderrText();
  }
  waitForPrefixBuilders(Project.path());
  Project.write("sys/extra.h", "#pragma once\nint Extra, More;\n");
  LspClient Client({"--compile-commands-dir", Project.path() + "/build"});
  auto [Opened, Saved] = openThenSaveAtOnce(Client, Source);
  EXPECT_NE(Opened.find(PrecompiledNow), std::string::npos) << Opened << Client.stderrText();
  EXPECT_NE(Saved.find(Precompiled), std::string::npos) << Saved << Client.stderrText();
  EXPECT_EQ(prefixFiles(Project, {".prefix"}).size(), 1u);
}

// A gMock test whose mock a library template's skipped body is handed (std::sort over mocks):
// its analysis must keep template bodies, found out by a parse that skips them, stops, and is
// followed by one keeping them. The server remembers it, as a CLI run's stale stored result
// does: the next analysis starts keeping them and loads only the prefix that keeps them (a
// loaded prefix's description is touched: StoredPrefixes::load), not also the one that skips
// them.
TEST(LspStoredScanTest, ATUThatKeptTemplateBodiesStartsKeepingThemOnTheNextSave) {
  TempDir Project;
  std::string Source = Project.write(
      "src/mocks_test.cpp", mockQueueSource() + R"(template <class T> struct Box { T Value; };
template <class T> T twice(T Value) { return Value + Value; }
} // namespace app
int size(app::MockQueue &Queue) { return app::Box<int>{Queue.size()}.Value; }
void order(std::vector<app::MockQueue *> &Queues) { std::sort(Queues.begin(), Queues.end()); }
)");
  writeCompilationDatabase(Project.path() + "/build", {Source}, {"-std=c++17"});
  LspClient Client({"--compile-commands-dir", Project.path() + "/build"});
  Client.initialize();
  Client.open(Source, readFile(Source));
  ASSERT_FALSE(nextAnalysisLogged(Client, Source).empty()) << Client.stderrText();
  std::string Prefixes = Project.path() + "/build/.contractcheck-cache/prefixes/";
  std::vector<std::string> Described = prefixFiles(Project, {".prefix"});
  ASSERT_EQ(Described.size(), 2u) << "the open built the prefix that skips template bodies and "
                                     "the one that keeps them";
  auto Before = std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
  for (const std::string &Name : Described)
    std::filesystem::last_write_time(Prefixes + Name, Before);
  Client.notify("textDocument/didSave", {{"textDocument", {{"uri", fileUri(Source)}}}});
  std::string Saved = nextAnalysisLogged(Client, Source);
  EXPECT_NE(Saved.find(Precompiled), std::string::npos) << Saved << Client.stderrText();
  size_t Loaded = std::count_if(Described.begin(), Described.end(), [&](const std::string &Name) {
    return std::filesystem::last_write_time(Prefixes + Name) != Before;
  });
  EXPECT_EQ(Loaded, 1u);
}

TEST_F(LspProtocolTest, MalformedMessagesGetJsonRpcErrorsAndTheServerKeepsServing) {
  LspClient Client(Args);
  Client.initialize();
  Client.sendRaw("Content-Length: 9\r\n\r\n{not json");
  std::optional<json> E = Client.waitFor([](const json &M) { return M.contains("error"); });
  ASSERT_TRUE(E);
  EXPECT_EQ((*E)["error"]["code"], -32700);
  EXPECT_TRUE((*E)["id"].is_null());

  Client.sendRaw("Content-Type: text/plain\r\n\r\n");
  E = Client.waitFor([](const json &M) { return M.contains("error"); });
  ASSERT_TRUE(E);
  EXPECT_EQ((*E)["error"]["code"], -32600);

  Client.send({{"jsonrpc", "1.0"}, {"id", 7}, {"method", "initialize"}});
  E = Client.waitFor([](const json &M) { return M.contains("error"); });
  ASSERT_TRUE(E);
  EXPECT_EQ((*E)["error"]["code"], -32600);
  EXPECT_EQ((*E)["id"], 7);

  // Members of the wrong type are an invalid request, not a crash.
  Client.send({{"jsonrpc", 2}, {"id", 8}, {"method", "shutdown"}});
  E = Client.waitFor([](const json &M) { return M.contains("error"); });
  ASSERT_TRUE(E);
  EXPECT_EQ((*E)["error"]["code"], -32600);
  Client.send({{"jsonrpc", "2.0"}, {"id", 9}, {"method", 42}});
  E = Client.waitFor([](const json &M) { return M.contains("error"); });
  ASSERT_TRUE(E);
  EXPECT_EQ((*E)["error"]["code"], -32600);
  EXPECT_EQ((*E)["id"], 9);
  Client.send({{"jsonrpc", "2.0"}, {"id", json::array()}, {"method", "shutdown"}});
  E = Client.waitFor([](const json &M) { return M.contains("error"); });
  ASSERT_TRUE(E);
  EXPECT_EQ((*E)["error"]["code"], -32600);
  EXPECT_TRUE((*E)["id"].is_null());

  Client.send(json::array({1, 2}));
  E = Client.waitFor([](const json &M) { return M.contains("error"); });
  ASSERT_TRUE(E);
  EXPECT_EQ((*E)["error"]["code"], -32600);

  // Params of the wrong shape: an error for that request only.
  int Id = Client.request("textDocument/codeAction", {{"textDocument", 3}});
  E = Client.response(Id);
  ASSERT_TRUE(E);
  EXPECT_EQ((*E)["error"]["code"], -32602);

  Client.open(Run, RunSource);
  onlyDiagnostic(Client.diagnostics(fileUri(Run)));
}

// Each bad frame is followed at once by a valid request: the server must answer that request,
// so a frame's bytes never swallow the next message's header or body.
TEST_F(LspProtocolTest, ABadFrameDoesNotLoseTheNextValidMessage) {
  LspClient Client(Args);
  Client.initialize();
  auto Request = [](int Id) {
    std::string Body = json{{"jsonrpc", "2.0"}, {"id", Id}, {"method", "textDocument/hover"}}.dump();
    return "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
  };
  auto Answered = [&](int Id) {
    std::optional<json> R = Client.waitFor(
        [&](const json &M) { return M.contains("id") && M["id"] == Id; }, 15s);
    return R && R->contains("error") && (*R)["error"]["code"] == -32601;
  };
  const std::vector<std::string> BadFrames = {
      // A Content-Length longer than the body: the next frame's bytes would fill it.
      "Content-Length: 400\r\n\r\n{\"jsonrpc\": \"2.0\"}",
      // Shorter than the body: the rest of the body is left in front of the next header.
      "Content-Length: 5\r\n\r\n{\"jsonrpc\": \"2.0\", \"method\": \"x\"}",
      // Not a number, and a negative one.
      "Content-Length: many\r\n\r\n{}",
      "Content-Length: -3\r\n\r\n{}",
      // Invalid JSON of the right length.
      "Content-Length: 9\r\n\r\n{not json",
      // No header at all: a body alone, with and without a line break after it.
      "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"shutdown\"}",
      "{\"jsonrpc\": \"2.0\"}\r\n",
      // A header block without Content-Length, then its body.
      "Content-Type: application/vscode-jsonrpc\r\n\r\n{\"jsonrpc\": \"2.0\"}",
  };
  int Id = 100;
  for (const std::string &Bad : BadFrames) {
    ++Id;
    Client.sendRaw(Bad + Request(Id));
    EXPECT_TRUE(Answered(Id)) << "lost the request after: " << Bad;
  }
  // A header's text inside a JSON string (escaped line breaks) is only text: a good frame.
  Client.send({{"jsonrpc", "2.0"}, {"id", 200}, {"method", "textDocument/hover"},
               {"params", {{"text", "Content-Length: 12\r\n\r\n{}"}}}});
  EXPECT_TRUE(Answered(200));
  // Still serving, and nothing above was taken for a shutdown.
  Client.open(Run, RunSource);
  onlyDiagnostic(Client.diagnostics(fileUri(Run)));
}

TEST_F(LspProtocolTest, ASecondInitializeIsRefused) {
  LspClient Client(Args);
  Client.initialize();
  int Id = Client.request("initialize", {{"capabilities", json::object()}});
  std::optional<json> R = Client.response(Id);
  ASSERT_TRUE(R);
  ASSERT_TRUE(R->contains("error")) << R->dump();
  EXPECT_EQ((*R)["error"]["code"], -32600);
  // The first session goes on.
  Client.open(Run, RunSource);
  onlyDiagnostic(Client.diagnostics(fileUri(Run)));
}

TEST_F(LspProtocolTest, UnknownMethodsAndCancelRequests) {
  LspClient Client(Args);
  Client.initialize();
  int Id = Client.request("textDocument/hover", {{"textDocument", {{"uri", fileUri(Run)}}},
                                                 {"position", {{"line", 0}, {"character", 0}}}});
  std::optional<json> R = Client.response(Id);
  ASSERT_TRUE(R);
  EXPECT_EQ((*R)["error"]["code"], -32601);
  EXPECT_NE((*R)["error"]["message"].get<std::string>().find("textDocument/hover"),
            std::string::npos);
  // Notifications the server does not use are ignored without an answer.
  Client.notify("$/cancelRequest", {{"id", Id}});
  Client.notify("workspace/didChangeConfiguration", {{"settings", json::object()}});
  Client.notify("$/somethingNew", json::object());
  int Shutdown = Client.request("shutdown", nullptr);
  R = Client.response(Shutdown);
  ASSERT_TRUE(R);
  EXPECT_TRUE((*R)["result"].is_null());
  size_t Errors = std::count_if(Client.received().begin(), Client.received().end(),
                                [](const json &M) { return M.contains("error"); });
  EXPECT_EQ(Errors, 1u);
}

TEST_F(LspProtocolTest, RequestsBeforeInitializeAreRefused) {
  LspClient Client(Args);
  int Id = Client.request("textDocument/codeAction", json::object());
  std::optional<json> R = Client.response(Id);
  ASSERT_TRUE(R);
  EXPECT_EQ((*R)["error"]["code"], -32002);
}

TEST_F(LspProtocolTest, ShutdownThenExitEndsWithCodeZero) {
  LspClient Client(Args);
  Client.initialize();
  Client.open(Run, RunSource);
  int Id = Client.request("shutdown", nullptr);
  ASSERT_TRUE(Client.response(Id));
  int After = Client.request("textDocument/codeAction", json::object());
  std::optional<json> R = Client.response(After);
  ASSERT_TRUE(R);
  EXPECT_EQ((*R)["error"]["code"], -32600);
  Client.notify("exit", nullptr);
  EXPECT_EQ(Client.waitForExit(), 0) << Client.stderrText();
}

TEST_F(LspProtocolTest, ExitWithoutShutdownOrAClosedPipeEndsWithCodeOne) {
  LspClient Client(Args);
  Client.initialize();
  Client.notify("exit", nullptr);
  EXPECT_EQ(Client.waitForExit(), 1);
}

TEST(LspCommandLine, BadOptionsAreRefusedWithExitCodeTwo) {
  ProcessResult R = runProcess({contractcheckBinary(), "lsp", "--frobnicate"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Stderr.find("unknown option '--frobnicate'"), std::string::npos) << R.Stderr;
  R = runProcess({contractcheckBinary(), "lsp", "--compile-commands-dir", "/nonexistent/dir"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Stderr.find("'/nonexistent/dir' is not a directory"), std::string::npos);
}

} // namespace
} // namespace contractcheck::test
