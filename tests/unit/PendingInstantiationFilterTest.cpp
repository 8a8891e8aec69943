// A parse that keeps template bodies makes a library template's instantiation only when its
// template arguments reach the project (BodySkipPolicy::dropsInstantiation): both those the TU's
// code left pending and those a kept instantiation's body queues at the end of the TU. Real Clang,
// with the library as a system header.
#include "BodySkippingConsumer.h"
#include "Config.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Tooling/Tooling.h>

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>

using namespace clang;

namespace contractcheck {
namespace {

const char *Library = R"(#pragma once
namespace lib {
struct Plain { int run() { return 1; } };
template <class T> int apply(T &Value) { return Value.run(); }
template <class T> int relay(T &Value) {
  Plain Other;
  return apply(Value) + apply(Other);
}
} // namespace lib
)";

const char *Project = R"(#include <lib.h>
namespace app {
template <class T> struct Widget { int run() { return 2; } };
} // namespace app
int plain() { lib::Plain P; return lib::relay(P); }
int widget() { app::Widget<int> W; return lib::relay(W); }
)";

// For each specialization of lib::apply and lib::relay ("relay<lib::Plain>"): whether it was
// instantiated with its body (true) or left with its body skipped (false).
using Made = std::map<std::string, bool>;

class Recorder : public ASTConsumer {
public:
  explicit Recorder(Made &Out) : Out(Out) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (const auto *NS = dyn_cast<NamespaceDecl>(D); NS && NS->getName() == "lib")
        for (const Decl *Member : NS->decls())
          if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Member))
            for (const FunctionDecl *Spec : Template->specializations()) {
              std::string Name;
              llvm::raw_string_ostream OS(Name);
              Spec->getNameForDiagnostic(OS, Ctx.getPrintingPolicy(), /*Qualified=*/false);
              Out[Name] = Spec->hasBody();
              EXPECT_TRUE(Spec->hasBody() || Spec->hasSkippedBody()) << Name;
            }
  }

private:
  Made &Out;
};

// The consumer a parse runs under, around the Recorder.
using ConsumerFor = std::function<std::unique_ptr<ASTConsumer>(
    CompilerInstance &, std::unique_ptr<ASTConsumer> Recorder, const Config &)>;

class SkippingAction : public ASTFrontendAction {
public:
  SkippingAction(ConsumerFor Make, const Config &Cfg, Made &Out)
      : Make(std::move(Make)), Cfg(Cfg), Out(Out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, llvm::StringRef) override {
    CI.getFrontendOpts().SkipFunctionBodies = true;
    return Make(CI, std::make_unique<Recorder>(Out), Cfg);
  }

private:
  ConsumerFor Make;
  const Config &Cfg;
  Made &Out;
};

Made madeBy(const char *Code, ConsumerFor Make) {
  Config Cfg = Config::defaults();
  Made Result;
  EXPECT_TRUE(tooling::runToolOnCodeWithArgs(
      std::make_unique<SkippingAction>(std::move(Make), Cfg, Result), Code,
      {"-std=c++17", "-isystem", "/virtual/include"}, "/virtual/app/main.cpp", "test",
      std::make_shared<PCHContainerOperations>(), {{"/virtual/include/lib.h", Library}}));
  return Result;
}

TEST(PendingInstantiationFilterTest, OnlyInstantiationsGivenTheProjectAreMade) {
  Made Result = madeBy(Project, [](CompilerInstance &CI, std::unique_ptr<ASTConsumer> Inner,
                                   const Config &Cfg) {
    return std::make_unique<BodySkippingConsumer>(std::move(Inner), CI.getSourceManager(), Cfg,
                                                  BodySkipPolicy::Mode::KeepTemplates);
  });
  Made Expected = {
      // Given app::Widget<int>, a specialization of the project's template: made, and what its
      // body calls with the project's type too, down to Widget<int>::run.
      {"relay<app::Widget<int>>", true},
      {"apply<app::Widget<int>>", true},
      // Given only the library's own types: left as a skipped body would leave them, whether the
      // TU's code asked for it (relay<Plain>) or a made body did, at the end of the TU
      // (relay<Widget<int>>'s apply(Other)).
      {"relay<lib::Plain>", false},
      {"apply<lib::Plain>", false},
  };
  EXPECT_EQ(Result, Expected);
}

// Decide mode puts the library's instantiations given the project aside and makes them from
// HandleTranslationUnit (makeWhatTheRulesNeed), when the parser and its translation-unit scope
// are gone. A body that first names a builtin Sema declares lazily there (__builtin_trap, for a
// class passed through '...' as gtest's and gMock's probes do) must still be made: this crashed
// (SIGSEGV in Sema::PushOnScopeChains, TUScope null) before makeDeferred gave Sema a scope.
const char *ProbingLibrary = R"(#pragma once
namespace lib {
char probe(...);
template <class T> struct Probe {
  static T make();
  typedef decltype(probe(make())) type;
};
template <class T> int inspect(T &) { return sizeof(typename Probe<T>::type); }
} // namespace lib
)";

