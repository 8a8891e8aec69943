// Loading shared system headers precompiled (--shared-headers) changes how fast a run is, never
// what it reports: the same findings as each TU parsing its own headers, whatever -j or the
// result store, and a TU whose headers do not survive being precompiled is parsed on its own.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace contractcheck::test {
namespace {

namespace fs = std::filesystem;

nlohmann::json report(const std::string &BuildDir, std::vector<std::string> Args) {
  Args.insert(Args.begin(), {"-p", BuildDir, "--format", "json", "--quiet"});
  ProcessResult R = runContractcheck(Args);
  EXPECT_EQ(R.ExitCode, 1) << R.Stdout << R.Stderr;
  nlohmann::json Report = nlohmann::json::parse(R.Stdout);
  EXPECT_EQ(Report["summary"]["failed"], 0) << R.Stdout;
  return Report["findings"];
}

TEST(SharedHeadersRunTest, TheReportIsTheSameWithAndWithoutSharedHeaders) {
  // gMock tests and the classes they mock, across TUs that all include gmock and the standard
  // library: the TUs share their system headers.
  std::vector<std::string> Sources =
      cppFilesIn(fixturesDir() + "/contract-mock-drift/cross-tu-naming");
  TempDir Build;
  writeCompilationDatabase(Build.path(), Sources, {"-std=c++20"});
  nlohmann::json Own = report(Build.path(), {"--no-cache", "--shared-headers=never", "-j1"});
  ASSERT_GE(Own.size(), 2u) << Own.dump(2);
  EXPECT_EQ(report(Build.path(), {"--no-cache", "-j1"}), Own);
  EXPECT_EQ(report(Build.path(), {"--no-cache", "-j2"}), Own);
  EXPECT_EQ(report(Build.path(), {"--no-cache", "--shared-headers=always"}), Own);
  std::string Store = Build.path() + "/store";
  EXPECT_EQ(report(Build.path(), {"--cache-dir", Store}), Own);
  // What the shared headers were parsed from counts as read by each TU: nothing changed, so
  // every result comes from the store.
  ProcessResult Again = runContractcheck({"-p", Build.path(), "--cache-dir", Store});
  EXPECT_NE(Again.Stderr.find("(" + std::to_string(Sources.size()) + " unchanged, from the result store)"),
            std::string::npos)
      << Again.Stderr;
}

TEST(SharedHeadersRunTest, ATUWhoseHeadersCannotBePrecompiledIsParsedOnItsOwn) {
  // legacy.h has no include guard and defines a struct: once precompiled, the TU's own
  // #include of it defines the struct a second time, which does not compile. The TU is then
  // parsed as written, and judged.
  TempDir Project;
  Project.write("sys/legacy.h", "struct Legacy { int Value; };\n");
  std::vector<std::string> Sources;
  for (const std::string Name : {"a", "b"})
    Sources.push_back(Project.write(Name + ".cpp", "#include <legacy.h>\n" + switchMissingOne(Name)));
  writeCompilationDatabase(Project.path(), Sources,
                           {"-std=c++20", "-isystem", Project.path() + "/sys"});
  nlohmann::json Findings = report(Project.path(), {"--no-cache", "--shared-headers=always"});
  EXPECT_EQ(Findings.size(), 2u) << Findings.dump(2);
  EXPECT_EQ(report(Project.path(), {"--no-cache", "--shared-headers=never"}), Findings);
}

TEST(SharedHeadersRunTest, ClangsErrorCountIsNotPrintedWhenTheSharedHeadersFail) {
  // A TU that does not parse is reported once, by the report; the scan of its system headers
  // and a prefix that does not compile must not add clang's "1 error generated." to stderr
  // (twice per TU, 52 lines on a ZNC checkout whose generated headers were not built yet).
  TempDir Project;
  Project.write("sys/legacy.h", "struct Legacy { int Value; };\n");
  std::vector<std::string> Sources;
  for (const std::string Name : {"a", "b"})
    Sources.push_back(Project.write(Name + ".cpp", "#include <legacy.h>\n#include \"gen/missing.h\"\n"));
  for (const std::string Name : {"c", "d"})
    Sources.push_back(Project.write(Name + ".cpp", "#include <legacy.h>\n" + switchMissingOne(Name)));
  writeCompilationDatabase(Project.path(), Sources,
                           {"-std=c++20", "-isystem", Project.path() + "/sys"});
  ProcessResult R = runContractcheck({"-p", Project.path(), "--no-cache", "--shared-headers=always"});
  EXPECT_EQ(R.ExitCode, 3) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("'gen/missing.h' file not found"), std::string::npos) << R.Stdout;
  EXPECT_EQ(R.Stderr.find("generated."), std::string::npos) << R.Stderr;
}

