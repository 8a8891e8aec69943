#include "MockSignatureDiff.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>

using namespace clang;

namespace contractcheck {

namespace {

// gMock wraps the written return type (and the legacy macros the whole signature) in
// `::testing::internal::identity_t<...>`; the argument as written is what the user recognises.
QualType stripIdentity(QualType T) {
  while (!T.isNull()) {
    const auto *Alias = T->getAs<TemplateSpecializationType>();
    if (!Alias || !Alias->isTypeAlias())
      break;
    const TemplateDecl *Template = Alias->getTemplateName().getAsTemplateDecl();
    llvm::ArrayRef<TemplateArgument> Args = Alias->template_arguments();
    if (!Template || Template->getName() != "identity_t" || Args.size() != 1 ||
        Args[0].getKind() != TemplateArgument::Type)
      break;
    T = Args[0].getAsType();
  }
  return T;
}

// The signature spelled in `FunctionMocker<Signature>`, or null when the field is not one.
const FunctionProtoType *writtenMockSignature(const FieldDecl &Mocker) {
  const auto *Spec = Mocker.getType()->getAs<TemplateSpecializationType>();
  if (!Spec || Spec->template_arguments().size() != 1 ||
      Spec->template_arguments()[0].getKind() != TemplateArgument::Type)
    return nullptr;
  QualType Fn = stripIdentity(Spec->template_arguments()[0].getAsType());
  return Fn.isNull() ? nullptr : Fn->getAs<FunctionProtoType>();
}

// Two different types can print alike (same name, different scopes, or a typedef spelled the
// same); then the canonical spelling tells them apart.
std::pair<std::string, std::string> showPair(QualType RealShown, QualType RealCanonical,
                                             QualType MockShown, QualType MockCanonical,
                                             const ASTContext &Ctx) {
  std::string Real = RealShown.getAsString(Ctx.getPrintingPolicy());
  std::string Mock = MockShown.getAsString(Ctx.getPrintingPolicy());
  if (Real == Mock) {
    Real = RealCanonical.getAsString(Ctx.getPrintingPolicy());
    Mock = MockCanonical.getAsString(Ctx.getPrintingPolicy());
  }
  return {Real, Mock};
}

bool comparable(QualType A, QualType B) {
  return !A.isNull() && !B.isNull() && !A->isDependentType() && !B->isDependentType() &&
         !A->isUndeducedType() && !B->isUndeducedType();
}

std::string refText(RefQualifierKind Ref) {
  switch (Ref) {
  case RQ_None:
    return "no ref-qualifier";
  case RQ_LValue:
    return "ref-qualifier '&'";
  case RQ_RValue:
    return "ref-qualifier '&&'";
  }
  return "";
}

std::string plural(size_t N, const char *Word) {
  return std::to_string(N) + " " + Word + (N == 1 ? "" : "s");
}

} // namespace

MethodSignature signatureOf(const CXXMethodDecl &Method, const FieldDecl *Mocker,
                            const ASTContext &Ctx) {
  MethodSignature Sig;
  Sig.Method = &Method;
  Sig.Virtual = Method.isVirtual();
  QualType CanonicalType = Ctx.getCanonicalType(Method.getType());
  const auto *Canonical = CanonicalType->getAs<FunctionProtoType>();
  const auto *Written = Method.getType()->getAs<FunctionProtoType>();
  if (!Canonical || !Written)
    return Sig;
  Sig.Return = Canonical->getReturnType();
  Sig.Params.assign(Canonical->param_type_begin(), Canonical->param_type_end());
  Sig.Const = Canonical->getMethodQuals().hasConst();
  Sig.Volatile = Canonical->getMethodQuals().hasVolatile();
  Sig.Ref = Canonical->getRefQualifier();
  Sig.Variadic = Canonical->isVariadic();
  if (!isUnresolvedExceptionSpec(Canonical->getExceptionSpecType()) &&
      !Canonical->hasDependentExceptionSpec())
    Sig.Noexcept = Canonical->isNothrow();

  const FunctionProtoType *Shown = Written;
  if (Mocker)
    if (const FunctionProtoType *FromMocker = writtenMockSignature(*Mocker))
      if (FromMocker->getNumParams() == Written->getNumParams())
        Shown = FromMocker;
  Sig.ShownReturn =
      Shown == Written ? Written->getReturnType() : stripIdentity(Shown->getReturnType());
  Sig.ShownParams.assign(Shown->param_type_begin(), Shown->param_type_end());
  return Sig;
}

std::string printSignature(const MethodSignature &Sig, const ASTContext &Ctx) {
  std::string Text = Sig.Method->getNameAsString() + "(";
  for (size_t I = 0; I < Sig.ShownParams.size(); ++I)
    Text += (I ? ", " : "") + Sig.ShownParams[I].getAsString(Ctx.getPrintingPolicy());
  if (Sig.Variadic)
    Text += Sig.ShownParams.empty() ? "..." : ", ...";
  Text += ")";
  if (Sig.Const)
    Text += " const";
  if (Sig.Volatile)
    Text += " volatile";
  if (Sig.Ref == RQ_LValue)
    Text += " &";
  else if (Sig.Ref == RQ_RValue)
    Text += " &&";
  return Text;
}

std::vector<SignatureDiff> diffSignatures(const MethodSignature &Real, const MethodSignature &Mock,
                                          Comparison How, const ASTContext &Ctx) {
  std::vector<SignatureDiff> Diffs;
  const bool Exact = How == Comparison::Exact;
  if (Real.Params.size() != Mock.Params.size()) {
    size_t Distance = Real.Params.size() > Mock.Params.size()
                          ? Real.Params.size() - Mock.Params.size()
                          : Mock.Params.size() - Real.Params.size();
    Diffs.push_back({"takes " + plural(Real.Params.size(), "parameter") + " here but " +
                         std::to_string(Mock.Params.size()) + " in the mock",
                     unsigned(4 + Distance), true});
  } else {
    for (size_t I = 0; I < Real.Params.size(); ++I) {
      if (!comparable(Real.Params[I], Mock.Params[I]) || Real.Params[I] == Mock.Params[I])
        continue;
      auto [RealText, MockText] =
          showPair(Real.ShownParams[I], Real.Params[I], Mock.ShownParams[I], Mock.Params[I], Ctx);
      Diffs.push_back({"parameter " + std::to_string(I + 1) + " is '" + RealText + "' here but '" +
                           MockText + "' in the mock",
                       2, true});
    }
  }
  if (Real.Variadic != Mock.Variadic)
    Diffs.push_back({Real.Variadic ? "is variadic here but not in the mock"
                                   : "is not variadic here but variadic in the mock",
                     2, true});
  if (Real.Const != Mock.Const)
    Diffs.push_back({Real.Const ? "is const here but not in the mock"
                                : "is not const here but const in the mock",
                     1, true});
  if (Real.Volatile != Mock.Volatile)
    Diffs.push_back({Real.Volatile ? "is volatile here but not in the mock"
                                   : "is not volatile here but volatile in the mock",
                     1, true});
  if (Real.Ref != Mock.Ref)
    Diffs.push_back({"has " + refText(Real.Ref) + " here but " +
                         (Mock.Ref == RQ_None ? std::string("none") : refText(Mock.Ref)) +
                         " in the mock",
                     1, true});
  if (comparable(Real.Return, Mock.Return) && Real.Return != Mock.Return) {
    auto [RealText, MockText] =
        showPair(Real.ShownReturn, Real.Return, Mock.ShownReturn, Mock.Return, Ctx);
    Diffs.push_back(
        {"returns '" + RealText + "' here but '" + MockText + "' in the mock", 1, Exact});
  }
  if (Real.Noexcept && Mock.Noexcept && *Real.Noexcept != *Mock.Noexcept)
    Diffs.push_back({*Real.Noexcept ? "is noexcept here but not in the mock"
                                    : "is not noexcept here but noexcept in the mock",
                     1, Exact});
  return Diffs;
}

bool matches(const std::vector<SignatureDiff> &Diffs) {
  return std::none_of(Diffs.begin(), Diffs.end(),
                      [](const SignatureDiff &D) { return D.Decisive; });
}

} // namespace contractcheck
