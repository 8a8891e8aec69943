#include "rules/switch-coverage/RefusingDefault.h"

#include "LibraryHeaders.h"
#include "rules/switch-coverage/StandardAssert.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/StringRef.h>

#include <optional>
#include <vector>

using namespace clang;

namespace contractcheck {

namespace {

// What the paths through a statement can do: refuse (throw, never return), leave the switch
// (break, return, goto, continue) or go on to the next statement. A default refuses when
// refusing is all its paths can do.
enum Outcome : unsigned { Refuses = 1, Leaves = 2, GoesOn = 4 };

bool calleeDoesNotReturn(const CallExpr &Call) {
  if (const auto *Callee = dyn_cast_or_null<FunctionDecl>(Call.getCalleeDecl()))
    if (Callee->isNoReturn())
      return true;
  // Through a pointer to a `__attribute__((noreturn))` function type.
  QualType Type = Call.getCallee() ? Call.getCallee()->getType() : QualType();
  if (!Type.isNull() && Type->isPointerType())
    Type = Type->getPointeeType();
  const auto *Function = Type.isNull() ? nullptr : Type->getAs<FunctionType>();
  return Function && Function->getNoReturnAttr();
}

// The condition's value when it is known at compile time (`assert`'s `static_cast<bool>(false)`,
// a `do { } while (0)` of a macro).
std::optional<bool> constantCondition(const Expr *Cond, const ASTContext &Ctx) {
  bool Value = false;
  if (!Cond || Cond->isValueDependent() || !Cond->EvaluateAsBooleanCondition(Value, Ctx))
    return std::nullopt;
  return Value;
}

class DefaultPaths {
public:
  DefaultPaths(const ASTContext &Ctx, const HeaderSearch *Headers)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), LangOpts(Ctx.getLangOpts()), Headers(Headers) {}

  // The statements from the default label on, to the end of the block that holds it.
  // A refusal is final only when nothing but `break` (or another label's entry) follows it on
  // its path: code written after `LOG(DFATAL) << ...;` or a debug-only check is what the build
  // in which it returns runs (re2's `LOG(DFATAL) << "Bad regexp op"; info = EmptyString();`
  // hid kRegexpAnyByte for eight years), a fallback, not a refusal.
  unsigned sequence(llvm::ArrayRef<const Stmt *> Statements, bool LocalBreak) {
    unsigned Result = 0;
    for (size_t I = 0; I < Statements.size(); ++I) {
      unsigned Paths = statement(Statements[I], LocalBreak);
      if (Paths == Refuses && I + 1 < Statements.size() && !endsAPath(Statements[I + 1]))
        Paths = GoesOn;
      Result |= Paths & ~GoesOn;
      if (!(Paths & GoesOn))
        return Result;
    }
    return Result | GoesOn;
  }

