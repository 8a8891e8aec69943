#include "rules/utils/StringParsers.h"
#include "rules/utils/DeclReferences.h"
#include "rules/utils/FirstNode.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/IgnoreExpr.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <llvm/ADT/SmallPtrSet.h>
#include <llvm/ADT/StringExtras.h>

#include <algorithm>

using namespace clang;

namespace contractcheck {

const Expr *peelConversions(const Expr *E) {
  auto Conversion = [](Expr *E) -> Expr * {
    if (auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      return F->getSubExpr();
    if (auto *S = dyn_cast<CXXStaticCastExpr>(E))
      return S->getSubExpr();
    if (auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() >= 1 &&
        (Construct->getNumArgs() == 1 || isa<CXXDefaultArgExpr>(Construct->getArg(1))))
      return Construct->getArg(0);
    if (auto *Call = dyn_cast<CXXMemberCallExpr>(E);
        Call && Call->getNumArgs() == 0 && Call->getMethodDecl() &&
        Call->getMethodDecl()->getIdentifier() &&
        (Call->getMethodDecl()->getName() == "c_str" || Call->getMethodDecl()->getName() == "data"))
      return Call->getImplicitObjectArgument();
    return E;
  };
  return IgnoreExprNodes(E, IgnoreParensSingleStep, IgnoreImplicitCastsExtraSingleStep,
                         IgnoreImplicitSingleStep, Conversion);
}

namespace {

bool refersTo(const Expr *E, const ParmVarDecl *Param) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(peelConversions(E));
  return Ref && Ref->getDecl() == Param;
}

std::string lowerName(const NamedDecl *D) {
  return D && D->getIdentifier() ? D->getName().lower() : std::string();
}

bool containsAny(const std::string &Text, std::initializer_list<const char *> Parts) {
  return std::any_of(Parts.begin(), Parts.end(),
                     [&](const char *Part) { return Text.find(Part) != std::string::npos; });
}

// A named comparison: strcmp, strcasecmp, iequals, s.compare, s.equals_insensitive, ...
bool isComparisonName(const std::string &Name) {
  return containsAny(Name, {"cmp", "compare", "equal"}) && !containsAny(Name, {"prefix", "suffix"});
}

bool isCaseInsensitiveName(const std::string &Name) {
  return containsAny(Name, {"case", "icmp", "insensitive", "iequal", "lower"});
}

// Helpers whose result means the argument is accepted in more spellings than the body names.
bool isTransformingName(const std::string &Name) {
  return containsAny(Name, {"lower", "upper", "trim", "strip", "normali", "canonical", "parse",
                            "from_", "sto", "ato", "strto", "cast", "convert"});
}

bool isTemplateNamed(QualType Type, std::initializer_list<const char *> Names) {
  const auto *Record = Type->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier())
    return false;
  return std::any_of(Names.begin(), Names.end(),
                     [&](const char *Name) { return Record->getName() == Name; });
}

class BodyReader : public RecursiveASTVisitor<BodyReader> {
public:
  BodyReader(const ParmVarDecl &Param, const EnumDecl &Enum) : Param(&Param), Enum(&Enum) {}

  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseSwitchStmt(SwitchStmt *S) {
    if (mentionsDecl(S->getCond(), Param)) {
      ++InHashSwitch;
      TraverseStmt(S->getCond());
      --InHashSwitch;
      // The case list runs backwards; names are kept in the order the source writes them.
      llvm::SmallVector<llvm::StringRef, 8> Labels;
      for (const SwitchCase *SC = S->getSwitchCaseList(); SC; SC = SC->getNextSwitchCase())
        if (const auto *Case = dyn_cast<CaseStmt>(SC))
          if (const StringLiteral *Literal = firstNode<StringLiteral>(Case->getLHS()))
            Labels.push_back(Literal->getString());
      for (auto It = Labels.rbegin(); It != Labels.rend(); ++It)
        add(*It);
      return TraverseStmt(S->getBody());
    }
    return RecursiveASTVisitor::TraverseSwitchStmt(S);
  }

  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->getOpcode() == BO_EQ || Op->getOpcode() == BO_NE)
      comparison(Op->getLHS(), Op->getRHS(), false);
    return true;
  }

  // C++20 writes `"warning" == name` as the reversed `name == "warning"`.
  bool VisitCXXRewrittenBinaryOperator(CXXRewrittenBinaryOperator *Op) {
    CXXRewrittenBinaryOperator::DecomposedForm Form = Op->getDecomposedForm();
    if (Form.Opcode == BO_EQ || Form.Opcode == BO_NE)
      comparison(Form.LHS, Form.RHS, false);
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const auto *Callee = dyn_cast_or_null<FunctionDecl>(Call->getCalleeDecl());
    if (!Callee)
      return true;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if ((Op->getOperator() == OO_EqualEqual || Op->getOperator() == OO_ExclaimEqual) &&
          Op->getNumArgs() == 2) {
        comparison(Op->getArg(0), Op->getArg(1), false);
        return true;
      }
      if (Op->getNumArgs() > 0 && isTable(peelConversions(Op->getArg(0))))
        return true; // kNames[s]
    }
    std::string Name = lowerName(Callee);
    std::vector<const Expr *> Operands(Call->arg_begin(), Call->arg_end());
    const Expr *Object = nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      Object = Member->getImplicitObjectArgument();
      Operands.insert(Operands.begin(), Object);
    }
    if (isComparisonName(Name) && Operands.size() >= 2) {
      comparison(Operands[0], Operands[1], isCaseInsensitiveName(Name));
      return true;
    }
    if (Object && isTable(peelConversions(Object)))
      return true; // kNames.find(s), kNames.at(s)
    if (Object && refersTo(Object, Param) && takesApart(cast<CXXMemberCallExpr>(Call)))
      OpenEnded = true;
    bool TakesParam = std::any_of(Call->arg_begin(), Call->arg_end(),
                                  [&](const Expr *Arg) { return refersTo(Arg, Param); });
    if (!TakesParam || InHashSwitch)
      return true;
    QualType Result = Call->getCallReturnType(Callee->getASTContext()).getNonReferenceType();
    if ((Result->isArithmeticType() && !Result->isBooleanType()) || parsedEnum(Result) ||
        isTransformingName(Name))
      OpenEnded = true;
    return true;
  }

  // The argument taken apart: a piece of it (`header.substr(start, end)`) or the argument
  // changed in place (`text.remove_prefix(1)`). The names the body compares are then a piece's,
  // and the whole argument may be a list of them (an Accept header split on ','), carry a prefix
  // or a suffix: what it accepts is not all in the body. c_str() and data() are the argument.
  static bool takesApart(const CXXMemberCallExpr *Call) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method || isa<CXXConversionDecl>(Method))
      return false;
    if (Method->getIdentifier() &&
        (Method->getName() == "c_str" || Method->getName() == "data"))
      return false;
    return !Method->isConst() || isStringType(Method->getReturnType());
  }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    isTable(Ref);
    return true;
  }

  // Whether E names a {"name", E::X} table; the first time, its names are taken.
  bool isTable(const Expr *E) {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Var || isa<ParmVarDecl>(Var))
      return false;
    if (!Seen.insert(Var).second)
      return Tables.count(Var);
    const Expr *Init = Var->getAnyInitializer();
    std::vector<std::string> Pairs;
    collectPairs(Init, Pairs);
    if (Pairs.size() < 2)
      return false;
    Tables.insert(Var);
    for (std::string &Name : Pairs)
      add(Name);
    return true;
  }

  std::vector<std::string> Names;
  bool CaseInsensitive = false;
  bool OpenEnded = false;

