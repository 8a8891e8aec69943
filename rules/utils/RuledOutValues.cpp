#include "rules/utils/RuledOutValues.h"

#include "rules/utils/StraightLine.h"
#include "rules/utils/TableReadValues.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
#include <clang/AST/Stmt.h>
#include <clang/AST/StmtCXX.h>

#include <optional>

using namespace clang;

namespace contractcheck {

namespace {

const Expr *strip(const Expr *E) { return E ? E->IgnoreParenImpCasts() : nullptr; }

// The same variable or member path: `t`, `e.type`, `this->level_`, `p->kind`, and paths through
// calls without arguments (getters): `model()->mode`, `e.type()`, `d->item()->kind`.
bool sameVariable(const Expr *A, const Expr *B) {
  A = strip(A);
  B = strip(B);
  if (!A || !B)
    return false;
  if (const auto *RA = dyn_cast<DeclRefExpr>(A)) {
    const auto *RB = dyn_cast<DeclRefExpr>(B);
    return RB && RA->getDecl()->getCanonicalDecl() == RB->getDecl()->getCanonicalDecl() &&
           isa<VarDecl>(RA->getDecl());
  }
  if (const auto *MA = dyn_cast<MemberExpr>(A)) {
    const auto *MB = dyn_cast<MemberExpr>(B);
    return MB && MA->getMemberDecl() == MB->getMemberDecl() && MA->isArrow() == MB->isArrow() &&
           sameVariable(MA->getBase(), MB->getBase());
  }
  if (const auto *CA = dyn_cast<CallExpr>(A)) {
    const auto *CB = dyn_cast<CallExpr>(B);
    if (!CB || CA->getNumArgs() != 0 || CB->getNumArgs() != 0 || !CA->getDirectCallee() ||
        !CB->getDirectCallee() ||
        CA->getDirectCallee()->getCanonicalDecl() != CB->getDirectCallee()->getCanonicalDecl())
      return false;
    const auto *MA = dyn_cast<CXXMemberCallExpr>(CA);
    const auto *MB = dyn_cast<CXXMemberCallExpr>(CB);
    if (!MA || !MB)
      return !MA && !MB && !isa<CXXOperatorCallExpr>(CA);
    return sameVariable(MA->getImplicitObjectArgument(), MB->getImplicitObjectArgument());
  }
  return isa<CXXThisExpr>(A) && isa<CXXThisExpr>(B);
}

// What a guard can be about: a variable, a member path, or a getter call on one.
bool isPath(const Expr *E) {
  E = strip(E);
  if (isa_and_nonnull<DeclRefExpr, MemberExpr>(E))
    return true;
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(E);
  return Call && Call->getNumArgs() == 0 && Call->getDirectCallee();
}

std::optional<llvm::APSInt> constantOf(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult Result;
  if (!E || E->isValueDependent() || !E->EvaluateAsInt(Result, Ctx))
    return std::nullopt;
  return Result.Val.getInt();
}

// The values `Cond` tests `Var` against when it is a chain of `Var <Op> constant` joined by
// `Join`: (`==`, `||`) says "Var is one of these", (`!=`, `&&`) "Var is none of these".
// `bool is_inside_floor() const { return subtype == INSIDE_FLOOR; }` called on `this`: the
// comparison it returns, read as if written at the call (its `this` is the caller's). Only a body
// that is that one return, so nothing else runs.
const Expr *predicateComparison(const Expr *Cond) {
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(strip(Cond));
  if (!Call || Call->getNumArgs() != 0 || !Call->getMethodDecl() ||
      !isa_and_nonnull<CXXThisExpr>(strip(Call->getImplicitObjectArgument())))
    return nullptr;
  const FunctionDecl *Definition = nullptr;
  if (!Call->getMethodDecl()->hasBody(Definition))
    return nullptr;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Definition->getBody());
  const auto *Return =
      Body && Body->size() == 1 ? dyn_cast<ReturnStmt>(Body->body_front()) : nullptr;
  return Return ? Return->getRetValue() : nullptr;
}

BinaryOperatorKind negated(BinaryOperatorKind Op) {
  switch (Op) {
  case BO_EQ:
    return BO_NE;
  case BO_NE:
    return BO_EQ;
  case BO_LAnd:
    return BO_LOr;
  default:
    return BO_LAnd;
  }
}

bool mayChangeOrJoin(const Stmt *S, const Expr *Var, bool InNestedSwitch = false);

// Some part of E reads Var (or a path through it).
bool mentions(const Stmt *S, const Expr *Var) {
  if (const auto *E = dyn_cast_or_null<Expr>(S); E && sameVariable(E, Var))
    return true;
  return S && llvm::any_of(S->children(), [&](const Stmt *Child) { return mentions(Child, Var); });
}

// With Other set, a term of the chain that says nothing of Var is passed over (and *Other set):
// `if (lhs == discarded || rhs == discarded) return false;` still rules `discarded` out for lhs,
// for the reading "every term false" (or, for `!=` and `&&`, "every term true") holds of Var's
// terms alone. A term that reads Var in another way, or may change it, still voids the chain.
bool collectComparisons(const Expr *Cond, const Expr *Var, BinaryOperatorKind Op,
                        BinaryOperatorKind Join, const ASTContext &Ctx,
                        std::vector<llvm::APSInt> &Into, bool *Other, unsigned Depth = 0) {
  if (Depth > 4)
    return false;
  // `!(v == A || v == B)` says what `v != A && v != B` says.
  if (const auto *Not = dyn_cast_or_null<UnaryOperator>(strip(Cond)); Not && Not->getOpcode() == UO_LNot)
    return collectComparisons(Not->getSubExpr(), Var, negated(Op), negated(Join), Ctx, Into,
                              Other, Depth + 1);
  if (const Expr *Returned = predicateComparison(Cond))
    return collectComparisons(Returned, Var, Op, Join, Ctx, Into, Other, Depth + 1);
  const auto *Bin = dyn_cast_or_null<BinaryOperator>(strip(Cond));
  if (!Bin)
    return false;
  if (Bin->getOpcode() == Join) {
    for (const Expr *Term : {Bin->getLHS(), Bin->getRHS()})
      if (!collectComparisons(Term, Var, Op, Join, Ctx, Into, Other, Depth + 1)) {
        if (!Other || mentions(Term, Var) || mayChangeOrJoin(Term, Var))
          return false;
        *Other = true;
      }
    return true;
  }
  if (Bin->getOpcode() != Op)
    return false;
  const Expr *Operand = sameVariable(Bin->getLHS(), Var)   ? Bin->getRHS()
                        : sameVariable(Bin->getRHS(), Var) ? Bin->getLHS()
                                                           : nullptr;
  std::optional<llvm::APSInt> Value = constantOf(Operand, Ctx);
  if (!Value)
    return false;
  Into.push_back(*Value);
  return true;
}

std::vector<llvm::APSInt> comparedValues(const Expr *Cond, const Expr *Var, BinaryOperatorKind Op,
                                         BinaryOperatorKind Join, const ASTContext &Ctx,
                                         bool *Other = nullptr) {
  std::vector<llvm::APSInt> Values;
  if (!collectComparisons(Cond, Var, Op, Join, Ctx, Values, Other))
    Values.clear();
  return Values;
}

// Control never falls out of S: it returns, throws, leaves the loop or calls a noreturn function.
bool alwaysExits(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt, ContinueStmt, BreakStmt, CXXThrowExpr>(S))
    return true;
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(S))
    return alwaysExits(Cleanups->getSubExpr());
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return Callee->isNoReturn();
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return std::any_of(Block->body_begin(), Block->body_end(), alwaysExits);
  if (const auto *If = dyn_cast<IfStmt>(S))
    return If->getElse() && alwaysExits(If->getThen()) && alwaysExits(If->getElse());
  return false;
}