  unsigned statement(const Stmt *S, bool LocalBreak) {
    if (!S)
      return GoesOn;
    if (const auto *E = dyn_cast<Expr>(S))
      return !isStandardAssert(*E) && refuses(E) ? Refuses : GoesOn;
    if (const auto *Block = dyn_cast<CompoundStmt>(S))
      return sequence(llvm::ArrayRef<const Stmt *>(Block->body_begin(), Block->body_end()),
                      LocalBreak);
    if (const auto *Label = dyn_cast<SwitchCase>(S))
      return statement(Label->getSubStmt(), LocalBreak);
    if (const auto *Label = dyn_cast<LabelStmt>(S))
      return statement(Label->getSubStmt(), LocalBreak);
    if (const auto *Attributed = dyn_cast<AttributedStmt>(S))
      return statement(Attributed->getSubStmt(), LocalBreak);
    if (isa<BreakStmt, ContinueStmt>(S))
      return LocalBreak ? GoesOn : Leaves;
    if (const auto *Return = dyn_cast<ReturnStmt>(S))
      return refuses(Return->getRetValue()) ? Refuses : Leaves;
    if (isa<GotoStmt, IndirectGotoStmt, CoreturnStmt>(S))
      return Leaves;
    if (const auto *Decl = dyn_cast<DeclStmt>(S)) {
      for (const clang::Decl *D : Decl->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (refuses(Var->getInit()))
            return Refuses;
      return GoesOn;
    }
    if (const auto *If = dyn_cast<IfStmt>(S))
      return ifStatement(*If, LocalBreak);
    // A macro's `do { ... } while (0)`: its body runs once, and a break in it ends the loop.
    if (const auto *Do = dyn_cast<DoStmt>(S))
      if (constantCondition(Do->getCond(), Ctx) == false)
        return statement(Do->getBody(), /*LocalBreak=*/true);
    // Loops, nested switches, try blocks, anything else: judged as going on (their refusals
    // may be caught or skipped), and as leaving when something in them can.
    return GoesOn | (mayLeave(S, LocalBreak, LocalBreak) ? Leaves : Outcome{});
  }

private:
  const ASTContext &Ctx;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  const HeaderSearch *Headers;
  // The helpers whose bodies are being followed, innermost last.
  std::vector<const FunctionDecl *> Helpers;

  unsigned ifStatement(const IfStmt &If, bool LocalBreak) {
    unsigned Before = sequence({If.getInit()}, LocalBreak);
    if (!(Before & GoesOn))
      return Before;
    if (refuses(If.getCond()))
      return (Before & ~GoesOn) | Refuses;
    unsigned Branches;
    // `if constexpr`, and `if (0)` / `if (1)` from configuration macros: one branch runs.
    if (std::optional<bool> Known = constantCondition(If.getCond(), Ctx))
      Branches = statement(*Known ? If.getThen() : If.getElse(), LocalBreak);
    else
      Branches = statement(If.getThen(), LocalBreak) | statement(If.getElse(), LocalBreak);
    return (Before & ~GoesOn) | Branches;
  }

  // Evaluating E always ends in a throw or a call that does not return.
  bool refuses(const Expr *E) {
    if (!E)
      return false;
    if (isa<CXXThrowExpr>(E))
      return true;
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      if (calleeDoesNotReturn(*Call) || bodyRefuses(*Call))
        return true;
    }
    // `LOG(FATAL) << "..."`: the temporary's destructor aborts at the end of the statement.
    if (const auto *Bound = dyn_cast<CXXBindTemporaryExpr>(E))
      if (const CXXDestructorDecl *Destructor = Bound->getTemporary()->getDestructor())
        if (Destructor->isNoReturn())
          return true;
    if (const auto *Conditional = dyn_cast<ConditionalOperator>(E)) {
      if (refuses(Conditional->getCond()))
        return true;
      if (std::optional<bool> Known = constantCondition(Conditional->getCond(), Ctx))
        return refuses(*Known ? Conditional->getTrueExpr() : Conditional->getFalseExpr());
      return refuses(Conditional->getTrueExpr()) && refuses(Conditional->getFalseExpr());
    }
    if (const auto *Conditional = dyn_cast<BinaryConditionalOperator>(E))
      return refuses(Conditional->getCommon());
    if (const auto *Binary = dyn_cast<BinaryOperator>(E); Binary && Binary->isLogicalOp()) {
      if (refuses(Binary->getLHS()))
        return true;
      // The right side runs only when the left one does not decide: `false || fatal()`.
      std::optional<bool> Left = constantCondition(Binary->getLHS(), Ctx);
      return Left && *Left == (Binary->getOpcode() == BO_LAnd) && refuses(Binary->getRHS());
    }
    if (const auto *Statement = dyn_cast<StmtExpr>(E))
      return statement(Statement->getSubStmt(), /*LocalBreak=*/false) == Refuses;
    // Not evaluated here: a lambda's body, sizeof, decltype-like operands.
    if (isa<LambdaExpr, UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, CXXTypeidExpr, BlockExpr>(E))
      return false;
    // Anything else evaluates its operands first: one that refuses refuses the whole.
    for (const Stmt *Child : E->children())
      if (const auto *Operand = dyn_cast_or_null<Expr>(Child); Operand && refuses(Operand))
        return true;
    return false;
  }

