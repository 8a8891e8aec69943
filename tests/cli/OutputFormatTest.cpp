// The report formats as a user gets them from the binary.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

namespace contractcheck::test {
namespace {

TEST(OutputFormatTest, SarifValidatesAgainstTheOfficialSchema) {
  ASSERT_TRUE(std::filesystem::exists(sarifSchemaPath()))
      << "the SARIF 2.1.0 schema is expected beside the checkout at " << sarifSchemaPath();
  TempDir Build;
  cliFixture("parse-failure", Build); // a finding with a note and a fix, and a failed TU
  std::string Sarif = Build.file("report.sarif");
  runContractcheck({"-p", Build.path(), "--format", "sarif", "--output", Sarif, "--quiet"});
  ProcessResult V = runProcess(
      {python3Binary(), "-c",
       "import json, sys, jsonschema\n"
       "schema = json.load(open(sys.argv[1]))\n"
       "report = json.load(open(sys.argv[2]))\n"
       "jsonschema.validators.validator_for(schema)(schema).validate(report)\n"
       "assert report['runs'][0]['results'], 'no results'\n"
       "print('valid')\n",
       sarifSchemaPath(), Sarif});
  EXPECT_EQ(V.ExitCode, 0) << V.Stdout << V.Stderr;
  EXPECT_EQ(V.Stdout, "valid\n");
}

TEST(OutputFormatTest, TextIsClangStyleRelativeToTheWorkingDirectory) {
  TempDir Build;
  cliFixture("parse-failure", Build);
  ProcessResult R = runContractcheck({"-p", Build.path(), "--quiet"}, fixturesDir() + "/cli");
  EXPECT_EQ(R.Stdout,
            "parse-failure/fine.cpp:4:3: error: switch on 'Mode' has a 'default' label that hides 1 "
            "unhandled enumerator: Mode::Draining [contract-switch-coverage]\n"
            "  switch (m) {\n"
            "  ^\n"
            "parse-failure/fine.cpp:1:12: note: enum 'Mode' is defined here\n"
            "enum class Mode { Idle, Busy, Stopped, Draining };\n"
            "           ^\n"
            "parse-failure/broken.cpp: error: not analysed (parse-error)\n"
            "  " + fixturesDir() + "/cli/parse-failure/broken.cpp:5:3: error: use of undeclared "
            "identifier 'undeclared_function'\n");
}

} // namespace
} // namespace contractcheck::test
