#include "rules/string-dispatch/StringDispatchRule.h"

#include "rules/string-dispatch/QtStringsMap.h"

#include "SourcePositions.h"
#include "rules/utils/NameSpelling.h"
#include "rules/utils/ProjectCode.h"
#include "rules/string-dispatch/StringDispatchGlobal.h"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/IgnoreExpr.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <optional>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

constexpr FieldSpec EndpointFields[] = {
    {"function", OptionType::String, true,
     "qualified name of the function or method (e.g. 'shop::EventBus::publish')"},
    {"arg", OptionType::Unsigned, false,
     "index of the argument that carries the name; 0 is the first argument after the object",
     {}, "0"},
};

constexpr FieldSpec DispatchFields[] = {
    {"name", OptionType::String, true, "what the dispatch is called in messages ('event bus')"},
    {"register", OptionType::RecordList, true,
     "the functions that register a name (subscribe, add a handler, bind an RPC method)", {}, {},
     EndpointFields},
    {"call", OptionType::RecordList, true,
     "the functions that call a registered name (publish, invoke, dispatch)", {}, {},
     EndpointFields},
};

constexpr OptionSpec Options[] = {
    {"dispatch", OptionType::RecordList, "",
     "The string dispatches to check: each names the functions whose string-literal argument "
     "registers a name and those whose argument calls one.",
     DispatchFields},
    {"qt", OptionType::Bool, "true",
     "Check Qt's SIGNAL()/SLOT() strings and QMetaObject::invokeMethod names against the "
     "signals, slots and Q_INVOKABLE methods of the receiver's class (no other configuration "
     "needed)."},
};

// The name a call whose callee depends on a template parameter would call by, as written:
// empty for a callable object (a variable, a call's result), which calls its operator().
llvm::StringRef dependentCalleeName(const Expr &Callee) {
  const Expr *E = Callee.IgnoreParenImpCasts();
  DeclarationName Name;
  if (const auto *Overloads = dyn_cast<OverloadExpr>(E))
    Name = Overloads->getName();
  else if (const auto *Member = dyn_cast<CXXDependentScopeMemberExpr>(E))
    Name = Member->getMember();
  else if (const auto *Ref = dyn_cast<DependentScopeDeclRefExpr>(E))
    Name = Ref->getDeclName();
  else if (const auto *Ref = dyn_cast<DeclRefExpr>(E); Ref && isa<FunctionDecl>(Ref->getDecl()))
    Name = Ref->getDecl()->getDeclName();
  else if (const auto *Member = dyn_cast<MemberExpr>(E);
           Member && isa<CXXMethodDecl>(Member->getMemberDecl()))
    Name = Member->getMemberDecl()->getDeclName();
  const IdentifierInfo *Identifier = Name.getAsIdentifierInfo();
  return Identifier ? Identifier->getName() : llvm::StringRef();
}

std::string callId(size_t Index) { return "call" + std::to_string(Index); }

// The string literal an argument passes, seen through the conversions to std::string and
// std::string_view, "..."s literals, and constants initialised with a literal. A name built at
// runtime has none.
const StringLiteral *literalOf(const Expr *E, unsigned Depth = 0) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr();
    else if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temporary->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      // Only a conversion of the whole literal: std::string("abc", 2) names "ab".
      if (Construct->getNumArgs() == 0)
        return nullptr;
      for (unsigned I = 1; I < Construct->getNumArgs(); ++I)
        if (!isa<CXXDefaultArgExpr>(Construct->getArg(I)))
          return nullptr;
      E = Construct->getArg(0);
    } else if (const auto *Literal = dyn_cast<UserDefinedLiteral>(E)) {
      if (Literal->getLiteralOperatorKind() != UserDefinedLiteral::LOK_String)
        return nullptr;
      E = Literal->getCookedLiteral();
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var || Depth > 0 || !(Var->isConstexpr() || Var->getType().isConstQualified()))
        return nullptr;
      return literalOf(Var->getAnyInitializer(), Depth + 1);
    } else
      break;
  }
  const auto *Literal = dyn_cast_or_null<StringLiteral>(E);
  return Literal && (Literal->isOrdinary() || Literal->isUTF8()) ? Literal : nullptr;
}