  // A helper not declared `[[noreturn]]` whose body, in this translation unit, refuses on every
  // path: fish's `internal_error(...)` formats a message, logs it and calls abort(). Judged like
  // a default's own statements (a refusal followed by code is not one; a `return`, or falling
  // off the end, is leaving), through at most MaxHelperDepth such helpers, not through a
  // virtual function (an override may return) or one being judged already (recursion).
  bool bodyRefuses(const CallExpr &Call) {
    constexpr size_t MaxHelperDepth = 3;
    const FunctionDecl *Callee = Call.getDirectCallee();
    const FunctionDecl *Definition = nullptr;
    if (!Callee || !Callee->hasBody(Definition) || !Definition->getBody())
      return false;
    // Not a library's helper: the CLI leaves a library's bodies unparsed and clang-tidy parses
    // them, so reading one would make the two front ends disagree. A library's helper that never
    // returns says so in its declaration, which counts above. A project header that CMake's
    // precompiled-header wrapper makes a system header is the project's (LibraryHeaders.h),
    // and the CLI parses its bodies (BodySkipPolicy.h).
    if (inALibrarysHeader(Definition->getLocation(), SM, Headers))
      return false;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition))
      if (Method->isVirtual() && !Method->hasAttr<FinalAttr>() &&
          !Method->getParent()->hasAttr<FinalAttr>())
        return false;
    if (Helpers.size() >= MaxHelperDepth || llvm::is_contained(Helpers, Definition))
      return false;
    Helpers.push_back(Definition);
    bool Refused = statement(Definition->getBody(), /*LocalBreak=*/false) == Refuses;
    Helpers.pop_back();
    return Refused;
  }

  // The standard `assert`, whatever its argument: NDEBUG compiles it out, and the release
  // build goes on past `assert(false)` to whatever follows, or out of the switch. Read by its
  // name so that both builds judge the switch alike (with assertions on it is a no-return call).
  bool isStandardAssert(const Expr &E) {
    return expandsFromStandardAssert(E.getBeginLoc(), SM, LangOpts);
  }

  // What may follow a final refusal: a break (a habit after throw), or the entry of the next
  // case, which the default's path does not reach.
  static bool endsAPath(const Stmt *Next) {
    while (const auto *Attributed = dyn_cast<AttributedStmt>(Next))
      Next = Attributed->getSubStmt();
    return isa<BreakStmt, SwitchCase, LabelStmt, NullStmt>(Next);
  }

  // Something in S can leave the switch: a return, a goto, a break or continue that is not the
  // loop's or the nested switch's own.
  bool mayLeave(const Stmt *S, bool LocalBreak, bool LocalContinue) {
    if (!S || isa<LambdaExpr, BlockExpr>(S))
      return false;
    if (isa<ReturnStmt, GotoStmt, IndirectGotoStmt, CoreturnStmt>(S))
      return true;
    if (isa<BreakStmt>(S))
      return !LocalBreak;
    if (isa<ContinueStmt>(S))
      return !LocalContinue;
    bool Loop = isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt>(S);
    bool Switch = isa<SwitchStmt>(S);
    for (const Stmt *Child : S->children())
      if (mayLeave(Child, LocalBreak || Loop || Switch, LocalContinue || Loop))
        return true;
    return false;
  }
};

// The block holding the default label (through the labels stacked on it) and its index there.
bool findLabel(const Stmt *S, const DefaultStmt &Default, const CompoundStmt *&Block,
               size_t &Index) {
  const auto *Compound = dyn_cast_or_null<CompoundStmt>(S);
  if (!Compound)
    return false;
  size_t I = 0;
  for (const Stmt *Child : Compound->body()) {
    for (const Stmt *Label = Child; Label;) {
      if (Label == &Default) {
        Block = Compound;
        Index = I;
        return true;
      }
      if (const auto *Case = dyn_cast<SwitchCase>(Label))
        Label = Case->getSubStmt();
      else if (const auto *Named = dyn_cast<LabelStmt>(Label))
        Label = Named->getSubStmt();
      else
        break;
    }
    if (findLabel(Child, Default, Block, Index))
      return true;
    ++I;
  }
  return false;
}

} // namespace

bool defaultRefuses(const SwitchStmt &Switch, const DefaultStmt &Default, const ASTContext &Ctx,
                    const HeaderSearch *Headers) {
  const CompoundStmt *Block = nullptr;
  size_t Index = 0;
  if (!findLabel(Switch.getBody(), Default, Block, Index))
    return false;
  // The default's own statement, then those after it in its block (other cases' entries
  // included: the default falls through them). Going on past the end of the block is leaving
  // the switch, or going on to what follows a block nested in it (not followed): either way,
  // not a refusal.
  std::vector<const Stmt *> Path{Default.getSubStmt()};
  Path.insert(Path.end(), Block->body_begin() + Index + 1, Block->body_end());
  unsigned Outcome = DefaultPaths(Ctx, Headers).sequence(Path, /*LocalBreak=*/false);
  return Outcome == Refuses;
}

} // namespace contractcheck
