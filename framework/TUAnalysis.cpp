#include "TUAnalysis.h"

#include <stdexcept>

namespace contractcheck {

void TUAnalysis::onEndOfTranslationUnit() {
  finishOnce();
  if (KeepFact)
    for (Fact &F : facts())
      KeepFact(std::move(F));
}

void TUAnalyses::keep(const TUAnalysisInfo &Info, Fact F) {
  // The declared kinds key the result store: an undeclared one could outlive a change to it.
  if (!Info.findFactKind(F.Kind) || Info.findFactKind(F.Kind)->Version != F.Version)
    throw std::logic_error("analysis '" + std::string(Info.Id) + "' emits fact kind '" + F.Kind +
                           "' (version " + std::to_string(F.Version) +
                           ") that its TUAnalysisInfo::FactKinds does not declare");
  F.RuleId = std::string(Info.Id);
  KeepFact(std::move(F));
}

} // namespace contractcheck
