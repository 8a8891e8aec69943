#include "rules/switch-coverage/DelegatingDefault.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
#include <clang/AST/Stmt.h>
#include <llvm/ADT/STLExtras.h>

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

// `default: break;` or an empty `default:` at the end of the switch: nothing but leaving it.
bool onlyLeaves(const DefaultStmt &Default) {
  const Stmt *Body = Default.getSubStmt();
  while (const auto *Label = dyn_cast_or_null<SwitchCase>(Body))
    Body = Label->getSubStmt();
  return !Body || isa<BreakStmt, NullStmt>(Body);
}

const ParmVarDecl *switchedParameter(const SwitchStmt &Switch) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Switch.getCond()->IgnoreParenImpCasts());
  return Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
}

// `return Base::method(..., Param, ...)` with Base::method one that Method overrides.
bool returnsOverriddenWith(const Stmt *S, const CXXMethodDecl &Method, const ParmVarDecl &Param) {
  const auto *Return = dyn_cast_or_null<ReturnStmt>(S);
  if (!Return || !Return->getRetValue())
    return false;
  // `QVariant` returned by value: the call sits under the copy (elided or not) and temporaries.
  const auto *Call =
      dyn_cast<CXXMemberCallExpr>(Return->getRetValue()->IgnoreUnlessSpelledInSource());
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

bool assignedIn(const Stmt *Body, const ParmVarDecl &Param) {
  if (!Body)
    return false;
  if (const auto *Assign = dyn_cast<BinaryOperator>(Body))
    if (Assign->isAssignmentOp())
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts()))
        if (Ref->getDecl() == &Param)
          return true;
  return llvm::any_of(Body->children(), [&](const Stmt *Child) { return assignedIn(Child, Param); });
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
      !onlyLeaves(Default))
    return false;
  const ParmVarDecl *Param = switchedParameter(Switch);
  if (!Param || assignedIn(Method.getBody(), *Param))
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
    if (Block == Method.getBody())
      return Next != Block->body_end() && returnsOverriddenWith(*Next, Method, *Param);
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
