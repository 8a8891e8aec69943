// An enum's distinct values with their aliases grouped, and the values a completeness rule holds
// code to (sentinel-only values dropped), shared by every rule that checks an enum is covered.
#pragma once

#include <llvm/ADT/APSInt.h>

#include <vector>

namespace clang {
class EnumDecl;
class EnumConstantDecl;
} // namespace clang

namespace contractcheck {

class SentinelPolicy;

// Enumerators that share a value: naming any one of them covers all.
struct ValueGroup {
  llvm::APSInt Value;
  std::vector<const clang::EnumConstantDecl *> Members;
};

std::vector<ValueGroup> groupByValue(const clang::EnumDecl &Enum);

// A value code must cover, reported under its first non-sentinel name.
struct HeldValue {
  llvm::APSInt Value;
  const clang::EnumConstantDecl *Named;
};

// In declaration order of the values' first enumerators.
std::vector<HeldValue> heldValues(const clang::EnumDecl &Enum, const SentinelPolicy &Sentinels);

// The last enumerator with a value of its own, when that value is above every other value of
// the enum: where a count stands (mumble's `VoiceRecorderFormat::kEnd`). Null otherwise.
const clang::EnumConstantDecl *lastValueAboveTheOthers(const clang::EnumDecl &Enum);

// The enumerator that names Value among Held; null when the value is not held.
const clang::EnumConstantDecl *enumeratorWithValue(const std::vector<HeldValue> &Held,
                                                   const llvm::APSInt &Value);

} // namespace contractcheck
