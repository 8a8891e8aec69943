#include "rules/string-dispatch/QtTypeTests.h"

#include "rules/string-dispatch/QtCreatedClasses.h"
#include "rules/string-dispatch/QtMetaMethods.h"
#include "rules/utils/Usr.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/FoldingSet.h>
#include <llvm/ADT/SmallVector.h>

#include <set>

using namespace clang;

namespace contractcheck {

namespace {

// E without the wrappers a comparison's operand is written with: parentheses, conversions,
// temporaries, QString("...") / QLatin1String("...").
const Expr *stripped(const Expr *E) {
  for (int Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreUnlessSpelledInSource()->IgnoreParens();
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
             Construct && Construct->getNumArgs() >= 1)
      E = Construct->getArg(0);
    else
      return E;
  }
  return E;
}

// The declarations an object expression reads: the variables, members and indices it is made of.
// Null when it calls anything but a subscript operator (a call may hand out another object each
// time).
bool objectDecls(const Stmt *S, std::set<const Decl *> &Decls) {
  if (!S)
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    Decls.insert(Ref->getDecl()->getCanonicalDecl());
  else if (const auto *Member = dyn_cast<MemberExpr>(S))
    Decls.insert(Member->getMemberDecl()->getCanonicalDecl());
  else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Operator->getOperator() != OO_Subscript)
      return false;
  } else if (isa<CallExpr>(S))
    return false;
  for (const Stmt *Child : S->children())
    if (!objectDecls(Child, Decls))
      return false;
  return true;
}

bool sameObject(const Expr *A, const Expr *B, const ASTContext &Context) {
  llvm::FoldingSetNodeID IdA, IdB;
  A->IgnoreParenImpCasts()->Profile(IdA, Context, true);
  B->IgnoreParenImpCasts()->Profile(IdB, Context, true);
  return IdA == IdB;
}

// Whether S changes what one of Decls holds: assigns it, increments it, takes its address.
bool writes(const Stmt *S, const std::set<const Decl *> &Decls) {
  if (!S)
    return false;
  const Expr *Target = nullptr;
  if (const auto *Binary = dyn_cast<BinaryOperator>(S); Binary && Binary->isAssignmentOp())
    Target = Binary->getLHS();
  else if (const auto *Unary = dyn_cast<UnaryOperator>(S);
           Unary && (Unary->isIncrementDecrementOp() || Unary->getOpcode() == UO_AddrOf))
    Target = Unary->getSubExpr();
  else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S);
           Operator && Operator->isAssignmentOp() && Operator->getNumArgs() > 0)
    Target = Operator->getArg(0);
  if (Target) {
    std::set<const Decl *> Written;
    objectDecls(Target, Written);
    for (const Decl *D : Written)
      if (Decls.count(D))
        return true;
  }
  for (const Stmt *Child : S->children())
    if (writes(Child, Decls))
      return true;
  return false;
}

// The class a className() comparison names: `metaObject()->className()` of Receiver on one side
// (through QString(...), QLatin1String(...)), a string literal on the other.
std::optional<std::string> comparedClassName(const Expr *A, const Expr *B, const Expr &Receiver,
                                             const ASTContext &Context) {
  auto IsClassName = [&](const Expr *E) {
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(stripped(E));
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (!Method || !Method->getIdentifier() || Method->getName() != "className")
      return false;
    const auto *Meta = dyn_cast_or_null<CXXMemberCallExpr>(
        Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
    const CXXMethodDecl *MetaMethod = Meta ? Meta->getMethodDecl() : nullptr;
    return MetaMethod && MetaMethod->getIdentifier() && MetaMethod->getName() == "metaObject" &&
           sameObject(Meta->getImplicitObjectArgument(), &Receiver, Context);
  };
  for (int Side = 0; Side < 2; ++Side, std::swap(A, B))
    if (IsClassName(A))
      if (const auto *Literal = dyn_cast_or_null<StringLiteral>(stripped(B));
          Literal && Literal->isOrdinary())
        return Literal->getString().str();
  return std::nullopt;
}

bool isZero(const Expr *E) {
  const auto *Literal = dyn_cast<IntegerLiteral>(E->IgnoreParenImpCasts());
  return Literal && Literal->getValue() == 0;
}

bool isNull(const Expr *E, ASTContext &Context) {
  return E->isNullPointerConstant(Context, Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

// strcmp(A, B) or qstrcmp(A, B): its two arguments.
const CallExpr *stringCompare(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier() || Call->getNumArgs() != 2 ||
      (Callee->getName() != "strcmp" && Callee->getName() != "qstrcmp"))
    return nullptr;
  return Call;
}

// What a method returns when its body is one `return true;` or `return false;`.
std::string returnedConstant(const FunctionDecl &Definition) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Definition.getBody());
  if (!Body || Body->size() != 1)
    return "other";
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  const auto *Value = Return && Return->getRetValue()
                          ? dyn_cast<CXXBoolLiteralExpr>(Return->getRetValue()->IgnoreParenImpCasts())
                          : nullptr;
  if (!Value)
    return "other";
  return Value->getValue() ? "true" : "false";
}

