// A project whose CMake build precompiles headers (target_precompile_headers) writes commands
// that load the build's .pch, which does not exist until the build ran and which only the clang
// that made it accepts. contractcheck parses the header it was made from instead, as clangd does:
// the TU is analysed on a fresh configure, with the findings the header's declarations lead to.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

namespace contractcheck::test {
namespace {

constexpr int FindingsFound = 1;

TEST(BuildPrecompiledHeadersTest, AConfiguredButUnbuiltProjectIsAnalysedThroughTheHeaders) {
  TempDir Project;
  Project.write("CMakeLists.txt", "cmake_minimum_required(VERSION 3.16)\n"
                                  "project(pch CXX)\n"
                                  "set(CMAKE_EXPORT_COMPILE_COMMANDS ON)\n"
                                  "add_library(core STATIC src/mode.cpp)\n"
                                  "target_include_directories(core PRIVATE include)\n"
                                  "target_precompile_headers(core PRIVATE include/modes.h)\n");
  // The enum reaches the TU only through the precompiled header: the source includes nothing.
  Project.write("include/modes.h", "#pragma once\nenum class Mode { Idle, Busy, Stopped, Draining };\n");
  Project.write("src/mode.cpp", "int code(Mode m) {\n"
                                "  switch (m) {\n"
                                "  case Mode::Idle: return 0;\n"
                                "  case Mode::Busy: return 1;\n"
                                "  case Mode::Stopped: return 2;\n"
                                "  default: return -1;\n"
                                "  }\n"
                                "}\n");
  std::string Build = Project.path() + "/build";
  ProcessResult Configured = runProcess({"cmake", "-S", Project.path(), "-B", Build, "-G", "Ninja",
                                         "-DCMAKE_CXX_COMPILER=clang++-19"});
  ASSERT_EQ(Configured.ExitCode, 0) << Configured.Stdout << Configured.Stderr;
  ASSERT_NE(readFile(Build + "/compile_commands.json").find("-include-pch"), std::string::npos)
      << "CMake no longer loads its precompiled header this way";

  ProcessResult R = runContractcheck({"-p", Build}, Project.path());
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stdout << R.Stderr;
  EXPECT_NE(R.Stdout.find("Mode::Draining"), std::string::npos) << R.Stdout;
  EXPECT_NE(R.Stderr.find("precompiled header ("), std::string::npos) << R.Stderr;
  EXPECT_NE(R.Stderr.find("cmake_pch.hxx.pch) not loaded: the headers they were made from are "
                          "parsed as text"),
            std::string::npos)
      << R.Stderr;
  EXPECT_EQ(R.Stderr.find("not analysed"), std::string::npos) << R.Stderr;
}

} // namespace
} // namespace contractcheck::test
