#include "PendingInstantiationFilter.h"

#include <clang/Sema/Scope.h>
#include <clang/Sema/Sema.h>
#include <llvm/ADT/DenseSet.h>

using namespace clang;

namespace contractcheck {

namespace {

// The state an instantiation of a template whose body a parse skipped is left in: defined, with
// its body skipped. Left undefined, it would be used but not defined, which Clang rejects for a
// function whose type has no linkage (gMock's ThisRefAdjuster<>::Adjust<LocalClass>).
void leaveUnmade(FunctionDecl &F) {
  F.setInstantiationIsPending(false);
  F.setHasSkippedBody();
}

} // namespace

bool PendingInstantiationFilter::leftUnmade(
    const std::pair<ValueDecl *, SourceLocation> &Entry) {
  auto *F = dyn_cast<FunctionDecl>(Entry.first);
  if (!F)
    return false;
  if (Drops(*F)) {
    leaveUnmade(*F);
    return true;
  }
  if (!Defers || !Defers(*F))
    return false;
  leaveUnmade(*F);
  Deferred.emplace_back(F, Entry.second);
  return true;
}

void PendingInstantiationFilter::ReadPendingInstantiations(
    llvm::SmallVectorImpl<std::pair<ValueDecl *, SourceLocation>> &Pending) {
  AtEnd = true;
  auto Unmade = [&](const std::pair<ValueDecl *, SourceLocation> &Entry) {
    return leftUnmade(Entry);
  };
  // What the precompiled prefix left pending (the sources added before this one), then the TU's.
  llvm::erase_if(Pending, Unmade);
  std::erase_if(S.PendingInstantiations, Unmade);
}

void PendingInstantiationFilter::queued(FunctionDecl &F) {
  if (!AtEnd || S.PendingInstantiations.empty() || S.PendingInstantiations.back().first != &F ||
      !leftUnmade(S.PendingInstantiations.back()))
    return;
  S.PendingInstantiations.pop_back();
}

// In the order they were put aside, as Clang would have made them.
void PendingInstantiationFilter::makeDeferred(llvm::ArrayRef<const FunctionDecl *> Needed) {
  Defers = {};
  llvm::DenseSet<const FunctionDecl *> Making(Needed.begin(), Needed.end());
  for (auto [F, PointOfInstantiation] : std::exchange(Deferred, {})) {
    if (!Making.contains(F))
      continue;
    F->setHasSkippedBody(false);
    F->setInstantiationIsPending(true);
    S.PendingInstantiations.emplace_back(F, PointOfInstantiation);
  }
  // The parser that owned the translation unit's scope is gone by now, and Sema's TUScope with
  // it (null, or left dangling). A body made here that first names a builtin Sema declares
  // lazily (__builtin_trap for a class passed through '...', as gMock's matchers do) declares it
  // in TUScope: give it one for the time being, as the parser had.
  Scope TranslationUnit(nullptr, Scope::DeclScope, S.getDiagnostics());
  TranslationUnit.setEntity(S.getASTContext().getTranslationUnitDecl());
  Scope *Before = std::exchange(S.TUScope, &TranslationUnit);
  S.PerformPendingInstantiations();
  S.TUScope = Before;
}

} // namespace contractcheck
