#include "rules/mock-drift/MockMemberUses.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/SmallPtrSet.h>

#include <algorithm>

using namespace clang;

namespace contractcheck {

namespace {

// What `&Operand` takes the address of, outside gMock's macro bodies (whose member pointers are
// its own plumbing); nullptr for any other expression.
const Expr *memberPointerOperand(const UnaryOperator &E, const SourceManager &SM) {
  if (E.getOpcode() != UO_AddrOf || SM.isMacroBodyExpansion(E.getBeginLoc()))
    return nullptr;
  return E.getSubExpr()->IgnoreParens();
}

// The non-static method a member pointer's operand names (`&DispatchProcess::func0`).
const CXXMethodDecl *pointedMethod(const Expr *Operand) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Operand);
  const auto *Method = Ref ? dyn_cast<CXXMethodDecl>(Ref->getDecl()) : nullptr;
  return Method && !Method->isStatic() ? Method : nullptr;
}

// Names of the members a class calls on itself. A mock method with no counterpart that the mock
// calls itself (gMock's destructor idiom: `MOCK_METHOD(void, Die, ()); ~MockFoo() { Die(); }`)
// is the mock's own hook, not a stand-in for a real method.
class SelfCalls : public RecursiveASTVisitor<SelfCalls> {
public:
  explicit SelfCalls(const CXXRecordDecl &Class)
      : Class(Class), SM(&Class.getASTContext().getSourceManager()) {}
  llvm::StringSet<> Names;

  static bool onThis(const Expr *Base) {
    return !Base || isa<CXXThisExpr>(Base->IgnoreParenImpCasts());
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (onThis(E->getBase()) && E->getMemberDecl()->getIdentifier())
      Names.insert(E->getMemberDecl()->getName());
    return true;
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    if (E->isImplicitAccess() || onThis(E->getBase()))
      Names.insert(E->getMember().getAsString());
    return true;
  }
  bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *E) {
    if (E->isImplicitAccess() || onThis(E->getBase()))
      Names.insert(E->getName().getAsString());
    return true;
  }
  // `&Self::connected` handed on as a callback (Mesos's `defer(self(), &Self::connected)`): the
  // class calls it through the member pointer. Only a pointer to the class's own (or inherited)
  // member counts: `Invoke(&fake_, &FakeFoo::DoThis)` delegates to another class's method.
  bool VisitUnaryOperator(UnaryOperator *E) {
    const Expr *Operand = memberPointerOperand(*E, *SM);
    if (const CXXMethodDecl *Method = pointedMethod(Operand)) {
      if (Method->getIdentifier() && isOwn(Method->getParent()))
        Names.insert(Method->getName());
    } else if (const auto *Lookup = dyn_cast_or_null<UnresolvedLookupExpr>(Operand)) {
      if (Lookup->getQualifier() && isOwn(Lookup->getNamingClass()))
        Names.insert(Lookup->getName().getAsString());
    }
    return true;
  }

private:
  bool isOwn(const CXXRecordDecl *Owner) const {
    if (!Owner || !Class.hasDefinition())
      return false;
    Owner = Owner->getCanonicalDecl();
    return Owner == Class.getCanonicalDecl() || Class.isDerivedFrom(Owner);
  }

  const CXXRecordDecl &Class;
  const SourceManager *SM;
};

// The methods whose address code takes as a member pointer (`&DispatchProcess::func0`), outside
// gMock's macro bodies.
class MemberPointers : public RecursiveASTVisitor<MemberPointers> {
public:
  explicit MemberPointers(const SourceManager &SM) : SM(SM) {}
  llvm::DenseSet<const CXXMethodDecl *> Methods;

  bool VisitUnaryOperator(UnaryOperator *E) {
    if (const CXXMethodDecl *Method = pointedMethod(memberPointerOperand(*E, SM)))
      Methods.insert(Method->getCanonicalDecl());
    return true;
  }

private:
  const SourceManager &SM;
};

// Whether a class template's definition calls a member on a value of one of its type parameters
// (`T.Send(...)`, `Ptr->Close()`, also through a smart pointer to it) or derives from it: the
// mark of template dependency injection, which generic holders (containers, optionals, handles)
// lack.
class ParameterMemberUse : public RecursiveASTVisitor<ParameterMemberUse> {
public:
  ParameterMemberUse(unsigned Depth, unsigned Index) : Depth(Depth), Index(Index) {}
  bool Found = false;

