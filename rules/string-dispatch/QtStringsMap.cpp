#include "rules/string-dispatch/QtStringsMap.h"

#include "rules/string-dispatch/QtMetaMethods.h"
#include "SourcePositions.h"

#include <clang/AST/DeclCXX.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <map>

namespace contractcheck {

std::vector<ServiceStandIn> qtStringColumns(const std::vector<QtMethodStrings::Judged> &Judged,
                                            const clang::SourceManager &SM) {
  std::map<const clang::CXXRecordDecl *, std::vector<const QtMethodStrings::Judged *>> ByClass;
  for (const QtMethodStrings::Judged &J : Judged)
    ByClass[J.Receiver].push_back(&J);
  std::string MainFile = positionOf(SM.getLocForStartOfFile(SM.getMainFileID()), SM).File;
  std::vector<ServiceStandIn> Columns;
  for (const auto &[Receiver, Strings] : ByClass) {
    ServiceStandIn Column;
    Column.Service = Receiver->getQualifiedNameAsString();
    Column.ServiceAt = positionOf(SM.getExpansionLoc(Receiver->getLocation()), SM);
    for (const QtMetaMethod &Method : qtMetaMethods(*Receiver))
      if (std::find(Column.Methods.begin(), Column.Methods.end(), Method.Name) ==
          Column.Methods.end())
        Column.Methods.push_back(Method.Name);
    Column.StandIn = "string-dispatched name";
    // One column per TU and class: the strings of another TU are another column.
    Column.Label = "Qt method strings in " + llvm::sys::path::filename(MainFile).str();
    std::map<std::string, size_t> Uses;
    for (const QtMethodStrings::Judged *J : Strings) {
      SourcePosition Where = positionOf(J->Where, SM);
      if (Column.At.File.empty())
        Column.At = Where;
      if (J->Drift.empty())
        addCell(Column.Cells, {J->Name, "matching", {}, {}});
      else
        addCell(Column.Cells, {J->Name, "differing", J->Drift, Where});
      ++Uses[J->Name];
    }
    for (MapCell &Cell : Column.Cells)
      if (Cell.State == "matching")
        Cell.How = std::to_string(Uses[Cell.Row]) + (Uses[Cell.Row] == 1 ? " string" : " strings");
    Columns.push_back(std::move(Column));
  }
  return Columns;
}

} // namespace contractcheck