private:
  void add(llvm::StringRef Name) {
    if (std::find(Names.begin(), Names.end(), Name) == Names.end())
      Names.push_back(Name.str());
  }

  void comparison(const Expr *A, const Expr *B, bool Insensitive) {
    const StringLiteral *Literal = nullptr;
    if (refersTo(A, Param))
      Literal = literalArgument(B);
    else if (refersTo(B, Param))
      Literal = literalArgument(A);
    if (!Literal)
      return;
    add(Literal->getString());
    CaseInsensitive |= Insensitive;
  }

  bool isOurEnumerator(const Expr *E) const {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
    const auto *Constant = Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
    return Constant && cast<EnumDecl>(Constant->getDeclContext())->getCanonicalDecl() ==
                           Enum->getCanonicalDecl();
  }

  // {"name", E::X} or {E::X, "name"} entries, however the container spells its initializer.
  void collectPairs(const Expr *E, std::vector<std::string> &Out) const {
    E = E ? E->IgnoreParenImpCasts() : nullptr;
    if (!E)
      return;
    llvm::SmallVector<const Expr *, 4> Parts;
    if (const auto *List = dyn_cast<InitListExpr>(E))
      Parts.append(List->inits().begin(), List->inits().end());
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
      Parts.append(Construct->arg_begin(), Construct->arg_end());
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      return collectPairs(M->getSubExpr(), Out);
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      return collectPairs(B->getSubExpr(), Out);
    else if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      return collectPairs(C->getSubExpr(), Out);
    else if (const auto *L = dyn_cast<CXXStdInitializerListExpr>(E))
      return collectPairs(L->getSubExpr(), Out);
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      return collectPairs(F->getSubExpr(), Out);
    if (Parts.size() == 2) {
      const StringLiteral *Literal = literalArgument(Parts[0]);
      const Expr *Value = Parts[1];
      if (!Literal) {
        Literal = literalArgument(Parts[1]);
        Value = Parts[0];
      }
      if (Literal && isOurEnumerator(Value)) {
        Out.push_back(Literal->getString().str());
        return;
      }
    }
    for (const Expr *Part : Parts)
      collectPairs(Part, Out);
  }

  const ParmVarDecl *Param;
  const EnumDecl *Enum;
  unsigned InHashSwitch = 0;
  llvm::SmallPtrSet<const Decl *, 8> Seen, Tables;
};

