#include "rules/enum-table/SteppedRuns.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/IgnoreExpr.h>
#include <clang/AST/Stmt.h>

#include <functional>
#include <optional>

using namespace clang;

namespace contractcheck {

namespace {

// Through parentheses and casts, implicit or written (`squareT(w + 1)`, `(int)w`).
const Expr *peeled(const Expr *E) {
  auto Written = [](Expr *E) -> Expr * {
    if (auto *Cast = dyn_cast<ExplicitCastExpr>(E))
      return Cast->getSubExpr();
    return E;
  };
  return E ? IgnoreExprNodes(const_cast<Expr *>(E), IgnoreParensSingleStep,
                             IgnoreImplicitCastsExtraSingleStep, Written)
           : nullptr;
}

bool refersTo(const Expr *E, const ParmVarDecl &Param) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(peeled(E));
  return Ref && Ref->getDecl() == &Param;
}

const EnumConstantDecl *enumeratorOf(const Expr *E, const EnumDecl &Enum) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(peeled(E));
  const auto *Constant = Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
  return Constant && Constant->getDeclContext() == &Enum ? Constant : nullptr;
}

// Whether S adds to the parameter somewhere (`w + 1`, `(unsigned char)w + 1`).
bool addsTo(const Stmt *S, const ParmVarDecl &Param) {
  if (!S)
    return false;
  if (const auto *Sum = dyn_cast<BinaryOperator>(S);
      Sum && Sum->getOpcode() == BO_Add &&
      (refersTo(Sum->getLHS(), Param) || refersTo(Sum->getRHS(), Param)))
    return true;
  // The enum's own `operator+(squareT, int)` (SCID's).
  if (const auto *Sum = dyn_cast<CXXOperatorCallExpr>(S);
      Sum && Sum->getOperator() == OO_Plus && Sum->getNumArgs() == 2 &&
      (refersTo(Sum->getArg(0), Param) || refersTo(Sum->getArg(1), Param)))
    return true;
  for (const Stmt *Child : S->children())
    if (addsTo(Child, Param))
      return true;
  return false;
}

// The one enumerator of Enum that S names (assigns or returns), if it names exactly one.
const EnumConstantDecl *yields(const Stmt *S, const EnumDecl &Enum) {
  const EnumConstantDecl *Found = nullptr;
  bool Several = false;
  std::function<void(const Stmt *)> Walk = [&](const Stmt *Node) {
    if (!Node)
      return;
    if (const auto *E = dyn_cast<Expr>(Node))
      if (const EnumConstantDecl *Constant = enumeratorOf(E, Enum)) {
        Several = Several || (Found && Found != Constant);
        Found = Constant;
        return;
      }
    for (const Stmt *Child : Node->children())
      Walk(Child);
  };
  Walk(S);
  return Several ? nullptr : Found;
}

struct Step {
  llvm::APSInt Last;                 // the run's last value
  const EnumConstantDecl *After;     // what the increment yields after it
};

BinaryOperatorKind negated(BinaryOperatorKind Op) {
  switch (Op) {
  case BO_LT: return BO_GE;
  case BO_LE: return BO_GT;
  case BO_GT: return BO_LE;
  case BO_GE: return BO_LT;
  case BO_EQ: return BO_NE;
  case BO_NE: return BO_EQ;
  default: return Op;
  }
}

BinaryOperatorKind reversed(BinaryOperatorKind Op) {
  switch (Op) {
  case BO_LT: return BO_GT;
  case BO_LE: return BO_GE;
  case BO_GT: return BO_LT;
  case BO_GE: return BO_LE;
  default: return Op;
  }
}

// `cond ? then : else` or `if (cond) then else else`, cond comparing the operand with an
// enumerator, one branch adding to the operand and the other yielding one enumerator.
std::optional<Step> stepOf(const Expr *Cond, const Stmt *Then, const Stmt *Else,
                           const ParmVarDecl &Param, const EnumDecl &Enum) {
  if (!Cond || !Then || !Else)
    return std::nullopt;
  // A built-in comparison, or one of the enum's own operators.
  const Expr *Left = nullptr, *Right = nullptr;
  BinaryOperatorKind Op = BO_Comma;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Test = dyn_cast<BinaryOperator>(Cond); Test && Test->isComparisonOp())
    Left = Test->getLHS(), Right = Test->getRHS(), Op = Test->getOpcode();
  else if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(Cond);
           Call && Call->getNumArgs() == 2 && Call->isComparisonOp())
    Left = Call->getArg(0), Right = Call->getArg(1),
    Op = BinaryOperator::getOverloadedOpcode(Call->getOperator());
  if (!Left)
    return std::nullopt;
  const EnumConstantDecl *Bound = nullptr;
  if (refersTo(Left, Param))
    Bound = enumeratorOf(Right, Enum);
  else if (refersTo(Right, Param)) {
    Bound = enumeratorOf(Left, Enum);
    Op = reversed(Op);
  }
  if (!Bound)
    return std::nullopt;
  const Stmt *Stepping = Then, *Other = Else;
  if (!addsTo(Then, Param)) {
    std::swap(Stepping, Other);
    Op = negated(Op);
  }
  if (!addsTo(Stepping, Param) || addsTo(Other, Param))
    return std::nullopt;
  const EnumConstantDecl *After = yields(Other, Enum);
  if (!After)
    return std::nullopt;
  llvm::APSInt Last = Bound->getInitVal();
  switch (Op) {
  case BO_LT:
  case BO_NE:
    break;
  case BO_LE:
    ++Last;
    break;
  default: // a decrement's test, or one the stepping branch cannot pass upwards
    return std::nullopt;
  }
  return Step{Last, After};
}

