// Drops, at the end of a TU, the implicit function template instantiations that no rule needs and
// whose bodies could instantiate nothing of the project (BodySkipPolicy::dropsInstantiation), in
// a parse that kept the library's template bodies (docs/performance.md, "Skipped function
// bodies").
#pragma once

#include <clang/Sema/ExternalSemaSource.h>

#include <functional>

namespace contractcheck {

// Clang defers implicit instantiations of function templates (other than constexpr functions and
// deduced return types) to the end of the TU; just before it performs them, it reads the ones a
// precompiled prefix left pending from its external sources. Added last to those sources, this
// one sees the whole list at that point, when every declaration a body could reach is known.
class PendingInstantiationFilter : public clang::ExternalSemaSource {
public:
  PendingInstantiationFilter(clang::Sema &S, std::function<bool(const clang::FunctionDecl &)> Drops)
      : S(S), Drops(std::move(Drops)) {}

  void ReadPendingInstantiations(
      llvm::SmallVectorImpl<std::pair<clang::ValueDecl *, clang::SourceLocation>> &Pending)
      override;

  // Once the end of the TU is reached, each instantiation an instantiated body queues is judged
  // as it is queued (Clang has just pushed it; the consumer's hook calls this).
  void queued(clang::FunctionDecl &F);

private:
  clang::Sema &S;
  const std::function<bool(const clang::FunctionDecl &)> Drops;
  bool AtEnd = false;
};

} // namespace contractcheck
