#include "rules/enum-table/IndexedArrays.h"

#include "rules/enum-table/StateArrays.h"
#include "rules/utils/RuledOutValues.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/IgnoreExpr.h>
#include <clang/AST/ParentMap.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/AST/TypeLoc.h>
#include <clang/Basic/SourceManager.h>

#include <map>

using namespace clang;

namespace contractcheck {

namespace {

const EnumDecl *enumOfType(QualType Type) {
  if (const auto *Enum = Type.getCanonicalType()->getAs<EnumType>())
    return Enum->getDecl()->getDefinition();
  return nullptr;
}

// The C array a variable is, or the one a std::array-like class wraps, with its initializer list.
struct ArrayView {
  const ConstantArrayType *Type = nullptr;
  const InitListExpr *Init = nullptr;
};

ArrayView viewOf(const VarDecl &Var, const ASTContext &Ctx) {
  ArrayView View;
  const auto *Init = dyn_cast_or_null<InitListExpr>(
      Var.getInit() ? Var.getInit()->IgnoreImplicit() : nullptr);
  View.Type = Ctx.getAsConstantArrayType(Var.getType());
  if (View.Type) {
    View.Init = Init;
    return View;
  }
  const auto *Record = Var.getType().getCanonicalType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return {};
  auto Fields = Record->fields();
  if (Fields.empty() || std::next(Fields.begin()) != Fields.end())
    return {};
  View.Type = Ctx.getAsConstantArrayType(Fields.begin()->getType());
  if (Init && Init->getNumInits() == 1)
    View.Init = dyn_cast<InitListExpr>(Init->getInit(0)->IgnoreImplicit());
  else if (Init && Init->getNumInits() == 0)
    View.Init = Init;
  return View;
}

bool isNullTerminator(const Expr *E, const ASTContext &Ctx) {
  return E && !isa<ImplicitValueInitExpr>(E) &&
         E->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                  Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
}

// A const array with entries, or a mutable one whose entries are not all zero (`int n[4] = {0}`
// is a zeroed state array, `const char *names[] = {...}` a table) and, for numbers, that writes
// more than one slot: `double acc[N] = {-1}` marks a state array not computed yet (CuraEngine's
// Progress::accumulated_times, filled by init()), where a table of numbers names each slot.
bool isTable(const VarDecl &Var, const ArrayView &View, const ASTContext &Ctx) {
  if (!View.Init || View.Init->getNumInits() == 0)
    return false;
  if (Var.getType().isConstQualified())
    return true;
  if (View.Type && View.Type->getSize().ugt(1) && View.Type->getElementType()->isArithmeticType() &&
      llvm::count_if(View.Init->inits(),
                     [](const Expr *E) { return !isa<ImplicitValueInitExpr>(E); }) == 1)
    return false;
  return llvm::any_of(View.Init->inits(), [&](const Expr *E) {
    if (isa<ImplicitValueInitExpr>(E) || isNullTerminator(E, Ctx))
      return false;
    Expr::EvalResult Value;
    return !E->EvaluateAsInt(Value, Ctx) || !Value.Val.getInt().isZero();
  });
}

} // namespace

bool holdsZero(const Expr *E, const ASTContext &Ctx) {
  if (!E || isa<ImplicitValueInitExpr>(E))
    return true;
  E = E->IgnoreImplicit();
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return llvm::all_of(List->inits(), [&](const Expr *Init) { return holdsZero(Init, Ctx); });
  if (E->isValueDependent() || E->isTypeDependent())
    return false;
  if (E->getType()->isPointerType() || E->getType()->isNullPtrType())
    return E->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                    Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
  Expr::EvalResult Value;
  if (!E->EvaluateAsRValue(Value, Ctx) || Value.HasSideEffects)
    return false;
  if (Value.Val.isInt())
    return Value.Val.getInt().isZero();
  if (Value.Val.isFloat())
    return Value.Val.getFloat().isZero();
  return false;
}

namespace {

// ggml's `type_traits_cpu[GGML_TYPE_COUNT] = {[GGML_TYPE_F32] = {.vec_dot = ..., .nrows = 1},
// ..., [GGML_TYPE_Q8_K] = {.from_float = quantize_row_q8_K}}`: a list written slot by slot with
// designators, whose written entries themselves hold the zero of every part of an element (F32
// has no from_float, Q8_K no vec_dot, no vec_dot_type, no nrows; a scalar table writes a 0 or a
// null among its entries). Zero is a value the table holds, "none", which whoever reads it
// handles already; a slot the designators skip holds that value, chosen like the others, not
// forgotten. A name table (`[STATE_IDLE] = "idle", ...`) writes no null name: a skipped slot is
// a state no entry has. Past the array's end is no slot, whatever the entries hold.
bool skippedSlotsHoldAWrittenValue(const InitListExpr &Semantic, const ASTContext &Ctx) {
  const InitListExpr *Written = Semantic.getSyntacticForm();
  if (!Written || llvm::none_of(Written->inits(), [](const Expr *Init) {
        const auto *Designated = dyn_cast<DesignatedInitExpr>(Init);
        return Designated && Designated->size() >= 1 &&
               Designated->getDesignator(0)->isArrayDesignator();
      }))
    return false;
  std::vector<const Expr *> Entries;
  for (const Expr *Init : Semantic.inits())
    if (!isa<ImplicitValueInitExpr>(Init))
      Entries.push_back(Init->IgnoreImplicit());
  if (Entries.empty())
    return false;
  const auto *FirstRecord = dyn_cast<InitListExpr>(Entries.front());
  if (!FirstRecord || !FirstRecord->getType()->isRecordType())
    return llvm::any_of(Entries, [&](const Expr *E) { return holdsZero(E, Ctx); });
  // Each part of the record (its fields, in order) is zero in some written entry.
  size_t Parts = 0;
  for (const Expr *E : Entries) {
    const auto *Record = dyn_cast<InitListExpr>(E);
    if (!Record)
      return false;
    Parts = std::max<size_t>(Parts, Record->getNumInits());
  }
  for (size_t Part = 0; Part < Parts; ++Part)
    if (llvm::none_of(Entries, [&](const Expr *E) {
          const auto *Record = cast<InitListExpr>(E);
          return Part >= Record->getNumInits() || holdsZero(Record->getInit(Part), Ctx);
        }))
      return false;
  return true;
}

// Slot -> first initializer, and repeated slots, from the list as written (designators kept).
void findDuplicates(const InitListExpr &Semantic, const ASTContext &Ctx, ArrayGaps &Gaps) {
  const InitListExpr *Written = Semantic.getSyntacticForm();
  if (!Written)
    return; // no designators: every slot is written once, in order
  std::map<uint64_t, const Expr *> Seen;
  uint64_t Next = 0;
  for (const Expr *Init : Written->inits()) {
    if (const auto *Designated = dyn_cast<DesignatedInitExpr>(Init)) {
      if (Designated->size() != 1 || !Designated->getDesignator(0)->isArrayDesignator())
        return;
      Expr::EvalResult Index;
      if (!Designated->getArrayIndex(*Designated->getDesignator(0))->EvaluateAsInt(Index, Ctx))
        return;
      Next = Index.Val.getInt().getZExtValue();
    }
    auto [It, New] = Seen.emplace(Next, Init);
    if (!New)
      Gaps.Duplicates.push_back({Init, It->second});
    ++Next;
  }
}

// The size as written: `T a[N]`, `std::array<T, N>`, through const, qualified names and aliases.
const Expr *writtenSize(const VarDecl &Var) {
  const TypeSourceInfo *Info = Var.getTypeSourceInfo();
  TypeLoc Loc = Info ? Info->getTypeLoc() : TypeLoc();
  for (unsigned Steps = 0; !Loc.isNull() && Steps < 8; ++Steps) {
    Loc = Loc.getUnqualifiedLoc();
    if (auto Elaborated = Loc.getAs<ElaboratedTypeLoc>()) {
      Loc = Elaborated.getNamedTypeLoc();
    } else if (auto Alias = Loc.getAs<TypedefTypeLoc>()) {
      const TypeSourceInfo *Aliased = Alias.getTypedefNameDecl()->getTypeSourceInfo();
      Loc = Aliased ? Aliased->getTypeLoc() : TypeLoc();
    } else if (auto Array = Loc.getAs<ConstantArrayTypeLoc>()) {
      return Array.getSizeExpr();
    } else if (auto Template = Loc.getAs<TemplateSpecializationTypeLoc>()) {
      if (Template.getNumArgs() == 2 &&
          Template.getArgLoc(1).getArgument().getKind() == TemplateArgument::Expression)
        return Template.getArgLoc(1).getSourceExpression();
      return nullptr;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

// `kNames[E::NumTypes]`, `std::array<T, static_cast<int>(E::LastType)>`: an array sized by the
// enum's greatest enumerator declares one slot for each value below it, whatever that
// enumerator is called; it is the count. Its value, when so.
std::optional<uint64_t> sizingEnumerator(const VarDecl &Var, const EnumDecl &Enum) {
  // Through casts of either kind and template arguments substituted for the size.
  const Expr *Size =
      IgnoreExprNodes(writtenSize(Var), IgnoreParensSingleStep, IgnoreCastsSingleStep);
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Size);
  const auto *Bound = Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
  if (!Bound ||
      cast<EnumDecl>(Bound->getDeclContext())->getCanonicalDecl() != Enum.getCanonicalDecl())
    return std::nullopt;
  for (const EnumConstantDecl *Enumerator : Enum.enumerators())
    if (llvm::APSInt::compareValues(Enumerator->getInitVal(), Bound->getInitVal()) > 0)
      return std::nullopt; // members past the bound have no slot: reading them is past the end
  return Bound->getInitVal().getZExtValue();
}

} // namespace

const EnumDecl *enumIndexedBy(const Expr &Index) {
  const Expr *E = Index.IgnoreParenImpCasts();
  if (const EnumDecl *Enum = enumOfType(E->getType()))
    return Enum;
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return enumOfType(Cast->getSubExpr()->IgnoreParenImpCasts()->getType());
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (Call->getNumArgs() == 1 && Callee->getIdentifier() &&
          (Callee->getName() == "to_underlying" || Callee->getName() == "enum_integer"))
        return enumOfType(Call->getArg(0)->IgnoreParenImpCasts()->getType());
  return nullptr;
}

namespace {

// The enum-typed expression an index converts: `e`, `static_cast<size_t>(e)`, `(int)e`,
// `std::to_underlying(e)`.
const Expr *indexedPath(const Expr &Index) {
  const Expr *E = Index.IgnoreParenImpCasts();
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    E = Cast->getSubExpr()->IgnoreParenImpCasts();
  else if (const auto *Call = dyn_cast<CallExpr>(E); Call && Call->getNumArgs() == 1 &&
                                                      !isa<CXXMemberCallExpr>(Call) &&
                                                      enumIndexedBy(Index))
    E = Call->getArg(0)->IgnoreParenImpCasts();
  return enumOfType(E->getType()) ? E : nullptr;
}

// Whether Body names Parameter anywhere.
bool names(const Stmt *Body, const ParmVarDecl *Parameter) {
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Body); Ref && Ref->getDecl() == Parameter)
    return true;
  return Body && llvm::any_of(Body->children(),
                              [&](const Stmt *Child) { return names(Child, Parameter); });
}

// `std::size(names)`, or SRT's `Size(udt_types)` (`template <class V, size_t N> size_t Size(const
// V (&)[N]) { return N; }`): a call of a function that takes the array by reference as its one
// argument and whose body never names that parameter tells the array's size, like sizeof, and
// reads no slot.
bool onlySizeOf(const CallExpr &Call, const VarDecl &Array) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const auto *Ref = Call.getNumArgs() == 1
                        ? dyn_cast<DeclRefExpr>(Call.getArg(0)->IgnoreParenImpCasts())
                        : nullptr;
  if (!Callee || !Ref || Ref->getDecl() != &Array || Callee->getNumParams() != 1 ||
      !Callee->getParamDecl(0)->getType()->isReferenceType() ||
      !Callee->getParamDecl(0)->getType().getNonReferenceType()->isConstantArrayType())
    return false;
  const FunctionDecl *Definition = nullptr;
  return Callee->hasBody(Definition) && Definition->getNumParams() == 1 &&
         !names(Definition->getBody(), Definition->getParamDecl(0));
}

// The subscripts of one array in a function body, and whether every use of it is one.
class ArrayReads : public RecursiveASTVisitor<ArrayReads> {
public:
  explicit ArrayReads(const VarDecl &Array) : Array(Array) {}
  // `sizeof(names) / sizeof(names[0])` (kid3's static size checks beside its tables) reads no
  // slot: what sizeof names is never evaluated.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) { return true; }
  bool TraverseCallExpr(CallExpr *Call) {
    return onlySizeOf(*Call, Array) || RecursiveASTVisitor::TraverseCallExpr(Call);
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    Uses += Ref->getDecl() == &Array;
    return true;
  }
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *Subscript) {
    add(Subscript, Subscript->getBase(), Subscript->getIdx());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    if (Call->getOperator() == OO_Subscript && Call->getNumArgs() == 2)
      add(Call, Call->getArg(0), Call->getArg(1));
    return true;
  }
  std::vector<std::pair<const Expr *, const Expr *>> Reads; // (subscript, index)
  unsigned Uses = 0;

private:
  void add(const Expr *Subscript, const Expr *Base, const Expr *Index) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts());
    if (Ref && Ref->getDecl() == &Array)
      Reads.push_back({Subscript, Index});
  }
  const VarDecl &Array;
};

} // namespace

