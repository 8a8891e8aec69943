#include "rules/mock-drift/MockSignatureDiff.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <cctype>

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

bool comparable(QualType T) {
  return !T.isNull() && !T->isDependentType() && !T->isUndeducedType();
}

// The classes a type names, outermost first: `std::unique_ptr<MockPort> &` names
// std::unique_ptr<MockPort> (and its deleter) and MockPort.
void namedClasses(QualType T, std::vector<const CXXRecordDecl *> &Out) {
  if (T.isNull())
    return;
  const Type *Ty = T.getCanonicalType().getTypePtr();
  if (const auto *P = dyn_cast<PointerType>(Ty))
    return namedClasses(P->getPointeeType(), Out);
  if (const auto *R = dyn_cast<ReferenceType>(Ty))
    return namedClasses(R->getPointeeType(), Out);
  if (const auto *A = dyn_cast<ArrayType>(Ty))
    return namedClasses(A->getElementType(), Out);
  if (const auto *M = dyn_cast<MemberPointerType>(Ty)) {
    namedClasses(QualType(M->getClass(), 0), Out);
    return namedClasses(M->getPointeeType(), Out);
  }
  if (const auto *F = dyn_cast<FunctionProtoType>(Ty)) {
    namedClasses(F->getReturnType(), Out);
    for (QualType Param : F->param_types())
      namedClasses(Param, Out);
    return;
  }
  const auto *Record = Ty->getAsCXXRecordDecl();
  if (!Record)
    return;
  Out.push_back(Record);
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
      if (Arg.getKind() == TemplateArgument::Type)
        namedClasses(Arg.getAsType(), Out);
      else if (Arg.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument &Inner : Arg.pack_elements())
          if (Inner.getKind() == TemplateArgument::Type)
            namedClasses(Inner.getAsType(), Out);
    }
}

bool isIdentifierChar(char C) { return std::isalnum(static_cast<unsigned char>(C)) || C == '_'; }

// Replaces the whole-name occurrences of From in Text ("ns::MockPort", not "ns::MockPortX").
void replaceName(std::string &Text, const std::string &From, const std::string &To) {
  size_t Pos = 0;
  while ((Pos = Text.find(From, Pos)) != std::string::npos) {
    size_t End = Pos + From.size();
    bool Whole = (Pos == 0 || (!isIdentifierChar(Text[Pos - 1]) && Text[Pos - 1] != ':')) &&
                 (End == Text.size() || (!isIdentifierChar(Text[End]) && Text[End] != ':'));
    if (!Whole) {
      ++Pos;
      continue;
    }
    Text.replace(Pos, From.size(), To);
    Pos += To.size();
  }
}

PrintingPolicy keyPolicy(const ASTContext &Ctx) {
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.PrintCanonicalTypes = true;
  Policy.SuppressTagKeyword = true;
  return Policy;
}

TypeText typeText(QualType Shown, QualType Canonical, const ASTContext &Ctx,
                  const MockCounterpartFn *Counterpart) {
  TypeText Text;
  Text.Shown = Shown.isNull() ? "" : Shown.getAsString(Ctx.getPrintingPolicy());
  Text.Canonical = Canonical.isNull() ? "" : Canonical.getAsString(Ctx.getPrintingPolicy());
  if (!comparable(Canonical))
    return Text;
  PrintingPolicy Policy = keyPolicy(Ctx);
  Text.Key = Canonical.getCanonicalType().getAsString(Policy);
  QualType Referee = Canonical.getCanonicalType().getNonReferenceType();
  if (Canonical->isRValueReferenceType())
    Text.Pass = Passing::RValueRef;
  else if (Canonical->isLValueReferenceType())
    Text.Pass = Referee.isConstQualified() && !Referee.isVolatileQualified() ? Passing::ConstRef
                                                                               : Passing::MutableRef;
  Text.Bare = bareKey(Canonical, Ctx);
  Text.Category = categoryOf(Canonical);
  if (!Counterpart)
    return Text;
  std::vector<const CXXRecordDecl *> Classes;
  namedClasses(Canonical, Classes);
  std::string Substituted = *Text.Key;
  for (const CXXRecordDecl *Class : Classes) {
    std::optional<const CXXRecordDecl *> Real = (*Counterpart)(*Class);
    if (!Real)
      continue;
    Text.Bare.reset(); // a call passing the mock type is not one the real class is given
    if (!*Real) {
      Text.Substituted = ""; // a mock whose real class is unknown: nothing to compare
      return Text;
    }
    auto Spelling = [&](const CXXRecordDecl &C) {
      return Ctx.getRecordType(&C).getCanonicalType().getAsString(Policy);
    };
    replaceName(Substituted, Spelling(*Class), Spelling(**Real));
    Text.Substituted = Substituted;
  }
  return Text;
}

} // namespace

