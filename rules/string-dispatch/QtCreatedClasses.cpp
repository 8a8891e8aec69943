#include "rules/string-dispatch/QtCreatedClasses.h"

#include "rules/string-dispatch/QtSignature.h"
#include "rules/utils/ReturnsIn.h"
#include "rules/utils/Usr.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/AST/StmtCXX.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <algorithm>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

bool localOnlyRead(const VarDecl &Var, ASTContext &Context) {
  if (Var.getType().isConstQualified())
    return true;
  const auto *Function = dyn_cast<FunctionDecl>(Var.getDeclContext());
  const Stmt *Body = Function ? Function->getBody() : nullptr;
  if (!Body)
    return false;
  // Every use reads the value; any other (assigned, incremented, its address taken, bound to a
  // reference) may change it.
  auto Changed = declRefExpr(to(varDecl(equalsNode(&Var))),
                             unless(hasParent(implicitCastExpr(hasCastKind(CK_LValueToRValue)))));
  return match(stmt(hasDescendant(Changed)), *Body, Context).empty();
}

namespace {

constexpr unsigned MaxDepth = 4;

bool isNull(const Expr &E, ASTContext &Context) {
  return E.IgnoreParenImpCasts()->isNullPointerConstant(Context,
                                                        Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

const FieldDecl *pointerField(const Expr *E) {
  const auto *Member = dyn_cast_or_null<MemberExpr>(E ? E->IgnoreParens() : nullptr);
  const auto *Field = Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
  return Field && Field->getType()->isPointerType() ? Field : nullptr;
}

void addClasses(std::vector<const CXXRecordDecl *> &Into,
                const std::vector<const CXXRecordDecl *> &From) {
  for (const CXXRecordDecl *Class : From)
    if (std::find(Into.begin(), Into.end(), Class) == Into.end())
      Into.push_back(Class);
}

} // namespace

// What the whole TU does with pointer members and virtuals: every value written to a member
// (its default initialiser, constructors' initialisers, '=' assignments), or that it may change
// otherwise (its address taken, bound to a reference, incremented); and the definitions seen of
// every override of a method.
struct QtCreations::Index {
  struct Writes {
    std::vector<const Expr *> Values;
    bool Other = false; // changed other than by a write of a value
  };
  std::map<const FieldDecl *, Writes> Fields;
  std::map<const CXXMethodDecl *, std::vector<const CXXMethodDecl *>> Overrides; // canonical
};

namespace {

class IndexBuilder : public RecursiveASTVisitor<IndexBuilder> {
public:
  explicit IndexBuilder(QtCreations::Index &Into) : Into(Into) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool VisitFieldDecl(FieldDecl *Field) {
    if (Field->getType()->isPointerType() && Field->hasInClassInitializer())
      if (const Expr *Init = Field->getInClassInitializer())
        Into.Fields[Field].Values.push_back(Init);
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *Constructor) {
    if (!Constructor->doesThisDeclarationHaveABody() && !Constructor->isDefaulted())
      return true;
    for (const CXXCtorInitializer *Init : Constructor->inits()) {
      const FieldDecl *Field = Init->getMember();
      if (!Field || !Field->getType()->isPointerType() || !Init->getInit() ||
          isa<CXXDefaultInitExpr>(Init->getInit()))
        continue;
      Into.Fields[Field].Values.push_back(Init->getInit());
    }
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Operator) {
    if (Operator->getOpcode() != BO_Assign)
      return true;
    if (const FieldDecl *Field = pointerField(Operator->getLHS())) {
      Into.Fields[Field].Values.push_back(Operator->getRHS());
      Accounted.insert(Operator->getLHS()->IgnoreParens());
    }
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *Cast) {
    if (Cast->getCastKind() == CK_LValueToRValue && pointerField(Cast->getSubExpr()))
      Accounted.insert(Cast->getSubExpr()->IgnoreParens());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *Member) {
    if (pointerField(Member))
      Uses.push_back(Member);
    return true;
  }
  bool VisitCXXMethodDecl(CXXMethodDecl *Method) {
    if (Method->doesThisDeclarationHaveABody() && Method->size_overridden_methods())
      addOverridden(*Method, *Method);
    return true;
  }

  void finish() {
    for (const MemberExpr *Use : Uses)
      if (!Accounted.count(Use))
        Into.Fields[pointerField(Use)].Other = true;
  }

private:
  void addOverridden(const CXXMethodDecl &Of, const CXXMethodDecl &Definition) {
    for (const CXXMethodDecl *Overridden : Of.overridden_methods()) {
      auto &Definitions = Into.Overrides[Overridden->getCanonicalDecl()];
      if (std::find(Definitions.begin(), Definitions.end(), &Definition) != Definitions.end())
        continue;
      Definitions.push_back(&Definition);
      addOverridden(*Overridden, Definition);
    }
  }

  QtCreations::Index &Into;
  std::set<const Expr *> Accounted;
  std::vector<const MemberExpr *> Uses;
};

} // namespace

QtCreations::QtCreations() = default;
QtCreations::~QtCreations() = default;

const QtCreations::Index &QtCreations::index() {
  if (!Built) {
    Built = std::make_unique<Index>();
    IndexBuilder Builder(*Built);
    Builder.TraverseAST(*Context);
    Builder.finish();
  }
  return *Built;
}

// Every class the values can be made as (a null value makes none): known only when each value's
// making is, and one is made at least. A value of a factory of another TU makes the whole
// Elsewhere (the judging step reads the first such factory), with the classes seen here.
QtCreation QtCreations::madeBy(const std::vector<const Expr *> &Values, unsigned Depth) {
  QtCreation Result;
  const FunctionDecl *Factory = nullptr;
  for (const Expr *Value : Values) {
    if (!Value)
      return {};
    if (isNull(*Value, *Context))
      continue; // connect() on null warns about the null, not about a name
    QtCreation One = creation(*Value, Depth + 1);
    if (One.Is == QtCreation::State::Unknown)
      return {};
    if (One.Is == QtCreation::State::Elsewhere && !Factory)
      Factory = One.Factory;
    Result.Whole = Result.Whole && One.Is == QtCreation::State::Made && One.Whole;
    addClasses(Result.Classes, One.Classes);
  }
  if (Factory) {
    Result.Is = QtCreation::State::Elsewhere;
    Result.Factory = Factory;
  } else if (!Result.Classes.empty()) {
    Result.Is = QtCreation::State::Made;
  }
  return Result;
}

QtCreation QtCreations::factoryCreation(const FunctionDecl &Definition, unsigned Depth) {
  std::vector<const ReturnStmt *> Returns;
  returnsIn(Definition.getBody(), Returns);
  std::vector<const Expr *> Values;
  for (const ReturnStmt *Return : Returns)
    Values.push_back(Return->getRetValue());
  return madeBy(Values, Depth);
}

// A virtual call runs whichever override the object has, and other TUs may define more: the
// classes made by the definitions seen here (the method's own, every override's) are some of
// those it can make, and the judging step reads the rest from the facts of the TUs defining them.
QtCreation QtCreations::virtualCreation(const CXXMethodDecl &Method, unsigned Depth) {
  QtCreation Result;
  Result.Is = QtCreation::State::Elsewhere;
  Result.Factory = Method.getCanonicalDecl();
  Result.Whole = false;
  std::vector<const CXXMethodDecl *> Definitions;
  const FunctionDecl *Own = nullptr;
  if (Method.getBody(Own) && Own)
    Definitions.push_back(cast<CXXMethodDecl>(Own));
  auto It = index().Overrides.find(Method.getCanonicalDecl());
  if (It != index().Overrides.end())
    Definitions.insert(Definitions.end(), It->second.begin(), It->second.end());
  // Any override may be the one that runs: the classes of each whose making is known.
  for (const CXXMethodDecl *Definition : Definitions)
    if (QtCreation One = factoryCreation(*Definition, Depth); One.Is != QtCreation::State::Unknown)
      addClasses(Result.Classes, One.Classes);
  return Result;
}

// A member holds what was written to it: known when every write this TU sees is a value whose
// making is known. Another TU may write it too, so those are some of the classes it can hold.
QtCreation QtCreations::memberCreation(const FieldDecl &Field, unsigned Depth) {
  auto It = index().Fields.find(&Field);
  if (It == index().Fields.end() || It->second.Other)
    return {};
  std::vector<const Expr *> Values;
  for (const Expr *Value : It->second.Values)
    if (pointerField(Value->IgnoreImpCasts()) != &Field) // a copy of itself adds nothing
      Values.push_back(Value);
  QtCreation Result = madeBy(Values, Depth);
  Result.Whole = false;
  return Result;
}

QtCreation QtCreations::creation(const Expr &Object, unsigned Depth) {
  if (Depth > MaxDepth)
    return {};
  const Expr *E = Object.IgnoreParenImpCasts();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    E = Cleanups->getSubExpr()->IgnoreParenImpCasts();
  // static_cast<Peer *>(new LegacyPeer): a cast to a base is still the object made.
  while (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
    if (Cast->getCastKind() != CK_DerivedToBase && Cast->getCastKind() != CK_UncheckedDerivedToBase &&
        Cast->getCastKind() != CK_NoOp)
      break;
    E = Cast->getSubExpr()->IgnoreParenImpCasts();
  }
  if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    const CXXRecordDecl *Class = New->getAllocatedType()->getAsCXXRecordDecl();
    if (New->isArray() || !Class || !Class->hasDefinition())
      return {};
    return {QtCreation::State::Made, {Class->getDefinition()}, nullptr, true};
  }
  if (const auto *Choice = dyn_cast<ConditionalOperator>(E))
    return madeBy({Choice->getTrueExpr(), Choice->getFalseExpr()}, Depth);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() || !Var->getInit() ||
        Var->getType()->isReferenceType() || !Var->getType()->isPointerType() ||
        !localOnlyRead(*Var, *Context))
      return {};
    return creation(*Var->getInit(), Depth + 1);
  }
  if (const FieldDecl *Field = pointerField(E))
    return memberCreation(*Field, Depth);
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || isa<CXXOperatorCallExpr>(Call) || !Callee->getReturnType()->isPointerType())
      return {};
    // A virtual call runs whichever override the object has (unless qualified: Base::make()).
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee); Method && Method->isVirtual()) {
      const auto *Member = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParenImpCasts());
      if (!Member || !Member->hasQualifier())
        return virtualCreation(*Method, Depth);
    }
    const FunctionDecl *Definition = nullptr;
    if (Callee->getBody(Definition) && Definition)
      return factoryCreation(*Definition, Depth);
    if (Callee->isTemplateInstantiation() || Callee->getPrimaryTemplate())
      return {};
    QtCreation Result;
    Result.Is = QtCreation::State::Elsewhere;
    Result.Factory = Callee->getCanonicalDecl();
    Result.Whole = false;
    return Result;
  }
  return {};
}