namespace {

// `Var <= C`, `Var < C` (or written the other way round) in a condition that holds, alone or
// as a term of `&&`: the greatest value Var can have there.
std::optional<llvm::APSInt> upperBoundWhere(const Expr &Cond, const VarDecl &Var,
                                            const ASTContext &Ctx) {
  const auto *Op = dyn_cast<BinaryOperator>(Cond.IgnoreParenImpCasts());
  if (!Op)
    return std::nullopt;
  if (Op->getOpcode() == BO_LAnd) {
    std::optional<llvm::APSInt> Left = upperBoundWhere(*Op->getLHS(), Var, Ctx);
    return Left ? Left : upperBoundWhere(*Op->getRHS(), Var, Ctx);
  }
  auto IsVar = [&](const Expr *E) {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return Ref && Ref->getDecl() == &Var;
  };
  const Expr *Bound = nullptr;
  bool Strict = false;
  if (IsVar(Op->getLHS()) && (Op->getOpcode() == BO_LE || Op->getOpcode() == BO_LT)) {
    Bound = Op->getRHS();
    Strict = Op->getOpcode() == BO_LT;
  } else if (IsVar(Op->getRHS()) && (Op->getOpcode() == BO_GE || Op->getOpcode() == BO_GT)) {
    Bound = Op->getLHS();
    Strict = Op->getOpcode() == BO_GT;
  }
  Expr::EvalResult Value;
  if (!Bound || Bound->isValueDependent() || !Bound->EvaluateAsInt(Value, Ctx))
    return std::nullopt;
  llvm::APSInt Max = Value.Val.getInt().extend(65);
  Max.setIsSigned(true);
  if (Strict)
    --Max;
  return Max;
}

// kid3's lazily built `static int typeIdMap[Frame::FT_LastFrame + 1] = {-1,}`: probed at
// `typeIdMap[0]` and filled at `typeIdMap[t] = i` under `if (t <= Frame::FT_LastFrame)`. A
// subscript whose index is not the enum still touches only slots it is bounded to: a constant
// index its one slot, an integer variable under an enclosing `if` (or loop) condition that bounds
// it from above, and that the branch does not assign, the slots up to the bound. Of Candidates,
// the values such a subscript cannot see; nothing when the index is neither.
std::optional<std::vector<llvm::APSInt>>
valuesABoundedIndexCannotSee(const Expr &Subscript, const Expr &Index, const ParentMap &Parents,
                             const std::vector<llvm::APSInt> &Candidates, const ASTContext &Ctx) {
  const Expr *Plain = Index.IgnoreParenImpCasts();
  if (!Plain->getType()->isIntegralOrEnumerationType() || Plain->isValueDependent())
    return std::nullopt;
  auto Above = [&](const llvm::APSInt &Max) {
    std::vector<llvm::APSInt> Out;
    for (const llvm::APSInt &V : Candidates)
      if (llvm::APSInt::compareValues(V, Max) > 0)
        Out.push_back(V);
    return Out;
  };
  Expr::EvalResult Constant;
  if (Plain->EvaluateAsInt(Constant, Ctx)) {
    std::vector<llvm::APSInt> Out;
    for (const llvm::APSInt &V : Candidates)
      if (!llvm::APSInt::isSameValue(V, Constant.Val.getInt()))
        Out.push_back(V);
    return Out;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(Plain);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  // A local of its own, not a reference another name may change.
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
    return std::nullopt;
  const Stmt *At = &Subscript;
  for (const Stmt *Parent = Parents.getParent(At); Parent; At = Parent, Parent = Parents.getParent(At)) {
    const Expr *Cond = nullptr;
    const Stmt *Branch = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(Parent); If && At == If->getThen()) {
      Cond = If->getCond();
      Branch = If->getThen();
    } else if (const auto *For = dyn_cast<ForStmt>(Parent); For && At == For->getBody()) {
      Cond = For->getCond();
      Branch = For->getBody();
    } else if (const auto *While = dyn_cast<WhileStmt>(Parent); While && At == While->getBody()) {
      Cond = While->getCond();
      Branch = While->getBody();
    }
    if (!Cond || assignedAnywhereIn(Branch, *Ref))
      continue;
    if (std::optional<llvm::APSInt> Max = upperBoundWhere(*Cond, *Var, Ctx))
      return Above(*Max);
  }
  return std::nullopt;
}

// The candidates not in RuledOut.
std::vector<llvm::APSInt> notIn(const std::vector<llvm::APSInt> &Candidates,
                                const std::vector<llvm::APSInt> &RuledOut) {
  std::vector<llvm::APSInt> Out;
  for (const llvm::APSInt &V : Candidates)
    if (llvm::none_of(RuledOut, [&](const llvm::APSInt &R) { return llvm::APSInt::isSameValue(R, V); }))
      Out.push_back(V);
  return Out;
}

// Each read of Body (those ArrayReads found there), with the candidates it may read at.
void addReadsIn(Stmt &Body, const ArrayReads &Reads, const std::vector<llvm::APSInt> &Candidates,
                const ASTContext &Ctx, std::vector<ArrayRead> &Out) {
  ParentMap Parents(&Body);
  for (const auto &[Subscript, Index] : Reads.Reads) {
    const Expr *Path = indexedPath(*Index);
    bool ByEnum = true;
    if (!Path || Index->IgnoreParenImpCasts()->isIntegerConstantExpr(Ctx)) {
      std::optional<std::vector<llvm::APSInt>> Bounded =
          valuesABoundedIndexCannotSee(*Subscript, *Index, Parents, Candidates, Ctx);
      // An integer variable or member with no bound is read like an enum's (guards on the way
      // to the read): NanoBoyAdvance's `int size` member, which `Reset()` replaces with
      // `if (size == DETECT) size = SIZE_64K;` before `g_save_size[size]`.
      const Expr *Plain = Index->IgnoreParenImpCasts();
      if (Bounded || !isa<DeclRefExpr, MemberExpr>(Plain) ||
          !Plain->getType()->isIntegerType() || Plain->isValueDependent()) {
        Out.push_back({Index, enumIndexedBy(*Index) != nullptr,
                       Bounded ? notIn(Candidates, *Bounded) : Candidates});
        continue;
      }
      Path = Plain;
      ByEnum = enumIndexedBy(*Index) != nullptr;
    }
    // The statement the read belongs to, where a block or a branch of `if` holds it. On the way
    // up, a condition the read is evaluated only under: `type <= Frame::FT_LastFrame ?
    // names[type] : "UNKNOWN"` (kid3), `i < E::Count && table[i]`.
    std::vector<llvm::APSInt> Here;
    const Stmt *At = Subscript;
    for (const Stmt *Parent = Parents.getParent(At);
         Parent && (isa<Expr>(Parent) || isa<DeclStmt>(Parent) || isa<ReturnStmt>(Parent));
         Parent = Parents.getParent(At)) {
      std::vector<llvm::APSInt> Excluded;
      if (const auto *Choice = dyn_cast<ConditionalOperator>(Parent)) {
        if (At == Choice->getTrueExpr() || At == Choice->getFalseExpr())
          Excluded = valuesRuledOutWhere(*Choice->getCond(), At == Choice->getTrueExpr(), *Path, Ctx);
      } else if (const auto *Logic = dyn_cast<BinaryOperator>(Parent);
                 Logic && Logic->isLogicalOp() && At == Logic->getRHS()) {
        Excluded = valuesRuledOutWhere(*Logic->getLHS(), Logic->getOpcode() == BO_LAnd, *Path, Ctx);
      }
      Here.insert(Here.end(), Excluded.begin(), Excluded.end());
      At = Parent;
    }
    std::vector<llvm::APSInt> Before = valuesRuledOutAt(*At, *Path, Parents, Ctx);
    Here.insert(Here.end(), Before.begin(), Before.end());
    const auto *Ref = dyn_cast<DeclRefExpr>(Path);
    Out.push_back({Index, ByEnum, notIn(Candidates, Here),
                   Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr});
  }
}

// Every function body of the translation unit that names Array, with its reads, and how many
// times the unit names it in all. Declarations from a precompiled prefix or a system header are
// passed over: a name with internal linkage in the main file is not visible from them.
class UnitReads : public RecursiveASTVisitor<UnitReads> {
public:
  UnitReads(const VarDecl &Array, const SourceManager &SM) : Array(Array), SM(SM) {}
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) { return true; } // as above
  bool TraverseCallExpr(CallExpr *Call) {
    return onlySizeOf(*Call, Array) || RecursiveASTVisitor::TraverseCallExpr(Call);
  }
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        (D->isFromASTFile() || SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()))))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    Uses += Ref->getDecl() == &Array;
    return true;
  }
  bool VisitFunctionDecl(FunctionDecl *Function) {
    // A local class's methods are read as part of the body that holds them.
    if (Function->getParentFunctionOrMethod() || !Function->doesThisDeclarationHaveABody())
      return true;
    Stmt *Body = Function->getBody();
    if (!Body)
      return true;
    ArrayReads Found(Array);
    Found.TraverseStmt(Body);
    if (Found.Uses) {
      Reads += Found.Reads.size();
      Bodies.push_back({Body, std::move(Found)});
    }
    return true;
  }
  std::vector<std::pair<Stmt *, ArrayReads>> Bodies;
  unsigned Uses = 0;
  unsigned Reads = 0;

