// The words of a contract-switch-coverage finding, built from plain names: the per-TU check
// writes them, and the CLI's global step that takes range markers out of a finding
// (RangeMarkerGlobal) writes them again for what is left, the same way.
#pragma once

#include <string>
#include <vector>

namespace contractcheck {

// "A, B, C" for a few names; past ten, the first ten and how many more.
std::string namesAtMost(const std::vector<std::string> &Names);

// "switch on 'E' has a 'default' label that hides 2 unhandled enumerators: E::A, E::B", or,
// without `default:`, "switch on 'E' does not handle 2 enumerators: ...".
std::string hiddenEnumeratorsMessage(const std::string &EnumName, bool HasDefault,
                                     const std::vector<std::string> &Names);

// The quick fix's title: "Add case EventType::Retry", "Add cases A, B".
std::string addCasesTitle(const std::vector<std::string> &Labels);

// What the fix-it inserts for one label before `default:`: "case A:" and what separates it from
// the next (a newline and the default's indentation, or a space).
std::string caseLabelInsertion(const std::string &Label, const std::string &Separator);

} // namespace contractcheck