bool assignsTo(const Stmt *S, const Expr *Var) {
  if (const auto *Bin = dyn_cast<BinaryOperator>(S))
    if (Bin->isAssignmentOp() && sameVariable(Bin->getLHS(), Var))
      return true;
  if (const auto *Un = dyn_cast<UnaryOperator>(S))
    if (Un->isIncrementDecrementOp() && sameVariable(Un->getSubExpr(), Var))
      return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
    if (Op->isAssignmentOp() && Op->getNumArgs() > 0 && sameVariable(Op->getArg(0), Var))
      return true;
  return false;
}

// A label through which control may arrive without having run what came before: a goto's
// target, or a case label of a switch that encloses S. The case labels of a switch inside S
// are reached only from that switch, after what came before it (flatbuffers' ConvertCase:
// `if (output_case == Case::kKeep) return input;`, a switch over the input case, then the switch
// over the output case).
bool isJoin(const Stmt *S, bool InNestedSwitch) {
  return isa<LabelStmt>(S) || (!InNestedSwitch && isa<SwitchCase>(S));
}

// Somewhere inside S, Var is assigned, or a label may let a goto skip what came before.
bool mayChangeOrJoin(const Stmt *S, const Expr *Var, bool InNestedSwitch) {
  if (!S)
    return false;
  if (assignsTo(S, Var) || isJoin(S, InNestedSwitch))
    return true;
  for (const Stmt *Child : S->children())
    if (mayChangeOrJoin(Child, Var, InNestedSwitch || isa<SwitchStmt>(S)))
      return true;
  return false;
}

