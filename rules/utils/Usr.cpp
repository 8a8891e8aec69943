#include "rules/utils/Usr.h"

#include <clang/AST/Decl.h>
#include <clang/Index/USRGeneration.h>
#include <llvm/ADT/SmallString.h>

namespace contractcheck {

std::string usrOf(const clang::Decl &D) {
  llvm::SmallString<128> Usr;
  // generateUSRForDecl returns true when it cannot make one (e.g. some implicit declarations);
  // those cannot be keyed across TUs, and an empty key says so.
  if (clang::index::generateUSRForDecl(&D, Usr))
    return {};
  return std::string(Usr);
}

} // namespace contractcheck
