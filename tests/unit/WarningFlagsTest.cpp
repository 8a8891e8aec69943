// TUs whose commands differ only in warning flags that change nothing share a precompiled
// prefix (WarningFlags.h, SharedHeaders.h): googletest's gmock_main.cc adds eleven -W flags to
// its tests' command and was alone with its settings. What the driver makes more of a warning
// flag than a warning (-Wno-deprecated undefines __DEPRECATED) keeps TUs apart.
#include "SharedHeaders.h"
#include "TranslationUnitAnalyzer.h"
#include "Subprocess.h"
#include "WarningFlags.h"

#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/CompilerInvocation.h>
#include <clang/Frontend/Utils.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace contractcheck {
namespace {

using test::TempDir;

TEST(WarningFlagsTest, AWarningFlagIsInertWhenItCanRaiseNoDiagnosticToAnErrorUnderW) {
  for (const char *Inert : {"-Wall", "-W", "-Wextra", "-Wcast-qual", "-Wwrite-strings",
                            "-Wno-sign-compare", "-Wno-long-long", "-Wshadow", "-Wundef"})
    EXPECT_TRUE(isInertWarningFlag(Inert)) << Inert;
  // -Wno- of a group with an error by default lowers it: a parse under -w then differs.
  for (const char *Not :
       {"-Wno-c++11-narrowing", "-Wno-everything", "-Weverything", "-Werror", "-Werror=switch",
        "-Wno-error=switch", "-Wfatal-errors", "-Wsystem-headers", "-Wno-such-group-anywhere",
        "-Wl,-rpath", "-Wp,-DX", "-Wframe-larger-than=64", "-DX", "-w"})
    EXPECT_FALSE(isInertWarningFlag(Not)) << Not;
}

TEST(WarningFlagsTest, ACommandDiffersOnlyInInertWarningsWhenTheDriverMakesNothingMoreOfThem) {
  TempDir Dir;
  std::string Cxx = Dir.write("x.cpp", "int x;\n");
  std::string C = Dir.write("x.c", "int x;\n");
  auto Command = [&](std::vector<std::string> Flags, const std::string &File) {
    std::vector<std::string> Args{File == C ? "clang" : "clang++", "-fsyntax-only"};
    Args.insert(Args.end(), Flags.begin(), Flags.end());
    Args.insert(Args.end(), {File, "-w"});
    return Args;
  };
  std::vector<std::string> GMockMain{"-Wall", "-Wshadow", "-W", "-Wpointer-arith",
                                     "-Wcast-qual", "-Wwrite-strings", "-Wno-sign-compare"};
  EXPECT_TRUE(differsOnlyInInertWarnings(Command(GMockMain, Cxx), Dir.path()));
  // -Wno-deprecated undefines __DEPRECATED (no -fdeprecated-macro); -Wp, passes a
  // preprocessor flag; -Wno-c++11-narrowing lowers an error.
  EXPECT_FALSE(differsOnlyInInertWarnings(Command({"-Wall", "-Wno-deprecated"}, Cxx), Dir.path()));
  EXPECT_FALSE(differsOnlyInInertWarnings(Command({"-Wp,-DX"}, Cxx), Dir.path()));
  EXPECT_FALSE(differsOnlyInInertWarnings(Command({"-Wno-c++11-narrowing"}, Cxx), Dir.path()));
  // In C, -Wwrite-strings makes string literals const (-fconst-strings), but not under -w:
  // what the driver decides, not a list of ours.
  EXPECT_TRUE(differsOnlyInInertWarnings(Command({"-Wall", "-Wwrite-strings"}, C), Dir.path()));
  // Without -w the warnings are diagnostics of the parse.
  std::vector<std::string> Loud = Command({"-Wall"}, Cxx);
  Loud.pop_back();
  EXPECT_FALSE(differsOnlyInInertWarnings(Loud, Dir.path()));
}

TEST(WarningFlagsTest, TUsWhoseCommandsDifferInInertWarningsShareAPrefix) {
  TempDir Dir;
  Dir.write("sys/dep.h", "#pragma once\n#ifdef __DEPRECATED\nstruct Deprecated {};\n#endif\n");
  std::vector<CompileCommand> Commands;
  std::vector<std::vector<std::string>> Warnings{
      {"-Wall"}, {"-Wall", "-W", "-Wcast-qual", "-Wwrite-strings", "-Wno-sign-compare"},
      {"-Wall", "-Wno-deprecated"}};
  for (size_t I = 0; I < Warnings.size(); ++I) {
    std::string File = Dir.write("t" + std::to_string(I) + ".cpp",
                                 "#include <vector>\n#include <map>\n#include <dep.h>\n"
                                 "int use() { return std::vector<int>{1}.size(); }\n");
    std::vector<std::string> Args{"clang++", "-std=c++17", "-isystem", Dir.file("sys")};
    Args.insert(Args.end(), Warnings[I].begin(), Warnings[I].end());
    Args.insert(Args.end(), {"-c", File});
    Commands.push_back({Dir.path(), File, Args});
  }
  std::vector<const CompileCommand *> All;
  for (const CompileCommand &C : Commands)
    All.push_back(&C);
  SharedHeaders Headers(All, AnalysisSettings{}, 1);
  const PrecompiledPrefix *First = Headers.prefixFor(0, false);
  const PrecompiledPrefix *Second = Headers.prefixFor(1, false);
  ASSERT_NE(First, nullptr);
  ASSERT_NE(Second, nullptr);
  EXPECT_EQ(First->PchPath, Second->PchPath); // one precompiled parse for both
  // Its dep.h declares nothing: without __DEPRECATED it is not this prefix's.
  EXPECT_EQ(Headers.prefixFor(2, false), nullptr);
}

TEST(WarningFlagsTest, AnAnalysisIsGivenOnlyTheWarningFlagsThatChangeSomethingUnderW) {
  clang::DiagnosticOptions Opts;
  Opts.IgnoreWarnings = true;
  Opts.Warnings = {"all", "shadow", "", "no-sign-compare", "no-c++11-narrowing", "error=switch",
                   "no-error=implicit-int", "error", "everything", "such-group-anywhere"};
  dropInertWarnings(Opts);
  EXPECT_EQ(Opts.Warnings,
            (std::vector<std::string>{"no-c++11-narrowing", "error=switch",
                                      "no-error=implicit-int", "error", "everything",
                                      "such-group-anywhere"}));
  // Without -w a warning flag decides which warnings the parse reports.
  clang::DiagnosticOptions Loud;
  Loud.Warnings = {"all", "shadow"};
  dropInertWarnings(Loud);
  EXPECT_EQ(Loud.Warnings, (std::vector<std::string>{"all", "shadow"}));
}

// The flags for what GCC accepts, taken out of an analysis command and given to its
// DiagnosticOptions, are what the driver's argument parser read of them at the end of the
// command; they stay on the command when --extra-arg's follow them (GccDatabaseTest checks
// that a user's -Werror= still wins, and that the code GCC accepts is analysed).
TEST(WarningFlagsTest, TheErrorsGccAcceptsGivenToTheOptionsAreWhatTheParserReads) {
  std::vector<std::string> Args{"clang++", "-Wall", "-c", "x.cpp", "-w"};
  Args.insert(Args.end(), errorsGccAccepts().begin(), errorsGccAccepts().end());
  std::vector<const char *> Argv;
  for (const std::string &A : Args)
    Argv.push_back(A.c_str());
  std::unique_ptr<clang::DiagnosticOptions> Parsed = clang::CreateAndPopulateDiagOpts(Argv);
  std::vector<std::string> Taken = Args;
  ASSERT_TRUE(takeOutErrorsGccAccepts(Taken));
  EXPECT_EQ(Taken, (std::vector<std::string>{"clang++", "-Wall", "-c", "x.cpp", "-w"}));
  Argv.resize(Taken.size());
  std::unique_ptr<clang::DiagnosticOptions> Given = clang::CreateAndPopulateDiagOpts(Argv);
  addErrorsGccAccepts(*Given);
  EXPECT_EQ(Given->Warnings, Parsed->Warnings);
  EXPECT_EQ(Given->IgnoreWarnings, Parsed->IgnoreWarnings);

  // The frontend's: the driver passes a command's warning flags on in their order.
  TempDir Dir;
  std::string File = Dir.write("x.cpp", "int x;\n");
  auto FrontendWarnings = [&](std::vector<std::string> Command) {
    std::replace(Command.begin(), Command.end(), std::string("x.cpp"), File);
    std::vector<const char *> Line;
    for (const std::string &A : Command)
      Line.push_back(A.c_str());
    clang::IgnoringDiagConsumer Quiet;
    clang::CreateInvocationOptions Options;
    Options.Diags =
        clang::CompilerInstance::createDiagnostics(new clang::DiagnosticOptions, &Quiet, false);
    std::shared_ptr<clang::CompilerInvocation> Invocation = clang::createInvocation(Line, Options);
    EXPECT_NE(Invocation, nullptr);
    return Invocation ? Invocation->getDiagnosticOpts().Warnings : std::vector<std::string>();
  };
  clang::DiagnosticOptions Frontend;
  Frontend.Warnings = FrontendWarnings(Taken);
  addErrorsGccAccepts(Frontend);
  EXPECT_EQ(Frontend.Warnings, FrontendWarnings(Args));

  std::vector<std::string> Extra = Args;
  Extra.push_back("-Werror=implicit-int");
  EXPECT_FALSE(takeOutErrorsGccAccepts(Extra));
  EXPECT_EQ(Extra.size(), Args.size() + 1);
}

// The flags left out change no diagnostic: a TU whose only error is one Clang makes by default
// (c++11-narrowing) fails with -Wall as without it, and a -Wno- that lowers that error still
// lowers it.
TEST(WarningFlagsTest, TheFlagsLeftOutChangeNoErrorOfTheParse) {
  TempDir Dir;
  std::string File = Dir.write("n.cpp", "int f(double d) { int a[] = {d}; return a[0]; }\n");
  auto Outcome = [&](std::vector<std::string> Flags) {
    std::vector<std::string> Args{"clang++", "-std=c++17"};
    Args.insert(Args.end(), Flags.begin(), Flags.end());
    Args.insert(Args.end(), {"-c", File});
    return analyzeTranslationUnit(CompileCommand(Dir.path(), File, Args), Config::defaults(),
                                  AnalysisSettings{}, ParseStart{})
        .State;
  };
  EXPECT_EQ(Outcome({}), TUOutcome::Status::ParseFailed);
  EXPECT_EQ(Outcome({"-Wall", "-Wextra", "-Wno-sign-compare"}), TUOutcome::Status::ParseFailed);
  EXPECT_EQ(Outcome({"-Wall", "-Wno-c++11-narrowing"}), TUOutcome::Status::Analyzed);
}

} // namespace
} // namespace contractcheck
