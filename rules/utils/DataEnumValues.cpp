#include "rules/utils/DataEnumValues.h"

#include <algorithm>

namespace contractcheck {

std::vector<BadEnumValue> findBadEnumValues(const DataDocument &Doc, const DataKeyPath &Path,
                                            const std::vector<std::string> &Enumerators,
                                            NameSpelling Spelling) {
  std::vector<std::string> Spelled;
  for (const std::string &E : Enumerators)
    Spelled.push_back(spellEnumerator(E, Spelling));
  std::vector<BadEnumValue> Bad;
  for (const DataNode *Value : Path.match(Doc.root())) {
    if (Value->kind() == DataNode::Kind::Null)
      continue;
    if (Value->kind() != DataNode::Kind::String) {
      Bad.push_back({Value->position(),
                     Value->isScalar() ? Value->text() : std::string(Value->kindName()), true,
                     std::nullopt});
      continue;
    }
    if (std::find(Spelled.begin(), Spelled.end(), Value->text()) != Spelled.end())
      continue;
    Bad.push_back({Value->position(), Value->text(), false, closestName(Value->text(), Spelled)});
  }
  return Bad;
}

} // namespace contractcheck
