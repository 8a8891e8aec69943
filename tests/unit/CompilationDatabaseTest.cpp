// What a compilation database says of where the project's sources are.
#include "CompilationDatabase.h"

#include "CommandMangler.h"
#include "InputError.h"
#include "Paths.h"
#include "Subprocess.h"

#include <clang/Tooling/JSONCompilationDatabase.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <optional>

namespace contractcheck {
namespace {

// project/{src,lib,build} without git: the project is the directory holding the database and
// every source it compiles, found once, as the database is read (AnalysisRun asks it of a file
// given on the command line that nothing reads).
TEST(CompilationDatabaseTest, TheSourcesDirectoryHoldsTheDatabaseAndEverySource) {
  test::TempDir Project;
  std::string A = Project.write("src/a.cpp", "int a();\n");
  std::string B = Project.write("lib/deep/b.cpp", "int b();\n");
  test::writeCompilationDatabase(Project.file("build"), {A, B}, {"-std=c++20"});
  EXPECT_EQ(CompilationDatabase::load(Project.file("build")).sourcesDirectory(), Project.path());

  std::string Generated = Project.write("build/gen/c.cpp", "int c();\n");
  test::writeCompilationDatabase(Project.file("build"), {Generated}, {"-std=c++20"});
  EXPECT_EQ(CompilationDatabase::load(Project.file("build")).sourcesDirectory(),
            Project.file("build"));
}

// The database is read once into its entries, no longer written out again for clang's JSON
// database to read: every command is still what that read made of it (each 'command' split as
// the shell split it, a compiler wrapper dropped, a command line of one word unescaped,
// response files expanded), then made into one clang's driver takes.
TEST(CompilationDatabaseTest, CommandsAreWhatClangsJsonDatabaseMadeOfThem) {
  test::TempDir Project;
  std::string Dir = Project.path();
  Project.write("flags.rsp", "-DFROM_RSP=1 -Iinc\n");
  nlohmann::json Entries = nlohmann::json::array();
  auto Add = [&](const std::string &File, const char *Key, nlohmann::json Value) {
    Entries.push_back({{"directory", Dir}, {"file", File}, {Key, std::move(Value)}});
  };
  Add("a.cpp", "arguments", {"ccache", "g++", "-DX", "-c", "a.cpp"});
  Add("b.cpp", "command", "distcc ccache /usr/bin/g++ -Wall\t\t-fconcepts -c b.cpp\n");
  Add("c.cpp", "arguments", {"sccache", "c.cpp", "-c"});
  Add("d.cpp", "arguments", {"ccache.exe", "-c", "d.cpp"});
  Add("e.cpp", "arguments", {"g++ -DY='a b' -DZ=\"c d\" -c e.cpp"});
  Add("f.cpp", "command", "clang++");
  Add("g.cpp", "arguments", {"clang++", "@flags.rsp", "-c", "g.cpp"});
  Add("h.cpp", "command", "clang++ -DQ=\\\"caf\u00e9\\\" '-DR=x y' -c h.cpp");
  Add("i.cpp", "arguments", {"ccache"});
  Add("j.cpp", "arguments", {"ccache", "", "-c", "j.cpp"});
  Entries.back()["output"] = "j.o";
  Project.write("build/compile_commands.json", Entries.dump(2));

  // What the database was read as before: the commands split, written out, read by clang's
  // JSON database and its response files expanded, then each mangled.
  nlohmann::json Split = Entries;
  for (nlohmann::json &Entry : Split)
    if (Entry.contains("command")) {
      Entry["arguments"] = splitCommand(Entry["command"].get<std::string>());
      Entry.erase("command");
    }
  std::string Error;
  auto Clangs = clang::tooling::expandResponseFiles(
      clang::tooling::JSONCompilationDatabase::loadFromBuffer(
          Split.dump(), Error, clang::tooling::JSONCommandLineSyntax::AutoDetect),
      llvm::vfs::getRealFileSystem());
  ASSERT_TRUE(Clangs) << Error;
  std::vector<clang::tooling::CompileCommand> Expected = Clangs->getAllCompileCommands();

  CompilationDatabase Db = CompilationDatabase::load(Project.file("build"));
  ASSERT_EQ(Db.commands().size(), Expected.size());
  for (size_t I = 0; I < Expected.size(); ++I) {
    EXPECT_EQ(Db.commands()[I].File, Dir + "/" + Expected[I].Filename);
    EXPECT_EQ(Db.commands()[I].arguments(), mangleCommand(Expected[I].CommandLine).Arguments)
        << Expected[I].Filename;
  }
  // Those the cases are about, spelled out.
  using Args = std::vector<std::string>;
  EXPECT_EQ(Db.commands()[0].arguments(), (Args{"g++", "-DX", "-c", "a.cpp"}));
  EXPECT_EQ(Db.commands()[1].arguments(), (Args{"/usr/bin/g++", "-Wall", "-c", "b.cpp"}));
  EXPECT_EQ(Db.commands()[4].arguments(), (Args{"g++", "-DY=a b", "-DZ=c d", "-c", "e.cpp"}));
  EXPECT_EQ(Db.commands()[6].arguments(),
            (Args{"clang++", "-DFROM_RSP=1", "-Iinc", "-c", "g.cpp"}));
}

// A single-file run reads a database of many commands and uses one: the others are made into
// clang's only when used (a run's other TUs, with a result store, for their keys), and the
// flags said dropped are those of the commands used.
TEST(CompilationDatabaseTest, OnlyTheCommandsUsedAreMadeIntoClangs) {
  test::TempDir Project;
  nlohmann::json Entries = nlohmann::json::array(
      {{{"directory", Project.path()}, {"file", "a.cpp"},
        {"arguments", {"g++", "-fconcepts", "-c", "a.cpp"}}},
       {{"directory", Project.path()}, {"file", "b.cpp"},
        {"command", "g++ -fno-gnu-unique -fconcepts -c b.cpp"}}});
  std::ofstream(Project.file("compile_commands.json")) << Entries.dump();
  CompilationDatabase Db = CompilationDatabase::load(Project.path());
  EXPECT_TRUE(Db.droppedFlags().empty());
  const CompileCommand *B = Db.find(Project.file("b.cpp"));
  ASSERT_NE(B, nullptr);
  EXPECT_EQ(B->mangled(), nullptr);
  EXPECT_EQ(B->arguments(), (std::vector<std::string>{"g++", "-c", "b.cpp"}));
  ASSERT_NE(B->mangled(), nullptr);
  EXPECT_EQ(Db.commands()[0].mangled(), nullptr);
  EXPECT_EQ(Db.droppedFlags(), (std::vector<std::string>{"-fno-gnu-unique", "-fconcepts"}));
  // A copy shares what was made of the command.
  CompileCommand A = Db.commands()[0];
  EXPECT_EQ(A.arguments(), (std::vector<std::string>{"g++", "-c", "a.cpp"}));
  EXPECT_NE(Db.commands()[0].mangled(), nullptr);
  // In the database's order, each once.
  EXPECT_EQ(Db.droppedFlags(), (std::vector<std::string>{"-fconcepts", "-fno-gnu-unique"}));
}

// An ASCII database is read without a JSON document (the common case, and most of what reading
// one cost a single-file run); any other text through the document. Both give the same entries:
// the same entries are read once as ASCII text and once with a last entry whose file name is
// not ASCII, which sends the whole text the document's way.
TEST(CompilationDatabaseTest, AnAsciiDatabaseReadDirectlyIsTheOneTheDocumentGives) {
  test::TempDir Project;
  std::string Dir = Project.path();
  nlohmann::json Entries = nlohmann::json::array(
      {{{"directory", Dir}, {"file", "a.cpp"}, {"arguments", {"g++", "-DA=\"x\"", "-c", "a.cpp"}}},
       {{"output", "b.o"}, {"command", "g++ -DB='1 2'\t-c ./src/../b.cpp"}, {"file", "./src/../b.cpp"},
        {"directory", Dir + "/"}},
       {{"directory", Dir}, {"file", Dir + "/a.cpp"}, {"command", "g++ -c a.cpp"}},
       {{"directory", Dir + "/sub"}, {"file", "cé.cpp"}, {"command", "g++ -c cé.cpp"},
        {"arguments", {"clang++", "-c", "cé.cpp"}}},
       {{"directory", "/"}, {"file", "tmp//d.cpp"}, {"arguments", {"cc", "-c", "tmp//d.cpp"}}}});
  auto Read = [&](const nlohmann::json &Text, bool Ascii) {
    Project.write("build/compile_commands.json", Text.dump(1, ' ', Ascii));
    return CompilationDatabase::load(Project.file("build"));
  };
  CompilationDatabase Direct = Read(Entries, true);
  nlohmann::json WithOther = Entries;
  WithOther.push_back({{"directory", Dir}, {"file", "ü.cpp"}, {"command", "g++ -c x.cpp"}});
  CompilationDatabase Document = Read(WithOther, false);
  ASSERT_EQ(Direct.commands().size(), 4u);
  ASSERT_EQ(Document.commands().size(), 5u);
  for (size_t I = 0; I < Direct.commands().size(); ++I) {
    EXPECT_EQ(Direct.commands()[I].File, Document.commands()[I].File);
    EXPECT_EQ(Direct.commands()[I].Directory, Document.commands()[I].Directory);
    EXPECT_EQ(Direct.commands()[I].arguments(), Document.commands()[I].arguments());
  }
  EXPECT_EQ(Direct.commands()[1].File, Dir + "/b.cpp");
  EXPECT_EQ(Direct.commands()[2].File, Dir + "/sub/cé.cpp");
  EXPECT_EQ(Direct.commands()[2].arguments()[0], "clang++");
  EXPECT_EQ(Direct.repeatedEntries(Dir + "/a.cpp"), 1u);
  EXPECT_EQ(Direct.sourcesDirectory(), Document.sourcesDirectory());

  // What the document refuses is refused with its position, as before: a repeated key, a
  // number, a relative directory (the direct reader leaves each to it).
  for (const char *Bad : {R"([{"directory": "/", "file": "a.cpp", "file": "b.cpp", "command": "cc"}])",
                          R"([{"directory": "/", "file": "a.cpp", "command": "cc", "output": 1}])",
                          R"([{"directory": "rel", "file": "a.cpp", "command": "cc"}])",
                          R"([{"directory": "/", "file": "a.cpp", "arguments": []}])",
                          // 'output' is not decoded by the direct reader, but checked as a
                          // string still: an escape nlohmann refuses, a list.
                          R"([{"directory": "/", "file": "a.cpp", "command": "cc", "output": "a\q.o"}])",
                          R"([{"directory": "/", "file": "a.cpp", "command": "cc", "output": "\ud800"}])",
                          R"([{"directory": "/", "file": "a.cpp", "command": "cc", "output": ["a.o"]}])"}) {
    Project.write("build/compile_commands.json", Bad);
    bool Repeated = std::string(Bad).find("\"b.cpp\"") != std::string::npos;
    if (Repeated) { // nlohmann keeps the last: read, b.cpp
      EXPECT_EQ(CompilationDatabase::load(Project.file("build")).commands().at(0).File, "/b.cpp");
      continue;
    }
    EXPECT_THROW(CompilationDatabase::load(Project.file("build")), InputError) << Bad;
  }
  // An 'output' with escapes, or given twice, is read and ignored, as the document does.
  Project.write("build/compile_commands.json",
                R"([{"directory": "/", "output": "x.o", "file": "a.cpp", "command": "cc", )"
                R"("output": "a\"\u00e9\\.o"}])");
  EXPECT_EQ(CompilationDatabase::load(Project.file("build")).commands().at(0).File, "/a.cpp");
}