private:
  const VarDecl &Array;
  const SourceManager &SM;
};

} // namespace

ReadsInView readsInView(const VarDecl &Array, const std::vector<llvm::APSInt> &Candidates,
                        const ASTContext &Ctx) {
  ReadsInView View;
  std::vector<std::pair<Stmt *, ArrayReads>> Bodies;
  if (const auto *Function = dyn_cast_or_null<FunctionDecl>(Array.getParentFunctionOrMethod())) {
    Stmt *Body = Function->getBody();
    if (!Body)
      return View;
    ArrayReads Reads(Array);
    Reads.TraverseStmt(Body);
    // Handed on, its address taken, iterated: other code reads it too. Unless no subscript here
    // is at a value only known at run time: xournalpp's initTools fills a local
    // `std::array<double, Tool::toolSizes> thickness` at TOOL_SIZE_VERY_FINE ... VERY_THICK and
    // hands it whole to each Tool. A local indexed only at constants is a record with named
    // slots, not a lookup by the enum; what a receiver reads it reads through a variable of its
    // own, judged where that is indexed.
    View.Every = !Reads.Reads.empty() &&
                 (Reads.Uses == Reads.Reads.size() ||
                  llvm::all_of(Reads.Reads, [&](const auto &Read) {
                    return Read.second->IgnoreParenImpCasts()->isIntegerConstantExpr(Ctx);
                  }));
    Bodies.push_back({Body, std::move(Reads)});
  } else if (Array.isFileVarDecl()) {
    const SourceManager &SM = Ctx.getSourceManager();
    UnitReads Unit(Array, SM);
    Unit.TraverseDecl(Ctx.getTranslationUnitDecl());
    // A table of the main file that no other file can name (`static`, a `const` at namespace
    // scope, an anonymous namespace): every read of it is in this unit. PcapPlusPlus's
    // StatusCodeEnumToString is read only after `if (code == SipStatusCodeUnknown) return
    // false;` and in a constructor that throws on it first.
    // So is one with internal linkage in a project header (valhalla's `constexpr
    // kTripLegRoadClass[]` in proto_conversions.h, read by the inline `GetRoadClass`): each TU
    // has a copy of its own, read only by that TU's code. A precompiled prefix holds only system
    // headers, whose declarations the walk passes over and which cannot name it.
    const SourceLocation Declared = SM.getExpansionLoc(Array.getLocation());
    View.Every = !Array.isExternallyVisible() && !Array.isFromASTFile() &&
                 !SM.isInSystemHeader(Declared) && Unit.Reads != 0 && Unit.Uses == Unit.Reads;
    Bodies = std::move(Unit.Bodies);
  }
  for (auto &[Body, Reads] : Bodies)
    addReadsIn(*Body, Reads, Candidates, Ctx, View.Reads);
  return View;
}

