#include "Utf8.h"

namespace contractcheck {

namespace {

// Length of the well-formed UTF-8 sequence starting at Text[I], or 0 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF).
size_t sequenceLength(std::string_view Text, size_t I) {
  auto Byte = [&](size_t K) { return static_cast<unsigned char>(Text[K]); };
  unsigned char Lead = Byte(I);
  if (Lead < 0x80)
    return 1;
  size_t Length;
  unsigned char Min = 0x80, Max = 0xBF;
  if (Lead >= 0xC2 && Lead <= 0xDF)
    Length = 2;
  else if (Lead >= 0xE0 && Lead <= 0xEF) {
    Length = 3;
    if (Lead == 0xE0)
      Min = 0xA0;
    if (Lead == 0xED)
      Max = 0x9F;
  } else if (Lead >= 0xF0 && Lead <= 0xF4) {
    Length = 4;
    if (Lead == 0xF0)
      Min = 0x90;
    if (Lead == 0xF4)
      Max = 0x8F;
  } else
    return 0;
  if (I + Length > Text.size())
    return 0;
  if (Byte(I + 1) < Min || Byte(I + 1) > Max)
    return 0;
  for (size_t K = 2; K < Length; ++K)
    if (Byte(I + K) < 0x80 || Byte(I + K) > 0xBF)
      return 0;
  return Length;
}

} // namespace

std::string validUtf8(std::string_view Text) {
  std::string Result;
  Result.reserve(Text.size());
  for (size_t I = 0; I < Text.size();) {
    if (size_t Length = sequenceLength(Text, I)) {
      Result.append(Text.substr(I, Length));
      I += Length;
    } else {
      Result += "\xEF\xBF\xBD";
      ++I;
    }
  }
  return Result;
}

} // namespace contractcheck
