#include "rules/utils/ServiceMethods.h"

#include <clang/AST/DeclCXX.h>

#include <algorithm>

using namespace clang;

namespace contractcheck {

std::vector<std::string> serviceMethods(const CXXRecordDecl &Service, bool VirtualOnly) {
  std::vector<std::string> Names;
  std::vector<const CXXRecordDecl *> Classes{&Service};
  for (size_t Next = 0; Next < Classes.size(); ++Next) {
    for (const CXXMethodDecl *M : Classes[Next]->methods()) {
      if (M->isImplicit() || !M->getIdentifier() || M->isStatic() || M->isDeleted() ||
          M->getAccess() != AS_public || isa<CXXConstructorDecl, CXXDestructorDecl>(M) ||
          (VirtualOnly && !M->isVirtual()))
        continue;
      std::string Name = M->getNameAsString();
      if (std::find(Names.begin(), Names.end(), Name) == Names.end())
        Names.push_back(std::move(Name));
    }
    for (const CXXBaseSpecifier &Base : Classes[Next]->bases())
      if (const CXXRecordDecl *Def = Base.getType()->getAsCXXRecordDecl())
        if ((Def = Def->getDefinition()) &&
            std::find(Classes.begin(), Classes.end(), Def) == Classes.end())
          Classes.push_back(Def);
  }
  return Names;
}

} // namespace contractcheck