// `Var = ...;` as the statement itself or as a top-level statement of a block.
bool reassigns(const Stmt *S, const Expr *Var) {
  if (const auto *Cleanups = dyn_cast_or_null<ExprWithCleanups>(S))
    return reassigns(Cleanups->getSubExpr(), Var);
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return std::any_of(Block->body_begin(), Block->body_end(),
                       [&](const Stmt *Child) { return reassigns(Child, Var); });
  return S && assignsTo(S, Var);
}

std::vector<llvm::APSInt> ruledOutAt(const Stmt &At, const Expr *Var, const ParentMap &Parents,
                                      const ASTContext &Ctx, unsigned Depth);

void ruledOutWhere(const Expr *Cond, bool Holds, const Expr *Var, const EnumDecl &Enum,
                   const ASTContext &Ctx, std::vector<llvm::APSInt> &Into, unsigned Depth);

const EnumDecl *enumOf(const Expr *Var) {
  const auto *Type = Var->getType().getCanonicalType()->getAs<EnumType>();
  return Type ? Type->getDecl()->getDefinition() : nullptr;
}

class RuledOut {
public:
  RuledOut(const Expr *Var, const ParentMap &Parents, const ASTContext &Ctx, unsigned Depth)
      : Var(Var), Parents(Parents), Ctx(Ctx), Depth(Depth) {}

  // One earlier sibling statement, in program order.
  void step(const Stmt *S) {
    if (tableRead(S) || copy(S))
      return;
    if (const auto *If = dyn_cast<IfStmt>(S); If && (guardChain(*If) || boundGuard(*If)))
      return;
    if (waitLoop(S))
      return;
    if (mayChangeOrJoin(S, Var))
      Values.clear();
  }

  // Entering a branch of `if` whose condition excludes values on that branch.
  void enterBranch(const IfStmt &If, const Stmt *Branch) {
    if (If.getInit() || If.getConditionVariable() || If.isConsteval())
      return;
    bool Other = false; // terms on other things do not matter: every term holds, or none does
    if (Branch == If.getThen())
      add(comparedValues(If.getCond(), Var, BO_NE, BO_LAnd, Ctx, &Other));
    else if (Branch == If.getElse())
      add(comparedValues(If.getCond(), Var, BO_EQ, BO_LOr, Ctx, &Other));
    // Relational comparisons too: inside `if (rq < URQ_FAILURE_TYPES)`, the failure codes
    // (1000 and up) cannot be.
    if (const EnumDecl *Enum = enumOf(Var); Enum && (Branch == If.getThen() || Branch == If.getElse()))
      ruledOutWhere(If.getCond(), Branch == If.getThen(), Var, *Enum, Ctx, Values, 0);
  }

