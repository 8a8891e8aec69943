// Whether an enum's values are bits to combine rather than cases: what its values alone say.
#pragma once

#include <llvm/ADT/APSInt.h>

#include <cstdint>
#include <optional>

namespace clang {
class EnumDecl;
} // namespace clang

namespace contractcheck {

// Shape alone: every value is 0, a single bit, or a union of the enum's single bits written out
// (`ReadWrite = 3`; a 3 that merely follows 2 is the next case); there are at least three single
// bits; and the values are not one run of consecutive numbers (an all-ones mask such as
// `All = 0xFF` is set aside first) (1, 2, 3, 4 is a sequence that
// happens to contain powers of two, 0, 1, 2, 4, 8 is not).
bool hasFlagsShape(const clang::EnumDecl &Enum);

bool singleBit(uint64_t V);

// The value as an unsigned 64-bit number; nothing when it is negative or wider.
std::optional<uint64_t> unsignedValue(const llvm::APSInt &V);

} // namespace contractcheck
