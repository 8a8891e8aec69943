#include "rules/enum-table/EnumTableMap.h"

#include "rules/enum-table/IndexedArrays.h"
#include "rules/enum-table/TableEntries.h"
#include "rules/utils/EnumNames.h"
#include "rules/utils/EnumValues.h"
#include "SourcePositions.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/Basic/SourceManager.h>

#include <algorithm>

using namespace clang;

namespace contractcheck {

namespace {

EnumConsumer columnOf(const VarDecl &Var, const EnumDecl &Enum, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  EnumConsumer Column;
  Column.Enum = enumQualifiedName(Enum);
  Column.EnumAt = positionOf(SM.getExpansionLoc(Enum.getLocation()), SM);
  Column.At = positionOf(tableLocation(Var, SM), SM);
  for (const EnumConstantDecl *E : Enum.enumerators())
    Column.Enumerators.push_back(E->getNameAsString());
  return Column;
}

// What a table maps an enumerator to, short enough for a cell.
std::string mappedText(const Expr *Mapped, const ASTContext &Ctx) {
  return sourceText(Mapped, Ctx.getSourceManager(), Ctx.getLangOpts()).substr(0, 40);
}

} // namespace

EnumConsumer keyedTableColumn(const VarDecl &Var, const KeyedTable &Table,
                              const std::vector<HeldValue> &Held,
                              const std::vector<const EnumConstantDecl *> &Reported,
                              const ASTContext &Ctx) {
  EnumConsumer Column = columnOf(Var, *Table.Enum, Ctx);
  bool Macro = Table.Shape == TableShape::NlohmannMacro;
  Column.Consumer = Macro ? "json-serialize-enum" : "table";
  Column.Label = Macro ? "NLOHMANN_JSON_SERIALIZE_ENUM" : "table '" + Var.getName().str() + "'";
  for (const EnumConstantDecl *E : Table.Enum->enumerators()) {
    MapCell Cell{E->getNameAsString(), "handled", {}, {}};
    auto Entry = std::find_if(Table.Entries.begin(), Table.Entries.end(), [&](const TableEntry &T) {
      return llvm::APSInt::isSameValue(T.Key, E->getInitVal());
    });
    if (Entry != Table.Entries.end()) {
      Cell.How = mappedText(Entry->Mapped, Ctx);
    } else if (!enumeratorWithValue(Held, E->getInitVal())) {
      Cell.State = "sentinel";
    } else {
      Cell.State = "missing";
      if (llvm::is_contained(Reported, E))
        Cell.FindingAt = Column.At;
    }
    Column.Cells.push_back(std::move(Cell));
  }
  return Column;
}

EnumConsumer indexedArrayColumn(const VarDecl &Array, const EnumDecl &Enum, const ArrayGaps &Gaps,
                                bool Reported, const ASTContext &Ctx) {
  EnumConsumer Column = columnOf(Array, Enum, Ctx);
  Column.Consumer = "array";
  Column.Label = "array '" + Array.getName().str() + "'";
  for (const EnumConstantDecl *E : Enum.enumerators()) {
    MapCell Cell{E->getNameAsString(), "sentinel", {}, {}}; // a value with no slot to judge
    auto Slot = std::find_if(Gaps.Slots.begin(), Gaps.Slots.end(), [&](const auto &S) {
      return llvm::APSInt::isSameValue(S.first->getInitVal(), E->getInitVal());
    });
    if (Slot != Gaps.Slots.end() && llvm::is_contained(Gaps.Missing, Slot->first)) {
      Cell.State = "missing";
      if (Reported)
        Cell.FindingAt = Column.At;
    } else if (Slot != Gaps.Slots.end()) {
      Cell.State = "handled";
      Cell.How = mappedText(Slot->second, Ctx);
    }
    Column.Cells.push_back(std::move(Cell));
  }
  return Column;
}

} // namespace contractcheck