  bool isParameter(QualType T) const {
    if (T.isNull())
      return false;
    T = T.getNonReferenceType();
    if (const auto *Parm = T->getAs<TemplateTypeParmType>())
      return Parm->getDepth() == Depth && Parm->getIndex() == Index;
    return false;
  }
  // `T &`, `T *`, or a smart pointer whose first argument is T (with `->`).
  bool namesParameter(QualType Base, bool Arrow) const {
    if (Base.isNull())
      return false;
    Base = Base.getNonReferenceType();
    if (!Arrow)
      return isParameter(Base);
    if (const auto *Ptr = Base->getAs<PointerType>())
      return isParameter(Ptr->getPointeeType());
    if (const auto *Spec = Base->getAs<TemplateSpecializationType>())
      return !Spec->template_arguments().empty() &&
             Spec->template_arguments()[0].getKind() == TemplateArgument::Type &&
             isParameter(Spec->template_arguments()[0].getAsType());
    return false;
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    if (!E->isImplicitAccess() && namesParameter(E->getBaseType(), E->isArrow()))
      Found = true;
    return !Found;
  }
  bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *E) {
    if (!E->isImplicitAccess() && namesParameter(E->getBaseType(), E->isArrow()))
      Found = true;
    return !Found;
  }
  // `T::f()`: a member of a parameter the template derives from.
  bool VisitDependentScopeDeclRefExpr(DependentScopeDeclRefExpr *E) {
    if (const NestedNameSpecifier *Qualifier = E->getQualifier())
      if (Qualifier->getAsType() && isParameter(QualType(Qualifier->getAsType(), 0)))
        Found = true;
    return !Found;
  }

private:
  unsigned Depth, Index;
};

} // namespace

namespace {

class CallsOf : public RecursiveASTVisitor<CallsOf> {
public:
  explicit CallsOf(const CXXMethodDecl &Method) : Method(Method) {}
  bool Found = false;

  bool VisitMemberExpr(MemberExpr *E) {
    if (SelfCalls::onThis(E->getBase()) &&
        E->getMemberDecl()->getCanonicalDecl() == Method.getCanonicalDecl())
      Found = true;
    return !Found;
  }

private:
  const CXXMethodDecl &Method;
};

} // namespace

bool callsMethodOnItself(const CXXRecordDecl &Class, const CXXMethodDecl &Method) {
  CallsOf Visitor(Method);
  for (const CXXMethodDecl *Caller : Class.methods()) {
    const FunctionDecl *Body = Caller->getDefinition();
    if (!Body || Body->getCanonicalDecl() == Method.getCanonicalDecl())
      continue;
    Visitor.TraverseDecl(const_cast<FunctionDecl *>(Body));
    if (Visitor.Found)
      return true;
  }
  return false;
}

namespace {

// Whether Caller overrides Real, directly or through the methods it overrides.
bool overridesMethod(const CXXMethodDecl &Caller, const CXXMethodDecl &Real) {
  llvm::SmallVector<const CXXMethodDecl *, 4> Work(Caller.overridden_methods());
  llvm::SmallPtrSet<const CXXMethodDecl *, 8> Seen;
  while (!Work.empty()) {
    const CXXMethodDecl *M = Work.pop_back_val();
    if (M->getCanonicalDecl() == Real.getCanonicalDecl())
      return true;
    if (Seen.insert(M->getCanonicalDecl()).second)
      Work.append(M->overridden_methods().begin(), M->overridden_methods().end());
  }
  return false;
}

} // namespace

bool derivedOverrideCallsMethod(const CXXRecordDecl &Mock, const CXXMethodDecl &Method,
                                llvm::ArrayRef<const CXXMethodDecl *> Reals) {
  const SourceManager &SM = Mock.getASTContext().getSourceManager();
  const FileID MockFile = SM.getFileID(SM.getExpansionLoc(Mock.getLocation()));
  const CXXRecordDecl *MockDef = Mock.getDefinition();
  if (!MockDef || MockFile.isInvalid())
    return false;
  CallsOf Visitor(Method);
  for (const Decl *D : Mock.getDeclContext()->decls()) {
    const auto *Derived = dyn_cast<CXXRecordDecl>(D);
    if (!Derived || !Derived->isThisDeclarationADefinition() || Derived == MockDef ||
        SM.getFileID(SM.getExpansionLoc(Derived->getLocation())) != MockFile ||
        !Derived->isDerivedFrom(MockDef))
      continue;
    for (const CXXMethodDecl *Caller : Derived->methods()) {
      if (Caller->isPureVirtual() ||
          std::none_of(Reals.begin(), Reals.end(), [&](const CXXMethodDecl *Real) {
            return overridesMethod(*Caller, *Real);
          }))
        continue;
      const FunctionDecl *Body = Caller->getDefinition();
      if (!Body)
        return true; // defined in another TU: what it calls is unknown here, as elsewhere
      Visitor.TraverseDecl(const_cast<FunctionDecl *>(Body));
      if (Visitor.Found)
        return true;
    }
  }
  return false;
}

