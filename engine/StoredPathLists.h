// Reading a stored outcome's path lists without a JSON document: "dependencies" (every file the
// parse read, with its hash) and "lookups" (every path it asked about, with the answer) are
// nine tenths of a result store entry's bytes, and a run that takes the other TUs' facts from
// the store (every single-file run, every language-server save, every warm run) reads them all.
// Through nlohmann::json they cost some 75 instructions a byte, a third of a single-file run of
// a small TU; read directly, a few.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace contractcheck {

using StringPairs = std::vector<std::pair<std::string, std::string>>;

struct SplitOutcome {
  std::string Rest; // the other members, as the text of a JSON object
  StringPairs Dependencies, Lookups;
  // The other members one by one: each name (decoded) and its value as written, a view into
  // the Text split, so a reader parses only the members it needs.
  std::vector<std::pair<std::string, std::string_view>> Members;
  // The value of member Name as written, if there is one.
  std::optional<std::string_view> member(std::string_view Name) const;
};

// Text, a JSON object whose "dependencies" and "lookups" members are arrays of two strings
// each, split into those (decoded) and the rest (as written). nullopt when Text is not shaped
// so: the caller parses it whole, and a malformed entry is its miss.
std::optional<SplitOutcome> splitPathLists(std::string_view Text);

} // namespace contractcheck
