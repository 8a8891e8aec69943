#include "rules/string-dispatch/QtForwardingHelpers.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

bool isParameter(const Expr *E, const ParmVarDecl &Parameter) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return Ref && Ref->getDecl() == &Parameter;
}

bool isString(const Expr *E) {
  QualType Type = E->IgnoreParenImpCasts()->getType();
  return Type->isPointerType() && Type->getPointeeType()->isAnyCharacterType();
}

// What an expression of the helper's body stands for at the call site: a parameter of the
// helper is the argument passed for it, `this` the object the helper is called on.
const Expr *atCallSite(const Expr *Inner, const FunctionDecl &Helper,
                       llvm::ArrayRef<const Expr *> Arguments, const Expr *Object) {
  Inner = Inner->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(Inner))
    return Object;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Inner))
    if (const auto *Parameter = dyn_cast<ParmVarDecl>(Ref->getDecl());
        Parameter && Parameter->getDeclContext() == &Helper &&
        Parameter->getFunctionScopeIndex() < Arguments.size())
      return Arguments[Parameter->getFunctionScopeIndex()];
  return nullptr;
}

// The object a use of the string in Use, at argument Position, is meant for, seen from the call
// site: the argument before it, or (connect(sender, SIGNAL(), slot) called on an object) that
// object when the argument before it is the other string.
const Expr *receiverOfUse(llvm::ArrayRef<const Expr *> UseArguments, unsigned Position,
                          const Expr *UseObject, const FunctionDecl &Helper,
                          llvm::ArrayRef<const Expr *> Arguments, const Expr *Object) {
  if (Position == 0)
    return nullptr;
  const Expr *Before = UseArguments[Position - 1];
  if (isString(Before))
    return UseObject ? atCallSite(UseObject, Helper, Arguments, Object) : nullptr;
  return atCallSite(Before, Helper, Arguments, Object);
}

// Whether the use passes the string after an object (one the call site may not name): a
// receiver of some kind, unlike a format string or a comparison.
bool namesAnObject(llvm::ArrayRef<const Expr *> UseArguments, unsigned Position,
                   const Expr *UseObject) {
  if (Position == 0)
    return false;
  const Expr *Before = UseArguments[Position - 1]->IgnoreParenImpCasts();
  if (isString(Before))
    return UseObject != nullptr;
  QualType Type = Before->getType();
  return Type->isRecordType() || (Type->isPointerType() && Type->getPointeeType()->isRecordType());
}

} // namespace

ForwardedReceiver forwardedReceiver(const FunctionDecl &Helper, unsigned Index,
                                    llvm::ArrayRef<const Expr *> Arguments, const Expr *Object,
                                    ASTContext &Context) {
  const FunctionDecl *Definition = nullptr;
  if (!Helper.hasBody(Definition) || !Definition->getBody() ||
      Index >= Definition->getNumParams())
    return {};
  const ParmVarDecl &Parameter = *Definition->getParamDecl(Index);
  auto PassesIt = hasAnyArgument(ignoringParenImpCasts(declRefExpr(to(equalsNode(&Parameter)))));
  auto Uses = match(findAll(expr(anyOf(callExpr(PassesIt), cxxConstructExpr(PassesIt))).bind("use")),
                    *Definition->getBody(), Context);
  ForwardedReceiver Result;
  bool Agree = true;
  for (const BoundNodes &Bound : Uses) {
    const Expr *Use = Bound.getNodeAs<Expr>("use");
    std::vector<const Expr *> UseArguments;
    const Expr *UseObject = nullptr;
    if (const auto *Call = dyn_cast<CallExpr>(Use)) {
      UseArguments.assign(Call->arg_begin(), Call->arg_end());
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
        UseObject = Member->getImplicitObjectArgument();
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Use)) {
      UseArguments.assign(Construct->arg_begin(), Construct->arg_end());
    }
    for (unsigned Position = 0; Position < UseArguments.size(); ++Position) {
      if (!isParameter(UseArguments[Position], Parameter))
        continue;
      const Expr *Receiver =
          receiverOfUse(UseArguments, Position, UseObject, *Definition, Arguments, Object);
      // A use that names no object at all (printf("%s", slot), strcmp) says nothing about one.
      if (!Receiver && !namesAnObject(UseArguments, Position, UseObject))
        continue;
      if (Result.Forwarded && Receiver != Result.Receiver)
        Agree = false;
      Result.Forwarded = true;
      Result.Receiver = Receiver;
    }
  }
  if (!Agree)
    Result.Receiver = nullptr;
  return Result;
}

} // namespace contractcheck