  std::vector<llvm::APSInt> take() { return std::move(Values); }

private:
  // `keyword = it->second;` with `auto it = KeywordMap.find(text);`, or `auto v = M.at(k);`:
  // from a constant table, Var holds one of the values its initializer writes, and every other
  // enumerator of its enum is ruled out (what earlier guards ruled out no longer counts).
  // What S gives Var: the right side of `Var = X;`, or the initializer of the declaration of
  // Var that S is (`E v = X;`). Null for any other statement.
  const Expr *valueGivenBy(const Stmt *S) const {
    if (const auto *Cleanups = dyn_cast_or_null<ExprWithCleanups>(S))
      S = Cleanups->getSubExpr();
    if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(S);
        Assign && Assign->getOpcode() == BO_Assign && sameVariable(Assign->getLHS(), Var))
      return Assign->getRHS();
    const auto *Ref = dyn_cast<DeclRefExpr>(Var);
    if (const auto *Decl = dyn_cast_or_null<DeclStmt>(S); Decl && Ref && Decl->isSingleDecl() &&
                                                          Decl->getSingleDecl() == Ref->getDecl())
      return cast<VarDecl>(Ref->getDecl())->getInit();
    return nullptr;
  }

  bool tableRead(const Stmt *S) {
    const Expr *Read = valueGivenBy(S);
    const EnumDecl *Enum = enumOf(Var);
    if (!Read || !Enum)
      return false;
    std::optional<std::vector<llvm::APSInt>> Possible = valuesReadFromConstTable(*Read, *Enum);
    if (!Possible)
      return false;
    Values.clear();
    for (const EnumConstantDecl *E : Enum->enumerators())
      if (llvm::none_of(*Possible, [&](const llvm::APSInt &V) {
            return llvm::APSInt::isSameValue(V, E->getInitVal());
          }))
        Values.push_back(E->getInitVal());
    return true;
  }

  // `m_StatusCode = statusCode;` (PcapPlusPlus's SipResponseFirstLine constructor, after `if
  // (statusCode == SipStatusCodeUnknown) throw ...;`), or `E v = other;`: Var now holds what
  // the other variable or member path held there, so what the code before ruled out for that
  // path is ruled out for Var (and what it had ruled out for Var before no longer counts).
  // Later changes to either are the ordinary steps' business: one to Var drops it all again,
  // one to the source does not matter, Var keeps the copy.
  bool copy(const Stmt *S) {
    if (Depth >= 4)
      return false;
    const Expr *Source = strip(valueGivenBy(S));
    // The same type on both sides (no conversion in between), a path, and not Var itself.
    if (!Source || !isPath(Source) || mentions(Source, Var) ||
        !Ctx.hasSameUnqualifiedType(Source->getType(), Var->getType()))
      return false;
    // The walk for the source starts from S itself, a sibling of the statement read at.
    Values = ruledOutAt(*S, Source, Parents, Ctx, Depth + 1);
    return true;
  }

  // `if (v == A) return; `, and the chain `if (v == A) {...return} else if (v == B) {...return}
  // else {...}`: a value tested by a branch that exits (or reassigns v) gets past the chain
  // only if an earlier branch that does not exit could take it, i.e. one whose condition is
  // not a test of v. Returns false, having ruled out nothing, when the chain is not of that
  // shape; the caller then treats it as any other statement.
  bool guardChain(const IfStmt &First) {
    std::vector<llvm::APSInt> Found;
    bool OpenBranch = false; // an earlier branch that may take any value and falls through
    bool Label = false;
    for (const IfStmt *If = &First; If;) {
      if (If->getInit() || If->getConditionVariable() || If->isConsteval() ||
          mayChangeOrJoin(If->getCond(), Var))
        return false;
      // `v == A || other`: the branch may take any value (when `other` holds); if it exits, A
      // still gets no further.
      bool Other = false;
      std::vector<llvm::APSInt> Tested =
          comparedValues(If->getCond(), Var, BO_EQ, BO_LOr, Ctx, &Other);
      const Stmt *Then = If->getThen();
      bool Exits = alwaysExits(Then) && !mayChangeOrJoin(Then, Var);
      bool Replaces = !Exits && !Tested.empty() && !Other && reassigns(Then, Var);
      if (!Exits && !Replaces && mayChangeOrJoin(Then, Var))
        return false;
      if (Tested.empty() || (Other && !Exits))
        OpenBranch |= !Exits;
      else if ((Exits || Replaces) && !OpenBranch)
        Found.insert(Found.end(), Tested.begin(), Tested.end());
      // The reassignment replaces exactly the tested values; a label inside still joins.
      Label |= Replaces && containsLabel(Then);
      const Stmt *Else = If->getElse();
      If = dyn_cast_or_null<IfStmt>(Else);
      if (!If && Else && mayChangeOrJoin(Else, Var))
        return false;
    }
    if (Found.empty())
      return false;
    if (Label)
      Values.clear();
    add(Found);
    return true;
  }

  // `if (rq >= URQ_FAILURE_TYPES) { ...; return ...; }` (SRT's RequestTypeStr): a branch that
  // always exits takes every enumerator for which its condition holds, relational comparisons
  // with constants included (read as the conditional operator's condition is read, `&&`, `||`
  // and `!` through); what falls out of the `if`, by its `else` or past it, is the rest. The
  // equality chains are guardChain's; this takes a single `if` whose condition it can read.
  bool boundGuard(const IfStmt &If) {
    const EnumDecl *Enum = enumOf(Var);
    if (!Enum || If.getInit() || If.getConditionVariable() || If.isConsteval() ||
        mayChangeOrJoin(If.getCond(), Var) || !alwaysExits(If.getThen()) ||
        mayChangeOrJoin(If.getThen(), Var) || mayChangeOrJoin(If.getElse(), Var))
      return false;
    std::vector<llvm::APSInt> Exiting;
    ruledOutWhere(If.getCond(), /*Holds=*/false, Var, *Enum, Ctx, Exiting, 0);
    if (Exiting.empty())
      return false;
    add(Exiting);
    return true;
  }

  // `while (r == WorkResult::NoWork) r = DoWork();` (ninja's real_command_runner.cc), or the
  // do-while twin: a loop that only ends when its condition fails leaves v outside the tested
  // values, whatever its body did to v. A `break` or `goto` that may leave the loop voids this.
  bool waitLoop(const Stmt *S) {
    const Expr *Cond = nullptr;
    const Stmt *Body = nullptr;
    if (const auto *While = dyn_cast<WhileStmt>(S); While && !While->getConditionVariable()) {
      Cond = While->getCond();
      Body = While->getBody();
    } else if (const auto *Do = dyn_cast<DoStmt>(S)) {
      Cond = Do->getCond();
      Body = Do->getBody();
    }
    if (!Cond || mayChangeOrJoin(Cond, Var) || leavesLoop(Body))
      return false;
    std::vector<llvm::APSInt> Tested = comparedValues(Cond, Var, BO_EQ, BO_LOr, Ctx);
    if (Tested.empty())
      return false;
    if (mayChangeOrJoin(Body, Var))
      Values.clear();
    add(Tested);
    return true;
  }

  // A break of this loop (not of a loop or switch inside it), or any goto.
  static bool leavesLoop(const Stmt *S) {
    if (!S)
      return false;
    if (isa<BreakStmt, GotoStmt, IndirectGotoStmt>(S))
      return true;
    if (isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt, SwitchStmt>(S))
      return containsGoto(S);
    return llvm::any_of(S->children(), leavesLoop);
  }

  static bool containsGoto(const Stmt *S) {
    if (!S)
      return false;
    if (isa<GotoStmt, IndirectGotoStmt>(S))
      return true;
    return llvm::any_of(S->children(), containsGoto);
  }

  static bool containsLabel(const Stmt *S, bool InNestedSwitch = false) {
    if (!S)
      return false;
    if (isJoin(S, InNestedSwitch))
      return true;
    for (const Stmt *Child : S->children())
      if (containsLabel(Child, InNestedSwitch || isa<SwitchStmt>(S)))
        return true;
    return false;
  }
  void add(const std::vector<llvm::APSInt> &More) {
    Values.insert(Values.end(), More.begin(), More.end());
  }

  const Expr *Var;
  const ParentMap &Parents;
  const ASTContext &Ctx;
  unsigned Depth; // copies followed to get here
  std::vector<llvm::APSInt> Values;
};