// A condition that is false for a name the function does not accept: the argument compared
// equal with a literal (testedLiteral, or a named comparison that answers bool:
// `iequals(s, "x")`), or a disjunction of such.
bool falseForUnknownName(const Expr *Condition, const ParmVarDecl &Param) {
  const Expr *E = Condition ? Condition->IgnoreParenImpCasts() : nullptr;
  if (!E)
    return false;
  if (const auto *Or = dyn_cast<BinaryOperator>(E); Or && Or->getOpcode() == BO_LOr)
    return falseForUnknownName(Or->getLHS(), Param) && falseForUnknownName(Or->getRHS(), Param);
  if (testedLiteral(E, Param))
    return true;
  const auto *Call = dyn_cast<CallExpr>(E);
  const auto *Callee = Call ? dyn_cast_or_null<FunctionDecl>(Call->getCalleeDecl()) : nullptr;
  if (!Callee || !Callee->getReturnType()->isBooleanType() ||
      !isComparisonName(lowerName(Callee)) || isa<CXXOperatorCallExpr>(Call))
    return false;
  std::vector<const Expr *> Operands(Call->arg_begin(), Call->arg_end());
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    Operands.insert(Operands.begin(), Member->getImplicitObjectArgument());
  return Operands.size() == 2 &&
         ((refersTo(Operands[0], &Param) && literalArgument(Operands[1])) ||
          (refersTo(Operands[1], &Param) && literalArgument(Operands[0])));
}

// The path a name the function does not accept takes through its body (unmatchedNameValue).
class UnmatchedPath {
public:
  UnmatchedPath(const ParmVarDecl &Param, const EnumDecl &Enum) : Param(Param), Enum(Enum) {}

  // Follows S; false when the path ends there (Result then holds what it returns, if known).
  bool follow(const Stmt *S) {
    if (!S || isa<NullStmt>(S))
      return true;
    if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
      for (const Stmt *Child : Block->body())
        if (!follow(Child))
          return false;
      return true;
    }
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          Values[Var] = valueOf(Var->getInit());
      return true;
    }
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      Result = valueOf(Return->getRetValue());
      return false;
    }
    if (const auto *If = dyn_cast<IfStmt>(S))
      return followChain(*If);
    if (const auto *Switch = dyn_cast<SwitchStmt>(S))
      return followSwitch(*Switch);
    if (const auto *Assign = dyn_cast<BinaryOperator>(S); Assign && Assign->getOpcode() == BO_Assign)
      if (const VarDecl *Var = localVar(Assign->getLHS())) {
        Values[Var] = valueOf(Assign->getRHS());
        return true;
      }
    // Anything else (logging, a loop): the path goes on unless it may return or throw; the
    // locals it mentions are no longer known.
    bool Leaves = false;
    forEachNode(S, [&](const Stmt &Node) {
      if (isa<ReturnStmt, CXXThrowExpr, GotoStmt, CXXTryStmt>(Node))
        Leaves = true;
      if (const VarDecl *Var = localVar(dyn_cast<Expr>(&Node)))
        Values[Var] = std::nullopt;
    });
    if (Leaves)
      Result = std::nullopt;
    return !Leaves;
  }

  std::optional<std::string> Result;

