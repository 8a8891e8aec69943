#include "rules/enum-table/ParserChains.h"

#include "rules/utils/StringParsers.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Analysis/Analyses/ExprMutationAnalyzer.h>
#include <llvm/ADT/StringMap.h>

using namespace clang;

namespace contractcheck {

namespace {

// The literals Condition tests Param equal to, when it is nothing but such tests joined by ||;
// empty otherwise (a test that also asks something else excludes nothing from the else branch).
std::vector<const StringLiteral *> testsOf(const Expr *Condition, const ParmVarDecl &Param) {
  const Expr *E = Condition->IgnoreParenImpCasts();
  if (const auto *Or = dyn_cast<BinaryOperator>(E); Or && Or->getOpcode() == BO_LOr) {
    std::vector<const StringLiteral *> Left = testsOf(Or->getLHS(), Param);
    std::vector<const StringLiteral *> Right = testsOf(Or->getRHS(), Param);
    if (Left.empty() || Right.empty())
      return {};
    Left.insert(Left.end(), Right.begin(), Right.end());
    return Left;
  }
  if (const StringLiteral *Literal = testedLiteral(E, Param))
    return {Literal};
  return {};
}

// Whether running S always leaves the function: it is, or ends with, a return or a throw.
bool alwaysLeaves(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return !Block->body_empty() && alwaysLeaves(Block->body_back());
  if (const auto *Thrown = dyn_cast_or_null<Expr>(S))
    return isa<CXXThrowExpr>(Thrown->IgnoreParenImpCasts());
  return isa_and_nonnull<ReturnStmt>(S);
}

bool hasLabel(const Stmt *S) {
  if (!S)
    return false;
  if (isa<LabelStmt>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (hasLabel(Child))
      return true;
  return false;
}

class ChainReader {
public:
  explicit ChainReader(const ParmVarDecl &Param) : Param(Param) {}

  void outermost(const Stmt *S) {
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If)
      return;
    // What a test whose branch always leaves excludes from every statement after the chain.
    std::vector<const StringLiteral *> Leaving;
    llvm::StringMap<const StringLiteral *> InChain;
    for (; If; If = dyn_cast_or_null<IfStmt>(If->getElse())) {
      if (If->getInit() || If->getConditionVariable() || If->isConsteval() || If->isConstexpr())
        break;
      std::vector<const StringLiteral *> Tests = testsOf(If->getCond(), Param);
      // A literal repeated within one condition (`str == "may" || str == "may"`, ledger's month
      // names, where May's abbreviation is its name) is redundant, not dead: the first test takes
      // the same branch, no branch goes unreached and no text changes its enumerator.
      llvm::StringMap<bool> InCondition;
      size_t FoundBefore = Found.size();
      for (const StringLiteral *Literal : Tests) {
        llvm::StringRef Text = Literal->getString();
        if (!InCondition.try_emplace(Text, true).second)
          continue;
        const StringLiteral *Earlier = InChain.lookup(Text);
        if (!Earlier)
          Earlier = Excluded.lookup(Text);
        if (Earlier)
          Found.push_back({Earlier, Literal, If->getThen()});
        else
          InChain[Text] = Literal;
      }
      // The branch is dead only when every text its condition tests was tested before: a new
      // one still takes it (`text == "triangle" || text == "circle"` returns Triangle).
      if (Found.size() - FoundBefore < InCondition.size())
        for (size_t I = FoundBefore; I < Found.size(); ++I)
          Found[I].DeadBranch = nullptr;
      if (alwaysLeaves(If->getThen()))
        Leaving.insert(Leaving.end(), Tests.begin(), Tests.end());
    }
    for (const StringLiteral *Literal : Leaving)
      Excluded.try_emplace(Literal->getString(), Literal);
  }

  std::vector<RepeatedTest> Found;

private:
  const ParmVarDecl &Param;
  llvm::StringMap<const StringLiteral *> Excluded;
};

} // namespace

std::vector<RepeatedTest> repeatedTests(const FunctionDecl &Parser, const ParmVarDecl &Param,
                                        ASTContext &Ctx) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Parser.getBody());
  if (!Body)
    return {};
  ChainReader Reader(Param);
  for (const Stmt *S : Body->body())
    Reader.outermost(S);
  if (Reader.Found.empty() || hasLabel(Body) ||
      ExprMutationAnalyzer(*Body, Ctx).isMutated(&Param))
    return {};
  return std::move(Reader.Found);
}

} // namespace contractcheck
