#include "PendingInstantiationFilter.h"

#include <clang/Sema/Sema.h>

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

void PendingInstantiationFilter::ReadPendingInstantiations(
    llvm::SmallVectorImpl<std::pair<ValueDecl *, SourceLocation>> &Pending) {
  AtEnd = true;
  auto Dropped = [&](const std::pair<ValueDecl *, SourceLocation> &Entry) {
    auto *F = dyn_cast<FunctionDecl>(Entry.first);
    if (!F || !Drops(*F))
      return false;
    leaveUnmade(*F);
    return true;
  };
  // What the precompiled prefix left pending (the sources added before this one), then the TU's.
  llvm::erase_if(Pending, Dropped);
  std::erase_if(S.PendingInstantiations, Dropped);
}

void PendingInstantiationFilter::queued(FunctionDecl &F) {
  if (!AtEnd || S.PendingInstantiations.empty() || S.PendingInstantiations.back().first != &F ||
      !Drops(F))
    return;
  S.PendingInstantiations.pop_back();
  leaveUnmade(F);
}

} // namespace contractcheck