// The QObject class C of `qobject_cast<C *>(Receiver)` or `dynamic_cast<C *>(Receiver)`, qualified.
std::optional<std::string> castClassName(const Expr *E, const Expr &Receiver,
                                         const ASTContext &Context) {
  const Expr *Object = nullptr;
  if (const auto *Dynamic = dyn_cast<CXXDynamicCastExpr>(E))
    Object = Dynamic->getSubExpr();
  else if (const auto *Call = dyn_cast<CallExpr>(E); Call && Call->getNumArgs() == 1)
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->getIdentifier() && Callee->getName() == "qobject_cast")
      Object = Call->getArg(0);
  if (!Object || !E->getType()->isPointerType() || !sameObject(Object, &Receiver, Context))
    return std::nullopt;
  const CXXRecordDecl *Class = E->getType()->getPointeeType()->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition() || !isQObjectClass(*Class->getDefinition()))
    return std::nullopt;
  return Class->getQualifiedNameAsString();
}

// The type tests a condition that holds makes true: each operand of '&&', a virtual predicate
// called on Receiver, Receiver->inherits("Class"), a cast of Receiver, a className() comparison.
void testsOf(const Expr *Condition, const Expr &Receiver, ASTContext &Context,
             std::vector<QtTypeTest> &Tests) {
  const Expr *E = stripped(Condition);
  if (!E)
    return;
  auto ComparedWith = [&](const CallExpr *Compare) {
    if (auto Name = comparedClassName(Compare->getArg(0), Compare->getArg(1), Receiver, Context))
      Tests.push_back({"class-name", {}, false, *Name});
  };
  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    const Expr *L = Binary->getLHS(), *R = Binary->getRHS();
    if (Binary->getOpcode() == BO_LAnd) {
      testsOf(L, Receiver, Context, Tests);
      testsOf(R, Receiver, Context, Tests);
    } else if (Binary->getOpcode() == BO_NE && isNull(L, Context) != isNull(R, Context)) {
      testsOf(isNull(L, Context) ? R : L, Receiver, Context, Tests); // a cast != nullptr
    } else if (Binary->getOpcode() == BO_EQ) {
      // strcmp(name, "Class") == 0, or a comparison of the name with a literal.
      if (const CallExpr *Compare = stringCompare(isZero(R) ? L : R); Compare && (isZero(L) || isZero(R)))
        ComparedWith(Compare);
      else if (auto Name = comparedClassName(L, R, Receiver, Context))
        Tests.push_back({"class-name", {}, false, *Name});
    }
    return;
  }
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Operator->getOperator() == OO_EqualEqual && Operator->getNumArgs() == 2)
      if (auto Name = comparedClassName(Operator->getArg(0), Operator->getArg(1), Receiver, Context))
        Tests.push_back({"class-name", {}, false, *Name});
    return;
  }
  if (const auto *Not = dyn_cast<UnaryOperator>(E); Not && Not->getOpcode() == UO_LNot) {
    if (const CallExpr *Compare = stringCompare(Not->getSubExpr()))
      ComparedWith(Compare); // !strcmp(name, "Class")
    return;
  }
  // qobject_cast<C *>(Receiver), dynamic_cast<C *>(Receiver): non-null when the object's class is
  // C or derives from it, as inherits("C") says (KVIrc's
  // `if (qobject_cast<QSslSocket *>(socket))`).
  if (std::optional<std::string> Cast = castClassName(E, Receiver, Context)) {
    Tests.push_back({"inherits", {}, false, *Cast});
    return;
  }
  const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !sameObject(Call->getImplicitObjectArgument(), &Receiver, Context))
    return;
  if (Method->getIdentifier() && Method->getName() == "inherits" && Call->getNumArgs() == 1 &&
      isQObjectItself(*Method->getParent())) {
    if (const auto *Literal = dyn_cast<StringLiteral>(stripped(Call->getArg(0)));
        Literal && Literal->isOrdinary())
      Tests.push_back({"inherits", {}, false, Literal->getString().str()});
    return;
  }
  // A virtual predicate, called through the object (Base::isHuman() would not dispatch).
  const auto *Callee = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParenImpCasts());
  if (!Method->isVirtual() || Call->getNumArgs() != 0 || !Method->getReturnType()->isBooleanType() ||
      !Callee || Callee->hasQualifier())
    return;
  QtTypeTest Test{"predicate", usrOf(*Method), Method->isPureVirtual(), {}};
  const FunctionDecl *Definition = nullptr;
  if (!Test.BaseFalse && Method->getBody(Definition) && Definition)
    Test.BaseFalse = returnedConstant(*Definition) == "false";
  if (!Test.Predicate.empty())
    Tests.push_back(std::move(Test));
}

