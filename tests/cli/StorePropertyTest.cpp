// The property the result store promises: after any sequence of edits, the answer from a warm
// store is the answer without it. Random edit sequences (seeded, so a failure replays) on a small
// multi-TU project: headers added, removed and renamed, #includes added and removed, a macro
// flipped, symlinks re-pointed, a header shadowing another earlier on the include path, a data
// file edited, CPATH changed. After each step the warm run (which also refills the store) and a
// --no-cache run must agree on the findings, problems, failures and exit code.
//
// CONTRACTCHECK_PROPERTY_STEPS and CONTRACTCHECK_PROPERTY_SEED make a longer run by hand; the
// suite runs a bounded number of steps.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <random>

namespace contractcheck::test {
namespace {

namespace fs = std::filesystem;

constexpr int Headers = 4, Units = 3, Variants = 3;

class StoreProperty {
public:
  explicit StoreProperty(unsigned Seed) : Random(Seed) {
    Project.write(".contractcheck.yaml", "version: 1\n"
                                         "rules:\n"
                                         "  contract-schema-sync:\n"
                                         "    bindings:\n"
                                         "      - enum: E0\n"
                                         "        file: api/e0.yaml\n"
                                         "        at: \"\"\n");
    Project.write("api/e0.yaml", "- a\n- b\n");
    Project.write("include/config.h", "#pragma once\n");
    fs::create_directories(Project.file("early"));
    fs::create_directories(Project.file("env"));
    for (int V = 0; V < Variants; ++V)
      Project.write("variants/v" + std::to_string(V) + ".h", header(0, V));
    for (int H = 0; H < Headers; ++H)
      Project.write("include/h" + std::to_string(H) + ".h", header(H, H % 2));
    Includes.assign(Units, std::vector<bool>(Headers, false));
    for (int U = 0; U < Units; ++U) {
      Includes[U][U % Headers] = true;
      writeUnit(U);
      Sources.push_back(Project.file("src/t" + std::to_string(U) + ".cpp"));
    }
    writeCompilationDatabase(Build(), Sources,
                             {"-std=c++20", "-I" + Project.file("early"),
                              "-I" + Project.file("include")});
  }

  // One random edit, described.
  std::string step() {
    int H = pick(Headers), U = pick(Units);
    std::string Name = "h" + std::to_string(H) + ".h";
    switch (pick(9)) {
    case 0:
      Project.write("include/" + Name, header(H, pick(Variants)));
      return "write include/" + Name;
    case 1:
      fs::remove(Project.file("include/" + Name));
      return "remove include/" + Name;
    case 2: {
      std::string To = "h" + std::to_string(pick(Headers)) + ".h";
      if (fs::exists(Project.file("include/" + Name), Ignored) || fs::is_symlink(Project.file("include/" + Name)))
        fs::rename(Project.file("include/" + Name), Project.file("include/" + To));
      return "rename include/" + Name + " to " + To;
    }
    case 3:
      Includes[U][H] = !Includes[U][H];
      writeUnit(U);
      return "toggle #include " + Name + " in t" + std::to_string(U);
    case 4:
      Wide = !Wide;
      Project.write("include/config.h", Wide ? "#pragma once\n#define WIDE\n" : "#pragma once\n");
      return std::string(Wide ? "define" : "undefine") + " WIDE";
    case 5: {
      std::string Link = Project.file("include/" + Name);
      fs::remove(Link);
      int V = pick(Variants);
      fs::create_symlink(Project.file("variants/v" + std::to_string(V) + ".h"), Link);
      return "point include/" + Name + " at v" + std::to_string(V);
    }
    case 6:
      if (fs::exists(Project.file("early/" + Name))) {
        fs::remove(Project.file("early/" + Name));
        return "remove early/" + Name;
      }
      Project.write("early/" + Name, header(H, pick(Variants)));
      return "shadow with early/" + Name;
    case 7: {
      static const char *const Data[] = {"- a\n- b\n", "- a\n- b\n- c\n", "- a\n- z\n"};
      Project.write("api/e0.yaml", Data[pick(3)]);
      return "edit api/e0.yaml";
    }
    default:
      if (pick(2)) {
        Project.write("env/" + Name, header(H, pick(Variants)));
        return "write env/" + Name;
      }
      Cpath = !Cpath;
      return Cpath ? "set CPATH" : "unset CPATH";
    }
  }

