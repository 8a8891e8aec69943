// Drops, at the end of a TU, the implicit function template instantiations that no rule needs and
// whose bodies could instantiate nothing of the project (BodySkipPolicy::dropsInstantiation), in
// a parse that kept the library's template bodies (docs/performance.md, "Skipped function
// bodies").
#pragma once

#include <clang/Sema/ExternalSemaSource.h>

#include <functional>
#include <utility>
#include <vector>

namespace contractcheck {

// Clang defers implicit instantiations of function templates (other than constexpr functions and
// deduced return types) to the end of the TU; just before it performs them, it reads the ones a
// precompiled prefix left pending from its external sources. Added last to those sources, this
// one sees the whole list at that point, when every declaration a body could reach is known.
//
// It also puts aside, unmade, those Defers names (BodySkipPolicy::defersInstantiation), until
// makeDeferred() makes them after all, once the rules have been asked about them.
class PendingInstantiationFilter : public clang::ExternalSemaSource {
public:
  using Judge = std::function<bool(const clang::FunctionDecl &)>;
  PendingInstantiationFilter(clang::Sema &S, Judge Drops, Judge Defers = {})
      : S(S), Drops(std::move(Drops)), Defers(std::move(Defers)) {}

  void ReadPendingInstantiations(
      llvm::SmallVectorImpl<std::pair<clang::ValueDecl *, clang::SourceLocation>> &Pending)
      override;

  // Once the end of the TU is reached, each instantiation an instantiated body queues is judged
  // as it is queued (Clang has just pushed it; the consumer's hook calls this).
  void queued(clang::FunctionDecl &F);

  // Makes what was put aside among Needed, with whatever their bodies ask for, and from then on
  // puts nothing aside: after the end of the TU (the consumer's HandleTranslationUnit), as
  // Clang would have made them there. The rest stay unmade.
  void makeDeferred(llvm::ArrayRef<const clang::FunctionDecl *> Needed);

private:
  // Whether an entry of the list is left unmade, for now (Defers) or for good (Drops).
  bool leftUnmade(const std::pair<clang::ValueDecl *, clang::SourceLocation> &Entry);

  clang::Sema &S;
  const Judge Drops;
  Judge Defers;
  bool AtEnd = false;
  std::vector<std::pair<clang::FunctionDecl *, clang::SourceLocation>> Deferred;
};

} // namespace contractcheck