std::optional<std::string> bareKey(QualType T, const ASTContext &Ctx) {
  if (!comparable(T))
    return std::nullopt;
  return T.getCanonicalType().getNonReferenceType().getUnqualifiedType().getAsString(
      keyPolicy(Ctx));
}

TypeCategory categoryOf(QualType T) {
  if (T.isNull())
    return TypeCategory::Other;
  T = T.getCanonicalType().getNonReferenceType();
  if (const auto *Enum = T->getAs<EnumType>())
    return Enum->getDecl()->isScoped() ? TypeCategory::ScopedEnum : TypeCategory::UnscopedEnum;
  if (T->isArithmeticType())
    return TypeCategory::Arithmetic;
  return TypeCategory::Other;
}

namespace {

std::string refText(RefQual Ref) {
  switch (Ref) {
  case RefQual::None:
    return "no ref-qualifier";
  case RefQual::LValue:
    return "ref-qualifier '&'";
  case RefQual::RValue:
    return "ref-qualifier '&&'";
  }
  return "";
}

std::string plural(size_t N, const char *Word) {
  return std::to_string(N) + " " + Word + (N == 1 ? "" : "s");
}

// Two different types can print alike (same name, different scopes, or a typedef spelled the
// same); then the canonical spelling tells them apart.
std::pair<std::string, std::string> showPair(const TypeText &Real, const TypeText &Mock) {
  if (Real.Shown == Mock.Shown)
    return {Real.Canonical, Mock.Canonical};
  return {Real.Shown, Mock.Shown};
}

// Whether the mock's type T is the real one R. Overriding needs the very same type; template
// dependency injection also accepts a mock class where the real method names the class that
// mock stands in for.
bool same(const std::optional<std::string> &R, const TypeText &T, Comparison How) {
  if (!R || !T.Key || *R == *T.Key)
    return true;
  if (How == Comparison::Exact && T.Substituted)
    return T.Substituted->empty() || *R == *T.Substituted;
  return false;
}

} // namespace

MethodSignature signatureOf(const CXXMethodDecl &Method, const FieldDecl *Mocker,
                            const ASTContext &Ctx, const MockCounterpartFn *Counterpart) {
  MethodSignature Sig;
  Sig.Name = Method.getNameAsString();
  Sig.Virtual = Method.isVirtual();
  QualType CanonicalType = Ctx.getCanonicalType(Method.getType());
  const auto *Canonical = CanonicalType->getAs<FunctionProtoType>();
  const auto *Written = Method.getType()->getAs<FunctionProtoType>();
  if (!Canonical || !Written)
    return Sig;
  Sig.Const = Canonical->getMethodQuals().hasConst();
  Sig.Volatile = Canonical->getMethodQuals().hasVolatile();
  switch (Canonical->getRefQualifier()) {
  case RQ_None:
    Sig.Ref = RefQual::None;
    break;
  case RQ_LValue:
    Sig.Ref = RefQual::LValue;
    break;
  case RQ_RValue:
    Sig.Ref = RefQual::RValue;
    break;
  }
  Sig.Variadic = Canonical->isVariadic();
  if (!isUnresolvedExceptionSpec(Canonical->getExceptionSpecType()) &&
      !Canonical->hasDependentExceptionSpec())
    Sig.Noexcept = Canonical->isNothrow();

  const FunctionProtoType *Shown = Written;
  if (Mocker)
    if (const FunctionProtoType *FromMocker = writtenMockSignature(*Mocker))
      if (FromMocker->getNumParams() == Written->getNumParams())
        Shown = FromMocker;
  QualType ShownReturn =
      Shown == Written ? Written->getReturnType() : stripIdentity(Shown->getReturnType());
  QualType Return = Canonical->getReturnType();
  Sig.Return = typeText(ShownReturn, Return, Ctx, Counterpart);
  if (const auto *Ref = Return->getAs<LValueReferenceType>()) {
    QualType Referee = Ref->getPointeeType();
    if (Referee.isConstQualified() && !Referee.isVolatileQualified())
      Sig.ReturnReferee = typeText(Referee, Referee.getUnqualifiedType(), Ctx, Counterpart).Key;
  }
  for (unsigned I = 0; I < Canonical->getNumParams(); ++I)
    Sig.Params.push_back(
        typeText(Shown->getParamType(I), Canonical->getParamType(I), Ctx, Counterpart));
  for (unsigned I = Method.getNumParams(); I > 0 && Method.getParamDecl(I - 1)->hasDefaultArg();
       --I)
    ++Sig.Defaults;
  return Sig;
}