const char *ProbedProject = R"(#include <lib.h>
namespace app {
template <class T> struct Named {
  Named();
  Named(const Named &);
  ~Named();
};
} // namespace app
int use() { app::Named<int> N; return lib::inspect(N); }
)";

class DecideAtEndConsumer : public BodySkippingConsumer {
public:
  using BodySkippingConsumer::BodySkippingConsumer;
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Made = makeWhatTheRulesNeed();
    BodySkippingConsumer::HandleTranslationUnit(Ctx);
  }
  bool Made = false;
};

class DecideAtEndAction : public ASTFrontendAction {
public:
  DecideAtEndAction(const Config &Cfg, Made &Out, bool &Deferred)
      : Cfg(Cfg), Out(Out), Deferred(Deferred) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, llvm::StringRef) override {
    CI.getFrontendOpts().SkipFunctionBodies = true;
    auto Consumer = std::make_unique<DecideAtEndConsumer>(
        std::make_unique<Recorder>(Out), CI.getSourceManager(), Cfg,
        BodySkipPolicy::Mode::Decide,
        [](llvm::ArrayRef<const FunctionDecl *>) { return true; });
    Last = Consumer.get();
    return Consumer;
  }
  void EndSourceFileAction() override { Deferred = Last && Last->Made; }

private:
  const Config &Cfg;
  Made &Out;
  bool &Deferred;
  DecideAtEndConsumer *Last = nullptr;
};

TEST(PendingInstantiationFilterTest, DeferredBodiesMayDeclareBuiltinsAfterTheParse) {
  Config Cfg = Config::defaults();
  Made Result;
  bool Deferred = false;
  ASSERT_TRUE(tooling::runToolOnCodeWithArgs(
      std::make_unique<DecideAtEndAction>(Cfg, Result, Deferred), ProbedProject,
      {"-std=c++17", "-isystem", "/virtual/include"}, "/virtual/app/main.cpp", "test",
      std::make_shared<PCHContainerOperations>(), {{"/virtual/include/lib.h", ProbingLibrary}}));
  EXPECT_TRUE(Deferred) << "the instantiation was not put aside: the test no longer covers makeDeferred";
  EXPECT_EQ(Result, (Made{{"inspect<app::Named<int>>", true}}));
}

// Two project types given the library: the rules name one of them.
const char *TwoProjectTypes = R"(#include <lib.h>
namespace app {
template <class T> struct Widget { int run() { return 2; } };
template <class T> struct Gadget { int run() { return 3; } };
} // namespace app
int widget() { app::Widget<int> W; return lib::relay(W); }
int gadget() { app::Gadget<int> G; return lib::relay(G); }
)";

// A parse that decides at the end, whose rules say yes and name only the instantiations given
// Widget<int> (as contract-mock-drift names only those given a mock).
class NamesWidgets : public BodySkippingConsumer {
public:
  NamesWidgets(std::unique_ptr<ASTConsumer> Inner, const SourceManager &SM, const Config &Cfg)
      : BodySkippingConsumer(
            std::move(Inner), SM, Cfg, BodySkipPolicy::Mode::Decide,
            [](BodySkipPolicy::Instantiations) { return true; },
            [](BodySkipPolicy::Instantiations PutAside) {
              std::vector<const FunctionDecl *> Named;
              for (const FunctionDecl *F : PutAside)
                if (F->getTemplateSpecializationArgs()->get(0).getAsType().getAsString().find(
                        "Widget") != std::string::npos)
                  Named.push_back(F);
              return Named;
            }) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    EXPECT_TRUE(makeWhatTheRulesNeed());
    BodySkippingConsumer::HandleTranslationUnit(Ctx);
  }
};

TEST(PendingInstantiationFilterTest, DecidingAtTheEndMakesOnlyWhatTheRulesName) {
  Made Result = madeBy(TwoProjectTypes, [](CompilerInstance &CI,
                                           std::unique_ptr<ASTConsumer> Inner, const Config &Cfg) {
    return std::make_unique<NamesWidgets>(std::move(Inner), CI.getSourceManager(), Cfg);
  });
  Made Expected = {
      // Named: made, with what its body asks for that reaches the project.
      {"relay<app::Widget<int>>", true},
      {"apply<app::Widget<int>>", true},
      {"apply<lib::Plain>", false},
      // Given the project but not named: left as the first parse leaves it, and so never asks
      // for apply<app::Gadget<int>>.
      {"relay<app::Gadget<int>>", false},
  };
  EXPECT_EQ(Result, Expected);
}

} // namespace
} // namespace contractcheck
