#include "Utf8.h"

#include <llvm/Support/JSON.h>

#include <cstdint>
#include <cstring>

namespace contractcheck {

std::string validUtf8(std::string_view Text) {
  if (llvm::json::isUTF8(llvm::StringRef(Text.data(), Text.size())))
    return std::string(Text);
  return llvm::json::fixUTF8(llvm::StringRef(Text.data(), Text.size()));
}

bool isAscii(std::string_view Text) {
  const char *P = Text.data(), *End = P + Text.size();
  uint64_t High = 0;
  for (; End - P >= 8; P += 8) {
    uint64_t V;
    std::memcpy(&V, P, 8);
    High |= V;
  }
  for (; P != End; ++P)
    High |= static_cast<unsigned char>(*P);
  return (High & 0x8080808080808080ULL) == 0;
}

} // namespace contractcheck