QtCreation QtCreations::of(const Expr &Object, ASTContext &Context) {
  if (this->Context != &Context) {
    this->Context = &Context;
    Built.reset();
  }
  return creation(Object, 0);
}

QtCreation QtCreations::ofFactory(const FunctionDecl &Definition, ASTContext &Context) {
  if (this->Context != &Context) {
    this->Context = &Context;
    Built.reset();
  }
  return factoryCreation(Definition, 0);
}

std::vector<std::string> qtOverriddenUsrs(const CXXMethodDecl &Method) {
  std::vector<std::string> Usrs;
  std::vector<const CXXMethodDecl *> Pending(Method.begin_overridden_methods(),
                                             Method.end_overridden_methods());
  while (!Pending.empty()) {
    const CXXMethodDecl *Overridden = Pending.back();
    Pending.pop_back();
    std::string Usr = usrOf(*Overridden);
    if (Usr.empty() || std::find(Usrs.begin(), Usrs.end(), Usr) != Usrs.end())
      continue;
    Usrs.push_back(Usr);
    Pending.insert(Pending.end(), Overridden->begin_overridden_methods(),
                   Overridden->end_overridden_methods());
  }
  std::sort(Usrs.begin(), Usrs.end());
  return Usrs;
}

QtMadeClass qtMadeClass(const CXXRecordDecl &Class) {
  QtMadeClass Made;
  Made.Name = Class.getQualifiedNameAsString();
  for (const QtMetaMethod &Method : qtMetaMethods(Class))
    Made.Methods.push_back({Method.Name, qtMethodKindName(Method.Kind), Method.Parameters,
                            Method.CanonicalParameters, Method.RequiredParameters,
                            Method.AnyParameters});
  return Made;
}

