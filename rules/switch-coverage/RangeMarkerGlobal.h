// contract-switch-coverage's global step (CLI): range markers across translation units. glslang's
// `getLayoutFormatString` switch, in a header, hides the six `Elf*Guard` enumerators of
// `TLayoutFormat`, which exist "to help with comparisons" (`format > ElfEsFloatGuard && format <
// ElfFloatGuard`) in ParseHelper.cpp, a TU that the switch's TUs never see. An enumerator that
// some TU compares as a bound and no TU uses as a value is no value a switch can be given: the
// findings that listed it are rewritten without it, and withdrawn when nothing else is left.
// So is a count known by its uses: the enum's last value, which some TU sizes an array or bounds
// a loop with and no TU gives as a value (mumble's `VoiceRecorderFormat::kEnd`, counted in
// VoiceRecorderDialog.cpp, hidden by a switch in VoiceRecorder.cpp).
// The same step takes out of a switch on a parameter the values every call of its function
// (cockatrice's virtual hook, called from the base's `default:` in another TU) has already
// dispatched (CallerDefaults.h), and keeps of a switch given only what its calls pass or its
// value's function returns the enumerators that reach it (PassedValues.h).
#pragma once

#include "GlobalRule.h"

namespace contractcheck {

class RuleOptions;

class SwitchCoverageGlobalRule : public GlobalRule {
public:
  explicit SwitchCoverageGlobalRule(const RuleOptions &Options);
  void run(GlobalContext &Context) override;

private:
  const bool RangeMarkers;
  const bool CallerDefaults;
  const bool PassedValues;
  const bool UnproducedValues;
};

} // namespace contractcheck