// The tests whose failure an `if (!test) return;` (or continue, break; `||` of such) leaves.
void negatedTestsOf(const Expr *Condition, const Expr &Receiver, ASTContext &Context,
                    std::vector<QtTypeTest> &Tests) {
  const Expr *E = Condition->IgnoreParenImpCasts();
  if (const auto *Binary = dyn_cast<BinaryOperator>(E); Binary && Binary->getOpcode() == BO_LOr) {
    negatedTestsOf(Binary->getLHS(), Receiver, Context, Tests);
    negatedTestsOf(Binary->getRHS(), Receiver, Context, Tests);
  } else if (const auto *Not = dyn_cast<UnaryOperator>(E);
             Not && Not->getOpcode() == UO_LNot && !stringCompare(Not->getSubExpr())) {
    testsOf(Not->getSubExpr(), Receiver, Context, Tests);
  }
}

bool leaves(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    S = Block->body_empty() ? nullptr : Block->body_back();
  return isa_and_nonnull<ReturnStmt, ContinueStmt, BreakStmt, CXXThrowExpr>(S);
}

// The definition of the class a qualified name ("QSslSocket", "ns::Peer") names in this TU, when
// it has one: found by name through namespaces and classes, as moc spells the names.
const CXXRecordDecl *classNamed(StringRef Qualified, ASTContext &Context) {
  const DeclContext *Scope = Context.getTranslationUnitDecl();
  const CXXRecordDecl *Class = nullptr;
  SmallVector<StringRef, 4> Parts;
  Qualified.split(Parts, "::");
  for (StringRef Part : Parts) {
    if (!Scope || Part.empty())
      return nullptr;
    const DeclContext *Next = nullptr;
    Class = nullptr;
    for (const NamedDecl *Found : Scope->lookup(&Context.Idents.get(Part))) {
      if (const auto *Record = dyn_cast<CXXRecordDecl>(Found); Record && Record->hasDefinition()) {
        Class = Record->getDefinition();
        Next = Class;
        break;
      }
      if (const auto *Namespace = dyn_cast<NamespaceDecl>(Found)) {
        Next = Namespace;
        break;
      }
    }
    Scope = Next;
  }
  return Class;
}

} // namespace