TEST(SharedHeadersRunTest, AProjectsOwnPrecompiledHeaderIsJudgedWhole) {
  // CMake's target_precompile_headers puts the project's own headers in a precompiled header:
  // what they hold is the project's code, judged as if it were parsed with the TU.
  TempDir Project;
  std::string Header = Project.write("proj.h", "#pragma once\n" + switchMissingOne("classify"));
  std::string Main = Project.write("main.cpp", "#include \"proj.h\"\nint use() { return 0; }\n");
  ProcessResult Pch = runProcess({"clang++-19", "-std=c++20", "-x", "c++-header", Header, "-o",
                                  Header + ".pch"});
  ASSERT_EQ(Pch.ExitCode, 0) << Pch.Stderr;
  writeCompilationDatabase(Project.path(), {Main}, {"-std=c++20", "-include-pch", Header + ".pch"});
  nlohmann::json Findings = report(Project.path(), {"--no-cache"});
  ASSERT_EQ(Findings.size(), 1u) << Findings.dump(2);
  EXPECT_EQ(Findings[0]["location"]["file"], Header);
}

TEST(SharedHeadersRunTest, APrecompiledFileBesideAnIncludedHeaderIsNotLoaded) {
  // Given -include proj.h, clang's driver loads proj.h.pch instead when there is one: here one
  // no clang reads (another compiler's, another version's), which failed the TU.
  TempDir Project;
  std::string Header = Project.write("proj.h", "#pragma once\n" + switchMissingOne("classify"));
  Project.write("proj.h.pch", "not a precompiled header\n");
  std::string Main = Project.write("main.cpp", "int use() { return 0; }\n");
  writeCompilationDatabase(Project.path(), {Main}, {"-std=c++20", "-include", Header});
  nlohmann::json Findings = report(Project.path(), {"--no-cache"});
  ASSERT_EQ(Findings.size(), 1u) << Findings.dump(2);
  EXPECT_EQ(Findings[0]["location"]["file"], Header);
}

TEST(SharedHeadersRunTest, AHeaderOfTheProjectIsJudgedHoweverTheCommandIncludesIt) {
  // The rules walk the project's code only (TraversalScope.h): a header the command includes
  // is the project's code whether the TU reads it as text or loads it precompiled, with its
  // system headers shared or not.
  TempDir Project;
  Project.write("sys/lib.h", "#pragma once\nnamespace lib { inline int one() { return 1; } }\n");
  std::string Header =
      Project.write("proj.h", "#pragma once\n#include <lib.h>\n" + switchMissingOne("classify"));
  std::string Main =
      Project.write("main.cpp", "#include <lib.h>\nint use() { return lib::one(); }\n");
  // clang's driver would load proj.h.pch for -include proj.h (CommandMangler.h).
  ProcessResult Pch = runProcess({"clang++-19", "-std=c++20", "-isystem", Project.path() + "/sys",
                                  "-x", "c++-header", Header, "-o", Header + ".pch"});
  ASSERT_EQ(Pch.ExitCode, 0) << Pch.Stderr;
  std::vector<std::string> Flags{"-std=c++20", "-isystem", Project.path() + "/sys"};
  struct Way {
    std::vector<std::string> Command, Options;
  };
  for (const Way &W :
       {Way{{"-include", Header}, {}}, Way{{"-Xclang", "-include", "-Xclang", Header}, {}},
        // Loaded as the command line says: the mangler does not see --extra-arg.
        Way{{}, {"--extra-arg=-include-pch", "--extra-arg=" + Header + ".pch"}}}) {
    std::vector<std::string> Command = Flags;
    Command.insert(Command.end(), W.Command.begin(), W.Command.end());
    writeCompilationDatabase(Project.path(), {Main}, Command);
    for (std::string Mode : {"never", "always"}) {
      std::vector<std::string> Options{"--no-cache", "--shared-headers=" + Mode};
      Options.insert(Options.end(), W.Options.begin(), W.Options.end());
      nlohmann::json Findings = report(Project.path(), Options);
      ASSERT_EQ(Findings.size(), 1u) << Mode << " " << Findings.dump(2);
      EXPECT_EQ(Findings[0]["location"]["file"], Header);
    }
  }
}

} // namespace
} // namespace contractcheck::test
