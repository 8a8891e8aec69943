// Every input a fuzz target (tests/fuzz) ever failed on, kept in tests/fuzz/regressions/<target>
// and run through the same reader as the fuzzer: it must end in a result or an InputError,
// promptly.
#include "Baseline.h"
#include "CompilationDatabase.h"
#include "Config.h"
#include "InputError.h"
#include "Subprocess.h"
#include "Suppression.h"
#include "TestPaths.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>

namespace contractcheck {
namespace {

using Reader = std::function<void(const std::string &Path)>;

void replay(const std::string &Target, const std::string &FileName, const Reader &Read) {
  std::string Dir = test::sourceDir() + "/tests/fuzz/regressions/" + Target;
  ASSERT_TRUE(std::filesystem::is_directory(Dir)) << Dir;
  size_t Replayed = 0;
  for (const auto &Entry : std::filesystem::directory_iterator(Dir)) {
    test::TempDir Scratch;
    std::string Path = Scratch.write(FileName, test::readFile(Entry.path().string()));
    auto Start = std::chrono::steady_clock::now();
    try {
      Read(Path);
    } catch (const InputError &) {
    }
    EXPECT_LT(std::chrono::steady_clock::now() - Start, std::chrono::seconds(5))
        << Entry.path() << " took too long";
    ++Replayed;
  }
  EXPECT_GT(Replayed, 0u);
}

TEST(FuzzRegressionTest, Config) {
  replay("ConfigFuzzer", ".contractcheck.yaml",
         [](const std::string &Path) {
           Config C = Config::load(Path);
           static_cast<void>(C.toClangTidyConfig());
         });
}

TEST(FuzzRegressionTest, Baseline) {
  replay("BaselineFuzzer", "baseline.json",
         [](const std::string &Path) { static_cast<void>(Baseline::load(Path)); });
}

TEST(FuzzRegressionTest, CompilationDatabase) {
  if (!std::filesystem::is_directory(test::sourceDir() +
                                     "/tests/fuzz/regressions/CompilationDatabaseFuzzer"))
    GTEST_SKIP() << "the fuzzer has found nothing in the compile-database reader yet";
  // Each command is made into clang's when first used (CompileCommand::arguments): used here.
  replay("CompilationDatabaseFuzzer", "compile_commands.json", [](const std::string &Path) {
    // The database named, not a temporary: a range-for over a temporary's member would walk
    // a destroyed vector.
    CompilationDatabase Db = CompilationDatabase::load(Path);
    for (const CompileCommand &Command : Db.commands())
      static_cast<void>(Command.arguments());
  });
}

TEST(FuzzRegressionTest, Nolint) {
  if (!std::filesystem::is_directory(test::sourceDir() + "/tests/fuzz/regressions/NolintFuzzer"))
    GTEST_SKIP() << "the fuzzer has found nothing in the NOLINT parser yet";
  replay("NolintFuzzer", "source.cpp", [](const std::string &Path) {
    SuppressionIndex Index(test::readFile(Path));
    static_cast<void>(Index.isSuppressed(1, "contract-switch-coverage"));
  });
}

} // namespace
} // namespace contractcheck
