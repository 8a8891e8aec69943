// The facts through which the CLI judges range markers across translation units
// (RangeMarkerGlobal.h): how each file uses its enumerators, and what each switch finding hides.
// Clang-free: the global step reads them back from the result store.
#pragma once

#include "Facts.h"
#include "Finding.h"
#include "JsonFields.h"
#include "PositionKey.h"
#include "rules/utils/EnumeratorUsesFact.h"

#include <string>
#include <vector>

namespace contractcheck {

// One enumerator a reported switch hides, with the words the finding says it in.
struct HiddenEnumerator {
  std::string Usr;
  std::string Enumerator; // its bare name: its row in the enum map
  std::string Name;       // as the message names it: fully qualified
  std::string Label;     // as the fix-it spells it, for the quick fix's title
  std::string Insertion; // what the fix-it inserts for it ("case A:\n  ")
};
CONTRACTCHECK_JSON_FIELDS(HiddenEnumerator, (Usr, "usr"), (Enumerator, "enumerator"),
                          (Name, "name"), (Label, "label"), (Insertion, "insertion"))

// A reported switch whose hidden enumerators this TU never uses as values: the global step may
// find some of them only ever compared, across the codebase, and rewrite the finding without
// them. Where and Message identify the finding the TU reported.
struct SwitchHiddenFact {
  static constexpr std::string_view Kind = "switch-hidden";
  static constexpr unsigned Version = 3;
  SourcePosition Where;
  std::string Message;
  std::string EnumName;
  bool HasDefault = true;
  std::vector<HiddenEnumerator> Hidden;
  // unproduced-values: the enum (a project's, whose values this TU makes from nothing else), the
  // hidden enumerators this TU never gives as values, the named ones it never gives (each must
  // be given somewhere), and whether the enum is declared in the TU's main file (no other TU
  // can give its values, so this TU's word is the whole codebase's).
  std::string EnumUsr;
  std::vector<std::string> Unproduced;
  std::vector<std::string> NamedUnproduced;
  bool LocalEnum = false;
  // The hidden enumerators that stand where a count stands (the last value, above the others):
  // a count if some TU sizes an array or bounds a loop with it and none gives it as a value.
  std::vector<std::string> CountPlaced;
  std::string key() const { return positionKey(Where); }
};
CONTRACTCHECK_JSON_FIELDS(SwitchHiddenFact, (Where, "where"), (Message, "message"),
                          (EnumName, "enum"), (HasDefault, "has_default"), (Hidden, "hidden"),
                          (EnumUsr, "enum_usr"), (Unproduced, "unproduced"),
                          (NamedUnproduced, "named_unproduced"), (LocalEnum, "local_enum"),
                          (CountPlaced, "count_placed"))

} // namespace contractcheck
