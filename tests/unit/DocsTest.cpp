// The documentation shows what ships: docs/usage.md's .pre-commit-hooks.yaml is the file itself.
#include "Subprocess.h"
#include "TestPaths.h"

#include <gtest/gtest.h>

#include <sstream>

namespace contractcheck {
namespace {

TEST(DocsTest, UsageShowsTheShippedPreCommitHook) {
  std::string Usage = test::readFile(test::sourceDir() + "/docs/usage.md");
  std::string Intro = "The repository ships a hook in `.pre-commit-hooks.yaml`";
  size_t At = Usage.find(Intro);
  ASSERT_NE(At, std::string::npos) << "docs/usage.md no longer shows the hook";
  size_t Start = Usage.find("```yaml\n", At);
  ASSERT_NE(Start, std::string::npos);
  Start += 8;
  std::string Documented = Usage.substr(Start, Usage.find("```", Start) - Start);

  // The shipped file without its leading comment.
  std::istringstream Shipped(test::readFile(test::sourceDir() + "/.pre-commit-hooks.yaml"));
  std::string Line, Hook;
  while (std::getline(Shipped, Line))
    if (Line.rfind("#", 0) != 0)
      Hook += Line + "\n";
  EXPECT_EQ(Documented, Hook);
}

} // namespace
} // namespace contractcheck
