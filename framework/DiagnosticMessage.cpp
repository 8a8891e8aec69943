#include "DiagnosticMessage.h"

namespace contractcheck {

std::string escapedFormat(llvm::StringRef Text) {
  std::string Format;
  Format.reserve(Text.size());
  for (char C : Text) {
    if (C == '%')
      Format += '%';
    Format += C;
  }
  return Format;
}

} // namespace contractcheck
