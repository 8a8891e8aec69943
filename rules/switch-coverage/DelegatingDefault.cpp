#include "rules/switch-coverage/DelegatingDefault.h"

#include "rules/switch-coverage/SwitchDefault.h"
#include "rules/utils/DeclReferences.h"
#include "rules/utils/RuledOutValues.h"
#include "rules/utils/StraightLine.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
#include <clang/AST/Stmt.h>
#include <llvm/ADT/STLExtras.h>

#include <algorithm>

using namespace clang;

namespace contractcheck {

namespace {

// Clang records what a method overrides on its first declaration (the one in the class), not on
// an out-of-line definition (`QVariant ArpProtocol::fieldData(...) const { ... }`).
bool overrides(const CXXMethodDecl &Method, const CXXMethodDecl &Base) {
  for (const CXXMethodDecl *Overridden : Method.getCanonicalDecl()->overridden_methods())
    if (Overridden->getCanonicalDecl() == Base.getCanonicalDecl() || overrides(*Overridden, Base))
      return true;
  return false;
}

const ParmVarDecl *switchedParameter(const SwitchStmt &Switch) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Switch.getCond()->IgnoreParenImpCasts());
  return Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
}

// Another switch on the same parameter, which a value the first one left passes through: it
// takes the value to a case (handled there) or to a default that leaves (or there is none).
// Ostinato prepares a field's value in one switch on `attrib` and dispatches in a second.
bool passesOn(const Stmt *S, const ParmVarDecl &Param) {
  const auto *Switch = dyn_cast<SwitchStmt>(S);
  if (!Switch || switchedParameter(*Switch) != &Param)
    return false;
  const DefaultStmt *Default = findDefault(*Switch);
  return !Default || defaultLeavesTheSwitch(*Switch, *Default);
}

// `Base::method(..., Param, ...)` with Base::method one that Method overrides.
bool callsOverriddenWith(const Expr *E, const CXXMethodDecl &Method, const ParmVarDecl &Param) {
  // `QVariant` returned by value: the call sits under the copy (elided or not) and temporaries.
  if (!E)
    return false;
  const auto *Call = dyn_cast<CXXMemberCallExpr>(E->IgnoreUnlessSpelledInSource());
  if (!Call)
    return false;
  const auto *Member = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
  const CXXMethodDecl *Callee = Call->getMethodDecl();
  // Qualified (`AbstractProtocol::fieldData`): a plain `fieldData(...)` would call this
  // override again.
  if (!Member || !Member->hasQualifier() || !Callee || !overrides(Method, *Callee))
    return false;
  return llvm::any_of(Call->arguments(), [&](const Expr *Argument) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Argument->IgnoreParenImpCasts());
    return Ref && Ref->getDecl() == &Param;
  });
}

// `return Base::method(..., Param, ...)` with Base::method one that Method overrides.
bool returnsOverriddenWith(const Stmt *S, const CXXMethodDecl &Method, const ParmVarDecl &Param) {
  const auto *Return = dyn_cast_or_null<ReturnStmt>(S);
  return Return && callsOverriddenWith(Return->getRetValue(), Method, Param);
}

bool refersTo(const Expr *E, const VarDecl &Var) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return Ref && Ref->getDecl() == &Var;
}

bool isNull(const Expr *E, const ASTContext &Ctx) {
  return E && E->IgnoreParenImpCasts()->isNullPointerConstant(
                  const_cast<ASTContext &>(Ctx), Expr::NPC_ValueDependentIsNotNull) !=
                  Expr::NPCK_NotNull;
}

// Whether Cond holds (Holds) or fails (!Holds) whenever Handler is null: `!fcn`,
// `!(fcn && (this->*fcn)(...))` and `fcn == nullptr` hold; `fcn`, `fcn && ...` and
// `fcn != nullptr` fail. `||` holds when a side holds and fails when both fail; `&&` the other
// way round; `!` swaps the two.
bool whenNull(const Expr *Cond, bool Holds, const VarDecl &Handler, const ASTContext &Ctx) {
  Cond = Cond->IgnoreParenImpCasts();
  if (!Holds && refersTo(Cond, Handler))
    return true;
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond); Not && Not->getOpcode() == UO_LNot)
    return whenNull(Not->getSubExpr(), !Holds, Handler, Ctx);
  const auto *Bin = dyn_cast<BinaryOperator>(Cond);
  if (!Bin)
    return false;
  const Expr *L = Bin->getLHS(), *R = Bin->getRHS();
  if (Bin->getOpcode() == BO_LOr || Bin->getOpcode() == BO_LAnd) {
    const bool Either = (Bin->getOpcode() == BO_LOr) == Holds; // one side decides it
    const bool Left = whenNull(L, Holds, Handler, Ctx), Right = whenNull(R, Holds, Handler, Ctx);
    return Either ? Left || Right : Left && Right;
  }
  if (Bin->getOpcode() != (Holds ? BO_EQ : BO_NE))
    return false;
  return (refersTo(L, Handler) && isNull(R, Ctx)) || (refersTo(R, Handler) && isNull(L, Ctx));
}

