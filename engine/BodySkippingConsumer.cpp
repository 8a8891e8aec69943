#include "BodySkippingConsumer.h"

namespace contractcheck {

namespace {

std::vector<std::unique_ptr<clang::ASTConsumer>> one(std::unique_ptr<clang::ASTConsumer> Inner) {
  std::vector<std::unique_ptr<clang::ASTConsumer>> List;
  List.push_back(std::move(Inner));
  return List;
}

} // namespace

BodySkippingConsumer::BodySkippingConsumer(
    std::unique_ptr<clang::ASTConsumer> Inner, const clang::SourceManager &SM, const Config &Cfg,
    BodySkipPolicy::Mode Mode,
    std::function<bool(llvm::ArrayRef<const clang::FunctionDecl *>)> NeedsInstantiations)
    : MultiplexConsumer(one(std::move(Inner))),
      Policy(SM, Cfg, Mode, std::move(NeedsInstantiations)) {}

bool BodySkippingConsumer::shouldSkipFunctionBody(clang::Decl *D) {
  return Policy.shouldSkip(*D);
}

void BodySkippingConsumer::HandleCXXImplicitFunctionInstantiation(clang::FunctionDecl *D) {
  Policy.noteInstantiation(*D);
  MultiplexConsumer::HandleCXXImplicitFunctionInstantiation(D);
}

} // namespace contractcheck
