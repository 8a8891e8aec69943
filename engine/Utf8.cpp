#include "Utf8.h"

#include <llvm/Support/JSON.h>

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace contractcheck {

std::string validUtf8(std::string_view Text) {
  if (llvm::json::isUTF8(llvm::StringRef(Text.data(), Text.size())))
    return std::string(Text);
  return llvm::json::fixUTF8(llvm::StringRef(Text.data(), Text.size()));
}

bool isAscii(std::string_view Text) {
  const char *P = Text.data(), *End = P + Text.size();
  uint64_t High = 0;
#if defined(__SSE2__)
  // Sixty-four bytes at a time: a compilation database is read twice through here.
  __m128i Any = _mm_setzero_si128();
  for (; End - P >= 64; P += 64) {
    const auto *V = reinterpret_cast<const __m128i *>(P);
    Any = _mm_or_si128(Any, _mm_or_si128(_mm_or_si128(_mm_loadu_si128(V), _mm_loadu_si128(V + 1)),
                                         _mm_or_si128(_mm_loadu_si128(V + 2), _mm_loadu_si128(V + 3))));
  }
  if (_mm_movemask_epi8(Any))
    return false;
#endif
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
