// Arrays indexed by an enum that keep state per member (a count, a square, a builder per side)
// rather than map each member to a value of its own, and the trailing catch-alls such an array
// owes no slot.
#pragma once

#include <llvm/ADT/APSInt.h>

#include <vector>

namespace clang {
class ASTContext;
class InitListExpr;
class Stmt;
class VarDecl;
} // namespace clang

namespace contractcheck {

// Whether E reads the state of one call: a parameter, a local, or the object (`this`).
bool readsTheCall(const clang::Stmt *E);

// Whether an enum-indexed array keeps state per member rather than being a table of the enum:
// it maps no member to a value of its own. IsTable is the array's reading as a table
// (IndexedArrays.cpp's isTable: a const array with entries, or a mutable one with entries that
// are not all zero). State is an array that is no table (no initializer, `{}`, `{0, 0}`,
// `{nullptr}`); a mutable one whose entries are one constant repeated (`int best[2] = {-1, -1}`:
// the same start for every member); and a local whose entries are computed from the call
// (`PlayerBuilder *builders[2] = {dlg.createPlayerBuilder(Side::White),
// dlg.createPlayerBuilder(Side::Black)}`: one call's record, as for maps).
bool keepsStatePerMember(const clang::VarDecl &Var, const clang::InitListExpr *Init, bool IsTable,
                         const clang::ASTContext &Ctx);

// What the function of a local array says of its slots through subscripts at constant indexes:
// every such index (`widths[SizeNone] = 0` names a slot for SizeNone, which the array then owes),
// and whether it stores two different constants at constant indexes (`thickness[SizeFine] =
// 0.85; thickness[SizeThick] = 2.26;`: a table written statement by statement, which keeps its
// catch-all's slot like a table written as a list). Nothing for an array that is not a local.
struct ConstantSubscripts {
  std::vector<llvm::APSInt> Indexes;
  bool FillsATable = false;
};
ConstantSubscripts constantSubscripts(const clang::VarDecl &Var, const clang::ASTContext &Ctx);

} // namespace contractcheck
