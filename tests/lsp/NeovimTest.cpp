// End to end in a real editor: headless Neovim (Debian 12's 0.7) with its built-in LSP client
// runs `contractcheck lsp` on a small project (tests/lsp/nvim/init.lua does the editor side and
// reports what it saw as JSON); this test judges it.
#include "Subprocess.h"
#include "TestPaths.h"

#include <llvm/Support/Path.h>
#include <llvm/Support/Program.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace contractcheck::test {
namespace {

using nlohmann::json;

const char *StoreTest = R"(#include <gmock/gmock.h>

#include <string>
#include <string_view>

enum class Mode { Idle, Busy, Stopped, Draining };

int weight(Mode m) {
  switch (m) {
  case Mode::Idle:
    return 0;
  case Mode::Busy:
  case Mode::Stopped:
    return 1;
  default:
    return 2;
  }
}

class Store {
public:
  virtual ~Store() = default;
  virtual void put(const std::string &key, std::string_view value) = 0;
};

class MockStore : public Store {
public:
  MOCK_METHOD(void, put, (const std::string &key, const std::string &value));
};
)";

TEST(NeovimTest, DiagnosticsAndTheQuickFixReachTheBuffer) {
  llvm::ErrorOr<std::string> Nvim = llvm::sys::findProgramByName("nvim");
  if (!Nvim)
    GTEST_SKIP() << "nvim is not installed (apt-get install neovim; scripts/setup.sh installs "
                    "it): the end-to-end Neovim test did not run";
  TempDir Project;
  std::string Source = Project.write("src/store_test.cpp", StoreTest);
  writeCompilationDatabase(Project.path() + "/build", {Source}, {"-std=c++20"});
  std::string Result = Project.file("result.json");
  ProcessResult R = runProcess(
      {*Nvim, "--headless", "-n", "-i", "NONE", "--noplugin", "-u",
       sourceDir() + "/tests/lsp/nvim/init.lua"},
      Project.path(),
      {"CONTRACTCHECK_BINARY=" + contractcheckBinary(), "FIXTURE_FILE=" + Source,
       "RESULT_FILE=" + Result, "XDG_STATE_HOME=" + Project.path() + "/state",
       "XDG_CACHE_HOME=" + Project.path() + "/cache", "XDG_DATA_HOME=" + Project.path() + "/data"});
  ASSERT_EQ(R.ExitCode, 0) << R.Stdout << R.Stderr;
  std::string Text = readFile(Result);
  ASSERT_FALSE(Text.empty()) << "Neovim wrote no report\n" << R.Stdout << R.Stderr;
  json Report = json::parse(Text);
  ASSERT_FALSE(Report.contains("error")) << Report.dump(1);

  ASSERT_TRUE(Report["got_diagnostics"].get<bool>()) << Report.dump(1);
  const json &Before = Report["before"];
  ASSERT_EQ(Before.size(), 2u) << Report.dump(1);
  EXPECT_EQ(Before[0]["code"], "contract-switch-coverage");
  EXPECT_EQ(Before[0]["lnum"], 8); // 0-based: the `switch` on line 9
  EXPECT_EQ(Before[0]["col"], 2);
  EXPECT_EQ(Before[0]["message"], "switch on 'Mode' has a 'default' label that hides 1 "
                                  "unhandled enumerator: Mode::Draining");
  EXPECT_EQ(Before[0]["severity"], 1); // vim.diagnostic.severity.ERROR
  EXPECT_EQ(Before[0]["source"], "contractcheck");
  EXPECT_NE(Before[0]["href"].get<std::string>().find("contract-switch-coverage.md"),
            std::string::npos);
  EXPECT_EQ(Before[1]["code"], "contract-mock-drift");
  EXPECT_EQ(Before[1]["lnum"], 27);
  EXPECT_EQ(Before[1]["message"], "mock method 'MockStore::put(const std::string &, const "
                                  "std::string &)' overrides nothing: its signature matches no "
                                  "'Store::put'");
  EXPECT_EQ(Before[1]["related"], 2);

  EXPECT_EQ(Report["menu"], json({"Add case Mode::Draining"}));
  ASSERT_TRUE(Report["fix_applied"].get<bool>()) << Report.dump(1);
  std::vector<std::string> Lines = Report["lines"];
  ASSERT_GE(Lines.size(), 17u);
  EXPECT_EQ(Lines[13], "    return 1;");
  EXPECT_EQ(Lines[14], "  case Mode::Draining:");
  EXPECT_EQ(Lines[15], "  default:");

  EXPECT_TRUE(Report["reanalysed"].get<bool>()) << Report.dump(1);
  ASSERT_EQ(Report["after"].size(), 1u) << Report.dump(1);
  EXPECT_EQ(Report["after"][0]["code"], "contract-mock-drift");
  EXPECT_EQ(Report["after"][0]["lnum"], 28); // one line lower after the inserted case
  EXPECT_EQ(Report["modified"], true);       // the verdict came from the unsaved buffer
  EXPECT_EQ(readFile(Source), StoreTest);
}

