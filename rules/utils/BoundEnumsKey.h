// The store key of a rule's options when its per-TU part reads, of a list of bindings, only which
// enums they name (RuleInfo::TUOptionsKey).
#pragma once

#include <string>
#include <string_view>

namespace contractcheck {

class RuleOptions;

// Every option as it is, but the record list Bindings as the sorted set of its items' `enum`:
// the per-TU part emits those enums' definitions, and the rest of each binding (its file,
// pointer, key path, spelling) is read by the global step alone, so editing it re-parses no TU.
std::string optionsKeyOfBoundEnums(const RuleOptions &Options, std::string_view Bindings);

} // namespace contractcheck
