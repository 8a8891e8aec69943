// An enum-indexed array read only at a function's parameter needs slots only for what the
// function's calls pass. valhalla's `kTripLegRoadClass[]` (proto_conversions.h) has no slot for
// `RoadClass::kInvalid`, and its one read is `GetRoadClass(const baldr::RoadClass road_class)`,
// which every call gives `edge->classification()`, a 3-bit field; NanoBoyAdvance's
// `g_save_size[2]` has none for `EEPROM::DETECT`, read in `SetSizeHint(Size size)`, which
// `ROM::SetEEPROMSizeHint` calls passing its own parameter on, which dma.cc calls with `SIZE_4K`
// or `SIZE_64K`. What reaches the parameter is contract-switch-coverage's passed-values reading
// (PassedValues.h, PassedValueIndex.h); the CLI judges by every TU's calls in its global step,
// clang-tidy by its own TU's. Clang-free but for parameterHookOf.
#pragma once

#include "Finding.h"
#include "JsonFields.h"
#include "PositionKey.h"
#include "rules/enum-table/MissingSlots.h"
#include "rules/utils/PassedValueIndex.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace clang {
class HeaderSearch;
class ParmVarDecl;
class SourceManager;
} // namespace clang

namespace contractcheck {

// A read of an array at a parameter: whatever reaches it comes from the calls of Callees (the
// function, and the methods it overrides), as their parameter Parameter; Seen: the missing
// enumerators (USRs) nothing else rules out at the read.
struct ReadHook {
  std::vector<std::string> Callees;
  unsigned Parameter = 0;
  std::string Enum;
  std::vector<std::string> Seen;
};
CONTRACTCHECK_JSON_FIELDS(ReadHook, (Callees, "callees"), (Parameter, "parameter"),
                          (Enum, "enum"), (Seen, "seen"))

// What the reads of a reported indexed array see, in one TU: the global step takes out of the
// finding (its ArrayGapsFact, ArrayCounts.h, says what it lacks) the missing enumerators that,
// in every TU reporting it, only reads at parameters may see and no call passes. A TU with no
// read at a parameter says every missing enumerator is unhooked.
struct ArrayHooksFact {
  static constexpr std::string_view Kind = "array-hooks";
  static constexpr unsigned Version = 1;
  SourcePosition Where;
  std::string Message;
  std::vector<ReadHook> Hooks;
  // The missing enumerators (USRs) some read that is no parameter's may see.
  std::vector<std::string> Unhooked;
  std::string key() const { return positionKey(Where); }
};
CONTRACTCHECK_JSON_FIELDS(ArrayHooksFact, (Where, "where"), (Message, "message"), (Hooks, "hooks"),
                          (Unhooked, "unhooked"))

// The missing enumerators (USRs) of Array that no read can see: every read that may see one is
// at a parameter, and every call of its function passes values that never include it.
std::set<std::string> unreachedSlots(const std::vector<MissingSlot> &Missing,
                                     const std::vector<ReadHook> &Hooks,
                                     const std::vector<std::string> &Unhooked,
                                     const PassedValueIndex &Calls);

// The hook of a read at Param, when its function's calls say what reaches it: not a lambda's,
// not a template's, not a method overriding a library's (which the library may call with any
// value), and nothing in the function assigns the parameter, takes its address or binds a
// reference to it. Enum and Seen are the caller's to fill.
std::optional<ReadHook> parameterHookOf(const clang::ParmVarDecl &Param,
                                        const clang::SourceManager &SM,
                                        const clang::HeaderSearch *Headers);

} // namespace contractcheck
