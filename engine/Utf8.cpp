#include "Utf8.h"

#include <llvm/Support/JSON.h>

namespace contractcheck {

std::string validUtf8(std::string_view Text) {
  if (llvm::json::isUTF8(llvm::StringRef(Text.data(), Text.size())))
    return std::string(Text);
  return llvm::json::fixUTF8(llvm::StringRef(Text.data(), Text.size()));
}

} // namespace contractcheck
