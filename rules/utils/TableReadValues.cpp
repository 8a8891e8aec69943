#include "rules/utils/TableReadValues.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>
#include <llvm/ADT/STLExtras.h>

using namespace clang;

namespace contractcheck {

namespace {

const VarDecl *constVariable(const Expr *E) {
  const auto *Ref = E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->getType().isConstQualified() || !Var->getAnyInitializer())
    return nullptr;
  return Var;
}

// The one const variable every return of Body returns (lambdas' returns are theirs).
void returnedVariables(const Stmt *S, std::vector<const VarDecl *> &Returned) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Return = dyn_cast<ReturnStmt>(S))
    Returned.push_back(constVariable(Return->getRetValue()));
  for (const Stmt *Child : S->children())
    returnedVariables(Child, Returned);
}

// The table an expression is: a const variable with an initializer, or a call of a function the
// TU defines that returns one (recc's `DigestGenerator::stringToDigestFunctionMap()`, which
// returns its `static const std::map` by reference).
const VarDecl *constTable(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const VarDecl *Var = constVariable(E))
    return Var;
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee =
      Call && !isa<CXXOperatorCallExpr>(Call) ? Call->getDirectCallee() : nullptr;
  const FunctionDecl *Definition = nullptr;
  if (!Callee || !Callee->getBody(Definition))
    return nullptr;
  std::vector<const VarDecl *> Returned;
  returnedVariables(Definition->getBody(), Returned);
  if (Returned.empty() || !Returned.front() || !llvm::all_equal(Returned))
    return nullptr;
  return Returned.front();
}

// `M` in `M.find(k)` / `M.at(k)` when Call is that call on a const table.
const VarDecl *constTableCalled(const Expr *E, llvm::StringRef Method) {
  const auto *Call =
      dyn_cast_or_null<CXXMemberCallExpr>(E ? E->IgnoreUnlessSpelledInSource() : nullptr);
  if (!Call || !Call->getMethodDecl() || Call->getMethodDecl()->getName() != Method)
    return nullptr;
  return constTable(Call->getImplicitObjectArgument());
}

// The table a read comes from: `M.at(k)`, or `it->second` with `auto it = M.find(k);` a local
// the function never changes.
const VarDecl *tableRead(const Expr &Read) {
  const Expr *E = Read.IgnoreParenImpCasts();
  if (const VarDecl *Table = constTableCalled(E, "at"))
    return Table;
  const auto *Second = dyn_cast<MemberExpr>(E);
  if (!Second || Second->getMemberDecl()->getName() != "second")
    return nullptr;
  // `it->second`: the arrow is the iterator's operator->, or a plain pointer's.
  const Expr *Base = Second->getBase()->IgnoreParenImpCasts();
  if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Base);
      Arrow && Arrow->getOperator() == OO_Arrow && Arrow->getNumArgs() == 1)
    Base = Arrow->getArg(0)->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(Base);
  const auto *Iterator = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Iterator || !Iterator->isLocalVarDecl() || !Iterator->getInit())
    return nullptr;
  const VarDecl *Table = constTableCalled(Iterator->getInit(), "find");
  const auto *Function = dyn_cast<FunctionDecl>(Iterator->getDeclContext());
  if (!Table || !Function || !Function->getBody() || assigns(Function->getBody(), *Iterator))
    return nullptr;
  return Table;
}

// Every value of Enum the expression holds is an enumerator written out; false at the first
// that is not.
bool collect(const Stmt *S, const EnumDecl &Enum, std::vector<llvm::APSInt> &Values) {
  if (!S)
    return true;
  if (const auto *E = dyn_cast<Expr>(S)) {
    const auto *Type = E->getType().getCanonicalType()->getAs<EnumType>();
    if (Type && Type->getDecl()->getDefinition() == &Enum) {
      // Through the temporaries a `std::pair<const char *, E>` constructor binds it to.
      const Expr *Inner = E;
      for (const Expr *Prev = nullptr; Inner != Prev;)
        Prev = Inner, Inner = Inner->IgnoreImplicit()->IgnoreParens();
      const auto *Ref = dyn_cast<DeclRefExpr>(Inner);
      const auto *Enumerator = Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
      if (!Enumerator)
        return false;
      Values.push_back(Enumerator->getInitVal());
      return true;
    }
  }
  return llvm::all_of(S->children(),
                      [&](const Stmt *Child) { return collect(Child, Enum, Values); });
}

} // namespace

bool assigns(const Stmt *S, const VarDecl &Var) {
  if (!S)
    return false;
  auto Names = [&](const Expr *E) {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return Ref && Ref->getDecl() == &Var;
  };
  // isAssignmentOp covers the compound ones (+=, -=, ...).
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
    if ((Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
         Op->getOperator() == OO_MinusMinus) &&
        Op->getNumArgs() > 0 && Names(Op->getArg(0)))
      return true;
  if (const auto *Bin = dyn_cast<BinaryOperator>(S);
      Bin && Bin->isAssignmentOp() && Names(Bin->getLHS()))
    return true;
  if (const auto *Un = dyn_cast<UnaryOperator>(S);
      Un && (Un->isIncrementDecrementOp() || Un->getOpcode() == UO_AddrOf) &&
      Names(Un->getSubExpr()))
    return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) { return assigns(Child, Var); });
}

std::optional<std::vector<llvm::APSInt>> valuesReadFromConstTable(const Expr &Read,
                                                                  const EnumDecl &Enum) {
  const VarDecl *Table = tableRead(Read);
  if (!Table)
    return std::nullopt;
  std::vector<llvm::APSInt> Values;
  if (!collect(Table->getAnyInitializer(), Enum, Values))
    return std::nullopt;
  return Values;
}

std::optional<std::vector<llvm::APSInt>> valuesHeldFromConstTable(const Expr &Value,
                                                                  const EnumDecl &Enum) {
  if (std::optional<std::vector<llvm::APSInt>> Read = valuesReadFromConstTable(Value, Enum))
    return Read;
  const auto *Ref = dyn_cast<DeclRefExpr>(Value.IgnoreParenImpCasts());
  const auto *Local = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Local || !Local->isLocalVarDecl() || Local->isStaticLocal() || !Local->getInit())
    return std::nullopt;
  const auto *Function = dyn_cast<FunctionDecl>(Local->getDeclContext());
  if (!Local->getType().isConstQualified() &&
      (!Function || !Function->getBody() || assigns(Function->getBody(), *Local)))
    return std::nullopt;
  return valuesReadFromConstTable(*Local->getInit(), Enum);
}

} // namespace contractcheck
