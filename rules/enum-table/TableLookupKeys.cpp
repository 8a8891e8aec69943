#include "rules/enum-table/TableLookupKeys.h"

#include "rules/utils/TableReadValues.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <llvm/ADT/StringSwitch.h>

#include <set>

using namespace clang;

namespace contractcheck {

namespace {

enum class MemberUse { Lookup, NoKey, Other };

// What a call of a map's member does with the table: looks a key up, or uses no key to read a
// row (iterators, size) or only tests for one.
MemberUse memberUse(llvm::StringRef Name) {
  return llvm::StringSwitch<MemberUse>(Name)
      .Cases("at", "find", MemberUse::Lookup)
      .Cases("end", "cend", "size", "empty", "count", "contains", MemberUse::NoKey)
      .Default(MemberUse::Other);
}

// The calls of a function: the values of Enum each passes as the parameter at Index, when it is
// read from a constant table.
class CallsOf : public RecursiveASTVisitor<CallsOf> {
public:
  CallsOf(const FunctionDecl &Function, unsigned Index, const EnumDecl &Enum)
      : Function(Function), Index(Index), Enum(Enum) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl()->getCanonicalDecl() == Function.getCanonicalDecl())
      All.insert(Ref);
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const auto *Callee = dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts());
    if (!Callee || Callee->getDecl()->getCanonicalDecl() != Function.getCanonicalDecl() ||
        Call->getNumArgs() <= Index)
      return true;
    if (std::optional<std::vector<llvm::APSInt>> Held =
            valuesHeldFromConstTable(*Call->getArg(Index), Enum)) {
      Values.insert(Values.end(), Held->begin(), Held->end());
      Passing.insert(Callee);
    }
    return true;
  }

  std::set<const DeclRefExpr *> All, Passing;
  std::vector<llvm::APSInt> Values;

private:
  const FunctionDecl &Function;
  unsigned Index;
  const EnumDecl &Enum;
};

// The values a lookup's key can hold: read from a constant table, or a parameter, never changed,
// of a function only this TU can name, which every one of its calls (and nothing else) names with
// such a value: `getStruct(stringToValue().at(name))` with `map.at(value)` in getStruct.
std::optional<std::vector<llvm::APSInt>> keyValues(const Expr &Key, const EnumDecl &Enum,
                                                   ASTContext &Ctx) {
  if (std::optional<std::vector<llvm::APSInt>> Held = valuesHeldFromConstTable(Key, Enum))
    return Held;
  const auto *Ref = dyn_cast<DeclRefExpr>(Key.IgnoreParenImpCasts());
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  const auto *Function = Param ? dyn_cast<FunctionDecl>(Param->getDeclContext()) : nullptr;
  if (!Function || isa<CXXMethodDecl>(Function) || Function->isExternallyVisible() ||
      !Function->getBody() || assigns(Function->getBody(), *Param))
    return std::nullopt;
  CallsOf Calls(*Function, Param->getFunctionScopeIndex(), Enum);
  Calls.TraverseDecl(Ctx.getTranslationUnitDecl());
  if (Calls.All.empty() || Calls.All != Calls.Passing)
    return std::nullopt;
  return std::move(Calls.Values);
}

class TableUses : public RecursiveASTVisitor<TableUses> {
public:
  TableUses(const VarDecl &Table, const EnumDecl &Enum, ASTContext &Ctx)
      : Table(Table), Enum(Enum), Ctx(Ctx) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl()->getCanonicalDecl() == Table.getCanonicalDecl())
      All.insert(Ref);
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Ref || Ref->getDecl()->getCanonicalDecl() != Table.getCanonicalDecl() || !Method ||
        !Method->getDeclName().isIdentifier())
      return true;
    switch (memberUse(Method->getName())) {
    case MemberUse::NoKey:
      Accounted.insert(Ref);
      break;
    case MemberUse::Lookup:
      if (Call->getNumArgs() == 1)
        if (std::optional<std::vector<llvm::APSInt>> Held =
                keyValues(*Call->getArg(0), Enum, Ctx)) {
          Keys.insert(Keys.end(), Held->begin(), Held->end());
          Accounted.insert(Ref);
        }
      break;
    case MemberUse::Other:
      break;
    }
    return true;
  }

  std::set<const DeclRefExpr *> All, Accounted;
  std::vector<llvm::APSInt> Keys;

private:
  const VarDecl &Table;
  const EnumDecl &Enum;
  ASTContext &Ctx;
};

} // namespace

std::optional<std::vector<llvm::APSInt>>
lookupKeysFromConstTables(const VarDecl &Table, const EnumDecl &Enum, ASTContext &Ctx) {
  if (!Table.getType().isConstQualified())
    return std::nullopt;
  TableUses Uses(Table, Enum, Ctx);
  Uses.TraverseDecl(Ctx.getTranslationUnitDecl());
  if (Uses.All.empty() || Uses.All != Uses.Accounted)
    return std::nullopt;
  return std::move(Uses.Keys);
}

} // namespace contractcheck