// One enclosing level on the way up from the switch: a block and the child of it that leads to
// the switch, or an if and the branch that does.
struct Level {
  const Stmt *Parent;
  const Stmt *Child;
};

} // namespace

std::vector<llvm::APSInt> valuesRuledOutBefore(const SwitchStmt &Switch, const ParentMap &Parents,
                                               const ASTContext &Ctx) {
  if (Switch.getInit() || Switch.getConditionVariable() || !Switch.getCond())
    return {};
  return valuesRuledOutAt(Switch, *Switch.getCond(), Parents, Ctx);
}

std::vector<llvm::APSInt> valuesRuledOutAt(const Stmt &At, const Expr &VarExpr,
                                           const ParentMap &Parents, const ASTContext &Ctx) {
  return ruledOutAt(At, strip(&VarExpr), Parents, Ctx, 0);
}

namespace {

std::vector<llvm::APSInt> ruledOutAt(const Stmt &At, const Expr *Var, const ParentMap &Parents,
                                     const ASTContext &Ctx, unsigned Depth) {
  if (!isPath(Var))
    return {};
  std::vector<Level> Levels;
  const Stmt *Child = &At;
  while (true) {
    const Stmt *Parent = Parents.getParent(Child);
    if (!Parent)
      break; // the function (or lambda, or variable) the statement belongs to
    if (isa<CompoundStmt>(Parent) || isa<IfStmt>(Parent))
      Levels.push_back({Parent, Child});
    else if (!isa<AttributedStmt>(Parent))
      break; // loops, switches, labels, try blocks: earlier code need not run right before
    if (const auto *If = dyn_cast<IfStmt>(Parent); If && Child == If->getCond())
      break;
    Child = Parent;
  }
  RuledOut State(Var, Parents, Ctx, Depth);
  for (auto It = Levels.rbegin(); It != Levels.rend(); ++It) {
    if (const auto *If = dyn_cast<IfStmt>(It->Parent)) {
      State.enterBranch(*If, It->Child);
      continue;
    }
    for (const Stmt *Sibling : cast<CompoundStmt>(It->Parent)->body()) {
      if (Sibling == It->Child)
        break;
      State.step(Sibling);
    }
  }
  return State.take();
}

} // namespace

