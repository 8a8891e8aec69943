// YAML into positioned nodes through yaml-cpp: each node's Mark is its position. Scalars are
// typed by the YAML 1.2 core schema for plain scalars; a quoted or block scalar is a string.
#include "DataDocumentParsers.h"
#include "YamlDocuments.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <unordered_map>

namespace contractcheck::data_detail {
namespace {

DataPosition positionOf(const YAML::Mark &M) {
  if (M.is_null() || M.line < 0 || M.column < 0)
    return {};
  return {static_cast<unsigned>(M.line) + 1, static_cast<unsigned>(M.column) + 1};
}

DataNode::Kind plainScalarKind(const std::string &S) {
  static const std::regex Null("~|null|Null|NULL|");
  static const std::regex Bool("true|True|TRUE|false|False|FALSE");
  static const std::regex Number("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|"
                                 "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|"
                                 "[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");
  if (S.size() > 64) // no core-schema null, bool or number is this long
    return DataNode::Kind::String;
  if (std::regex_match(S, Null))
    return DataNode::Kind::Null;
  if (std::regex_match(S, Bool))
    return DataNode::Kind::Bool;
  if (std::regex_match(S, Number))
    return DataNode::Kind::Number;
  return DataNode::Kind::String;
}


// How many documents the stream holds, up to two. yaml-cpp 0.7 can get stuck on some malformed
// input (",%" yields empty documents forever without consuming anything, found by fuzzing), so
// LoadAll is not used: a document that starts where the previous one started is that stall.
// Throws YAML::Exception for malformed input.
size_t countDocuments(std::string_view Text, DataError &Error) {
  YamlDocumentCount Count = countYamlDocuments(Text);
  if (Count.Stalled || Count.Documents >= 2) {
    DataPosition At = positionOf(Count.At);
    Error.Line = At.Line;
    Error.Column = At.Column;
    Error.Message = Count.Stalled ? "malformed YAML: the parser cannot get past this point"
                                  : "expected one YAML document, found another one here";
    return 0;
  }
  return Count.Documents;
}

class YamlConverter {
public:
  explicit YamlConverter(DataError &Error) : Error(Error) {}

  std::optional<DataNode> convert(const YAML::Node &N, unsigned Depth) {
    DataPosition At = positionOf(N.Mark());
    if (Depth > MaxDataDepth)
      return fail(At, "nesting deeper than " + std::to_string(MaxDataDepth) + " levels");
    // Aliases share nodes in yaml-cpp but are copied here, so a few lines can expand
    // exponentially ("billion laughs"): the count bounds the expansion.
    if (++Nodes > MaxDataNodes)
      return fail(At, "the document expands to more than " + std::to_string(MaxDataNodes) +
                          " values (aliases)");
    switch (N.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return DataNode(DataNode::Kind::Null, At);
    case YAML::NodeType::Scalar: {
      const std::string &S = N.Scalar();
      bool Plain = N.Tag() == "?";
      return DataNode(Plain ? plainScalarKind(S) : DataNode::Kind::String, At, S);
    }
    case YAML::NodeType::Sequence: {
      DataNode List(DataNode::Kind::List, At);
      for (const YAML::Node &Item : N) {
        std::optional<DataNode> V = convert(Item, Depth + 1);
        if (!V)
          return std::nullopt;
        List.mutableItems().push_back(std::move(*V));
      }
      return List;
    }
    case YAML::NodeType::Map:
      return convertMap(N, At, Depth);
    }
    return fail(At, "unsupported YAML node");
  }

private:
  // A plain `<<` key is YAML 1.1's merge key (yaml-cpp leaves it to the reader): its value, a
  // map or a list of maps (`<<: *defaults`, `<<: [*a, *b]`), lends its entries to the map. A key
  // written in the map overrides a merged one, and an earlier map of the list overrides a later
  // one, without either being a duplicate; duplicates among the written keys still are. Merged
  // entries keep the positions of the map they were written in. A quoted "<<" is a plain key.
  static bool isMergeKey(const YAML::Node &Key) {
    return Key.IsScalar() && Key.Tag() == "?" && Key.Scalar() == "<<";
  }