// The Neovim recipe of docs/editors.md, verbatim, as the user's init.lua (the test above starts
// its client its own way), with clangd attached to the same buffer as the page says to run it:
// both servers' diagnostics reach the buffer, and clangd's do not disturb contractcheck's. Tried
// by hand on yaml-cpp first (newuser19); a recipe that no longer starts the server, or a server
// that stops publishing beside clangd, fails here.
TEST(NeovimTest, TheDocumentedRecipeRunsBesideClangd) {
  llvm::ErrorOr<std::string> Nvim = llvm::sys::findProgramByName("nvim");
  if (!Nvim)
    GTEST_SKIP() << "nvim is not installed (apt-get install neovim; scripts/setup.sh installs "
                    "it): the end-to-end Neovim test did not run";
  std::string Editors = readFile(sourceDir() + "/docs/editors.md");
  size_t Recipe = Editors.find("-- contractcheck beside clangd");
  ASSERT_NE(Recipe, std::string::npos) << "docs/editors.md shows no Neovim recipe";
  size_t Start = Editors.rfind("```lua\n", Recipe), End = Editors.find("```", Recipe);
  ASSERT_NE(Start, std::string::npos);
  ASSERT_NE(End, std::string::npos);

  TempDir Project;
  std::string Init = Project.write("config/init.lua", Editors.substr(Start + 7, End - Start - 7));
  // The recipe finds the project root by its .git.
  ASSERT_EQ(runProcess({"git", "init", "-q"}, Project.path()).ExitCode, 0);
  std::string Source = Project.write(
      "src/store_test.cpp",
      std::string(StoreTest) + "\nint spare() {\n  int unused = 0;\n  return 1;\n}\n");
  writeCompilationDatabase(Project.path() + "/build", {Source}, {"-std=c++20", "-Wall"});
  llvm::ErrorOr<std::string> Clangd = llvm::sys::findProgramByName("clangd-19");
  std::string ToolDir = llvm::sys::path::parent_path(contractcheckBinary()).str();
  const char *Path = std::getenv("PATH");
  std::string Result = Project.file("result.json");
  ProcessResult R = runProcess(
      {*Nvim, "--headless", "-n", "-i", "NONE", "-u", Init, "-c",
       "luafile " + sourceDir() + "/tests/lsp/nvim/beside-clangd.lua"},
      Project.path(),
      {"PATH=" + ToolDir + ":" + (Path ? Path : "/usr/bin:/bin"), "FIXTURE_FILE=" + Source,
       "RESULT_FILE=" + Result, "CLANGD_BINARY=" + (Clangd ? *Clangd : std::string()),
       "XDG_STATE_HOME=" + Project.path() + "/state", "XDG_CACHE_HOME=" + Project.path() + "/cache",
       "XDG_DATA_HOME=" + Project.path() + "/data", "XDG_CONFIG_HOME=" + Project.path() + "/xdg"});
  ASSERT_EQ(R.ExitCode, 0) << R.Stdout << R.Stderr;
  std::string Text = readFile(Result);
  ASSERT_FALSE(Text.empty()) << "Neovim wrote no report\n" << R.Stdout << R.Stderr;
  json Report = json::parse(Text);
  ASSERT_FALSE(Report.contains("error")) << Report.dump(1);

  EXPECT_TRUE(Report["got_contractcheck"].get<bool>()) << Report.dump(1);
  ASSERT_EQ(Report["contractcheck"].size(), 2u) << Report.dump(1);
  EXPECT_EQ(Report["contractcheck"][0]["code"], "contract-switch-coverage");
  EXPECT_EQ(Report["contractcheck"][1]["code"], "contract-mock-drift");
  if (!Clangd) {
    EXPECT_EQ(Report["clients"], json({"contractcheck"})) << Report.dump(1);
    GTEST_SKIP() << "clangd-19 is not installed: contractcheck's recipe ran without it beside";
  }
  EXPECT_EQ(Report["clients"], json({"clangd", "contractcheck"})) << Report.dump(1);
  ASSERT_TRUE(Report["got_clangd"].get<bool>()) << Report.dump(1);
  // clangd's own: -Wunused-variable on `int unused` (line 31, 0-based).
  bool Unused = false;
  for (const json &D : Report["others"])
    Unused = Unused || (D["lnum"] == 31 && D["code"] == "-Wunused-variable");
  EXPECT_TRUE(Unused) << Report.dump(1);
}

} // namespace
} // namespace contractcheck::test
