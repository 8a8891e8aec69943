#include "RuleInfo.h"

#include <cctype>

namespace contractcheck {

const OptionSpec *RuleInfo::findOption(std::string_view Key) const {
  for (const OptionSpec &Spec : Options)
    if (Spec.Key == Key)
      return &Spec;
  return nullptr;
}

namespace {

const FactKind *findKind(std::span<const FactKind> Kinds, std::string_view Kind) {
  for (const FactKind &K : Kinds)
    if (K.Kind == Kind)
      return &K;
  return nullptr;
}

} // namespace

const FactKind *RuleInfo::findFactKind(std::string_view Kind) const {
  return findKind(FactKinds, Kind);
}

const FactKind *TUAnalysisInfo::findFactKind(std::string_view Kind) const {
  return findKind(FactKinds, Kind);
}

std::string tidyOptionName(std::string_view Key) {
  std::string Name;
  bool Upper = true;
  for (char C : Key) {
    if (C == '-') {
      Upper = true;
      continue;
    }
    Name += Upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(C))) : C;
    Upper = false;
  }
  return Name;
}

std::string docsUrl(std::string_view RuleId) {
  return std::string(CONTRACTCHECK_DOCS_URL) + std::string(RuleId) + ".md";
}

} // namespace contractcheck
