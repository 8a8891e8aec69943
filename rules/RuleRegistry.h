// The registered rules, in Rules.def order.
#pragma once

#include "RuleInfo.h"

#include <span>
#include <string_view>

namespace contractcheck {

std::span<const RuleInfo *const> allRules();
const RuleInfo *findRule(std::string_view Id);

} // namespace contractcheck
