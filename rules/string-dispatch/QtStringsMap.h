// contract-string-dispatch's Qt columns of the report's service map: per receiver class, the
// SIGNAL()/SLOT()/invokeMethod strings one TU passes against the class's meta-methods.
#pragma once

#include "ContractMap.h"
#include "rules/string-dispatch/QtMethodStrings.h"

#include <vector>

namespace contractcheck {

// One column per receiver class: the meta-methods are its rows, each named string `matching`
// (with how many strings name it) or `differing` (what the rule reported, linked to it).
std::vector<ServiceStandIn> qtStringColumns(const std::vector<QtMethodStrings::Judged> &Judged,
                                            const clang::SourceManager &SM);

} // namespace contractcheck
