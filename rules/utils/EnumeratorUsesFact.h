// How each file uses the enumerators it names, as facts, and the codebase's verdict from them:
// what contract-switch-coverage (range markers) and contract-enum-table (counts) ask across
// translation units in the CLI's global steps. Clang-free: the global steps read the facts back
// from the result store.
#pragma once

#include "Facts.h"
#include "JsonFields.h"

#include <set>
#include <string>
#include <vector>

namespace contractcheck {

// How the code spelled in one file uses the enumerators it names (by USR), as one TU saw it. A
// header seen by many TUs gives the same fact in each, stored once.
struct EnumeratorUsesFact {
  static constexpr std::string_view Kind = "enumerator-uses";
  static constexpr unsigned Version = 4;
  std::string File; // where the uses are spelled (a macro's use, not its definition)
  // Compared by `<`, `>`, `<=`, `>=` with a value of their own enum (an enumerator may be in
  // several lists).
  std::vector<std::string> Bounds;
  // Sizes: an array's dimension (`T a[E]`, `std::array<T, E>`, `new T[E]`), or compared by
  // `<`, `>`, `<=`, `>=` with an integer (`i < E`, a loop's bound).
  std::vector<std::string> Sizes;
  // Named any other way: assigned, returned, passed, a case label, `==`, arithmetic, an index.
  std::vector<std::string> Values;
  // Those of Values that give a value of their enum (assigned, returned, passed, initialising):
  // not a case label, not a side of `==` / `!=`, not converted to another type.
  std::vector<std::string> Produced;
  // The enums (by USR) whose values are made here from something else than their enumerators:
  // a cast or conversion from an integer or another type (`static_cast<E>(i)`, `E(i)`,
  // `(E)i`), bytes written through a pointer of another type (`memcpy(&e, ...)`,
  // `reinterpret_cast<E *>(p)`), a library template that returns or writes one
  // (`v.value<E>()`, `stream >> e`, `j.get<E>()`), or Qt's meta-object (`Q_ENUM`).
  std::vector<std::string> Made;
  // Counts: an array's dimension, or the bound a loop runs up to and stops before (`i < E`, `e <
  // E`, `E > i` in the condition of a `for`, `while` or `do`), whatever else the use is also
  // sorted as (an enumerator may be in several lists). Mumble's `for (int fm = 0; fm <
  // VoiceRecorderFormat::kEnd; fm++)` fills the format box with every format before `kEnd`.
  std::vector<std::string> Counts;
  std::string key() const { return File; }
};
CONTRACTCHECK_JSON_FIELDS(EnumeratorUsesFact, (File, "file"), (Bounds, "bounds"),
                          (Sizes, "sizes"), (Values, "values"), (Produced, "produced"),
                          (Made, "made"), (Counts, "counts"))

// Every TU's uses together (or those of the TUs seen: an editor's buffer, a subset).
class CodebaseEnumeratorUses {
public:
  void add(const EnumeratorUsesFact &Uses) {
    Bounds.insert(Uses.Bounds.begin(), Uses.Bounds.end());
    Sizes.insert(Uses.Sizes.begin(), Uses.Sizes.end());
    Counts.insert(Uses.Counts.begin(), Uses.Counts.end());
    Values.insert(Uses.Values.begin(), Uses.Values.end());
    Produced.insert(Uses.Produced.begin(), Uses.Produced.end());
    Made.insert(Uses.Made.begin(), Uses.Made.end());
  }
  // Some TU gives a value that is this enumerator (EnumeratorUsesFact::Produced).
  bool produced(const std::string &Usr) const { return Produced.contains(Usr); }
  // Some TU makes values of this enum from something else than its enumerators.
  bool made(const std::string &EnumUsr) const { return Made.contains(EnumUsr); }
  // A range marker: compared as a bound with its enum's values, never a value nor a size.
  bool onlyBound(const std::string &Usr) const {
    return Bounds.contains(Usr) && !Values.contains(Usr) && !Sizes.contains(Usr);
  }
  // A count by its uses: some TU sizes an array with it or runs a loop up to it, and no TU gives
  // it as a value of its enum (`kEnd != 0`, a `case` label, does not give it). Whether it is
  // the enum's last value is the caller's to ask.
  bool countNeverGiven(const std::string &Usr) const {
    return Counts.contains(Usr) && !Produced.contains(Usr);
  }
  // A count or marker: a bound or a size, never a value.
  bool onlyCount(const std::string &Usr) const {
    return (Bounds.contains(Usr) || Sizes.contains(Usr)) && !Values.contains(Usr);
  }

private:
  std::set<std::string> Bounds, Sizes, Counts, Values, Produced, Made;
};

} // namespace contractcheck