std::string printSignature(const MethodSignature &Sig) {
  std::string Text = Sig.Name + "(";
  for (size_t I = 0; I < Sig.Params.size(); ++I)
    Text += (I ? ", " : "") + Sig.Params[I].Shown;
  if (Sig.Variadic)
    Text += Sig.Params.empty() ? "..." : ", ...";
  Text += ")";
  if (Sig.Const)
    Text += " const";
  if (Sig.Volatile)
    Text += " volatile";
  if (Sig.Ref == RefQual::LValue)
    Text += " &";
  else if (Sig.Ref == RefQual::RValue)
    Text += " &&";
  return Text;
}

std::vector<SignatureDiff> diffSignatures(const MethodSignature &Real, const MethodSignature &Mock,
                                          Comparison How) {
  std::vector<SignatureDiff> Diffs;
  const bool Exact = How == Comparison::Exact;
  // Template dependency injection: a caller may leave out the real method's trailing defaulted
  // parameters, so a mock without them takes every call the real method takes without them.
  const bool OmitsDefaulted = Exact && Real.Params.size() > Mock.Params.size() &&
                              Real.Params.size() - Real.Defaults <= Mock.Params.size();
  if (Real.Params.size() != Mock.Params.size()) {
    size_t Distance = Real.Params.size() > Mock.Params.size()
                          ? Real.Params.size() - Mock.Params.size()
                          : Mock.Params.size() - Real.Params.size();
    Diffs.push_back({"takes " + plural(Real.Params.size(), "parameter") +
                         (OmitsDefaulted ? " (" + std::to_string(Real.Defaults) + " defaulted)"
                                         : std::string()) +
                         " here but " + std::to_string(Mock.Params.size()) + " in the mock",
                     unsigned(4 + Distance), !OmitsDefaulted});
  }
  if (Real.Params.size() == Mock.Params.size() || OmitsDefaulted) {
    for (size_t I = 0; I < Mock.Params.size(); ++I) {
      const TypeText &R = Real.Params[I], &M = Mock.Params[I];
      if (same(R.Key, M, How))
        continue;
      auto [RealText, MockText] = showPair(R, M);
      // `T` and `const T &` take the same arguments: no call tells them apart.
      bool SameArguments = R.Bare && M.Bare && *R.Bare == *M.Bare &&
                           R.Pass != Passing::MutableRef && R.Pass != Passing::RValueRef &&
                           M.Pass != Passing::MutableRef && M.Pass != Passing::RValueRef;
      Diffs.push_back({"parameter " + std::to_string(I + 1) + " is '" + RealText + "' here but '" +
                           MockText + "' in the mock",
                       SameArguments ? 1u : 2u, !(Exact && SameArguments)});
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
                         (Mock.Ref == RefQual::None ? std::string("none") : refText(Mock.Ref)) +
                         " in the mock",
                     1, true});
  if (!same(Real.Return.Key, Mock.Return, How)) {
    auto [RealText, MockText] = showPair(Real.Return, Mock.Return);
    // `const T &` here, T by value in the mock: the caller gets the same value.
    bool ByValue = Real.ReturnReferee && same(Real.ReturnReferee, Mock.Return, How);
    Diffs.push_back({"returns '" + RealText + "' here but '" + MockText + "' in the mock", 1,
                     Exact && !ByValue});
  }
  if (Real.Noexcept && Mock.Noexcept && *Real.Noexcept != *Mock.Noexcept)
    // A mock that may throw where the real method may not promises less, and tests can still
    // rely on nothing it does not promise; the reverse hides the real method's exceptions.
    Diffs.push_back({*Real.Noexcept ? "is noexcept here but not in the mock"
                                    : "is not noexcept here but noexcept in the mock",
                     1, Exact && !*Real.Noexcept});
  return Diffs;
}

bool matches(const std::vector<SignatureDiff> &Diffs) {
  return std::none_of(Diffs.begin(), Diffs.end(),
                      [](const SignatureDiff &D) { return D.Decisive; });
}

} // namespace contractcheck
