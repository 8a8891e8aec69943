// The facts through which contract-switch-coverage finds the values a switch's callers have
// already dispatched (CallerDefaults.h), and the judgement both front ends make from them: the
// CLI from every TU's facts (RangeMarkerGlobal.h), clang-tidy from its own TU's. Clang-free: the
// global step reads them back from the result store.
#pragma once

#include "Facts.h"
#include "Finding.h"
#include "JsonFields.h"
#include "PositionKey.h"
#include "rules/utils/PassedValueIndex.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace contractcheck {

// A call, in the `default:` of a switch over an enum, that passes the switched value on: the
// values the switch's own cases take never reach the callee through it.
struct DefaultCallFact {
  static constexpr std::string_view Kind = "default-call";
  static constexpr unsigned Version = 1;
  SourcePosition Where;  // the call
  std::string Callee;    // the function the call names, by USR (a virtual call: the base's)
  unsigned Argument = 0; // the parameter the switched value is passed to
  std::vector<std::string> Filtered; // the enumerators the switch's cases take, by USR
  std::string key() const {
    return positionKey(Where) + "#" + Callee + "#" + std::to_string(Argument);
  }
};
CONTRACTCHECK_JSON_FIELDS(DefaultCallFact, (Where, "where"), (Callee, "callee"),
                          (Argument, "argument"), (Filtered, "filtered"))

// A reported switch over a parameter of its function: whatever reaches it comes from the calls of
// that function, or, for a virtual method, of the methods it overrides (Callees, by USR). Or a
// switch over what a call of Returner returned (a local initialised from it, or the call itself).
// Enum (the switch's enum, by USR) is set where passed-values judges the switch (not in a name
// table): then only the enumerators the calls pass, or Returner returns, reach it. Named: the
// enumerators its cases name (a switch naming one that nothing passes is written for more than
// what reaches it today: a table of the enum, judged as any other).
struct SwitchHookFact {
  static constexpr std::string_view Kind = "switch-hook";
  static constexpr unsigned Version = 2;
  SourcePosition Where;
  std::string Message;
  std::vector<std::string> Callees;
  unsigned Parameter = 0;
  std::string Enum;
  std::string Returner;
  std::vector<std::string> Named;
  std::string key() const { return positionKey(Where); }
};
CONTRACTCHECK_JSON_FIELDS(SwitchHookFact, (Where, "where"), (Message, "message"),
                          (Callees, "callees"), (Parameter, "parameter"), (Enum, "enum"),
                          (Returner, "returner"), (Named, "named"))

// The calls and references of the codebase (or of one TU), indexed for the question below.
class CallerIndex {
public:
  void add(const DefaultCallFact &Call);
  void add(const FunctionRefsFact &Refs);
  void add(const ConstantCallFact &Call);
  void add(const ReturnedValuesFact &Returns);
  // The enumerators (USRs) no call can pass to the hook: every call of its callees is in a
  // `default:` and passes the switched value as the hook's parameter, and each of those
  // switches takes them in its cases. Empty when some call is not (or there is none).
  std::set<std::string> filteredForEveryCall(const SwitchHookFact &Hook) const;
  // passed-values: the enumerators (USRs, every name of each value) that can reach the hook's
  // switch: those every call of its callees passes as the parameter (constants of the hook's
  // enum, a bit-field's read, or the caller's own parameter, followed to its calls), or those
  // its Returner's every `return` returns. None when some call passes anything else, some other reference lets any value through, no call is seen, or the
  // returner's returns are not all such constants (or its body is not seen), or some enumerator
  // the switch names is not among them.
  std::optional<std::set<std::string>> reachingValues(const SwitchHookFact &Hook) const;

private:
  std::map<std::string, std::vector<DefaultCallFact>> CallsByCallee;
  PassedValueIndex Passed; // the calls passing values, the other references, the returns
};

} // namespace contractcheck