bool qtMadeMethodMatches(const QtMadeMethod &Method, const std::string &Wanted,
                         const std::string &Name,
                         const std::vector<std::vector<std::string>> &Arguments,
                         bool NameOnly) {
  const std::string Signal = qtMethodKindName(QtMethodKind::Signal);
  if (Method.Name != Name || (Wanted == "signal" && Method.Kind != Signal) ||
      (Wanted == "slot" && Method.Kind == Signal))
    return false;
  if (NameOnly || Method.AnyParameters)
    return true;
  if (Arguments.size() < Method.Required || Arguments.size() > Method.Parameters.size())
    return false;
  for (size_t I = 0; I < Arguments.size(); ++I) {
    const auto &Spellings = Method.Parameters[I];
    bool Found = false;
    for (size_t J = 0; J < Arguments[I].size() && !Found; ++J) {
      std::string Key = qtTypeKey(Arguments[I][J]);
      // The string's own spelling matches a declared one; its resolved type, the canonical one.
      Found = J == 0 ? std::any_of(Spellings.begin(), Spellings.end(),
                                   [&](const std::string &Spelling) {
                                     return qtTypeKey(Spelling) == Key;
                                   })
                     : I < Method.Canonical.size() && qtTypeKey(Method.Canonical[I]) == Key;
    }
    if (!Found)
      return false;
  }
  return true;
}

} // namespace contractcheck