// An ASCII database's commands are kept as written in its text and decoded when first used (a
// single-file run uses one of many): escapes in a 'command' and in 'arguments' are decoded
// then, and a command copied out of its database is still decoded after the database is gone.
TEST(CompilationDatabaseTest, ACommandIsDecodedWhenUsedEvenAfterItsDatabaseIsGone) {
  test::TempDir Project;
  std::string Dir = Project.path();
  Project.write("build/compile_commands.json",
                "[{\"directory\": \"" + Dir + "\", \"file\": \"a.cpp\", "
                "\"command\": \"g++\\t-DQ=1 -c a.cpp\"},\n"
                " {\"directory\": \"" + Dir + "\", \"file\": \"b.cpp\", "
                "\"arguments\": [\"g++\", \"-DA=\\\"x\\\"\", \"-c\", \"b.cpp\"]}]");
  std::optional<CompileCommand> A, B;
  {
    CompilationDatabase Db = CompilationDatabase::load(Project.file("build"));
    ASSERT_EQ(Db.commands().size(), 2u);
    A.emplace(Db.commands()[0]);
    B.emplace(Db.commands()[1]);
    EXPECT_EQ(A->mangled(), nullptr);
  }
  using Args = std::vector<std::string>;
  EXPECT_EQ(A->arguments(), (Args{"g++", "-DQ=1", "-c", "a.cpp"}));
  EXPECT_EQ(B->arguments(), (Args{"g++", "-DA=\"x\"", "-c", "b.cpp"}));
  EXPECT_EQ(B->File, Dir + "/b.cpp");
}

// absolutePath leaves a path that is already absolute and normal as it is without splitting it
// (every file of a database): the same as llvm's remove_dots, on the shapes it rewrites.
TEST(CompilationDatabaseTest, AbsolutePathsAreNormalisedAsRemoveDotsDoes) {
  for (const char *Path : {"/", "/a", "/a/b.cpp", "/a/./b", "/a/../b", "/a/b/", "//a/b", "/a//b",
                           "/.", "/..", "/a/.", "/a/..", "/a/.b/..c/b..", "/a/...", "///",
                           "/a/b/c/d/e/f.h"}) {
    llvm::SmallString<256> Expected(Path);
    llvm::sys::path::remove_dots(Expected, /*remove_dot_dot=*/true);
    EXPECT_EQ(absolutePath(Path), std::string(Expected)) << Path;
    EXPECT_EQ(absolutePath(Path, "/base"), std::string(Expected)) << Path;
  }
}

} // namespace
} // namespace contractcheck
