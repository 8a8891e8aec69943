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

void to_json(nlohmann::json &J, const EnumDefinitionFact::Enumerator &E) {
  J = {{"name", E.Name}, {"value", E.Value}, {"where", E.Where}};
}

void from_json(const nlohmann::json &J, EnumDefinitionFact::Enumerator &E) {
  J.at("name").get_to(E.Name);
  J.at("value").get_to(E.Value);
  J.at("where").get_to(E.Where);
}

void to_json(nlohmann::json &J, const EnumDefinitionFact &F) {
  J = {{"usr", F.Usr}, {"name", F.Name}, {"where", F.Where}, {"enumerators", F.Enumerators}};
}

void from_json(const nlohmann::json &J, EnumDefinitionFact &F) {
  J.at("usr").get_to(F.Usr);
  J.at("name").get_to(F.Name);
  J.at("where").get_to(F.Where);
  J.at("enumerators").get_to(F.Enumerators);
}

} // namespace contractcheck