namespace {

// `Var Op Value` for Op an equality or relational operator.
bool compares(const llvm::APSInt &Var, BinaryOperatorKind Op, const llvm::APSInt &Value) {
  int Order = llvm::APSInt::compareValues(Var, Value);
  switch (Op) {
  case BO_EQ:
    return Order == 0;
  case BO_NE:
    return Order != 0;
  case BO_LT:
    return Order < 0;
  case BO_LE:
    return Order <= 0;
  case BO_GT:
    return Order > 0;
  default: // BO_GE
    return Order >= 0;
  }
}

void ruledOutWhere(const Expr *Cond, bool Holds, const Expr *Var, const EnumDecl &Enum,
                   const ASTContext &Ctx, std::vector<llvm::APSInt> &Into, unsigned Depth) {
  if (Depth > 8)
    return;
  Cond = strip(Cond);
  if (const auto *Not = dyn_cast_or_null<UnaryOperator>(Cond); Not && Not->getOpcode() == UO_LNot)
    return ruledOutWhere(Not->getSubExpr(), !Holds, Var, Enum, Ctx, Into, Depth + 1);
  const auto *Bin = dyn_cast_or_null<BinaryOperator>(Cond);
  if (!Bin)
    return;
  BinaryOperatorKind Op = Bin->getOpcode();
  // Every term of a holding `&&` holds; every term of a failing `||` fails.
  if ((Holds && Op == BO_LAnd) || (!Holds && Op == BO_LOr)) {
    ruledOutWhere(Bin->getLHS(), Holds, Var, Enum, Ctx, Into, Depth + 1);
    ruledOutWhere(Bin->getRHS(), Holds, Var, Enum, Ctx, Into, Depth + 1);
    return;
  }
  if (!Bin->isEqualityOp() && !Bin->isRelationalOp())
    return;
  // As `Var Op Value`: `E::Last >= v` is `v <= E::Last`.
  const Expr *Other = nullptr;
  if (sameVariable(Bin->getLHS(), Var)) {
    Other = Bin->getRHS();
  } else if (sameVariable(Bin->getRHS(), Var)) {
    Other = Bin->getLHS();
    Op = BinaryOperator::reverseComparisonOp(Op);
  }
  std::optional<llvm::APSInt> Value = constantOf(Other, Ctx);
  if (!Value)
    return;
  // The comparison is made in its operands' common type: an unsigned one takes a negative
  // enumerator for a large value (`rq < 1000u` fails for `URQ_DONE = -3`), which the
  // comparison of values below would not see; then nothing is read from it.
  if (Bin->isRelationalOp() && Bin->getLHS()->getType()->isUnsignedIntegerOrEnumerationType() &&
      llvm::any_of(Enum.enumerators(),
                   [](const EnumConstantDecl *E) { return E->getInitVal().isNegative(); }))
    return;
  if (!Holds)
    Op = BinaryOperator::negateComparisonOp(Op);
  for (const EnumConstantDecl *Enumerator : Enum.enumerators())
    if (!compares(Enumerator->getInitVal(), Op, *Value))
      Into.push_back(Enumerator->getInitVal());
}

} // namespace