  // The answer of a run, without what legitimately differs between a warm and a cold run.
  nlohmann::json answer(bool Warm) {
    std::vector<std::string> Args{contractcheckBinary(), "-p", Build(), "--format", "json"};
    if (!Warm)
      Args.push_back("--no-cache");
    std::vector<std::string> Env;
    if (Cpath)
      Env.push_back("CPATH=" + Project.file("env"));
    ProcessResult R = runProcess(Args, Project.path(), Env);
    nlohmann::json Report = nlohmann::json::parse(R.Stdout, nullptr, false);
    if (!Report.is_object())
      return {{"exit", R.ExitCode}, {"stderr", R.Stderr}};
    nlohmann::json Failures = nlohmann::json::array();
    for (const nlohmann::json &F : Report["failures"])
      Failures.push_back({F["file"], F["status"]});
    return {{"exit", R.ExitCode},
            {"findings", Report["findings"]},
            {"problems", Report["problems"]},
            {"failures", Failures}};
  }

private:
  int pick(int N) { return std::uniform_int_distribution<int>(0, N - 1)(Random); }
  std::string Build() const { return Project.path() + "/build"; }

  // Header H's enum EH: variant 0 has two enumerators, 1 a third, 2 the third only under WIDE.
  static std::string header(int H, int Variant) {
    std::string E = "E" + std::to_string(H);
    std::string Body = Variant == 0   ? "A, B"
                       : Variant == 1 ? "A, B, C"
                                      : "A, B\n#ifdef WIDE\n  , C\n#endif\n";
    return "#pragma once\n#include \"config.h\"\nenum class " + E + " { " + Body + " };\n";
  }

  void writeUnit(int U) {
    std::string Text;
    for (int H = 0; H < Headers; ++H) {
      if (!Includes[U][H])
        continue;
      std::string N = std::to_string(H), E = "E" + N;
      Text += "#if __has_include(\"h" + N + ".h\")\n#include \"h" + N + ".h\"\n"
              "int f" + N + "_" + std::to_string(U) + "(" + E + " e) {\n"
              "  switch (e) { case " + E + "::A: return 1; case " + E + "::B: return 2; "
              "default: return 0; }\n}\n#endif\n";
    }
    Project.write("src/t" + std::to_string(U) + ".cpp", Text + "int unit" + std::to_string(U) + ";\n");
  }

  std::mt19937 Random;
  TempDir Project;
  std::vector<std::string> Sources;
  std::vector<std::vector<bool>> Includes;
  bool Wide = false, Cpath = false;
  std::error_code Ignored;
};

unsigned fromEnvironment(const char *Name, unsigned Default) {
  const char *Value = std::getenv(Name);
  return Value && *Value ? static_cast<unsigned>(std::stoul(Value)) : Default;
}

TEST(StorePropertyTest, AfterEveryRandomEditTheWarmAnswerIsTheColdAnswer) {
  unsigned Seed = fromEnvironment("CONTRACTCHECK_PROPERTY_SEED", 20261205);
  unsigned Steps = fromEnvironment("CONTRACTCHECK_PROPERTY_STEPS", 24);
  StoreProperty Project(Seed);
  std::string History;
  for (unsigned Step = 0; Step < Steps; ++Step) {
    History += "  " + std::to_string(Step) + ": " + Project.step() + "\n";
    nlohmann::json Warm = Project.answer(true), Cold = Project.answer(false);
    ASSERT_EQ(Warm, Cold) << "seed " << Seed << ", after:\n" << History;
  }
}

} // namespace
} // namespace contractcheck::test
