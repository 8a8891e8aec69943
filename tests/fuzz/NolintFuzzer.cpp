// libFuzzer target: NOLINT comment parsing over arbitrary file text. It never fails, so any
// crash or sanitizer report is a bug.
#include "Suppression.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  contractcheck::SuppressionIndex Index(Text);
  for (unsigned Line = 0; Line < 8; ++Line) {
    static_cast<void>(Index.isSuppressed(Line, "contract-switch-coverage"));
    static_cast<void>(Index.isSuppressed(Line, "contract-mock-drift"));
  }
  static_cast<void>(Index.unmatchedLines());
  return 0;
}