std::vector<llvm::APSInt> valuesRuledOutWhere(const Expr &Cond, bool Holds, const Expr &VarExpr,
                                              const ASTContext &Ctx) {
  const Expr *Var = strip(&VarExpr);
  const EnumDecl *Enum = enumOf(Var);
  std::vector<llvm::APSInt> Values;
  if (Enum && isPath(Var))
    ruledOutWhere(&Cond, Holds, Var, *Enum, Ctx, Values, 0);
  return Values;
}

namespace {

// The objects Var's path goes through, innermost last: `this` for `m_state`, `e` and `e.item`
// for `e.item.kind`, `m` for `m->current()`.
void objectsOf(const Expr *Var, std::vector<const Expr *> &Into) {
  const Expr *Base = nullptr;
  if (const auto *Member = dyn_cast<MemberExpr>(Var))
    Base = Member->getBase();
  else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Var))
    Base = Call->getImplicitObjectArgument();
  if (!(Base = strip(Base)))
    return;
  Into.push_back(Base);
  objectsOf(Base, Into);
}

// What the code between a switch and a later test of its variable may not do to the variable.
class PathWrites {
public:
  explicit PathWrites(const Expr *Var) : Var(Var) {
    objectsOf(Var, Objects);
    // A global, or a path from a free function's result: any call may change it.
    const Expr *Root = Objects.empty() ? Var : Objects.back();
    const auto *Ref = dyn_cast<DeclRefExpr>(Root);
    const auto *Variable = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    AnyCall = Variable ? Variable->hasGlobalStorage() : !isa<CXXThisExpr>(Root);
  }

  // Somewhere inside S the variable may be given another value: assigned (it or an object on its
  // path), its address or a non-const reference to it taken, a non-const method called on an
  // object on its path (`EnterState(READY)` on a member's `this`), or, for a global, any call.
  bool in(const Stmt *S) const {
    if (!S)
      return false;
    if (isa<CallExpr, CXXConstructExpr>(S) && AnyCall)
      return true;
    if (assignsTo(S, Var) || llvm::any_of(Objects, [&](const Expr *O) { return assignsTo(S, O); }))
      return true;
    if (const auto *Un = dyn_cast<UnaryOperator>(S);
        Un && Un->getOpcode() == UO_AddrOf && onPath(Un->getSubExpr()))
      return true;
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if ((!Method || !Method->isConst()) && onPath(Call->getImplicitObjectArgument()))
        return true;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S); Call && passesForWriting(*Call))
      return true;
    return llvm::any_of(S->children(), [&](const Stmt *Child) { return in(Child); });
  }

