#include "BodySkippingConsumer.h"

#include "PendingInstantiationFilter.h"

#include <clang/Lex/Preprocessor.h>
#include <clang/Sema/Sema.h>

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
    std::function<bool(BodySkipPolicy::Instantiations)> NeedsInstantiations,
    std::function<std::vector<const clang::FunctionDecl *>(BodySkipPolicy::Instantiations)> Needed)
    : MultiplexConsumer(one(std::move(Inner))),
      Policy(SM, Cfg, Mode, std::move(NeedsInstantiations), std::move(Needed)) {}

BodySkippingConsumer::~BodySkippingConsumer() = default;

bool BodySkippingConsumer::shouldSkipFunctionBody(clang::Decl *D) {
  return Policy.shouldSkip(*D);
}

void BodySkippingConsumer::HandleCXXImplicitFunctionInstantiation(clang::FunctionDecl *D) {
  Policy.noteInstantiation(*D);
  if (Filter)
    Filter->queued(*D);
  MultiplexConsumer::HandleCXXImplicitFunctionInstantiation(D);
}

void BodySkippingConsumer::InitializeSema(clang::Sema &S) {
  TheSema = &S;
  Policy.setHeaders(&S.getPreprocessor().getHeaderSearchInfo());
  Policy.setPreprocessor(S.getPreprocessor());
  MultiplexConsumer::InitializeSema(S);
}

bool BodySkippingConsumer::makeWhatTheRulesNeed() {
  if (!Policy.lostInstantiations())
    return false;
  if (Filter)
    Filter->makeDeferred(Policy.neededInstantiations());
  return true;
}

// The filter joins Sema's external sources once parsing has begun: Sema tells its consumer about
// itself before the precompiled prefix's reader, which then adds itself as a source, and the
// filter must come after the reader to see what the prefix left pending.
bool BodySkippingConsumer::HandleTopLevelDecl(clang::DeclGroupRef Group) {
  if (!Filter && TheSema && Policy.dropsInstantiations()) {
    PendingInstantiationFilter::Judge Defers;
    if (Policy.decidesAtEnd())
      Defers = [this](const clang::FunctionDecl &F) { return Policy.defersInstantiation(F); };
    Filter = new PendingInstantiationFilter(
        *TheSema, [this](const clang::FunctionDecl &F) { return Policy.dropsInstantiation(F); },
        std::move(Defers));
    TheSema->addExternalSource(Filter.get());
  }
  return MultiplexConsumer::HandleTopLevelDecl(Group);
}

} // namespace contractcheck