private:
  template <typename F> static void forEachNode(const Stmt *S, F Visit) {
    if (!S)
      return;
    Visit(*S);
    for (const Stmt *Child : S->children())
      forEachNode(Child, Visit);
  }

  static const VarDecl *localVar(const Expr *E) {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return Var && Var->hasLocalStorage() ? Var : nullptr;
  }

  std::optional<std::string> valueOf(const Expr *E) const {
    if (std::optional<std::string> Constant = enumValueText(E, Enum))
      return Constant;
    if (const VarDecl *Var = localVar(peelConversions(E)))
      if (auto It = Values.find(Var); It != Values.end())
        return It->second;
    return std::nullopt;
  }

  // An if/else-if chain whose conditions are all false for the name: its last else.
  bool followChain(const IfStmt &First) {
    const IfStmt *If = &First;
    for (;;) {
      if (If->getInit() || If->getConditionVariable() || If->isConsteval() ||
          !falseForUnknownName(If->getCond(), Param))
        return false;
      const auto *Next = dyn_cast_or_null<IfStmt>(If->getElse());
      if (!Next)
        return follow(If->getElse());
      If = Next;
    }
  }

  // A switch over the argument's hash (every case label names a literal: `case hash("x")`),
  // which no case of a name it does not accept matches: its default, which must return, or on.
  bool followSwitch(const SwitchStmt &Switch) {
    if (Switch.getInit() || Switch.getConditionVariable() ||
        !mentionsDecl(Switch.getCond(), &Param))
      return false;
    const DefaultStmt *Default = nullptr;
    for (const SwitchCase *Case = Switch.getSwitchCaseList(); Case; Case = Case->getNextSwitchCase()) {
      if (const auto *Label = dyn_cast<CaseStmt>(Case)) {
        bool NamesLiteral = false;
        forEachNode(Label->getLHS(), [&](const Stmt &Node) { NamesLiteral |= isa<StringLiteral>(Node); });
        if (!NamesLiteral)
          return false;
      } else {
        Default = cast<DefaultStmt>(Case);
      }
    }
    if (!Default)
      return true;
    if (follow(Default->getSubStmt()))
      Result = std::nullopt; // falls out of the default: not followed further
    return false;
  }

  const ParmVarDecl &Param;
  const EnumDecl &Enum;
  llvm::DenseMap<const VarDecl *, std::optional<std::string>> Values;
};

} // namespace

const EnumDecl *parsedEnum(QualType ReturnType) {
  if (ReturnType.isNull())
    return nullptr;
  QualType Type = ReturnType.getNonReferenceType().getCanonicalType();
  if (const auto *Enum = Type->getAs<EnumType>())
    return Enum->getDecl()->getDefinition();
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(Type->getAsCXXRecordDecl());
  if (!Spec || !isTemplateNamed(Type, {"optional", "expected", "StatusOr", "Expected"}))
    return nullptr;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
    return nullptr;
  if (const auto *Enum = Args[0].getAsType().getCanonicalType()->getAs<EnumType>())
    return Enum->getDecl()->getDefinition();
  return nullptr;
}

bool isStringType(QualType Type) {
  if (Type.isNull())
    return false;
  Type = Type.getNonReferenceType().getCanonicalType();
  if (const auto *Pointer = Type->getAs<PointerType>())
    return Pointer->getPointeeType()->isCharType();
  return isTemplateNamed(Type, {"basic_string", "basic_string_view", "StringRef", "string_view"});
}

std::optional<unsigned> stringParameter(const FunctionDecl &Function) {
  std::optional<unsigned> Found;
  for (unsigned I = 0; I < Function.getNumParams(); ++I) {
    if (!isStringType(Function.getParamDecl(I)->getType()))
      continue;
    if (Found)
      return std::nullopt;
    Found = I;
  }
  return Found;
}

const StringLiteral *literalArgument(const Expr *Arg) {
  const Expr *E = peelConversions(Arg);
  // Only a string literal operator is handed a cooked string; a numeric or template one
  // (`2500ms`, `0_km`) has none, and getCookedLiteral() asserts or reads past its arguments.
  if (const auto *UDL = dyn_cast_or_null<UserDefinedLiteral>(E))
    E = UDL->getLiteralOperatorKind() == UserDefinedLiteral::LOK_String ? UDL->getCookedLiteral()
                                                                         : nullptr;
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  const auto *Literal = dyn_cast_or_null<StringLiteral>(E);
  return Literal && Literal->isOrdinary() ? Literal : nullptr;
}

