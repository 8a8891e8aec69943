#include "rules/enum-table/EnumeratorGroups.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <llvm/ADT/STLExtras.h>

using namespace clang;

namespace contractcheck {

namespace {

// The enumerators in runs of rising values; a run ends where a value does not rise.
std::vector<std::vector<const EnumConstantDecl *>> risingRuns(const EnumDecl &Enum) {
  std::vector<std::vector<const EnumConstantDecl *>> Runs;
  const EnumConstantDecl *Previous = nullptr;
  for (const EnumConstantDecl *E : Enum.enumerators()) {
    if (!Previous || llvm::APSInt::compareValues(E->getInitVal(), Previous->getInitVal()) <= 0)
      Runs.emplace_back();
    Runs.back().push_back(E);
    Previous = E;
  }
  return Runs;
}

const EnumConstantDecl *spelledEnumerator(const Expr *Key) {
  const auto *Ref = Key ? dyn_cast<DeclRefExpr>(Key->IgnoreParenImpCasts()) : nullptr;
  return Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
}

} // namespace

std::optional<std::vector<HeldValue>> heldInKeyedGroups(const KeyedTable &Table,
                                                        const std::vector<HeldValue> &Held) {
  std::vector<std::vector<const EnumConstantDecl *>> Runs = risingRuns(*Table.Enum);
  // Groups start again at a value an earlier group used: at least two such restarts (one is an
  // alias added at the end, `Last = X`; values merely written out of order start nowhere used).
  unsigned Restarts = 0;
  for (size_t I = 1; I < Runs.size(); ++I)
    if (Runs[I].size() >= 2 && llvm::any_of(llvm::make_range(Runs.begin(), Runs.begin() + I),
                                            [&](const auto &Earlier) {
                                              return llvm::any_of(Earlier, [&](const auto *E) {
                                                return llvm::APSInt::isSameValue(
                                                    E->getInitVal(), Runs[I].front()->getInitVal());
                                              });
                                            }))
      ++Restarts;
  if (Restarts < 2 || Table.Entries.empty())
    return std::nullopt;
  std::vector<bool> Keyed(Runs.size(), false);
  for (const TableEntry &Entry : Table.Entries) {
    const EnumConstantDecl *Key = spelledEnumerator(Entry.KeyExpr);
    if (!Key)
      return std::nullopt;
    for (size_t I = 0; I < Runs.size(); ++I)
      if (llvm::is_contained(Runs[I], Key))
        Keyed[I] = true;
  }
  std::vector<HeldValue> InGroups;
  for (size_t I = 0; I < Runs.size(); ++I) {
    if (!Keyed[I])
      continue;
    for (const EnumConstantDecl *E : Runs[I])
      if (llvm::any_of(Held, [&](const HeldValue &V) {
            return llvm::APSInt::isSameValue(V.Value, E->getInitVal());
          }) &&
          llvm::none_of(InGroups, [&](const HeldValue &V) {
            return llvm::APSInt::isSameValue(V.Value, E->getInitVal());
          }))
        InGroups.push_back({E->getInitVal(), E});
  }
  return InGroups;
}

} // namespace contractcheck
