// Enums numbered in groups that start again from the same values: Qt's QStyle::SubControl lists
// the scroll bar's parts as bits 0x1 ... 0x80, then the spin box's from 0x1 again, the combo
// box's, the title bar's, ... A value names one part of each group, so a table of one group's
// parts (a style's `scrollBarSubControlItem[]`) covers most of the enum's values and is not
// meant to have rows for the other groups' parts.
#pragma once

#include "rules/enum-table/TableEntries.h"
#include "rules/utils/EnumValues.h"

#include <optional>
#include <vector>

namespace contractcheck {

// Held restricted to the groups the table's keys are spelled from, each value named by that
// group's enumerator; nothing when the enum is not grouped or a key is not written as an
// enumerator. A group is a run of rising values; the enum is grouped when at least two runs of
// two or more enumerators start at a value an earlier run used.
std::optional<std::vector<HeldValue>> heldInKeyedGroups(const KeyedTable &Table,
                                                        const std::vector<HeldValue> &Held);

} // namespace contractcheck
