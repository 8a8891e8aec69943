// The CLI run, the extract/check pair and the language server share one orchestrator
// (engine/AnalysisRun): on one project they give the same findings, per-TU and global alike, and
// the same problems of rules with their inputs.
#include "../cli/CliTestSupport.h"
#include "LspClient.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace contractcheck::test {
namespace {

using nlohmann::json;
using Found = std::tuple<std::string, int, std::string, std::string>; // file, line, rule, message

std::set<Found> fromJson(const std::string &Text) {
  std::set<Found> Out;
  json Report = json::parse(Text);
  for (const json &F : Report["findings"])
    Out.emplace(F["location"]["file"], F["location"]["line"].get<int>(), F["rule"], F["message"]);
  // A rule's problem with its inputs, where it is (line 0: the file as a whole, which an editor
  // shows at its first line).
  for (const json &P : Report["problems"])
    Out.emplace(P["location"]["file"], std::max(P["location"].value("line", 0), 1), P["rule"],
                P["message"]);
  return Out;
}

class FrontEndsAgreeTest : public ::testing::Test {
protected:
  void SetUp() override {
    Project.write("include/mode.h", "#pragma once\n"
                                    "enum class Mode { Idle, Busy, Stopped, Draining, Paused };\n"
                                    "inline int weight(Mode m) {\n"
                                    "  switch (m) {\n"
                                    "  case Mode::Idle: return 0;\n"
                                    "  case Mode::Busy: case Mode::Stopped: case Mode::Paused: return 1;\n"
                                    "  default: return 2;\n"
                                    "  }\n"
                                    "}\n");
    A = Project.write("src/a.cpp", "#include \"mode.h\"\n"
                                   "int a(Mode m) {\n"
                                   "  switch (m) {\n"
                                   "  case Mode::Idle: case Mode::Busy: case Mode::Stopped:\n"
                                   "  case Mode::Draining: return 1;\n"
                                   "  default: return 0;\n"
                                   "  }\n"
                                   "}\n");
    B = Project.write("src/b.cpp", "#include \"mode.h\"\nint b() { return weight(Mode::Busy); }\n");
    // A global rule: the data file is judged from the enum's definition, a fact of either TU.
    Project.write("config/routes.yaml", "routes:\n  - {mode: Busy}\n  - {mode: Drainin}\n");
    // And a data file that does not parse: a problem of the rule with its input, in every front
    // end.
    Project.write("broken/flags.json", "{\"mode\": Busy}\n");
    Project.write(".contractcheck.yaml",
                  "version: 1\n"
                  "rules:\n"
                  "  contract-enum-name:\n"
                  "    data: [{files: [\"config/*.yaml\"], key: \"routes[*].mode\", enum: Mode},\n"
                  "           {files: [\"broken/*.json\"], key: \"mode\", enum: Mode}]\n");
    Build = Project.path() + "/build";
    writeCompilationDatabase(Build, {A, B}, {"-std=c++20", "-I" + Project.path() + "/include"});
  }

  TempDir Project;
  std::string A, B, Build;
};

TEST_F(FrontEndsAgreeTest, CliExtractCheckAndLanguageServerGiveTheSameFindingsAndProblems) {
  constexpr int Incomplete = 3; // the data file that does not parse
  ProcessResult Cli = runContractcheck({"-p", Build, "--format", "json", "-j", "1"});
  ASSERT_EQ(Cli.ExitCode, Incomplete) << Cli.Stderr;
  std::set<Found> FromCli = fromJson(Cli.Stdout);
  // One per-TU finding in each TU's own file, one in the header, one global in the data file,
  // and the broken data file's problem.
  ASSERT_EQ(FromCli.size(), 4u) << Cli.Stdout;

  TempDir Store;
  ProcessResult Extract = runContractcheck({"extract", "-p", Build, "--cache-dir", Store.path()});
  ASSERT_EQ(Extract.ExitCode, 0) << Extract.Stderr;
  ProcessResult Check =
      runContractcheck({"check", "-p", Build, "--cache-dir", Store.path(), "--format", "json"});
  ASSERT_EQ(Check.ExitCode, Incomplete) << Check.Stderr;
  EXPECT_EQ(fromJson(Check.Stdout), FromCli);

  // The editor: both TUs opened; what it publishes, file by file, once both are analysed. The
  // other TU's facts come from the store the CLI run above filled.
  LspClient Client({"--debounce-ms", "50"});
  Client.initialize();
  for (const std::string &File : {A, B}) {
    Client.open(File, readFile(File));
    ASSERT_TRUE(Client.diagnostics(fileUri(File))) << Client.stderrText();
  }
  std::map<std::string, json> Latest;
  for (const json &Message : Client.received())
    if (Message.value("method", "") == "textDocument/publishDiagnostics")
      Latest[Message["params"]["uri"]] = Message["params"]["diagnostics"];
  std::set<Found> FromEditor;
  for (const auto &[Uri, Diagnostics] : Latest)
    for (const json &D : Diagnostics)
      FromEditor.emplace(Uri.substr(std::string("file://").size()),
                         D["range"]["start"]["line"].get<int>() + 1, D["code"], D["message"]);
  EXPECT_EQ(FromEditor, FromCli) << Client.stderrText();
}

} // namespace
} // namespace contractcheck::test
