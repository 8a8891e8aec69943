#include "rules/string-dispatch/QtForwardingHelpers.h"

#include "rules/string-dispatch/QtMetaMethods.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <optional>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

bool isParameter(const Expr *E, const ParmVarDecl &Parameter) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return Ref && Ref->getDecl() == &Parameter;
}

const ValueDecl *referencedDecl(const Expr &E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E.IgnoreParenImpCasts());
  return Ref ? Ref->getDecl() : nullptr;
}

bool isString(const Expr *E) {
  QualType Type = E->IgnoreParenImpCasts()->getType();
  return Type->isPointerType() && Type->getPointeeType()->isAnyCharacterType();
}

bool isLambda(const FunctionDecl &Helper) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Helper);
  return Method && Method->getParent()->isLambda();
}

// In a lambda's body, an object the enclosing function names as well: `this` (captured), a
// captured variable, a member of `this`. A local lambda runs where the function can call it,
// on the same objects.
bool sharedWithEnclosingFunction(const Expr *Inner) {
  if (isa<CXXThisExpr>(Inner))
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Inner))
    return Ref->refersToEnclosingVariableOrCapture();
  if (const auto *Member = dyn_cast<MemberExpr>(Inner))
    return isa<FieldDecl>(Member->getMemberDecl()) &&
           isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts());
  return false;
}

// What an expression of the helper's body stands for at the call site: a parameter of the
// helper is the argument passed for it, `this` the object the helper is called on (in a lambda,
// the object shared with the enclosing function, as written in the body).
const Expr *atCallSite(const Expr *Inner, const FunctionDecl &Helper,
                       llvm::ArrayRef<const Expr *> Arguments, const Expr *Object) {
  Inner = Inner->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Inner))
    if (const auto *Parameter = dyn_cast<ParmVarDecl>(Ref->getDecl());
        Parameter && Parameter->getDeclContext() == &Helper)
      return Parameter->getFunctionScopeIndex() < Arguments.size()
                 ? Arguments[Parameter->getFunctionScopeIndex()]
                 : nullptr;
  if (isLambda(Helper))
    return sharedWithEnclosingFunction(Inner) ? Inner : nullptr;
  if (isa<CXXThisExpr>(Inner))
    return Object;
  return nullptr;
}

// Whether the helper's body may change the parameter before passing it on: assigned,
// incremented, its address taken or bound to a non-const reference. Matched from the writing
// expression down, so that no parent map of the TU is built.
bool writes(const Stmt &Body, const ParmVarDecl &Parameter, ASTContext &Context) {
  auto Ref = ignoringParens(declRefExpr(to(equalsNode(&Parameter))));
  auto NonConstReference = referenceType(pointee(unless(isConstQualified())));
  auto Write = stmt(anyOf(
      binaryOperator(isAssignmentOperator(), hasLHS(Ref)),
      unaryOperator(hasAnyOperatorName("&", "++", "--"), hasUnaryOperand(Ref)),
      declStmt(has(varDecl(hasType(NonConstReference), hasInitializer(Ref)))),
      callExpr(forEachArgumentWithParam(Ref, parmVarDecl(hasType(NonConstReference)))),
      cxxConstructExpr(forEachArgumentWithParam(Ref, parmVarDecl(hasType(NonConstReference))))));
  return !match(stmt(anyOf(Write, hasDescendant(Write))), Body, Context).empty();
}

// A Qt connect's (or disconnect's) argument for one of its parameters, by the name Qt's headers
// give it (`sender`, `signal`, `receiver`, `member`): none when the overload has no such
// parameter (the member connect(sender, signal, member) connects to the object it is called
// on), null when it has one but the call leaves it to its default.
std::optional<const Expr *> connectArgument(const CallExpr &Use, StringRef Name) {
  const FunctionDecl *Callee = Use.getDirectCallee();
  for (unsigned I = 0; Callee && I < Callee->getNumParams(); ++I)
    if (Callee->getParamDecl(I)->getName() == Name)
      return I < Use.getNumArgs() && !isa<CXXDefaultArgExpr>(Use.getArg(I)) ? Use.getArg(I)
                                                                             : nullptr;
  return std::nullopt;
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
  if (writes(*Definition->getBody(), Parameter, Context))
    return {true, nullptr};
  auto PassesIt = hasAnyArgument(ignoringParenImpCasts(declRefExpr(to(equalsNode(&Parameter)))));
  auto Uses = match(findAll(expr(anyOf(callExpr(PassesIt), cxxConstructExpr(PassesIt))).bind("use")),
                    *Definition->getBody(), Context);
  ForwardedReceiver Result;
  bool Agree = true;
  unsigned Passes = 0;
  const CallExpr *Connect = nullptr;
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
      ++Passes;
      if (const auto *Call = dyn_cast<CallExpr>(Use); Call && isQtConnect(Call->getDirectCallee()))
        Connect = Call;
    }
  }
  if (!Agree)
    Result.Receiver = nullptr;
  // Passed to one connect and nowhere else: the other string of that connect is the one the
  // string is sent by (or sends to).
  if (Connect && Passes == 1 && Result.Receiver) {
    const Expr *Signal = connectArgument(*Connect, "signal").value_or(nullptr);
    const Expr *Member = connectArgument(*Connect, "member").value_or(nullptr);
    Result.IsSignal = Signal && isParameter(Signal, Parameter);
    const Expr *Partner = Result.IsSignal                           ? Member
                          : Member && isParameter(Member, Parameter) ? Signal
                                                                     : nullptr;
    std::optional<const Expr *> Other =
        connectArgument(*Connect, Result.IsSignal ? "receiver" : "sender");
    if (!Other)
      if (const auto *OnObject = dyn_cast<CXXMemberCallExpr>(Connect))
        Other = OnObject->getImplicitObjectArgument();
    if (Partner && Other && *Other) {
      const Expr *Written = Partner->IgnoreParenImpCasts();
      // A SIGNAL() written in the helper (through qFlagLocation() in Qt's debug build), or the
      // string the call site passes for another parameter.
      Result.PartnerPassed = !isa<StringLiteral>(Written) && !isa<CallExpr>(Written);
      Result.Partner = Result.PartnerPassed ? atCallSite(Partner, *Definition, Arguments, Object)
                                            : Partner;
      // Only its class is read: an object of the helper's own (a local, a member) is as good.
      Result.PartnerReceiver = atCallSite(*Other, *Definition, Arguments, Object);
      if (!Result.PartnerReceiver && !isa_and_nonnull<ParmVarDecl>(referencedDecl(**Other)))
        Result.PartnerReceiver = *Other;
    }
    if (!Result.Partner || !Result.PartnerReceiver)
      Result.Partner = Result.PartnerReceiver = nullptr;
  }
  return Result;
}

} // namespace contractcheck
