#include "rules/utils/BitFieldRanges.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>

using namespace clang;

namespace contractcheck {

namespace {

// The values a `Bits`-bit integer of that signedness holds. Ranges and values are compared with
// APSInt::compareValues, which reads each in its own width and signedness.
HeldRange rangeOfBits(unsigned Bits, bool Signed) {
  return {llvm::APSInt::getMinValue(Bits, !Signed), llvm::APSInt::getMaxValue(Bits, !Signed)};
}

// The values a variable of Type holds, for an integer, enum (its underlying type) or bool.
std::optional<HeldRange> rangeOfType(QualType Type, const ASTContext &Ctx) {
  Type = Type.getCanonicalType();
  if (Type->isBooleanType())
    return rangeOfBits(1, false);
  if (const auto *Enum = Type->getAs<EnumType>()) {
    const EnumDecl *Decl = Enum->getDecl()->getDefinition();
    if (!Decl || Decl->getIntegerType().isNull())
      return std::nullopt;
    Type = Decl->getIntegerType().getCanonicalType();
  }
  if (!Type->isIntegerType() || Type->isDependentType())
    return std::nullopt;
  return rangeOfBits(Ctx.getIntWidth(Type), Type->isSignedIntegerType());
}

bool within(const HeldRange &Inner, const HeldRange &Outer) {
  return llvm::APSInt::compareValues(Inner.Min, Outer.Min) >= 0 &&
         llvm::APSInt::compareValues(Inner.Max, Outer.Max) <= 0;
}

const Expr *returnedBySoleStatement(const FunctionDecl &Callee) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Callee);
  if (Method && Method->isVirtual())
    return nullptr; // an override may return anything
  const FunctionDecl *Definition = nullptr;
  if (!Callee.hasBody(Definition) || Definition->isTemplated())
    return nullptr;
  const Stmt *Body = Definition->getBody();
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Body))
    Body = Block->size() == 1 ? Block->body_front() : nullptr;
  const auto *Return = dyn_cast_or_null<ReturnStmt>(Body);
  return Return ? Return->getRetValue() : nullptr;
}

std::optional<HeldRange> rangeOf(const Expr &Whole, const ASTContext &Ctx, unsigned CallsLeft) {
  const Expr *E = Whole.IgnoreParens();
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  if (const auto *Full = dyn_cast<FullExpr>(E))
    return rangeOf(*Full->getSubExpr(), Ctx, CallsLeft);
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    switch (Cast->getCastKind()) {
    case CK_LValueToRValue:
    case CK_NoOp:
      return rangeOf(*Cast->getSubExpr(), Ctx, CallsLeft);
    case CK_IntegralCast: {
      // Every value of the range must survive the conversion: `(uint8_t)` of a signed field
      // would turn -1 into 255.
      std::optional<HeldRange> Inner = rangeOf(*Cast->getSubExpr(), Ctx, CallsLeft);
      std::optional<HeldRange> Target = rangeOfType(Cast->getType(), Ctx);
      if (Inner && Target && within(*Inner, *Target))
        return Inner;
      return std::nullopt;
    }
    default:
      return std::nullopt;
    }
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (!Field || !Field->isBitField() || Field->getBitWidth()->isValueDependent())
      return std::nullopt;
    std::optional<HeldRange> OfType = rangeOfType(Field->getType(), Ctx);
    unsigned Bits = Field->getBitWidthValue(Ctx);
    if (!OfType || Bits == 0)
      return std::nullopt;
    if (Field->getType()->isBooleanType())
      return OfType;
    // Bits past the type's width are padding (`uint8_t x : 10` holds 0..255).
    HeldRange OfBits = rangeOfBits(Bits, Field->getType()->isSignedIntegerOrEnumerationType());
    return within(OfBits, *OfType) ? OfBits : OfType;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E); Call && CallsLeft > 0) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    // A call made virtually may reach an override; `Base::get()` and a final class would not,
    // but an accessor is seldom virtual.
    const Expr *Returned = Callee ? returnedBySoleStatement(*Callee) : nullptr;
    if (Returned)
      return rangeOf(*Returned, Ctx, CallsLeft - 1);
  }
  return std::nullopt;
}

} // namespace

bool HeldRange::holds(const llvm::APSInt &Value) const {
  return llvm::APSInt::compareValues(Value, Min) >= 0 &&
         llvm::APSInt::compareValues(Value, Max) <= 0;
}

std::optional<HeldRange> bitFieldRange(const Expr &E, const ASTContext &Ctx) {
  return rangeOf(E, Ctx, 1);
}

} // namespace contractcheck
