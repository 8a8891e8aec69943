#include "rules/enum-name/ExpectedFailures.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/IgnoreExpr.h>
#include <clang/AST/Stmt.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Basic/SourceManager.h>

using namespace clang;

namespace contractcheck {

namespace {

bool writtenByMacroBody(SourceLocation Loc, const SourceManager &SM) {
  return Loc.isMacroID() && SM.isMacroBodyExpansion(Loc);
}

template <typename Predicate> bool anyIn(const Stmt *S, Predicate Found) {
  if (!S)
    return false;
  if (Found(*S))
    return true;
  for (const Stmt *Child : S->children())
    if (anyIn(Child, Found))
      return true;
  return false;
}

void addCallsIn(const Stmt *S, CallSet &Calls) {
  anyIn(S, [&](const Stmt &Node) {
    if (const auto *Call = dyn_cast<CallExpr>(&Node))
      Calls.insert(Call);
    return false;
  });
}

// A handler after which the assertion passes: it neither leaves for the failure (goto, return,
// throw) nor reports what it caught as unexpected (Catch2's handleUnexpectedInflightException).
bool handlerPasses(const CXXCatchStmt &Handler) {
  return !anyIn(Handler.getHandlerBlock(), [](const Stmt &S) {
    if (isa<GotoStmt, ReturnStmt, CXXThrowExpr>(S))
      return true;
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      if (const auto *Callee = dyn_cast_or_null<NamedDecl>(Call->getCalleeDecl()))
        if (Callee->getIdentifier())
          return Callee->getName().contains_insensitive("unexpected");
    return false;
  });
}

// Looks through what stands between an asserted value and the expression that produced it.
const Expr *peel(const Expr *E) {
  auto Copy = [](Expr *E) -> Expr * {
    if (auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      return F->getSubExpr();
    if (auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() >= 1)
      return Construct->getArg(0); // testing::AssertionResult(expression), copies
    return E;
  };
  return IgnoreExprNodes(E, IgnoreParensSingleStep, IgnoreImplicitCastsExtraSingleStep,
                         IgnoreImplicitSingleStep, Copy);
}

// The call whose result a test looks at for emptiness: `call`, `call.has_value()`,
// `(bool)call`, `call.ok()`.
const CallExpr *resultOf(const Expr *E) {
  E = peel(E);
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    bool Emptiness =
        Method && Member->getNumArgs() == 0 &&
        (isa<CXXConversionDecl>(Method) ||
         (Method->getIdentifier() &&
          (Method->getName() == "has_value" || Method->getName() == "hasValue" ||
           Method->getName() == "ok")));
    if (Emptiness)
      return resultOf(Member->getImplicitObjectArgument());
  }
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E);
      Call && !isa<CXXMemberCallExpr, CXXOperatorCallExpr>(Call))
    return Call;
  return nullptr;
}

// gtest's EqHelper::Compare and CmpHelperEQ, an `equals` or `isEqual` helper.
bool isEqualityName(const NamedDecl *D) {
  if (!D || !D->getIdentifier())
    return false;
  std::string Name = D->getName().lower();
  llvm::StringRef N(Name);
  return N.starts_with("eq") || N.ends_with("eq") || N.ends_with("equal") ||
         N.ends_with("equals");
}

bool isNullopt(const Expr *E) {
  E = peel(E);
  const CXXRecordDecl *Record = E ? E->getType()->getAsCXXRecordDecl() : nullptr;
  return Record && Record->getIdentifier() && Record->getName() == "nullopt_t";
}

// An equality of a call with std::nullopt, as written (`call == std::nullopt`) or as gtest's
// EXPECT_EQ passes it on (`EqHelper::Compare("a", "b", lhs, rhs)`).
void addComparedWithNullopt(const Expr *E, CallSet &Calls) {
  E = peel(E);
  if (const auto *Rewritten = dyn_cast_or_null<CXXRewrittenBinaryOperator>(E)) {
    CXXRewrittenBinaryOperator::DecomposedForm Form = Rewritten->getDecomposedForm();
    if (Form.Opcode == BO_EQ)
      for (auto [Value, Other] : {std::pair{Form.LHS, Form.RHS}, std::pair{Form.RHS, Form.LHS}})
        if (isNullopt(Other))
          if (const CallExpr *Call = resultOf(Value))
            Calls.insert(Call);
    return;
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  if (!Call)
    return;
  bool Equality = false;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
    Equality = Op->getOperator() == OO_EqualEqual;
  else if (const auto *Callee = dyn_cast_or_null<FunctionDecl>(Call->getCalleeDecl()))
    Equality = isEqualityName(Callee) ||
               isEqualityName(dyn_cast<CXXRecordDecl>(Callee->getDeclContext()));
  if (!Equality ||
      std::none_of(Call->arg_begin(), Call->arg_end(), [](const Expr *A) { return isNullopt(A); }))
    return;
  for (const Expr *Arg : Call->arguments())
    if (const CallExpr *Result = resultOf(Arg))
      Calls.insert(Result);
}

} // namespace

void addCallsExpectedToThrow(const CXXTryStmt &Try, const SourceManager &SM, CallSet &Calls) {
  if (!writtenByMacroBody(Try.getTryLoc(), SM))
    return;
  for (unsigned I = 0; I < Try.getNumHandlers(); ++I)
    if (handlerPasses(*Try.getHandler(I))) {
      addCallsIn(Try.getTryBlock(), Calls);
      return;
    }
}

void addCallsExpectedToFail(const IfStmt &If, const SourceManager &SM, CallSet &Calls) {
  if (!writtenByMacroBody(If.getIfLoc(), SM) || !isa_and_nonnull<NullStmt>(If.getThen()) ||
      !If.getElse())
    return;
  const Expr *Asserted = If.getCond();
  if (const VarDecl *Var = If.getConditionVariable())
    Asserted = Var->getInit();
  Asserted = peel(Asserted);
  if (const auto *Not = dyn_cast_or_null<UnaryOperator>(Asserted);
      Not && Not->getOpcode() == UO_LNot) {
    if (const CallExpr *Call = resultOf(Not->getSubExpr()))
      Calls.insert(Call);
    return;
  }
  addComparedWithNullopt(Asserted, Calls);
}

} // namespace contractcheck
