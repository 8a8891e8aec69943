// contract-string-dispatch's judging step: joins the literals every TU passed to the configured
// endpoints, so a name registered in one TU and called in another is matched whatever order the
// TUs were analysed in.
#pragma once

#include "GlobalRule.h"
#include "rules/string-dispatch/StringDispatchFacts.h"

#include <vector>

namespace contractcheck {

class RuleOptions;

class StringDispatchGlobalRule : public GlobalRule {
public:
  explicit StringDispatchGlobalRule(const RuleOptions &Options);
  void run(GlobalContext &Context) override;

private:
  const std::vector<DispatchSpec> Dispatches;
};

} // namespace contractcheck