bool derivedClassCallsMethod(const CXXRecordDecl &Mock, const CXXMethodDecl &Method,
                             llvm::ArrayRef<const CXXRecordDecl *> Classes) {
  const CXXRecordDecl *MockDef = Mock.getDefinition();
  if (!MockDef)
    return false;
  CallsOf Visitor(Method);
  for (const CXXRecordDecl *Derived : Classes) {
    if (!Derived->hasDefinition() || Derived == MockDef || !Derived->isDerivedFrom(MockDef))
      continue;
    for (const CXXMethodDecl *Caller : Derived->methods()) {
      const FunctionDecl *Body = Caller->getDefinition();
      if (!Body)
        continue;
      Visitor.TraverseDecl(const_cast<FunctionDecl *>(Body));
      if (Visitor.Found)
        return true;
    }
  }
  return false;
}

llvm::StringSet<> membersCalledOnItself(const CXXRecordDecl &Class) {
  SelfCalls Visitor(Class);
  for (const Decl *Member : Class.decls())
    Visitor.TraverseDecl(const_cast<Decl *>(Member));
  // And the members this TU defines outside the class: Quassel's MockedPeer declares its
  // dispatch() overrides in the class and defines them, each calling the mocked Dispatches(),
  // below it.
  for (const CXXMethodDecl *Method : Class.methods())
    if (const FunctionDecl *Body = Method->getDefinition(); Body && Body->isOutOfLine())
      Visitor.TraverseDecl(const_cast<FunctionDecl *>(Body));
  return std::move(Visitor.Names);
}

llvm::DenseSet<const CXXMethodDecl *> memberPointersInMainFile(ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  MemberPointers Visitor(SM);
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      Visitor.TraverseDecl(D);
  return std::move(Visitor.Methods);
}

bool definesMembersElsewhere(const CXXRecordDecl &Class) {
  // A class template's members are defined with it; its specializations define only those used.
  const CXXRecordDecl *Source = Class.getTemplateInstantiationPattern();
  for (const CXXMethodDecl *Method : (Source ? Source : &Class)->methods())
    if (!Method->isImplicit() && !isa<CXXConstructorDecl, CXXDestructorDecl>(Method) &&
        !Method->isPureVirtual() && !Method->isDeleted() && !Method->isDefaulted() &&
        // C++03's uncopyable idiom declares them and defines them nowhere.
        !Method->isCopyAssignmentOperator() && !Method->isMoveAssignmentOperator() &&
        !Method->getDefinition())
      return true;
  return false;
}

bool callsMembersOf(const ClassTemplateDecl &Template, unsigned Index) {
  const TemplateParameterList &Params = *Template.getTemplateParameters();
  if (Index >= Params.size() || !isa<TemplateTypeParmDecl>(Params.getParam(Index)) ||
      Params.getParam(Index)->isTemplateParameterPack())
    return false;
  const CXXRecordDecl *Pattern = Template.getTemplatedDecl();
  if (!Pattern || !Pattern->hasDefinition())
    return false;
  ParameterMemberUse Visitor(Params.getDepth(), Index);
  // `class SubscriberImpl : public BaseSubscriber`: the parameter is the implementation.
  for (const CXXBaseSpecifier &Base : Pattern->getDefinition()->bases())
    if (Visitor.isParameter(Base.getType()))
      return true;
  // `class CopyableLocale : public Locale` inside the template (ampl/mp's TextReader<Locale>):
  // its member calls on the nested class's objects are calls on the parameter.
  for (const Decl *Member : Pattern->getDefinition()->decls())
    if (const auto *Nested = dyn_cast<CXXRecordDecl>(Member);
        Nested && !Nested->isImplicit() && Nested->hasDefinition())
      for (const CXXBaseSpecifier &Base : Nested->getDefinition()->bases())
        if (Visitor.isParameter(Base.getType()))
          return true;
  for (const Decl *Member : Pattern->getDefinition()->decls()) {
    const FunctionDecl *Function = Member->getAsFunction();
    if (!Function)
      continue;
    // Member functions of a template are often defined after the class (or in an .inl file).
    if (const FunctionDecl *Definition = Function->getDefinition())
      Function = Definition;
    Visitor.TraverseDecl(const_cast<FunctionDecl *>(Function));
    if (Visitor.Found)
      return true;
  }
  return false;
}

} // namespace contractcheck