std::vector<QtTypeTest> qtTypeTestsGuarding(const Expr &Receiver, ASTContext &Context) {
  std::vector<QtTypeTest> Tests;
  std::set<const Decl *> Decls;
  if (!objectDecls(&Receiver, Decls) || Decls.empty())
    return Tests;
  DynTypedNode Child = DynTypedNode::create(Receiver);
  for (int Depth = 0; Depth < 64; ++Depth) {
    DynTypedNodeList Parents = Context.getParents(Child);
    if (Parents.size() != 1)
      break;
    const Stmt *Parent = Parents[0].get<Stmt>();
    const Stmt *From = Child.get<Stmt>();
    if (!Parent || !From || isa<LambdaExpr>(Parent))
      break;
    // `if (auto *Ssl = qobject_cast<QSslSocket *>(socket))` holds when its initialiser is non-null.
    if (const auto *If = dyn_cast<IfStmt>(Parent);
        If && If->getThen() == From && !If->hasInitStorage() && !writes(From, Decls)) {
      const VarDecl *Held = If->getConditionVariable();
      if (!Held)
        testsOf(If->getCond(), Receiver, Context, Tests);
      else if (Held->getInit() && Held->getType()->isPointerType())
        testsOf(Held->getInit(), Receiver, Context, Tests);
    }
    if (const auto *Block = dyn_cast<CompoundStmt>(Parent)) {
      const Stmt *const *It = std::find(Block->body_begin(), Block->body_end(), From);
      for (const Stmt *const *Before = Block->body_begin(); Before != It; ++Before) {
        const auto *If = dyn_cast<IfStmt>(*Before);
        if (!If || If->getElse() || If->hasInitStorage() || If->getConditionVariable() ||
            !leaves(If->getThen()) ||
            std::any_of(Before + 1, It + 1, [&](const Stmt *S) { return writes(S, Decls); }))
          continue;
        negatedTestsOf(If->getCond(), Receiver, Context, Tests);
      }
    }
    Child = Parents[0];
  }
  return Tests;
}

std::vector<const CXXRecordDecl *> qtClassesTestedFor(const Expr &Receiver,
                                                     ASTContext &Context) {
  std::vector<const CXXRecordDecl *> Classes;
  for (const QtTypeTest &Test : qtTypeTestsGuarding(Receiver, Context))
    if (Test.Test == "inherits" || Test.Test == "class-name")
      if (const CXXRecordDecl *Class = classNamed(Test.Class, Context))
        Classes.push_back(Class);
  return Classes;
}

QtMadeClass qtProjectMadeClass(const CXXRecordDecl &Class) {
  const SourceManager &SM = Class.getASTContext().getSourceManager();
  QtMadeClass Made;
  Made.Name = Class.getQualifiedNameAsString();
  for (const QtMetaMethod &Method : qtMetaMethods(Class)) {
    if (!Method.Owner || SM.isInSystemHeader(SM.getExpansionLoc(Method.Owner->getLocation())))
      continue;
    Made.Methods.push_back({Method.Name, qtMethodKindName(Method.Kind), Method.Parameters,
                            Method.CanonicalParameters, Method.RequiredParameters,
                            Method.AnyParameters});
  }
  return Made;
}

std::optional<QtPredicateFact> qtPredicateFact(const CXXMethodDecl &Definition) {
  if (!Definition.isVirtual() || Definition.getNumParams() != 0 ||
      !Definition.getReturnType()->isBooleanType() || !Definition.getParent()->hasDefinition() ||
      !isQObjectClass(*Definition.getParent()))
    return std::nullopt;
  QtPredicateFact Fact;
  Fact.Method = usrOf(Definition);
  if (Fact.Method.empty())
    return std::nullopt;
  Fact.Overrides = qtOverriddenUsrs(Definition);
  Fact.Returns = returnedConstant(Definition);
  if (Fact.Returns != "false")
    Fact.Class = qtProjectMadeClass(*Definition.getParent());
  return Fact;
}

} // namespace contractcheck