// The parameter an argument passes on unchanged (copies and conversions aside), if any.
const ParmVarDecl *forwardedParameter(const Expr *E) {
  auto Copy = [](Expr *E) -> Expr * {
    if (auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() == 1)
      return Construct->getArg(0);
    return E;
  };
  E = IgnoreExprNodes(E, IgnoreParensSingleStep, IgnoreImplicitCastsExtraSingleStep,
                      IgnoreImplicitSingleStep, Copy);
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  return Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
}

// The Index-th argument as the configuration counts them: a member operator call lists its
// object first, a member call does not.
const Expr *argument(const CallExpr &Call, unsigned Index) {
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call))
    if (isa_and_nonnull<CXXMethodDecl>(Operator->getDirectCallee()))
      ++Index;
  if (Index >= Call.getNumArgs() || isa<CXXDefaultArgExpr>(Call.getArg(Index)))
    return nullptr;
  return Call.getArg(Index);
}

} // namespace

StringDispatchRule::StringDispatchRule(RuleContext &Context)
    : Rule(Context), Qt(options().getBool("qt")),
      QtStrings(
          [this](SourceLocation Loc, const DiagnosticMessage &Message,
                 DiagnosticIDs::Level Level) { return diag(Loc, Message, Level); },
          [this](QtDeferredStringFact Fact) { emitFact(Fact); },
          [this](QtFactoryFact Fact) { emitFact(Fact); },
          [this](QtPredicateFact Fact) { emitFact(Fact); },
          [this](QtClassFact Fact) { emitFact(Fact); }) {
  for (const DispatchSpec &Spec : options().getRecords<DispatchSpec>("dispatch")) {
    auto Add = [&](const std::vector<DispatchEndpoint> &Endpoints, DispatchRole Role) {
      for (const DispatchEndpoint &E : Endpoints) {
        auto It = std::find_if(ByFunction.begin(), ByFunction.end(),
                               [&](const auto &Entry) { return Entry.first == E.Function; });
        if (It == ByFunction.end())
          It = ByFunction.insert(ByFunction.end(), {E.Function, {}});
        It->second.push_back({Spec.Name, Role, E});
      }
    };
    Add(Spec.Register, DispatchRole::Register);
    Add(Spec.Call, DispatchRole::Call);
  }
  for (const auto &[Function, Endpoints] : ByFunction)
    EndpointNames.emplace_back(unqualifiedName(Function));
}

bool StringDispatchRule::needsInstantiations(const SkippedInstantiations &Skipped) const {
  // Only a call that depends on a template parameter and could name an endpoint, in the
  // project's own templates, is seen first in an instantiation; the instantiations a skipped
  // library body would have made matter for nothing else this rule judges (the call to an
  // endpoint with a name fixed in the template's text is judged in the template itself).
  if (!ByFunction.empty() &&
      projectCodeHas(Skipped.TopLevel, [&](const Stmt &S) {
        const auto *Call = dyn_cast<CallExpr>(&S);
        if (!Call || !Call->isInstantiationDependent() || !Call->getCallee())
          return false;
        llvm::StringRef Name = dependentCalleeName(*Call->getCallee());
        return llvm::any_of(EndpointNames, [&](const std::string &Endpoint) {
          return Name.empty() ? llvm::StringRef(Endpoint).starts_with("operator")
                              : Name == Endpoint;
        });
      }))
    return true;
  if (!Qt || Skipped.TopLevel.empty())
    return false;
  ASTContext &Ctx = Skipped.TopLevel.front()->getASTContext();
  return !Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get("QObject")).empty();
}

void StringDispatchRule::registerMatchers(MatchFinder *Finder) {
  if (Qt)
    QtStrings.registerMatchers(Finder, this, keepsFacts());
  for (size_t I = 0; I < ByFunction.size(); ++I)
    Finder->addMatcher(
        callExpr(callee(functionDecl(hasName(ByFunction[I].first)))).bind(callId(I)), this);
}

