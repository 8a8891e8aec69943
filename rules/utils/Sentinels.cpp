#include "Sentinels.h"

#include <clang/AST/Decl.h>

namespace contractcheck {

bool isProtobufRangeSentinel(std::string_view Name) {
  return Name.ends_with("_INT_MIN_SENTINEL_DO_NOT_USE_") ||
         Name.ends_with("_INT_MAX_SENTINEL_DO_NOT_USE_");
}

bool isProtobufOneofNotSet(const clang::EnumConstantDecl &Enumerator) {
  const auto *Enum = llvm::dyn_cast<clang::EnumDecl>(Enumerator.getDeclContext());
  return Enum && Enum->getName().ends_with("Case") && Enumerator.getName().ends_with("_NOT_SET") &&
         Enumerator.getInitVal().isZero();
}

bool namesTheDefault(const clang::EnumConstantDecl &Enumerator) {
  llvm::StringRef Name = Enumerator.getName();
  return Name == "kDefault" || Name == "Default" || Name == "DEFAULT" || Name == "eDefault" ||
         Name.ends_with("_DEFAULT");
}

bool SentinelPolicy::isSentinel(const clang::EnumConstantDecl &Enumerator, bool IsLast,
                                bool Aliased) const {
  std::string_view Name(Enumerator.getName());
  if (isProtobufRangeSentinel(Name))
    return true;
  return (IsLast || Aliased) && matchesAny(Names, Name);
}

} // namespace contractcheck
