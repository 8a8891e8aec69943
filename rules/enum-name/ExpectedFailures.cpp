#include "rules/enum-name/ExpectedFailures.h"

#include "rules/utils/Sentinels.h"

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

// A local an assertion macro's body declares for an argument (`auto ptfActual = actual;`) stands
// for the expression it is initialised with; explicit casts (`static_cast<decltype(a)>(e)`) too.
const Expr *throughMacroLocal(const Expr *E, const SourceManager &SM) {
  for (;;) {
    E = peel(E);
    if (const auto *Cast = dyn_cast_or_null<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Var || !Var->hasLocalStorage() || !Var->getInit() ||
        !writtenByMacroBody(Var->getLocation(), SM))
      return E;
    E = Var->getInit();
  }
}

// What a test compares a result with when it expects the call to fail: std::nullopt, or an
// enumerator named like a catch-all.
bool isFailureValue(const Expr *E, const SourceManager &SM,
                    const std::vector<std::string> &CatchAllWords) {
  E = throughMacroLocal(E, SM);
  if (isNullopt(E))
    return true;
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *Enumerator = Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
  return Enumerator && namesACatchAll(*Enumerator, CatchAllWords);
}

// A comparison `Want` (== or !=) of a call with a value, as written (`call == std::nullopt`,
// `a != e` over an assertion macro's locals) or as gtest's EXPECT_EQ passes it on
// (`EqHelper::Compare("a", "b", lhs, rhs)`): the call goes to Calls when the value is a failure
// value, to Compared with the value otherwise.
void addComparedWithFailureValue(const Expr *E, BinaryOperatorKind Want, const SourceManager &SM,
                                 const std::vector<std::string> &CatchAllWords, CallSet &Calls,
                                 ComparedCalls &Compared) {
  auto AddPair = [&](const Expr *LHS, const Expr *RHS) {
    for (auto [Value, Other] : {std::pair{LHS, RHS}, std::pair{RHS, LHS}})
      if (const CallExpr *Call = resultOf(throughMacroLocal(Value, SM))) {
        if (isFailureValue(Other, SM, CatchAllWords))
          Calls.insert(Call);
        else
          Compared.try_emplace(Call, throughMacroLocal(Other, SM));
      }
  };
  E = peel(E);
  if (const auto *Builtin = dyn_cast_or_null<BinaryOperator>(E)) {
    if (Builtin->getOpcode() == Want)
      AddPair(Builtin->getLHS(), Builtin->getRHS());
    return;
  }
  if (const auto *Rewritten = dyn_cast_or_null<CXXRewrittenBinaryOperator>(E)) {
    CXXRewrittenBinaryOperator::DecomposedForm Form = Rewritten->getDecomposedForm();
    if (Form.Opcode == Want)
      AddPair(Form.LHS, Form.RHS);
    return;
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  if (!Call)
    return;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getNumArgs() == 2 &&
        Op->getOperator() == (Want == BO_EQ ? OO_EqualEqual : OO_ExclaimEqual))
      AddPair(Op->getArg(0), Op->getArg(1));
    return;
  }
  const auto *Callee = dyn_cast_or_null<FunctionDecl>(Call->getCalleeDecl());
  if (Want != BO_EQ || !Callee ||
      !(isEqualityName(Callee) || isEqualityName(dyn_cast<CXXRecordDecl>(Callee->getDeclContext()))))
    return;
  // gtest passes the two expressions' texts first (and gtest 1.8's EqHelper<true> a defaulted
  // SFINAE argument last): the values compared are the others.
  llvm::SmallVector<const Expr *, 2> Compares;
  for (const Expr *Arg : Call->arguments())
    if (!isa<CXXDefaultArgExpr>(Arg) && !isa_and_nonnull<StringLiteral>(peel(Arg)))
      Compares.push_back(Arg);
  if (Compares.size() == 2)
    return AddPair(Compares[0], Compares[1]);
  if (std::none_of(Call->arg_begin(), Call->arg_end(),
                   [&](const Expr *A) { return isFailureValue(A, SM, CatchAllWords); }))
    return;
  for (const Expr *Arg : Call->arguments())
    if (const CallExpr *Result = resultOf(Arg))
      Calls.insert(Result);
}

// A then-branch that is an assertion's failure: it leaves the test (return, throw, goto, a
// call that does not return).
bool leaves(const Stmt *Then) {
  return anyIn(Then, [](const Stmt &S) {
    if (isa<ReturnStmt, GotoStmt, CXXThrowExpr>(S))
      return true;
    const auto *Call = dyn_cast<CallExpr>(&S);
    const auto *Callee = Call ? Call->getDirectCallee() : nullptr;
    return Callee && Callee->isNoReturn();
  });
}

} // namespace

void addCallsExpectedToThrow(const CXXTryStmt &Try, CallSet &Calls) {
  for (unsigned I = 0; I < Try.getNumHandlers(); ++I)
    if (handlerPasses(*Try.getHandler(I))) {
      addCallsIn(Try.getTryBlock(), Calls);
      return;
    }
}

void addCallsExpectedToFail(const IfStmt &If, const SourceManager &SM,
                            const std::vector<std::string> &CatchAllWords, CallSet &Calls,
                            ComparedCalls &Compared) {
  // `if (cond) ; else fail` asserts cond; `if (cond) { fail; return; }` asserts !cond.
  bool FailsWhenTrue;
  if (isa_and_nonnull<NullStmt>(If.getThen()) && If.getElse())
    FailsWhenTrue = false;
  else if (!If.getElse() && isa_and_nonnull<CompoundStmt>(If.getThen()) && leaves(If.getThen()))
    FailsWhenTrue = true;
  else
    return;
  const Expr *Condition = If.getCond();
  if (const VarDecl *Var = If.getConditionVariable())
    Condition = Var->getInit();
  Condition = peel(Condition);
  if (!FailsWhenTrue) {
    if (const auto *Not = dyn_cast_or_null<UnaryOperator>(Condition);
        Not && Not->getOpcode() == UO_LNot) {
      if (const CallExpr *Call = resultOf(Not->getSubExpr()))
        Calls.insert(Call);
      return;
    }
    return addComparedWithFailureValue(Condition, BO_EQ, SM, CatchAllWords, Calls, Compared);
  }
  addComparedWithFailureValue(Condition, BO_NE, SM, CatchAllWords, Calls, Compared);
}

} // namespace contractcheck
