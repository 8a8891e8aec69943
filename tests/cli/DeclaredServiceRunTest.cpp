// contract-declared-service's input problems and its global step, through the binaries: a
// contract that cannot be judged is an error at its own line:col (exit 2 in the CLI, an error
// diagnostic in clang-tidy), a contract whose class no TU defines is one too, and a contract
// edited or added after a run is seen by the next run despite the result store.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <fstream>

namespace contractcheck::test {
namespace {

constexpr int Clean = 0, FindingsFound = 1, BadInput = 2;

// Whether a line of Output begins with Start: a file named relative to the working directory is
// not the end of the same file's absolute path.
bool startsALine(const std::string &Output, const std::string &Start) {
  return ("\n" + Output).find("\n" + Start) != std::string::npos;
}

const char *const Header = R"(#pragma once
namespace shop {
struct Alert {};
class Notifier {
public:
  bool send(const Alert &A);
};
} // namespace shop
)";

class DeclaredServiceRunTest : public ::testing::Test {
protected:
  void SetUp() override {
    Project.write(".contractcheck.yaml", "version: 1\nrules:\n  contract-declared-service:\n"
                                         "    contracts: [\"contracts/*.yaml\"]\n");
    Project.write("notifier.h", Header);
    TU = Project.write("notifier.cpp", "#include \"notifier.h\"\n");
    writeCompilationDatabase(Build.path(), {TU}, {"-std=c++20"});
  }

  ProcessResult run(std::vector<std::string> Args = {"--no-cache"}) {
    Args.insert(Args.end(), {"-p", Build.path()});
    return runContractcheck(Args, Project.path());
  }