  std::optional<DataNode> convertMap(const YAML::Node &N, DataPosition At, unsigned Depth) {
    DataNode Map(DataNode::Kind::Map, At);
    std::unordered_map<std::string, DataPosition> Seen;
    std::optional<DataPosition> MergeAt;
    for (const auto &KV : N) {
      DataPosition KeyAt = positionOf(KV.first.Mark());
      if (!KV.first.IsScalar())
        return fail(KeyAt, "a map key must be a scalar");
      bool Merge = isMergeKey(KV.first);
      if (Merge && MergeAt)
        return fail(KeyAt, "a second merge key '<<' (first at line " +
                               std::to_string(MergeAt->Line) + ", column " +
                               std::to_string(MergeAt->Column) +
                               "); merge several maps with '<<: [*a, *b]'");
      if (Merge) {
        MergeAt = KeyAt;
        continue;
      }
      const std::string &Key = KV.first.Scalar();
      if (auto [It, New] = Seen.try_emplace(Key, KeyAt); !New)
        return fail(KeyAt, "duplicate key '" + Key + "' (first at line " +
                               std::to_string(It->second.Line) + ", column " +
                               std::to_string(It->second.Column) + ")");
      std::optional<DataNode> V = convert(KV.second, Depth + 1);
      if (!V)
        return std::nullopt;
      Map.mutableEntries().push_back({Key, KeyAt, std::move(*V)});
    }
    if (!MergeAt)
      return Map;
    for (const auto &KV : N) {
      if (!isMergeKey(KV.first))
        continue;
      // Converting the merged maps goes through convert(), so an alias that refers back to a map
      // it sits in is bounded by the depth and node limits like any other.
      std::optional<DataNode> Value = convert(KV.second, Depth + 1);
      if (!Value)
        return std::nullopt;
      std::vector<const DataNode *> Sources;
      if (Value->kind() == DataNode::Kind::Map)
        Sources.push_back(&*Value);
      else if (Value->kind() == DataNode::Kind::List)
        for (const DataNode &Item : Value->items())
          Sources.push_back(&Item);
      if (Sources.empty() || std::any_of(Sources.begin(), Sources.end(), [](const DataNode *S) {
            return S->kind() != DataNode::Kind::Map;
          }))
        return fail(positionOf(KV.second.Mark()),
                    "the merge key '<<' takes a map or a list of maps, not " +
                        std::string(Value->kindName()));
      for (const DataNode *Source : Sources)
        for (const DataNode::Entry &Entry : Source->entries())
          if (Seen.try_emplace(Entry.Key, Entry.KeyPosition).second)
            Map.mutableEntries().push_back(Entry);
    }
    return Map;
  }

  std::optional<DataNode> fail(DataPosition At, std::string Message) {
    Error.Line = At.Line;
    Error.Column = At.Column;
    Error.Message = std::move(Message);
    return std::nullopt;
  }

  DataError &Error;
  size_t Nodes = 0;
};

} // namespace

std::optional<DataNode> parseYaml(std::string_view Text, DataError &Error) {
  try {
    size_t Documents = countDocuments(Text, Error);
    if (!Error.Message.empty())
      return std::nullopt;
    if (Documents == 0)
      return DataNode(DataNode::Kind::Null, {1, 1});
    return YamlConverter(Error).convert(YAML::Load(std::string(Text)), 0);
  } catch (const YAML::Exception &E) {
    DataPosition At = positionOf(E.mark);
    Error.Line = At.Line;
    Error.Column = At.Column;
    Error.Message = "malformed YAML: " + yamlErrorText(E, Text);
  } catch (const std::exception &E) {
    Error.Line = Error.Column = 0;
    Error.Message = std::string("malformed YAML: ") + E.what();
  }
  return std::nullopt;
}

} // namespace contractcheck::data_detail
