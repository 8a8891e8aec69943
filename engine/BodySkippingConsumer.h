// The consumer a parse that skips function bodies runs under: Clang asks it which bodies to
// skip, and it shows BodySkipPolicy every implicit instantiation; in a parse that keeps template
// bodies, it leaves uninstantiated those the policy drops (PendingInstantiationFilter.h). A TU's
// parse and the build of the system headers precompiled for it (PrecompiledPrefix.h) skip alike
// through it.
#pragma once

#include "BodySkipPolicy.h"

#include <clang/Frontend/MultiplexConsumer.h>
#include <llvm/ADT/IntrusiveRefCntPtr.h>

#include <memory>

namespace contractcheck {

class PendingInstantiationFilter;

class BodySkippingConsumer : public clang::MultiplexConsumer {
public:
  BodySkippingConsumer(
      std::unique_ptr<clang::ASTConsumer> Inner, const clang::SourceManager &SM,
      const Config &Cfg, BodySkipPolicy::Mode Mode,
      std::function<bool(BodySkipPolicy::Instantiations)> NeedsInstantiations = {},
      std::function<std::vector<const clang::FunctionDecl *>(BodySkipPolicy::Instantiations)>
          Needed = {});

  ~BodySkippingConsumer() override;

  bool shouldSkipFunctionBody(clang::Decl *D) override;
  void HandleCXXImplicitFunctionInstantiation(clang::FunctionDecl *D) override;
  void InitializeSema(clang::Sema &S) override;
  bool HandleTopLevelDecl(clang::DeclGroupRef Group) override;

  // At the end of a parse that decides there (BodySkipPolicy's Decide mode): makes the
  // instantiations put aside that the rules need, when one needs some, and says whether it did.
  bool makeWhatTheRulesNeed();

protected:
  clang::Sema *sema() const { return TheSema; }

  BodySkipPolicy Policy;

private:
  clang::Sema *TheSema = nullptr;
  llvm::IntrusiveRefCntPtr<PendingInstantiationFilter> Filter;
};

} // namespace contractcheck
