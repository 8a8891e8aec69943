// .contractcheck.yaml is strict: duplicate keys, a second document and a directory where the
// file should be are errors with a position, never a silent choice or an exception.
#include "Config.h"
#include "InputError.h"
#include "Subprocess.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace contractcheck {
namespace {

using test::TempDir;

std::string loadError(const std::string &Text) {
  TempDir Dir;
  std::string Path = Dir.write(".contractcheck.yaml", Text);
  try {
    Config::load(Path);
    return "";
  } catch (const InputError &E) {
    std::string Rendered = E.render();
    return Rendered.substr(Rendered.find(".contractcheck.yaml"));
  }
}

TEST(StrictYamlTest, DuplicateTopLevelKey) {
  EXPECT_EQ(loadError("version: 1\nrules: {}\nversion: 1\n"),
            ".contractcheck.yaml:3:1: error: duplicate key 'version' (first at line 1)");
}

TEST(StrictYamlTest, DuplicateRule) {
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-switch-coverage: {severity: warning}\n"
                      "  contract-switch-coverage: {severity: off}\n"),
            ".contractcheck.yaml:4:3: error: duplicate key 'contract-switch-coverage' (first at "
            "line 3)");
}

TEST(StrictYamlTest, DuplicateKeyInsideAFlowMappingInAList) {
  EXPECT_EQ(loadError("version: 1\nrules:\n  contract-mock-drift:\n    pairs:\n"
                      "      - {mock: A, real: B, mock: C}\n"),
            ".contractcheck.yaml:5:28: error: duplicate key 'mock' (first at line 5)");
}

TEST(StrictYamlTest, SecondDocument) {
  EXPECT_EQ(loadError("version: 1\n---\nrules: {}\n"),
            ".contractcheck.yaml:2:1: error: a second YAML document; the configuration must be "
            "a single document");
}

TEST(StrictYamlTest, OneDocumentWithAnExplicitStartIsFine) {
  EXPECT_EQ(loadError("---\nversion: 1\n...\n"), "");
}

TEST(StrictYamlTest, ADirectoryIsNotAConfiguration) {
  TempDir Dir;
  std::filesystem::create_directory(Dir.file(".contractcheck.yaml"));
  try {
    Config::load(Dir.file(".contractcheck.yaml"));
    FAIL() << "a directory loaded as a configuration";
  } catch (const InputError &E) {
    EXPECT_EQ(E.render(), Dir.file(".contractcheck.yaml") +
                              ": error: is a directory, not a configuration file");
  }
}

} // namespace
} // namespace contractcheck
