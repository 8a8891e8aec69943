#include "Rule.h"

namespace contractcheck {

llvm::StringRef Rule::getID() const {
  std::string_view Id = Context.rule().Id;
  return {Id.data(), Id.size()};
}

} // namespace contractcheck
