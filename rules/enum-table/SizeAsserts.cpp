#include "rules/enum-table/SizeAsserts.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>

using namespace clang;

namespace contractcheck {

namespace {

// What one static_assert condition names: the table, an enumerator of the enum.
class NamesInCondition : public RecursiveASTVisitor<NamesInCondition> {
public:
  NamesInCondition(const VarDecl &Table, const EnumDecl &Enum) : Table(Table), Enum(Enum) {}

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    const ValueDecl *D = Ref->getDecl();
    if (const auto *Var = dyn_cast<VarDecl>(D))
      NamesTable |= Var->getCanonicalDecl() == Table.getCanonicalDecl();
    else if (const auto *Constant = dyn_cast<EnumConstantDecl>(D))
      if (const auto *Owner = dyn_cast<EnumDecl>(Constant->getDeclContext()))
        NamesEnum |= Owner->getCanonicalDecl() == Enum.getCanonicalDecl();
    return true;
  }

  bool NamesTable = false;
  bool NamesEnum = false;

private:
  const VarDecl &Table;
  const EnumDecl &Enum;
};

class SizeAssertSearch : public RecursiveASTVisitor<SizeAssertSearch> {
public:
  SizeAssertSearch(const VarDecl &Table, const EnumDecl &Enum) : Table(Table), Enum(Enum) {}

  bool VisitStaticAssertDecl(StaticAssertDecl *Assert) {
    NamesInCondition Names(Table, Enum);
    Names.TraverseStmt(Assert->getAssertExpr());
    Found = Names.NamesTable && Names.NamesEnum;
    return !Found;
  }

  bool Found = false;

private:
  const VarDecl &Table;
  const EnumDecl &Enum;
};

} // namespace

bool sizeAssertedAgainstItsEnum(const VarDecl &Table, const EnumDecl &Enum, ASTContext &Ctx) {
  SizeAssertSearch Search(Table, Enum);
  Search.TraverseDecl(Ctx.getTranslationUnitDecl());
  return Search.Found;
}

} // namespace contractcheck
