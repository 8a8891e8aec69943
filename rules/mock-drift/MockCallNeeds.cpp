#include "rules/mock-drift/MockCallNeeds.h"

#include "rules/mock-drift/MockDriftMethods.h"
#include "rules/mock-drift/MockPairing.h"
#include "SourcePositions.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
using namespace clang;

namespace contractcheck {

namespace {

std::string arguments(size_t N) { return std::to_string(N) + (N == 1 ? " argument" : " arguments"); }

// Whether an argument of category From converts implicitly to a parameter of category To; only
// what no class's conversion functions can change is told (From is not a class).
bool convertsImplicitly(TypeCategory From, TypeCategory To) {
  switch (To) {
  case TypeCategory::UnscopedEnum:
  case TypeCategory::ScopedEnum:
    return false; // nothing but the same enum converts to an enum
  case TypeCategory::Arithmetic:
    return From != TypeCategory::ScopedEnum;
  case TypeCategory::Other:
    return true;
  }
  return true;
}

bool isScalar(TypeCategory C) { return C != TypeCategory::Other; }

std::optional<std::string> whyNotArgument(const TypeText &Param, const CallArgument &Arg,
                                          size_t Index, const std::string &Callee) {
  std::string Position = " as argument " + std::to_string(Index + 1) + "; '" + Callee +
                         "' takes '" + Param.Shown + "'";
  bool SameType = Param.Bare && Arg.Bare && *Param.Bare == *Arg.Bare;
  bool Unrelated = Param.Bare && Arg.Bare && !SameType && isScalar(Param.Category) &&
                   isScalar(Arg.Category);
  switch (Param.Pass) {
  case Passing::MutableRef:
    if (!Arg.LValue)
      return "with an rvalue" + Position;
    if (SameType && Arg.Const)
      return "with a const lvalue" + Position;
    if (Unrelated) // no temporary binds to a non-const reference
      return "with a '" + Arg.Shown + "'" + Position;
    return std::nullopt;
  case Passing::RValueRef:
    if (SameType && Arg.LValue)
      return "with an lvalue" + Position;
    [[fallthrough]];
  case Passing::Value:
  case Passing::ConstRef:
    if (Param.Bare && Arg.Bare && !SameType && Arg.Category != TypeCategory::Other &&
        !convertsImplicitly(Arg.Category, Param.Category))
      return "with a '" + Arg.Shown + "'" + Position;
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> whyCannotTake(const MethodSignature &Sig, const std::string &Owner,
                                         const TemplateCall &Call) {
  std::string Callee = Owner + "::" + printSignature(Sig);
  size_t Required = Sig.Params.size() - std::min<size_t>(Sig.Defaults, Sig.Params.size());
  if (Call.Args.size() < Required || (Call.Args.size() > Sig.Params.size() && !Sig.Variadic))
    return "with " + arguments(Call.Args.size()) + "; '" + Callee + "' takes " +
           (Required == Sig.Params.size() ? std::to_string(Required)
                                          : std::to_string(Required) + " to " +
                                                std::to_string(Sig.Params.size()));
  if (Call.ConstObject && !Sig.Const)
    return "on a const object; '" + Callee + "' is not const";
  for (size_t I = 0; I < Call.Args.size() && I < Sig.Params.size(); ++I)
    if (std::optional<std::string> Why = whyNotArgument(Sig.Params[I], Call.Args[I], I, Callee))
      return Why;
  return std::nullopt;
}

namespace {

class MockCalls : public RecursiveASTVisitor<MockCalls> {
public:
  // Argument: the template argument at the mock's position (`NiceMock<MockTelemetry>`).
  MockCalls(const CXXRecordDecl &Mock, QualType Argument, std::string Template,
            Injections &Out, const ASTContext &Ctx)
      : Mock(Mock), Argument(Argument.getCanonicalType().getUnqualifiedType()),
        Template(std::move(Template)), Out(Out), Ctx(Ctx) {}

  // Whether a call was made on an object of the argument's type, however the template reached
  // it: a value of its parameter, or what a member call or a provider returned.
  bool OnArgument = false;

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
    const CXXMethodDecl *Callee = E->getMethodDecl();
    if (!Callee || Callee->getParent()->getCanonicalDecl() != Mock.getCanonicalDecl())
      return true;
    TemplateCall Call;
    Call.Template = Template;
    // The object as written: calling a const method, Clang converts a non-const object to const
    // (an implicit no-op cast), which a non-const real method would not need.
    QualType Object = E->getImplicitObjectArgument()->IgnoreImpCasts()->getType();
    if (const auto *Pointer = Object->getAs<PointerType>())
      Object = Pointer->getPointeeType();
    Call.ConstObject = Object.isConstQualified();
    if (Object.getCanonicalType().getUnqualifiedType() == Argument)
      OnArgument = true;
    for (const Expr *Arg : E->arguments()) {
      if (isa<CXXDefaultArgExpr>(Arg))
        break;
      // The argument as written, before the conversion to the mock's parameter type.
      const Expr *Written = Arg->IgnoreUnlessSpelledInSource();
      CallArgument A;
      A.Shown = Written->getType().getAsString(Ctx.getPrintingPolicy());
      A.Bare = bareKey(Written->getType(), Ctx);
      A.Category = categoryOf(Written->getType());
      A.LValue = Written->isLValue();
      A.Const = Written->getType().isConstQualified();
      Call.Args.push_back(std::move(A));
    }
    const SourceManager &SM = Ctx.getSourceManager();
    Call.Where = positionOf(SM.getExpansionLoc(E->getExprLoc()), SM);
    Call.Expr = E;
    Out.Calls[Callee->getCanonicalDecl()].push_back(std::move(Call));
    return true;
  }

private:
  const CXXRecordDecl &Mock;
  QualType Argument;
  std::string Template;
  Injections &Out;
  const ASTContext &Ctx;
};

// The position at which Spec's arguments hold Mock (seen through NiceMock<> and the like).
std::optional<unsigned> argumentPosition(const ClassTemplateSpecializationDecl &Spec,
                                   const CXXRecordDecl &Mock) {
  const TemplateArgumentList &Args = Spec.getTemplateArgs();
  for (unsigned I = 0; I < Args.size(); ++I) {
    if (Args[I].getKind() != TemplateArgument::Type)
      continue;
    const CXXRecordDecl *Arg = unwrapGMockWrapper(Args[I].getAsType()->getAsCXXRecordDecl());
    if (Arg && Arg->getCanonicalDecl() == Mock.getCanonicalDecl())
      return I;
  }
  return std::nullopt;
}

} // namespace

Injections injectionsOf(const CXXRecordDecl &Mock, llvm::ArrayRef<const ClassTemplateDecl *> Templates,
                        const std::function<bool(const ClassTemplateDecl &, unsigned)> &UsesParameter,
                        const ASTContext &Ctx) {
  Injections Out;
  for (const ClassTemplateDecl *Template : Templates)
    for (const ClassTemplateSpecializationDecl *Spec : Template->specializations()) {
      const CXXRecordDecl *Def = Spec->getDefinition();
      if (!Def)
        continue;
      std::optional<unsigned> Index = argumentPosition(*Spec, Mock);
      if (!Index)
        continue;
      // The calls go to a copy first: they count only if this specialization injects the mock.
      Injections Found;
      MockCalls Visitor(Mock, Spec->getTemplateArgs()[*Index].getAsType(),
                        templateSignature(*Template), Found, Ctx);
      for (const Decl *Member : Def->decls()) {
        std::vector<const FunctionDecl *> Functions;
        if (const auto *Method = dyn_cast<CXXMethodDecl>(Member))
          Functions.push_back(Method);
        else if (const auto *MemberTemplate = dyn_cast<FunctionTemplateDecl>(Member))
          for (const FunctionDecl *Instance : MemberTemplate->specializations())
            Functions.push_back(Instance);
        for (const FunctionDecl *Function : Functions)
          // Only what was instantiated: a member the tests never use makes no call.
          if (const FunctionDecl *Body = Function->getDefinition(); Body && Body->hasBody())
            Visitor.TraverseDecl(const_cast<FunctionDecl *>(Body));
      }
      // The template's definition names a member of the parameter, or an instantiated body
      // calls the argument however it reached it: MAVSDK's generated services never call their
      // `Plugin` parameter, only `_lazy_plugin.maybe_plugin()->set_rate_position(hz)`, a
      // `Plugin *` their `LazyPlugin` parameter provides, invisible in the definition.
      if (!UsesParameter(*Template, *Index) && !Visitor.OnArgument)
        continue;
      Out.Injected = true;
      for (auto &[Method, Calls] : Found.Calls) {
        std::vector<TemplateCall> &Into = Out.Calls[Method];
        Into.insert(Into.end(), std::make_move_iterator(Calls.begin()),
                    std::make_move_iterator(Calls.end()));
      }
    }
  return Out;
}

} // namespace contractcheck
