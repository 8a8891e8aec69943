#include "rules/enum-table/TotalityEvidence.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Expr.h>
#include <clang/AST/Type.h>
#include <llvm/ADT/STLExtras.h>

using namespace clang;

namespace contractcheck {

namespace {

bool isEnum(QualType Type, const EnumDecl &Enum) {
  const auto *E = Type.getNonReferenceType().getCanonicalType()->getAs<EnumType>();
  return E && E->getDecl()->getDefinition() == &Enum;
}

// The enum itself, or a wrapper of it: std::optional<E>, absl::StatusOr<E>, std::expected<E, X>.
bool isEnumOrWrapper(QualType Type, const EnumDecl &Enum) {
  if (isEnum(Type, Enum))
    return true;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Type.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0)
    return false;
  const TemplateArgument &First = Spec->getTemplateArgs()[0];
  return First.getKind() == TemplateArgument::Type && isEnum(First.getAsType(), Enum);
}

bool isText(QualType Type) {
  QualType Plain = Type.getNonReferenceType().getCanonicalType();
  if (const auto *Pointer = Plain->getAs<PointerType>())
    return Pointer->getPointeeType()->isAnyCharacterType();
  if (const auto *Record = Plain->getAsCXXRecordDecl()) {
    llvm::StringRef Name = Record->getName();
    return Name == "basic_string" || Name == "basic_string_view" || Name == "basic_json" ||
           Name == "QString" || Name == "StringRef" || Name == "string_view";
  }
  return false;
}

bool outParameterOf(const FunctionDecl &Function, const EnumDecl &Enum) {
  for (const ParmVarDecl *Param : Function.parameters()) {
    QualType Type = Param->getType();
    if ((Type->isReferenceType() && !Type.getNonReferenceType().isConstQualified()) ||
        Type->isPointerType())
      if (isEnum(Type->isPointerType() ? Type->getPointeeType() : Type, Enum))
        return true;
  }
  return false;
}

} // namespace

bool convertsBetweenEnumAndText(const FunctionDecl &Function, const EnumDecl &Enum) {
  QualType Returns = Function.getReturnType();
  bool TakesEnum = false, TakesText = false;
  for (const ParmVarDecl *Param : Function.parameters()) {
    TakesEnum |= isEnum(Param->getType(), Enum) && !Param->getType()->isPointerType() &&
                 (!Param->getType()->isReferenceType() ||
                  Param->getType().getNonReferenceType().isConstQualified());
    TakesText |= isText(Param->getType());
  }
  if (TakesEnum && isText(Returns))
    return true;
  if (TakesText && isEnumOrWrapper(Returns, Enum))
    return true;
  return TakesText && outParameterOf(Function, Enum);
}

bool convertsIntegerParameterToText(const FunctionDecl &Function, const Expr &Value,
                                    const EnumDecl &Enum) {
  if (!isText(Function.getReturnType()))
    return false;
  const auto *Cast = dyn_cast<ExplicitCastExpr>(Value.IgnoreParenImpCasts());
  if (!Cast || !isEnum(Cast->getTypeAsWritten(), Enum))
    return false;
  const auto *Ref = dyn_cast<DeclRefExpr>(Cast->getSubExpr()->IgnoreParenImpCasts());
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  return Param && Param->getType().getNonReferenceType()->isIntegerType() &&
         llvm::is_contained(Function.parameters(), Param);
}

bool meantToBeTotal(const VarDecl &Table, const EnumDecl &Enum, size_t Named, size_t Held,
                    const TotalityPolicy &Policy) {
  if (Held == 0 || matchesAny(Policy.PartialNames, Table.getName()))
    return false;
  if (Named * 100 >= Policy.MinCoveragePercent * Held)
    return true;
  const auto *Function = dyn_cast<FunctionDecl>(Table.getDeclContext());
  return Function && Named * 100 >= Policy.ConverterCoveragePercent * Held &&
         convertsBetweenEnumAndText(*Function, Enum);
}

} // namespace contractcheck
