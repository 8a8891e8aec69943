// contract-enum-name's global step: a literal passed to a string-to-enum function whose body
// is in another translation unit, checked against the names that TU read from the body; and
// the configured data files' values against the enums they name.
#pragma once

#include "rules/enum-name/DataFileBindings.h"
#include "GlobalRule.h"

namespace contractcheck {

class RuleOptions;

class EnumNameGlobalRule : public GlobalRule {
public:
  explicit EnumNameGlobalRule(const RuleOptions &Options);
  void run(GlobalContext &Context) override;

private:
  const bool Infer;
  const std::vector<DataFileBinding> Data;
};

} // namespace contractcheck
