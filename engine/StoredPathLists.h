// Reading a stored outcome's path lists without a JSON document: "dependencies" (every file the
// parse read, with its hash) and "lookups" (every path it asked about, with the answer) are
// nine tenths of a result store entry's bytes, and a run that takes the other TUs' facts from
// the store (every single-file run, every language-server save, every warm run) reads them all.
// Through nlohmann::json they cost some 75 instructions a byte, a third of a single-file run of
// a small TU; read directly, a few.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>
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

// The members of the JSON object Text, each name (decoded) and its value as written (a view
// into Text); nullopt when Text is not one object.
std::optional<std::vector<std::pair<std::string, std::string_view>>>
objectMembers(std::string_view Text);

// Text, one JSON value as this build writes it (jsonText), into Out, as nlohmann::json::parse
// would read it, with every string holding a '$' (a path the store made relative: object keys
// too) handed to MapTagged first; false when Text is not such a value (the caller parses it with
// nlohmann, which decides). The stored outcomes a warm run reads are most of its decoding: this
// reads their strings eight bytes at a time instead of nlohmann's character at a time, and maps
// the tagged ones as they are read instead of walking the document again.
bool parseStoredJson(std::string_view Text, nlohmann::json &Out,
                     const std::function<std::string(std::string_view)> &MapTagged);

// Whether Text is one JSON value (its strings and numbers checked no further than its shape)
// nested at most 64 arrays and objects deep, as every stored value is: what walks a value read
// from a store whose checksum matches but whose content is anyone's (a shared store) recurses
// no deeper than that. The other readers here refuse deeper text themselves.
bool shallowJsonValue(std::string_view Text);

// One member of an object of an array of flat objects (flatObjects), as written: its name and
// a view into the text read of its value, a string with its quotes or a list of strings from
// its '[' to its ']', checked but not decoded (flatString, flatList decode it). A compilation
// database's commands are most of its bytes, and a one-file run uses one of them: decoding and
// copying every entry's was half of what reading googletest's database of 85 cost.
struct FlatMember {
  std::string_view Name;    // as written, which is as decoded: a name with an escape is refused
  std::string_view Written; // "..." or [...]
  bool IsList = false;
  bool Empty = false;   // a list of no string
  bool Escaped = false; // a string holding an escape (without one, its text is its value)
};

// The objects of an array of flat objects: each object's members, one after another, and where
// each object's end in Members.
struct FlatObjects {
  std::vector<FlatMember> Members;
  std::vector<size_t> Ends; // Members[Ends[I - 1] (0 for the first) .. Ends[I]) are object I's
};

// Text, a JSON array of objects whose members are strings or arrays of strings, no name
// twice in one object, no escape in a name, read without a JSON document, each string checked
// as the document would check it (escapes, control characters); nullopt for anything else: the
// caller parses the text with nlohmann, which reads it or says where it is wrong. The members
// are views into Text. Text must be ASCII (what a compilation database nearly always is; the
// caller checked it, once): then every string it decodes to is UTF-8 (an escape writes valid
// UTF-8, a lone surrogate is refused), as nlohmann requires.
std::optional<FlatObjects> flatObjects(std::string_view Text);

// A member's value decoded: Written a string as flatObjects checked it (with its quotes), or a
// list of such strings.
std::string flatString(std::string_view Written);
std::vector<std::string> flatList(std::string_view Written);

// A run's results as one store file (StoredRun.h): the distinct files its TUs read and paths
// they asked about, once, and each TU's key, the indices of its own among them and its outcome
// without the path lists (a view into the text read, as a TU's entry stores it).
struct StoredRunText {
  StringPairs Dependencies, Lookups;
  struct Unit {
    std::string Key;
    std::vector<uint32_t> Reads, Asks; // indices into Dependencies and Lookups
    std::string_view Outcome;
  };
  std::vector<Unit> Units;
};

// Text as writeStoredRun wrote it: {"dependencies":[[a,b],...],"lookups":[[a,b],...],
// "units":[{"key":k,"reads":[i,...],"asks":[j,...],"outcome":{...}},...]}, every index in
// range; nullopt for anything else.
std::optional<StoredRunText> splitStoredRun(std::string_view Text);

} // namespace contractcheck
