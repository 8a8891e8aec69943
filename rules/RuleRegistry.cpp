#include "rules/RuleRegistry.h"

namespace contractcheck {

// Each rule's info() is declared here rather than by including its header, so the registry
// stays free of Clang headers and of a second hand-kept list.
#define CONTRACTCHECK_RULE(Class) const RuleInfo &Class##Info();
#include "rules/Rules.def"

std::span<const RuleInfo *const> allRules() {
  static const RuleInfo *const Rules[] = {
#define CONTRACTCHECK_RULE(Class) &Class##Info(),
#include "rules/Rules.def"
  };
  return Rules;
}

const RuleInfo *findRule(std::string_view Id) {
  for (const RuleInfo *Info : allRules())
    if (Info->Id == Id)
      return Info;
  return nullptr;
}

} // namespace contractcheck