bool StringDispatchRule::forwardsEndpointParameter(const Expr &Arg, const Endpoint &Inner) const {
  const ParmVarDecl *Parameter = forwardedParameter(&Arg);
  const auto *Wrapper =
      Parameter ? dyn_cast<FunctionDecl>(Parameter->getDeclContext()) : nullptr;
  if (!Wrapper)
    return false;
  std::string Name = Wrapper->getQualifiedNameAsString();
  for (const auto &[Function, Endpoints] : ByFunction) {
    if (Function != Name && Function != "::" + Name)
      continue;
    for (const Endpoint &Outer : Endpoints)
      if (Outer.Dispatch == Inner.Dispatch && Outer.Role == Inner.Role &&
          Outer.Where.Arg == Parameter->getFunctionScopeIndex())
        return true;
  }
  return false;
}

void StringDispatchRule::check(const MatchFinder::MatchResult &Result) {
  if (Qt)
    QtStrings.check(Result);
  this->SM = Result.SourceManager;
  const SourceManager &SM = *Result.SourceManager;
  for (size_t I = 0; I < ByFunction.size(); ++I) {
    const auto *Call = Result.Nodes.getNodeAs<CallExpr>(callId(I));
    if (!Call)
      continue;
    for (const Endpoint &E : ByFunction[I].second) {
      const Expr *Arg = argument(*Call, E.Where.Arg);
      if (!Arg)
        continue;
      const StringLiteral *Literal = literalOf(Arg);
      if (!Literal) {
        // A configured wrapper passing on its own name parameter: the literals passed to the
        // wrapper are the names, this call adds none.
        if (forwardsEndpointParameter(*Arg, E))
          continue;
        SourcePosition Where = positionOf(Arg->getExprLoc(), SM);
        if (!Where.File.empty())
          emitFact(DynamicSiteFact{E.Dispatch, E.Role, E.Where.Function, std::move(Where)});
        continue;
      }
      // A literal spelled at the argument is reported there; one held by a constant is reported
      // at the argument that names the constant, where the call is.
      SourceLocation Loc = Arg->getExprLoc();
      if (Arg->getSourceRange().fullyContains(Literal->getSourceRange()))
        Loc = Literal->getBeginLoc();
      SourcePosition Where = positionOf(Loc, SM);
      if (Where.File.empty())
        continue;
      emitFact(DispatchSiteFact{E.Dispatch, E.Role, Literal->getString().str(), E.Where.Function,
                                std::move(Where)});
    }
  }
}

void StringDispatchRule::onEndOfTranslationUnit() {
  std::vector<QtMethodStrings::Judged> Judged = QtStrings.takeJudged();
  if (SM && keepsFacts())
    for (const ServiceStandIn &Column : qtStringColumns(Judged, *SM))
      emitFact(Column);
}

const RuleInfo &StringDispatchRuleInfo() {
  static const RuleInfo Info{
      .Id = "contract-string-dispatch",
      .Summary = "string-dispatched name that is called but never registered, or registered "
                 "but never called",
      .Description =
          "Event bus topics, RPC method names and command registries pass names as strings "
          "between a registration and a call, resolved only at runtime: a typo compiles, and the "
          "event is silently never handled. For each configured dispatch, every string literal "
          "passed to a 'call' function must be registered by some 'register' function somewhere "
          "in the analysed code (reported at the call, with the closest registered name), and "
          "every registered literal should be called somewhere (reported at the registration as "
          "a dead handler). Both are judged over the whole codebase, so configured dispatches are "
          "judged in the CLI only; on a file subset without a result store holding the rest it "
          "stays silent. Qt's SIGNAL()/SLOT() strings and QMetaObject::invokeMethod names are "
          "checked with no configuration against the signals, slots and Q_INVOKABLE methods of "
          "the receiver's class, per translation unit, in the CLI and in clang-tidy.",
      .Scope = RuleScope::TranslationUnit,
      .Options = Options,
      .CreateTURule = [](RuleContext &Context) -> std::unique_ptr<Rule> {
        return std::make_unique<StringDispatchRule>(Context);
      },
      .CreateGlobalRule = [](const RuleOptions &Options) -> std::unique_ptr<GlobalRule> {
        return std::make_unique<StringDispatchGlobalRule>(Options);
      },
      .FactKinds = stringDispatchFactKinds(),
  };
  return Info;
}

} // namespace contractcheck