const StringLiteral *testedLiteral(const Expr *Condition, const ParmVarDecl &Param) {
  const Expr *E = IgnoreExprNodes(Condition, IgnoreParensSingleStep, IgnoreImplicitSingleStep);
  auto OneSide = [&](const Expr *A, const Expr *B) -> const StringLiteral * {
    if (refersTo(A, &Param))
      return literalArgument(B);
    if (refersTo(B, &Param))
      return literalArgument(A);
    return nullptr;
  };
  // strcmp(p, "x") and p.compare("x"): zero when equal.
  auto Compared = [&](const Expr *Call) -> const StringLiteral * {
    Call = Call ? IgnoreExprNodes(Call, IgnoreParensSingleStep, IgnoreImplicitSingleStep) : nullptr;
    if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(Call)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (Method && Method->getIdentifier() && Method->getName() == "compare" &&
          Member->getNumArgs() == 1)
        return OneSide(Member->getImplicitObjectArgument(), Member->getArg(0));
      return nullptr;
    }
    const auto *Plain = dyn_cast_or_null<CallExpr>(Call);
    const FunctionDecl *Callee = Plain ? Plain->getDirectCallee() : nullptr;
    if (Callee && Callee->getIdentifier() && Callee->getName() == "strcmp" &&
        Plain->getNumArgs() == 2)
      return OneSide(Plain->getArg(0), Plain->getArg(1));
    return nullptr;
  };
  auto IsZero = [](const Expr *Operand) {
    const auto *Literal = dyn_cast<IntegerLiteral>(Operand->IgnoreParenImpCasts());
    return Literal && Literal->getValue() == 0;
  };
  auto Equality = [&](const Expr *A, const Expr *B) -> const StringLiteral * {
    if (const StringLiteral *Literal = OneSide(A, B))
      return Literal;
    if (IsZero(B))
      return Compared(A);
    if (IsZero(A))
      return Compared(B);
    return nullptr;
  };
  if (const auto *Op = dyn_cast<BinaryOperator>(E))
    return Op->getOpcode() == BO_EQ ? Equality(Op->getLHS(), Op->getRHS()) : nullptr;
  if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(E)) {
    CXXRewrittenBinaryOperator::DecomposedForm Form = Rewritten->getDecomposedForm();
    return Form.Opcode == BO_EQ ? Equality(Form.LHS, Form.RHS) : nullptr;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->getOperator() == OO_EqualEqual && Op->getNumArgs() == 2
               ? Equality(Op->getArg(0), Op->getArg(1))
               : nullptr;
  if (const auto *Not = dyn_cast<UnaryOperator>(E); Not && Not->getOpcode() == UO_LNot)
    return Compared(Not->getSubExpr());
  return nullptr;
}

std::optional<AcceptedNames> inferAcceptedNames(const FunctionDecl &Definition) {
  const EnumDecl *Enum = parsedEnum(Definition.getReturnType());
  std::optional<unsigned> Index = stringParameter(Definition);
  // A template's accepted names may depend on its arguments, and the front ends do not
  // instantiate the same bodies: templates are left alone. An explicit specialisation
  // (`template <> Status convertFromString<Status>(StringView)`) is an ordinary function written
  // by hand, with one body for one enum: it is read like one.
  bool ExplicitSpecialization =
      Definition.getTemplateSpecializationKind() == TSK_ExplicitSpecialization;
  if (!Enum || !Index || !Definition.hasBody() || Definition.isDependentContext() ||
      Definition.isTemplateInstantiation() ||
      (Definition.getPrimaryTemplate() && !ExplicitSpecialization) || Definition.isTemplated())
    return std::nullopt;
  BodyReader Reader(*Definition.getParamDecl(*Index), *Enum);
  Reader.TraverseStmt(Definition.getBody());
  if (Reader.OpenEnded || Reader.Names.size() < 2)
    return std::nullopt;
  return AcceptedNames{Enum, std::move(Reader.Names), Reader.CaseInsensitive,
                       unmatchedNameValue(Definition, *Definition.getParamDecl(*Index), *Enum)};
}

std::optional<std::string> enumValueText(const Expr *E, const EnumDecl &Enum) {
  E = E ? peelConversions(E) : nullptr;
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  const auto *Type = E->getType().getCanonicalType()->getAs<EnumType>();
  if (!Type || Type->getDecl()->getCanonicalDecl() != Enum.getCanonicalDecl())
    return std::nullopt;
  Expr::EvalResult Value;
  if (!E->EvaluateAsInt(Value, Enum.getASTContext()))
    return std::nullopt;
  const llvm::APSInt &Int = Value.Val.getInt();
  return llvm::toString(Int, 10, Int.isSigned());
}

std::optional<std::string> unmatchedNameValue(const FunctionDecl &Definition,
                                              const ParmVarDecl &Param, const EnumDecl &Enum) {
  UnmatchedPath Path(Param, Enum);
  if (Path.follow(Definition.getBody()))
    return std::nullopt; // the body ends without a return
  return Path.Result;
}

} // namespace contractcheck
