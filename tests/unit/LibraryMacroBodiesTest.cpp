// A function a library's macro writes whole, body included, with only types of the project's
// passed into it (gMock's MOCK_METHOD) has its body skipped like the library's own code; a body
// the project writes, after the macro or as a statement or expression passed to it (gTest's TEST,
// EXPECT_FATAL_FAILURE), is parsed (BodySkipPolicy::writtenByALibraryMacro). Real Clang, with
// the library as a system header.
#include "BodySkippingConsumer.h"
#include "Config.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Tooling/Tooling.h>

#include <gtest/gtest.h>

#include <map>
#include <string>

using namespace clang;

namespace contractcheck {
namespace {

const char *Library = R"(#pragma once
namespace lib {
template <class F> struct Mocker;
template <class R, class A> struct Mocker<R(A)> {
  R call(A) { return R(); }
};
} // namespace lib
// As MOCK_METHOD: the method and its mocker, a member named by pasting.
#define LIB_METHOD(R, Name, A)                                                                    \
  R Name(A a) { return mocker_##Name.call(a); }                                                   \
  ::lib::Mocker<R(A)> mocker_##Name;
// As EXPECT_FATAL_FAILURE: a function around the statement it is given.
#define LIB_AROUND(Name, Statement)                                                               \
  struct Name {                                                                                   \
    static void Execute() { Statement; }                                                          \
  };
// A body returning what it is given.
#define LIB_RETURNING(Name, Value)                                                                \
  int Name() { return Value; }
// As TEST: the declaration only; the project writes the body after it.
#define LIB_DECLARE(Name) void Name()
)";

const char *Project = R"(#include <lib.h>
namespace app {
struct Order {};
struct MockBook {
  LIB_METHOD(int, place, Order)
  LIB_METHOD(bool, cancel, const Order &)
};
LIB_AROUND(Wrapped, int X = 1 + 2)
struct Seven {
  LIB_RETURNING(seven, 7)
};
LIB_DECLARE(run) { int Y = 3; (void)Y; }
inline int plain() { return 4; }
} // namespace app
)";

// Each function the project's file declares with a body: whether the body was skipped.
using Skipped = std::map<std::string, bool>;

class Recorder : public ASTConsumer, public RecursiveASTVisitor<Recorder> {
public:
  explicit Recorder(Skipped &Out) : Out(Out) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    SM = &Ctx.getSourceManager();
    TraverseDecl(Ctx.getTranslationUnitDecl());
  }
  bool VisitFunctionDecl(FunctionDecl *F) {
    if (SM->isInMainFile(SM->getExpansionLoc(F->getLocation())) &&
        (F->hasBody() || F->hasSkippedBody()))
      Out[F->getNameAsString()] = F->hasSkippedBody();
    return true;
  }

private:
  Skipped &Out;
  const SourceManager *SM = nullptr;
};

class SkippingAction : public ASTFrontendAction {
public:
  SkippingAction(BodySkipPolicy::Mode Mode, const Config &Cfg, Skipped &Out)
      : Mode(Mode), Cfg(Cfg), Out(Out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, llvm::StringRef) override {
    CI.getFrontendOpts().SkipFunctionBodies = true;
    return std::make_unique<BodySkippingConsumer>(std::make_unique<Recorder>(Out),
                                                  CI.getSourceManager(), Cfg, Mode);
  }

private:
  BodySkipPolicy::Mode Mode;
  const Config &Cfg;
  Skipped &Out;
};

Skipped skippedBy(BodySkipPolicy::Mode Mode) {
  Config Cfg = Config::defaults();
  Skipped Result;
  EXPECT_TRUE(tooling::runToolOnCodeWithArgs(
      std::make_unique<SkippingAction>(Mode, Cfg, Result), Project,
      {"-std=c++17", "-isystem", "/virtual/include"}, "/virtual/app/main.cpp", "test",
      std::make_shared<PCHContainerOperations>(), {{"/virtual/include/lib.h", Library}}));
  return Result;
}

TEST(LibraryMacroBodiesTest, ABodyTheLibrarysMacroWritesIsSkippedOneTheProjectWritesIsNot) {
  Skipped Expected = {
      // Written by LIB_METHOD, given only the project's types.
      {"place", true},
      {"cancel", true},
      // The project's statement, its literal, its body after the macro, its own function.
      {"Execute", false},
      {"seven", false},
      {"run", false},
      {"plain", false},
  };
  for (BodySkipPolicy::Mode Mode :
       {BodySkipPolicy::Mode::Skip, BodySkipPolicy::Mode::KeepTemplates})
    EXPECT_EQ(skippedBy(Mode), Expected) << "mode " << static_cast<int>(Mode);
}

} // namespace
} // namespace contractcheck
