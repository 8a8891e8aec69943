#include "rules/utils/FlagsShape.h"

#include "rules/utils/Sentinels.h"

#include <clang/AST/Decl.h>

#include <algorithm>
#include <vector>

using namespace clang;

namespace contractcheck {

bool singleBit(uint64_t V) { return V != 0 && (V & (V - 1)) == 0; }

std::optional<uint64_t> unsignedValue(const llvm::APSInt &V) {
  if (V.isNegative() || V.getActiveBits() > 64)
    return std::nullopt;
  return V.getZExtValue();
}

bool hasFlagsShape(const EnumDecl &Enum) {
  std::vector<uint64_t> Values;
  uint64_t Bits = 0;
  bool ImplicitMask = false;
  for (const EnumConstantDecl *E : Enum.enumerators()) {
    // Vulkan's `VK_..._FLAG_BITS_MAX_ENUM = 0x7FFFFFFF` forces the size of a flags enum.
    if (isSizeForcingValue(E->getInitVal()))
      continue;
    std::optional<uint64_t> V = unsignedValue(E->getInitVal());
    if (!V)
      return false;
    Values.push_back(*V);
    if (singleBit(*V))
      Bits |= *V;
    // 3 after 0, 1, 2 is the next case; `ReadWrite = 3` is a mask.
    else if (*V != 0 && !E->getInitExpr())
      ImplicitMask = true;
  }
  // `eAllTransports = 0xFF` (i2pd) sets the bits the enum has and the ones it may get.
  llvm::erase_if(Values, [&](uint64_t V) { return V > Bits && (V & (V + 1)) == 0; });
  if (ImplicitMask)
    return false;
  std::sort(Values.begin(), Values.end());
  Values.erase(std::unique(Values.begin(), Values.end()), Values.end());
  if (Values.size() < 2 || std::count_if(Values.begin(), Values.end(), singleBit) < 3)
    return false;
  // Masks such as `All = A | B | C` are unions of the enum's own bits.
  if (std::any_of(Values.begin(), Values.end(), [&](uint64_t V) { return (V & ~Bits) != 0; }))
    return false;
  return Values.back() - Values.front() + 1 != Values.size();
}

} // namespace contractcheck
