#include "rules/utils/EnumDefinitionFact.h"

#include "rules/utils/EnumNames.h"
#include "SourcePositions.h"
#include "rules/utils/Usr.h"

#include <clang/AST/Decl.h>

namespace contractcheck {

EnumDefinitionFact enumDefinitionFact(const clang::EnumDecl &Enum, const clang::SourceManager &SM) {
  EnumDefinitionFact Fact;
  Fact.Usr = usrOf(Enum);
  Fact.Name = enumQualifiedName(Enum);
  Fact.Where = positionOf(Enum.getLocation(), SM);
  for (const clang::EnumConstantDecl *E : Enum.enumerators())
    Fact.Enumerators.push_back({E->getNameAsString(), E->getInitVal().getExtValue(),
                                positionOf(E->getLocation(), SM)});
  return Fact;
}

} // namespace contractcheck
