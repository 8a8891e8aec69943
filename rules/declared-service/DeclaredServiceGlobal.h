// contract-declared-service's global step (CLI): a contract whose class no analysed TU defines
// names nothing that can be judged, and a contract a TU could not judge is reported once, both
// as configuration errors (exit 2) at the contract's line.
#pragma once

#include "Glob.h"
#include "GlobalRule.h"

#include <vector>

namespace contractcheck {

class RuleOptions;

class DeclaredServiceGlobalRule : public GlobalRule {
public:
  explicit DeclaredServiceGlobalRule(const RuleOptions &Options);
  void run(GlobalContext &Context) override;

private:
  const std::vector<Glob> Contracts;
};

} // namespace contractcheck