  TempDir Project, Build;
  std::string TU;
};

TEST_F(DeclaredServiceRunTest, ADeclarationThatDoesNotParseIsAnErrorAtItsLineAndColumn) {
  std::string Contract = Project.write("contracts/notifier.yaml", R"yaml(service: shop::Notifier
methods:
  - "bool send(const Alret& alert)"
  - "bool send(const Alert& alert)"
)yaml");
  ProcessResult R = run();
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stdout << R.Stderr;
  EXPECT_TRUE(startsALine(
      R.Stdout, "contracts/notifier.yaml:3:22: error: the declaration does not parse in the scope "
                "of 'shop::Notifier': unknown type name 'Alret'"))
      << R.Stdout;

  // clang-tidy, which has no global step, says it in the TU.
  ProcessResult Tidy = runProcess(
      {clangTidyBinary(), "-load", tidyModule(), "--checks=-*,contract-declared-service",
       "--config={CheckOptions: {contract-declared-service.Contracts: 'contracts/*.yaml'}}",
       "--header-filter=.*", "--quiet", "-p", Build.path(), TU},
      Project.path());
  EXPECT_NE(Tidy.Stdout.find(Contract + ":3:22: error: the declaration does not parse"),
            std::string::npos)
      << Tidy.Stdout << Tidy.Stderr;
}

// The declarations are parsed into the TU itself, after it (rules/declared-service/
// TranslationUnitProbe.h): no snippet has to #include the TU's main file, so a TU whose path an
// #include cannot spell judges its contracts like any other (a separate probe said "cannot be
// judged" there), in both front ends.
TEST_F(DeclaredServiceRunTest, ATUWhosePathAnIncludeCannotSpellJudgesItsContracts) {
  std::string Quoted = Project.write("say \"hi\".cpp", "#include \"notifier.h\"\n");
  writeCompilationDatabase(Build.path(), {Quoted}, {"-std=c++20"});
  Project.write("contracts/notifier.yaml", R"yaml(service: shop::Notifier
methods:
  - "bool send(const Alert& alert)"
  - "void subscribe()"
)yaml");
  // The CLI names the contract relative to the working directory, clang-tidy in full, and
  // reports a finding as a warning.
  const std::string Missing =
      "contracts/notifier.yaml:4:6: error: 'shop::Notifier' has no method 'subscribe'";
  const std::string TidyMissing =
      "contracts/notifier.yaml:4:6: warning: 'shop::Notifier' has no method 'subscribe'";
  for (const char *Mode : {"--shared-headers=never", "--shared-headers=always"}) {
    ProcessResult R = run({"--no-cache", Mode});
    EXPECT_EQ(R.ExitCode, FindingsFound) << Mode << R.Stdout << R.Stderr;
    EXPECT_NE(R.Stdout.find(Missing), std::string::npos) << Mode << R.Stdout;
    EXPECT_EQ(R.Stdout.find("cannot be judged"), std::string::npos) << Mode << R.Stdout;
  }

  ProcessResult Tidy = runProcess(
      {clangTidyBinary(), "-load", tidyModule(), "--checks=-*,contract-declared-service",
       "--config={CheckOptions: {contract-declared-service.Contracts: 'contracts/*.yaml'}}",
       "--header-filter=.*", "--quiet", "-p", Build.path(), Quoted},
      Project.path());
  EXPECT_NE(Tidy.Stdout.find(TidyMissing), std::string::npos) << Tidy.Stdout << Tidy.Stderr;
  EXPECT_EQ(Tidy.Stdout.find("cannot be judged"), std::string::npos) << Tidy.Stdout;
}

TEST_F(DeclaredServiceRunTest, AContractWhoseClassNoTUDefinesIsAnErrorAtItsServiceLine) {
  Project.write("contracts/mailer.yaml", "# the mailer\nservice: shop::Mailer\n"
                                         "methods: [\"void send()\"]\n");
  ProcessResult R = run();
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stdout << R.Stderr;
  EXPECT_TRUE(startsALine(R.Stdout,
                          "contracts/mailer.yaml:2:10: error: no analysed translation unit defines "
                          "'shop::Mailer'"))
      << R.Stdout;
}

// Without the facts of the TU that defines the class, the contract is neither an error nor a pass.
TEST_F(DeclaredServiceRunTest, AContractWhoseTUWasNotAnalysedIsNotJudged) {
  Project.write("contracts/notifier.yaml",
                "service: shop::Notifier\nmethods: [\"bool sendd()\"]\n");
  std::string Other = Project.write("other.cpp", "int other() { return 0; }\n");
  writeCompilationDatabase(Build.path(), {TU, Other}, {"-std=c++20"});
  ProcessResult R = run({"--no-cache", Other});
  EXPECT_EQ(R.ExitCode, 3) << R.Stdout << R.Stderr;
  EXPECT_TRUE(startsALine(
      R.Stdout, "contracts/notifier.yaml:1:10: error: the contract of 'shop::Notifier': not judged "
                "because only part of the codebase was analysed"))
      << R.Stdout;
  EXPECT_EQ(R.Stdout.find("no method 'sendd'"), std::string::npos) << R.Stdout;
}

TEST_F(DeclaredServiceRunTest, AMalformedContractIsAnErrorAtTheOffendingKey) {
  Project.write("contracts/notifier.yaml", "service: shop::Notifier\nmethods:\n  - [1, 2]\n");
  ProcessResult R = run();
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stdout << R.Stderr;
  EXPECT_TRUE(startsALine(
      R.Stdout, "contracts/notifier.yaml:3:5: error: each method is a C++ member declaration in a "
                "string, not a list"))
      << R.Stdout;
}

TEST_F(DeclaredServiceRunTest, AContractEditedOrAddedAfterARunIsJudgedDespiteTheStore) {
  std::string Store = Build.path() + "/store";
  Project.write("contracts/notifier.yaml",
                "service: shop::Notifier\nmethods: [\"bool send(const Alert& a)\"]\n");
  ProcessResult First = run({"--cache-dir", Store});
  ASSERT_EQ(First.ExitCode, Clean) << First.Stdout << First.Stderr;

  Project.write("contracts/notifier.yaml",
                "service: shop::Notifier\nmethods: [\"int send(const Alert& a)\"]\n");
  ProcessResult Edited = run({"--cache-dir", Store});
  EXPECT_EQ(Edited.ExitCode, FindingsFound) << Edited.Stdout << Edited.Stderr;
  EXPECT_NE(Edited.Stdout.find("it returns 'bool', the contract declares 'int'"), std::string::npos)
      << Edited.Stdout;

  Project.write("contracts/notifier.yaml",
                "service: shop::Notifier\nmethods: [\"bool send(const Alert& a)\"]\n");
  Project.write("contracts/more.yaml", "service: shop::Notifier\nmethods: [\"void flush()\"]\n");
  ProcessResult Added = run({"--cache-dir", Store});
  EXPECT_EQ(Added.ExitCode, FindingsFound) << Added.Stdout << Added.Stderr;
  EXPECT_NE(Added.Stdout.find("'shop::Notifier' has no method 'flush'"), std::string::npos)
      << Added.Stdout;
}

// A contract declaration is data: what would reach the preprocessor (an #include of /etc/passwd
// after a line break, a struct closed early) is a configuration error at its line:col, and no
// file it names is read into the report.
TEST_F(DeclaredServiceRunTest, ADeclarationThatIsMoreThanOneMemberIsAnErrorAndReadsNothing) {
  std::string Secret = Project.write("secret.h", "secret_line_that_must_not_show here\n");
  Project.write("contracts/notifier.yaml", "service: shop::Notifier\nmethods:\n"
                                           "  - \"bool send(const Alert& a)\\n#include \\\"" +
                                               Secret + "\\\"\"\n");
  ProcessResult R = run();
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stdout << R.Stderr;
  EXPECT_TRUE(startsALine(
      R.Stdout, "contracts/notifier.yaml:3:6: error: '#' (a preprocessor directive) is not "
                "accepted in a contract declaration"))
      << R.Stdout;
  EXPECT_EQ((R.Stdout + R.Stderr).find("secret_line_that_must_not_show"), std::string::npos)
      << R.Stdout << R.Stderr;

  Project.write("contracts/notifier.yaml", "service: shop::Notifier\nmethods:\n"
                                           "  - \"void f(); }; struct Evil { int x;\"\n");
  R = run();
  EXPECT_EQ(R.ExitCode, BadInput) << R.Stdout << R.Stderr;
  EXPECT_TRUE(startsALine(
      R.Stdout, "contracts/notifier.yaml:3:16: error: a contract declaration is exactly one "
                "declaration"))
      << R.Stdout;
  EXPECT_EQ(R.Stdout.find("has no method 'f'"), std::string::npos) << R.Stdout;
}

// The contract's file name goes into a #line directive: a line break in it stays in the name.
TEST_F(DeclaredServiceRunTest, ALineBreakInAContractsFileNameIsPartOfTheName) {
  // Found beside the probe, which sits beside the TU.
  Project.write("secret.h", "secret_line_that_must_not_show here\n");
  Project.write("contracts/n\n#include \"secret.h\"\n.yaml",
                                       "service: shop::Notifier\nmethods:\n"
                                       "  - \"bool sendd(const Alert& a)\"\n");
  ProcessResult R = run();
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("has no method 'sendd'"), std::string::npos) << R.Stdout;
  EXPECT_EQ((R.Stdout + R.Stderr).find("secret_line_that_must_not_show"), std::string::npos)
      << R.Stdout << R.Stderr;
}

} // namespace
} // namespace contractcheck::test