private:
  // Var itself or an object its path goes through.
  bool onPath(const Expr *E) const {
    return sameVariable(E, Var) ||
           llvm::any_of(Objects, [&](const Expr *O) { return sameVariable(E, O); });
  }

  // An argument on the path bound to a non-const reference or pointer parameter (an operator
  // method's object among them), or passed to a callee not known.
  bool passesForWriting(const CallExpr &Call) const {
    const FunctionDecl *Callee = Call.getDirectCallee();
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
    const bool ObjectFirst = isa<CXXOperatorCallExpr>(Call) && Method && !Method->isStatic();
    for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
      if (!onPath(Call.getArg(I)))
        continue;
      if (ObjectFirst && I == 0) {
        if (!Method->isConst())
          return true;
        continue;
      }
      const unsigned Param = ObjectFirst ? I - 1 : I;
      if (!Callee)
        return true;
      if (Param >= Callee->getNumParams())
        continue; // a variadic argument: a copy
      QualType Type = Callee->getParamDecl(Param)->getType();
      if ((Type->isReferenceType() || Type->isPointerType()) &&
          !Type->getPointeeType().isConstQualified())
        return true;
    }
    return false;
  }

  const Expr *Var;
  std::vector<const Expr *> Objects;
  bool AnyCall = false;
};

// `if (v == A) {...} else {...}`, `if (v == A || v == B) { ...; return; }`, `if (v != A) {...}
// else {...}`, and on along `else if`: the values each test sends down a branch of their own
// (one the other values do not run). A test of anything else ends the chain: a value it may
// take never reaches the tests after it.
void takeChain(const IfStmt &First, const Expr *Var, const ASTContext &Ctx,
               std::vector<llvm::APSInt> &Into) {
  for (const IfStmt *If = &First; If; If = dyn_cast_or_null<IfStmt>(If->getElse())) {
    if (If->getInit() || If->getConditionVariable() || If->isConsteval())
      return;
    std::vector<llvm::APSInt> Equal = comparedValues(If->getCond(), Var, BO_EQ, BO_LOr, Ctx);
    if (!Equal.empty()) {
      if (If->getElse() || alwaysExits(If->getThen()))
        Into.insert(Into.end(), Equal.begin(), Equal.end());
      continue;
    }
    std::vector<llvm::APSInt> Unequal = comparedValues(If->getCond(), Var, BO_NE, BO_LAnd, Ctx);
    if (!Unequal.empty() && If->getElse())
      Into.insert(Into.end(), Unequal.begin(), Unequal.end());
    return;
  }
}

} // namespace

std::vector<llvm::APSInt> valuesHandledAfter(const SwitchStmt &Switch, const ParentMap &Parents,
                                             const ASTContext &Ctx) {
  if (Switch.getInit() || Switch.getConditionVariable() || !Switch.getCond())
    return {};
  const Expr *Var = strip(Switch.getCond());
  if (!isPath(Var))
    return {};
  const PathWrites Writes(Var);
  if (Writes.in(Switch.getBody()))
    return {};
  std::vector<llvm::APSInt> Handled;
  // Follow what runs once the switch is done, out through blocks and branches of `if`.
  const Stmt *Done = &Switch;
  while (const Stmt *Parent = Parents.getParent(Done)) {
    if (isa<AttributedStmt>(Parent) ||
        (isa<IfStmt>(Parent) && cast<IfStmt>(Parent)->getCond() != Done)) {
      Done = Parent;
      continue;
    }
    const auto *Block = dyn_cast<CompoundStmt>(Parent);
    if (!Block)
      break; // loops, switches, labels, try blocks: what comes next need not be what follows
    for (const auto *Next = llvm::find(Block->body(), Done) + 1; Next != Block->body_end(); ++Next) {
      if (const auto *If = dyn_cast<IfStmt>(*Next))
        takeChain(*If, Var, Ctx, Handled);
      if (!runsStraightThrough(*Next) || Writes.in(*Next))
        return Handled;
    }
    Done = Block;
  }
  return Handled;
}

bool assignedAnywhereIn(const Stmt *S, const Expr &Var) {
  if (!S)
    return false;
  if (assignsTo(S, &Var))
    return true;
  return std::any_of(S->child_begin(), S->child_end(),
                     [&](const Stmt *Child) { return assignedAnywhereIn(Child, Var); });
}

} // namespace contractcheck