// Whether S ends in a `return`.
bool returns(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return !Block->body_empty() && returns(Block->body_back());
  return isa_and_nonnull<ReturnStmt>(S);
}

std::optional<Step> findStep(const Stmt *S, const ParmVarDecl &Param, const EnumDecl &Enum) {
  if (!S)
    return std::nullopt;
  if (const auto *If = dyn_cast<IfStmt>(S))
    if (std::optional<Step> Found = stepOf(If->getCond(), If->getThen(), If->getElse(), Param, Enum))
      return Found;
  if (const auto *Choice = dyn_cast<ConditionalOperator>(S))
    if (std::optional<Step> Found = stepOf(Choice->getCond(), Choice->getTrueExpr(),
                                           Choice->getFalseExpr(), Param, Enum))
      return Found;
  // `if (w < X) return w + 1; return w = Y;`: what follows an `if` whose branch returns is its
  // else.
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    for (auto It = Block->body_begin(); It != Block->body_end(); ++It)
      if (const auto *If = dyn_cast<IfStmt>(*It);
          If && !If->getElse() && std::next(It) != Block->body_end() && returns(If->getThen()))
        if (std::optional<Step> Found =
                stepOf(If->getCond(), If->getThen(), *std::next(It), Param, Enum))
          return Found;
  for (const Stmt *Child : S->children())
    if (std::optional<Step> Found = findStep(Child, Param, Enum))
      return Found;
  return std::nullopt;
}

// The increment's operand, when F is `operator++` taking `Enum &` with a body.
const ParmVarDecl *incrementedEnum(const FunctionDecl &F, const EnumDecl &Enum) {
  if (F.getOverloadedOperator() != OO_PlusPlus || F.getNumParams() < 1 || !F.hasBody() ||
      isa<CXXMethodDecl>(F))
    return nullptr;
  const ParmVarDecl *Param = F.getParamDecl(0);
  const auto *Ref = Param->getType()->getAs<LValueReferenceType>();
  if (!Ref || Ref->getPointeeType().isConstQualified())
    return nullptr;
  const auto *Type = Ref->getPointeeType()->getAs<EnumType>();
  return Type && Type->getDecl()->getCanonicalDecl() == Enum.getCanonicalDecl() ? Param : nullptr;
}

} // namespace

std::vector<const EnumConstantDecl *> steppedOverByIncrement(const EnumDecl &Enum,
                                                             ASTContext &Ctx) {
  const EnumDecl *Definition = Enum.getDefinition();
  if (!Definition)
    return {};
  DeclContext *Scope = const_cast<DeclContext *>(
      Definition->getDeclContext()->getEnclosingNamespaceContext());
  DeclarationName Name = Ctx.DeclarationNames.getCXXOperatorName(OO_PlusPlus);
  for (NamedDecl *Candidate : Scope->getPrimaryContext()->lookup(Name)) {
    const auto *F = dyn_cast<FunctionDecl>(Candidate);
    const FunctionDecl *Body = nullptr;
    if (!F || !F->hasBody(Body))
      continue;
    const ParmVarDecl *Param = incrementedEnum(*Body, *Definition);
    if (!Param)
      continue;
    std::optional<Step> Found = findStep(Body->getBody(), *Param, *Definition);
    if (!Found)
      continue;
    const llvm::APSInt &After = Found->After->getInitVal();
    int ToLast = llvm::APSInt::compareValues(After, Found->Last);
    if (ToLast < 0) // a cycle: back to the first, every member on the way
      return {};
    std::vector<const EnumConstantDecl *> Over;
    for (const EnumConstantDecl *E : Definition->enumerators()) {
      const llvm::APSInt &V = E->getInitVal();
      if (llvm::APSInt::compareValues(V, Found->Last) > 0 &&
          (ToLast == 0 || llvm::APSInt::compareValues(V, After) < 0))
        Over.push_back(E);
    }
    return Over;
  }
  return {};
}

} // namespace contractcheck
