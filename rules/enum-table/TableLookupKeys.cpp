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

class TableUses : public RecursiveASTVisitor<TableUses> {
public:
  TableUses(const VarDecl &Table, const EnumDecl &Enum) : Table(Table), Enum(Enum) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl()->getCanonicalDecl() == Table.getCanonicalDecl())
      All.insert(Ref);
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
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
                valuesHeldFromConstTable(*Call->getArg(0), Enum)) {
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
};

} // namespace

std::optional<std::vector<llvm::APSInt>> lookupKeysFromConstTables(const VarDecl &Table,
                                                                   const EnumDecl &Enum,
                                                                   ASTContext &Ctx) {
  if (!Table.getType().isConstQualified())
    return std::nullopt;
  TableUses Uses(Table, Enum);
  Uses.TraverseDecl(Ctx.getTranslationUnitDecl());
  if (Uses.All.empty() || Uses.All != Uses.Accounted)
    return std::nullopt;
  return std::move(Uses.Keys);
}

} // namespace contractcheck
