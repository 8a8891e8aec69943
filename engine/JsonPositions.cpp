#include "JsonPositions.h"

namespace contractcheck {

DataPosition jsonValuePosition(std::string_view Text, const std::vector<JsonStep> &Path) {
  DataError Error;
  std::optional<DataDocument> Document =
      DataDocument::parse("", Text, DataDocument::Format::Json, Error);
  if (!Document)
    return {1, 1};
  const DataNode *Node = &Document->root();
  for (const JsonStep &Step : Path) {
    const DataNode *Next = nullptr;
    if (const std::string *Key = std::get_if<std::string>(&Step))
      Next = Node->find(*Key);
    else if (size_t Index = std::get<size_t>(Step);
             Node->kind() == DataNode::Kind::List && Index < Node->items().size())
      Next = &Node->items()[Index];
    if (!Next)
      break;
    Node = Next;
  }
  return Node->position();
}

} // namespace contractcheck
