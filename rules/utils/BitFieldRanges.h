// The values an expression can hold because it is read from a bit-field: a read of a 3-bit field
// is 0..7 whatever its type, so an enumerator of value 8 never comes out of it. valhalla keeps a
// road's class in `uint64_t classification_ : 3` ("only 3 bits in DE for road class") and reads
// it through `RoadClass classification() const { return static_cast<RoadClass>(classification_);
// }`, while `RoadClass` ends with `kInvalid = 8`: the cost tables indexed by it have 8 slots, and
// no read can reach a ninth. Used by contract-enum-table (values no read of an array can reach
// owe no slot) and contract-switch-coverage (values a switch can never see are not hidden by its
// default).
#pragma once

#include <llvm/ADT/APSInt.h>

#include <optional>

namespace clang {
class ASTContext;
class Expr;
} // namespace clang

namespace contractcheck {

// The closed range [Min, Max] of the values a bit-field read can give.
struct HeldRange {
  llvm::APSInt Min;
  llvm::APSInt Max;
  bool holds(const llvm::APSInt &Value) const;
};

// The range of E when its value provably is a bit-field's: the bit-field itself (a member,
// `e.kind_`, or through `this`), through parentheses and conversions that keep every value of the
// range (an explicit or implicit integral or enum conversion to a type that holds them all; one
// that might wrap a value gives up), or a call of a non-virtual function whose body, seen in this
// translation unit, is the single statement `return <such an expression>;` (an accessor; one call
// deep). An unsigned bit-field of width w holds 0..2^w-1, a signed one -2^(w-1)..2^(w-1)-1, a
// `bool` one 0..1. Nothing for anything else (arithmetic, a variable, a call with a larger body).
std::optional<HeldRange> bitFieldRange(const clang::Expr &E, const clang::ASTContext &Ctx);

} // namespace contractcheck