std::vector<llvm::APSInt> valuesNoReadSees(const ReadsInView &View,
                                           const std::vector<llvm::APSInt> &Candidates) {
  if (!View.Every)
    return {};
  std::vector<llvm::APSInt> Unseen = Candidates;
  for (const ArrayRead &Read : View.Reads)
    Unseen = notIn(Unseen, Read.Seen);
  return Unseen;
}

std::optional<ArrayGaps> judgeIndexedArray(const VarDecl &Var, const EnumDecl &Enum,
                                           const std::vector<HeldValue> &Held,
                                           const ASTContext &Ctx) {
  ArrayView View = viewOf(Var, Ctx);
  // An array of rows indexed by an enum is a state machine's transition matrix: rows of terminal
  // states that are never looked up are left out on purpose (yaml-cpp's UTF intro states).
  if (!View.Type || Held.empty() || View.Type->getElementType()->isArrayType())
    return std::nullopt;
  uint64_t AllSlots = 0;
  for (const EnumConstantDecl *Enumerator : Enum.enumerators()) {
    const llvm::APSInt &V = Enumerator->getInitVal();
    if (V.isSigned() && V.isNegative())
      return std::nullopt; // not an index
    AllSlots = std::max<uint64_t>(AllSlots, V.getZExtValue() + 1);
  }
  std::vector<HeldValue> BelowTheBound;
  if (std::optional<uint64_t> Bound = sizingEnumerator(Var, Enum)) {
    for (const HeldValue &Value : Held)
      if (Value.Value.getZExtValue() < *Bound)
        BelowTheBound.push_back(Value);
    if (BelowTheBound.empty())
      return std::nullopt;
  }
  const std::vector<HeldValue> &Judged = BelowTheBound.empty() ? Held : BelowTheBound;
  ArrayGaps Gaps;
  Gaps.Size = View.Type->getSize().getZExtValue();
  for (const HeldValue &Value : Judged)
    Gaps.Needed = std::max<uint64_t>(Gaps.Needed, Value.Value.getZExtValue() + 1);
  Gaps.IsConstTable = isTable(Var, View, Ctx);
  Gaps.KeepsState = keepsStatePerMember(Var, View.Init, Gaps.IsConstTable, Ctx);
  const bool SkippedAreChosen = Gaps.IsConstTable && skippedSlotsHoldAWrittenValue(*View.Init, Ctx);
  // Past the end is a bug whatever the array is; holes and excess only say something of tables.
  for (const HeldValue &Value : Judged) {
    uint64_t Slot = Value.Value.getZExtValue();
    bool Empty = Slot >= Gaps.Size;
    if (!Empty && Gaps.IsConstTable && !SkippedAreChosen)
      Empty = Slot >= View.Init->getNumInits() || isa<ImplicitValueInitExpr>(View.Init->getInit(Slot));
    if (Empty)
      Gaps.Missing.push_back(Value.Named);
    const Expr *Initializer = !Empty && Gaps.IsConstTable && Slot < View.Init->getNumInits()
                                  ? View.Init->getInit(Slot)
                                  : nullptr;
    Gaps.Slots.push_back(
        {Value.Named, isa_and_nonnull<ImplicitValueInitExpr>(Initializer) ? nullptr : Initializer});
  }
  if (Gaps.IsConstTable) {
    Gaps.Entries = View.Init->getNumInits();
    uint64_t Allowed = AllSlots;
    if (Gaps.Entries == AllSlots + 1 && isNullTerminator(View.Init->getInit(Gaps.Entries - 1), Ctx))
      Allowed = Gaps.Entries;
    Gaps.TooLong = Gaps.Entries > Allowed;
    findDuplicates(*View.Init, Ctx, Gaps);
  }
  return Gaps;
}

} // namespace contractcheck
