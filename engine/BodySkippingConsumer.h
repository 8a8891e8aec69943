// The consumer a parse that skips function bodies runs under: Clang asks it which bodies to
// skip, and it shows BodySkipPolicy every implicit instantiation. A TU's parse and the build of
// the system headers precompiled for it (PrecompiledPrefix.h) skip alike through it.
#pragma once

#include "BodySkipPolicy.h"

#include <clang/Frontend/MultiplexConsumer.h>

#include <memory>

namespace contractcheck {

class BodySkippingConsumer : public clang::MultiplexConsumer {
public:
  BodySkippingConsumer(
      std::unique_ptr<clang::ASTConsumer> Inner, const clang::SourceManager &SM,
      const Config &Cfg, BodySkipPolicy::Mode Mode,
      std::function<bool(llvm::ArrayRef<const clang::FunctionDecl *>)> NeedsInstantiations = {});

  bool shouldSkipFunctionBody(clang::Decl *D) override;
  void HandleCXXImplicitFunctionInstantiation(clang::FunctionDecl *D) override;

protected:
  BodySkipPolicy Policy;
};

} // namespace contractcheck
