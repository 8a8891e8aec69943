// Enumerators two tables of one enum both leave out, in more than one place of the enum: a subset
// the project keeps apart, not drift. Solarus keys entity_type_descriptions (EntityData.cpp) and
// entity_creation_functions (MapApi.cpp) by EntityType and leaves out the same six of its 31
// types, CAMERA ... BOOMERANG, ARROW and HOOKSHOT, with EXPLOSION, BOMB and FIRE between them
// listed: the entities a map file cannot hold. Enumerators added at the end and forgotten in every
// table are one run, and stay drift. Judged on the tables' enum-map columns: per TU by both front
// ends, across TUs by the CLI's global step. Clang-free.
#pragma once

#include "ContractMap.h"
#include "GlobalRule.h"

#include <vector>

namespace contractcheck {

// Whether the enumerators the reported table leaves out (its "missing" cells) are, exactly, those
// another table of the same enum leaves out, and the ones it was reported for lie in two or more
// runs of the enum's declaration order (a listed enumerator between them). Tables: every table
// column of the scope judged (a column at the reported table's own place is the same table, seen
// again).
bool omissionsShared(const EnumConsumer &Reported, const std::vector<EnumConsumer> &Tables);

// The CLI's global step: withdraws the findings of tables whose omissions another TU's table of
// the enum shares, and unlinks their cells in the enum map.
void withdrawSharedOmissions(GlobalContext &Context);

} // namespace contractcheck
