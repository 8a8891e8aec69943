#include "RuleInfo.h"

#include <cctype>

namespace contractcheck {

const OptionSpec *RuleInfo::findOption(std::string_view Key) const {
  for (const OptionSpec &Spec : Options)
    if (Spec.Key == Key)
      return &Spec;
  return nullptr;
}

const FactKind *RuleInfo::findFactKind(std::string_view Kind) const {
  for (const FactKind &K : FactKinds)
    if (K.Kind == Kind)
      return &K;
  return nullptr;
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