// Adwaita's (and Breeze's) QStyle overrides: `StyleComplexControl fcn(nullptr); switch
// (element) { case CC_GroupBox: fcn = &Style::drawGroupBox...; break; ... default: break; }
// painter->save(); if (!(fcn && (this->*fcn)(option, painter, widget)))
// ParentStyleClass::drawComplexControl(element, option, painter, widget);`. The switch only
// picks a handler; a value that reaches `default: break;` leaves the handler null, and the
// guard then calls the implementation Method overrides with the switched parameter. True when
// the switch stands in Method's body itself; a local of the body, declared before it with a
// null initialiser, is mentioned by no statement between its declaration and the switch, nor
// between the switch and an `if` whose condition holds whenever it is null; the default runs
// only `break`; the statements on the way to the `if` run and go on (no jump in them); and the
// `if`'s branch reaches `Base::method(..., Param, ...)` (a statement or a return) through such
// statements only.
bool handlerGuardsOverridden(const SwitchStmt &Switch, const DefaultStmt &Default,
                             const CompoundStmt &Body, const CXXMethodDecl &Method,
                             const ParmVarDecl &Param) {
  const Stmt *First = Default.getSubStmt();
  while (const auto *Label = dyn_cast_or_null<SwitchCase>(First))
    First = Label->getSubStmt();
  if (!isa_and_nonnull<BreakStmt>(First))
    return false;
  const auto *At = llvm::find(Body.body(), &Switch);
  if (At == Body.body_end())
    return false;
  const auto *If = At + 1;
  while (If != Body.body_end() && !isa<IfStmt>(*If) && runsStraightThrough(*If))
    ++If;
  const auto *Guard = If == Body.body_end() ? nullptr : dyn_cast<IfStmt>(*If);
  if (!Guard || Guard->getInit() || Guard->getConditionVariable())
    return false;
  const ASTContext &Ctx = Method.getASTContext();
  for (const auto *Decl = Body.body_begin(); Decl != At; ++Decl) {
    const auto *Declared = dyn_cast<DeclStmt>(*Decl);
    const auto *Handler = Declared && Declared->isSingleDecl()
                              ? dyn_cast<VarDecl>(Declared->getSingleDecl())
                              : nullptr;
    if (!Handler || !Handler->isLocalVarDecl() || !isNull(Handler->getInit(), Ctx) ||
        !whenNull(Guard->getCond(), /*Holds=*/true, *Handler, Ctx))
      continue;
    auto Untouched = [&](const Stmt *S) { return !mentionsDecl(S, Handler); };
    if (!std::all_of(Decl + 1, At, Untouched) || !std::all_of(At + 1, If, Untouched))
      continue;
    const Stmt *Then = Guard->getThen();
    if (const auto *Block = dyn_cast<CompoundStmt>(Then)) {
      for (const Stmt *S : Block->body()) {
        if (const auto *E = dyn_cast<Expr>(S); E && callsOverriddenWith(E, Method, Param))
          return true;
        if (returnsOverriddenWith(S, Method, Param))
          return true;
        if (!runsStraightThrough(S))
          return false;
      }
      return false;
    }
    const auto *E = dyn_cast<Expr>(Then);
    return (E && callsOverriddenWith(E, Method, Param)) ||
           returnsOverriddenWith(Then, Method, Param);
  }
  return false;
}

// The switch a `break` in S leaves: the nearest enclosing one, with no loop in between.
const SwitchStmt *switchLeftByBreakIn(const Stmt *S, const ParentMap &Parents) {
  for (const Stmt *Up = Parents.getParent(S); Up; Up = Parents.getParent(Up)) {
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Up))
      return nullptr;
    if (const auto *Enclosing = dyn_cast<SwitchStmt>(Up))
      return Enclosing;
  }
  return nullptr;
}

} // namespace

bool defaultDelegatesToOverridden(const SwitchStmt &Switch, const DefaultStmt &Default,
                                  const CXXMethodDecl &Method, const ParentMap &Parents) {
  if (Method.getCanonicalDecl()->size_overridden_methods() == 0 || !Method.hasBody() ||
      !defaultLeavesTheSwitch(Switch, Default))
    return false;
  const ParmVarDecl *Param = switchedParameter(Switch);
  if (!Param || assignedAnywhereIn(Method.getBody(), *Switch.getCond()))
    return false;
  // Follow what runs once the switch is done, out to the function's body.
  const Stmt *Done = &Switch;
  while (const Stmt *Parent = Parents.getParent(Done)) {
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, CXXTryStmt, CXXCatchStmt>(Parent))
      return false;
    const auto *Block = dyn_cast<CompoundStmt>(Parent);
    if (!Block) {
      Done = Parent; // a switch's body, a case label, an `if`: done when what it holds is
      continue;
    }
    const auto *Next = llvm::find(Block->body(), Done) + 1;
    while (Next != Block->body_end() && passesOn(*Next, *Param))
      ++Next;
    if (Block == Method.getBody())
      return (Next != Block->body_end() && returnsOverriddenWith(*Next, Method, *Param)) ||
             (Done == &Switch && handlerGuardsOverridden(Switch, Default, *Block, Method, *Param));
    if (Next == Block->body_end()) {
      Done = Block;
      continue;
    }
    if (!isa<BreakStmt>(*Next))
      return false;
    Done = switchLeftByBreakIn(Block, Parents);
    if (!Done)
      return false;
  }
  return false;
}

} // namespace contractcheck
