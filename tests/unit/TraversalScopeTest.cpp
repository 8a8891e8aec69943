// What the rules' matchers walk (TraversalScope.h): every function of the project's code once,
// instantiations included, and nothing of the library's. Real Clang, the library as a system
// header; the walk is a RecursiveASTVisitor that visits instantiations and implicit code, as
// the matchers' is.
#include "TraversalScope.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/RecursiveASTVisitor.h>
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
template <class T> int apply(T &Value) { return Value.run(); }
template <class T> struct Traits { static int name() { return 0; } };
} // namespace lib
)";

const char *Project = R"(#include <lib.h>
namespace app {
template <class T> struct Widget { int run() { return 2; } };
template <class T> int classify(T Value) { return Value > 0 ? 1 : 0; }
template <class T> struct Box {
  T Held;
  int get() { return classify(Held); }
};
} // namespace app
// The project's partial specialization of the library's template: its instantiation is one of
// the library's template's, which the walk does not enter.
template <class T> struct lib::Traits<app::Widget<T>> {
  static int name() { return 7; }
};
int use() {
  app::Widget<int> W;
  app::Box<long> B{3};
  return lib::apply(W) + B.get() + lib::Traits<app::Widget<int>>::name();
}
)";

// How many times the walk visits each function definition, by its name with template arguments.
using Visits = std::map<std::string, int>;

class CountingWalk : public RecursiveASTVisitor<CountingWalk> {
public:
  CountingWalk(const PrintingPolicy &Policy, Visits &Out) : Policy(Policy), Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }
  bool VisitFunctionDecl(FunctionDecl *F) {
    if (!F->doesThisDeclarationHaveABody() || F->isDependentContext())
      return true;
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    F->getNameForDiagnostic(OS, Policy, /*Qualified=*/true);
    ++Out[Name];
    return true;
  }

private:
  const PrintingPolicy &Policy;
  Visits &Out;
};

class ScopeConsumer : public ASTConsumer {
public:
  explicit ScopeConsumer(Visits &Out) : Out(Out) {}
  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    Parsed.insert(Parsed.end(), Group.begin(), Group.end());
    return true;
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Ctx.setTraversalScope(projectTraversalScope(Parsed, Ctx, nullptr, "", nullptr));
    CountingWalk(Ctx.getPrintingPolicy(), Out).TraverseAST(Ctx);
  }

private:
  std::vector<Decl *> Parsed;
  Visits &Out;
};

class ScopeAction : public ASTFrontendAction {
public:
  explicit ScopeAction(Visits &Out) : Out(Out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, llvm::StringRef) override {
    return std::make_unique<ScopeConsumer>(Out);
  }

private:
  Visits &Out;
};

TEST(TraversalScopeTest, EachFunctionOfTheProjectIsWalkedOnceAndNoneOfTheLibrarys) {
  Visits Result;
  ASSERT_TRUE(tooling::runToolOnCodeWithArgs(
      std::make_unique<ScopeAction>(Result), Project,
      {"-std=c++17", "-isystem", "/virtual/include"}, "/virtual/app/main.cpp", "test",
      std::make_shared<PCHContainerOperations>(), {{"/virtual/include/lib.h", Library}}));
  Visits Expected = {
      {"use", 1},
      // Instantiations of the project's templates, which Sema also hands over as top-level
      // declarations: walked from their template only.
      {"app::Widget<int>::run", 1},
      {"app::Widget<int>::Widget", 1}, // implicit, defined where W is declared
      {"app::Box<long>::get", 1},
      {"app::classify<long>", 1},
      // The member of the project's partial specialization: walked as Sema handed it over.
      {"lib::Traits<app::Widget<int>>::name", 1},
      // lib::apply<app::Widget<int>> is the library's: not walked.
  };
  EXPECT_EQ(Result, Expected);
}

} // namespace
} // namespace contractcheck
