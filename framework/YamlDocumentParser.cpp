// YAML into positioned nodes through yaml-cpp: each node's Mark is its position. Scalars are
// typed by the YAML 1.2 core schema for plain scalars; a quoted or block scalar is a string.
#include "DataDocumentParsers.h"
#include "YamlDocuments.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <unordered_map>
#include <utility>
#include <vector>

namespace contractcheck::data_detail {
namespace {

DataPosition positionOf(const YAML::Mark &M) {
  if (M.is_null() || M.line < 0 || M.column < 0)
    return {};
  return {static_cast<unsigned>(M.line) + 1, static_cast<unsigned>(M.column) + 1};
}

} // namespace

// The core schema's regular expressions, matched by hand: std::regex compiled them on every run
// (3.5 M instructions, 3 % of a warm run of the example).
namespace {

bool allOf(std::string_view S, bool (*Is)(char)) {
  return !S.empty() && std::all_of(S.begin(), S.end(), Is);
}
bool isDecimal(char C) { return C >= '0' && C <= '9'; }
bool isOctal(char C) { return C >= '0' && C <= '7'; }
bool isHex(char C) { return isDecimal(C) || (C >= 'a' && C <= 'f') || (C >= 'A' && C <= 'F'); }
// The length of the leading run of decimal digits.
size_t decimals(std::string_view S) {
  return static_cast<size_t>(std::find_if_not(S.begin(), S.end(), isDecimal) - S.begin());
}

bool oneOf(std::string_view S, std::initializer_list<std::string_view> Words) {
  return std::find(Words.begin(), Words.end(), S) != Words.end();
}

// [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+ |
// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.nan|\.NaN|\.NAN
bool isCoreNumber(std::string_view S) {
  // After "0o" or "0x" no other form goes on (none takes an 'o' or an 'x').
  if (S.substr(0, 2) == "0o")
    return allOf(S.substr(2), isOctal);
  if (S.substr(0, 2) == "0x")
    return allOf(S.substr(2), isHex);
  if (oneOf(S, {".nan", ".NaN", ".NAN"}))
    return true;
  if (!S.empty() && (S[0] == '-' || S[0] == '+'))
    S.remove_prefix(1);
  if (oneOf(S, {".inf", ".Inf", ".INF"}))
    return true;
  // The mantissa: .digits, or digits with an optional fraction (the first form is its part).
  size_t Whole = decimals(S);
  S.remove_prefix(Whole);
  if (Whole == 0) {
    if (S.empty() || S[0] != '.' || decimals(S.substr(1)) == 0)
      return false;
    S.remove_prefix(1 + decimals(S.substr(1)));
  } else if (!S.empty() && S[0] == '.') {
    S.remove_prefix(1 + decimals(S.substr(1)));
  }
  if (S.empty())
    return true;
  if (S[0] != 'e' && S[0] != 'E')
    return false;
  S.remove_prefix(1);
  if (!S.empty() && (S[0] == '-' || S[0] == '+'))
    S.remove_prefix(1);
  return allOf(S, isDecimal);
}

} // namespace

DataNode::Kind plainScalarKind(std::string_view S) {
  if (S.size() > 64) // no core-schema null, bool or number is this long
    return DataNode::Kind::String;
  if (oneOf(S, {"~", "null", "Null", "NULL", ""}))
    return DataNode::Kind::Null;
  if (oneOf(S, {"true", "True", "TRUE", "false", "False", "FALSE"}))
    return DataNode::Kind::Bool;
  if (isCoreNumber(S))
    return DataNode::Kind::Number;
  return DataNode::Kind::String;
}

namespace {

// The first document as yaml-cpp's own tree holds it (what YAML::Load returns), built from the
// parser's events so that the same pass goes on to tell whether another document follows:
// counting the documents was a parse of its own. Each node keeps its mark and tag; an alias is
// the node it names, not a copy, so a map may sit in itself, and the converter's depth and node
// limits end its walk, as they did over yaml-cpp's nodes.
class YamlGraph : public YAML::EventHandler {
public:
  struct Node {
    YAML::NodeType::value Type = YAML::NodeType::Null;
    YAML::Mark At = YAML::Mark::null_mark();
    std::string Tag, Text;
    std::vector<const Node *> Items;                           // a sequence's
    std::vector<std::pair<const Node *, const Node *>> Pairs; // a map's, keys and values
  };

  YAML::Mark Start; // where the document starts
  // An empty document's is a null without a position, as YAML::Load's.
  const Node &root() const {
    static const Node Empty;
    return Root ? *Root : Empty;
  }

  void OnDocumentStart(const YAML::Mark &M) override { Start = M; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark &M, YAML::anchor_t A) override {
    add(make(YAML::NodeType::Null, M, "", A));
  }
  void OnAlias(const YAML::Mark &M, YAML::anchor_t A) override {
    // The parser refuses an alias to an anchor it has not seen.
    add(A >= 1 && A <= Anchors.size() && Anchors[A - 1] ? Anchors[A - 1]
                                                        : make(YAML::NodeType::Null, M, "", 0));
  }
  void OnScalar(const YAML::Mark &M, const std::string &Tag, YAML::anchor_t A,
                const std::string &Value) override {
    Node *N = make(YAML::NodeType::Scalar, M, Tag, A);
    N->Text = Value;
    add(N);
  }
  void OnSequenceStart(const YAML::Mark &M, const std::string &Tag, YAML::anchor_t A,
                       YAML::EmitterStyle::value) override {
    Open.push_back({make(YAML::NodeType::Sequence, M, Tag, A), nullptr});
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark &M, const std::string &Tag, YAML::anchor_t A,
                  YAML::EmitterStyle::value) override {
    Open.push_back({make(YAML::NodeType::Map, M, Tag, A), nullptr});
  }
  void OnMapEnd() override { close(); }

private:
  // Anchored when made: an alias inside the collection it names refers to it.
  Node *make(YAML::NodeType::value Type, const YAML::Mark &M, const std::string &Tag,
             YAML::anchor_t A) {
    Node *N = Owned.emplace_back(std::make_unique<Node>()).get();
    N->Type = Type;
    N->At = M;
    N->Tag = Tag;
    if (A) {
      if (Anchors.size() < A)
        Anchors.resize(A, nullptr);
      Anchors[A - 1] = N;
    }
    return N;
  }
  void close() {
    Node *Done = Open.back().Collection;
    Open.pop_back();
    add(Done);
  }
  // A complete node: the root, a sequence's item, a map's key or the value of its key.
  void add(const Node *N) {
    if (Open.empty()) {
      if (!Root)
        Root = N;
      return;
    }
    auto &[Collection, Key] = Open.back();
    if (Collection->Type == YAML::NodeType::Sequence) {
      Collection->Items.push_back(N);
    } else if (!Key) {
      Key = N;
    } else {
      Collection->Pairs.emplace_back(Key, N);
      Key = nullptr;
    }
  }

  struct OpenCollection {
    Node *Collection;
    const Node *Key; // a map's key waiting for its value
  };
  std::vector<OpenCollection> Open;
  std::vector<std::unique_ptr<Node>> Owned;
  std::vector<Node *> Anchors; // by anchor number, from 1
  const Node *Root = nullptr;
};

class YamlConverter {
public:
  explicit YamlConverter(DataError &Error) : Error(Error) {}

  std::optional<DataNode> convert(const YamlGraph::Node &N, unsigned Depth) {
    DataPosition At = positionOf(N.At);
    if (Depth > MaxDataDepth)
      return fail(At, "nesting deeper than " + std::to_string(MaxDataDepth) + " levels");
    // Aliases share nodes in yaml-cpp but are copied here, so a few lines can expand
    // exponentially ("billion laughs"): the count bounds the expansion.
    if (++Nodes > MaxDataNodes)
      return fail(At, "the document expands to more than " + std::to_string(MaxDataNodes) +
                          " values (aliases)");
    switch (N.Type) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return DataNode(DataNode::Kind::Null, At);
    case YAML::NodeType::Scalar: {
      const std::string &S = N.Text;
      bool Plain = N.Tag == "?";
      return DataNode(Plain ? plainScalarKind(S) : DataNode::Kind::String, At, S);
    }
    case YAML::NodeType::Sequence: {
      DataNode List(DataNode::Kind::List, At);
      for (const YamlGraph::Node *Item : N.Items) {
        std::optional<DataNode> V = convert(*Item, Depth + 1);
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
  static bool isMergeKey(const YamlGraph::Node &Key) {
    return Key.Type == YAML::NodeType::Scalar && Key.Tag == "?" && Key.Text == "<<";
  }

  std::optional<DataNode> convertMap(const YamlGraph::Node &N, DataPosition At,
                                     unsigned Depth) {
    DataNode Map(DataNode::Kind::Map, At);
    std::unordered_map<std::string, DataPosition> Seen;
    std::optional<DataPosition> MergeAt;
    for (const auto &[KeyNode, ValueNode] : N.Pairs) {
      DataPosition KeyAt = positionOf(KeyNode->At);
      if (KeyNode->Type != YAML::NodeType::Scalar)
        return fail(KeyAt, "a map key must be a scalar");
      bool Merge = isMergeKey(*KeyNode);
      if (Merge && MergeAt)
        return fail(KeyAt, "a second merge key '<<' (first at line " +
                               std::to_string(MergeAt->Line) + ", column " +
                               std::to_string(MergeAt->Column) +
                               "); merge several maps with '<<: [*a, *b]'");
      if (Merge) {
        MergeAt = KeyAt;
        continue;
      }
      const std::string &Key = KeyNode->Text;
      if (auto [It, New] = Seen.try_emplace(Key, KeyAt); !New)
        return fail(KeyAt, "duplicate key '" + Key + "' (first at line " +
                               std::to_string(It->second.Line) + ", column " +
                               std::to_string(It->second.Column) + ")");
      std::optional<DataNode> V = convert(*ValueNode, Depth + 1);
      if (!V)
        return std::nullopt;
      Map.mutableEntries().push_back({Key, KeyAt, std::move(*V)});
    }
    if (!MergeAt)
      return Map;
    for (const auto &[KeyNode, ValueNode] : N.Pairs) {
      if (!isMergeKey(*KeyNode))
        continue;
      // Converting the merged maps goes through convert(), so an alias that refers back to a map
      // it sits in is bounded by the depth and node limits like any other.
      std::optional<DataNode> Value = convert(*ValueNode, Depth + 1);
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
        return fail(positionOf(ValueNode->At),
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
    std::istringstream In{std::string(Text)};
    YAML::Parser Parser(In);
    YamlGraph Graph;
    if (!Parser.HandleNextDocument(Graph))
      return DataNode(DataNode::Kind::Null, {1, 1});
    // yaml-cpp 0.7's LoadAll can get stuck on some malformed input (",%" yields empty documents
    // forever without consuming anything; found by fuzzing): a document that starts where the
    // previous one started is that stall.
    if (YamlDocumentCount Count = countYamlDocumentsAfter(Parser, Graph.Start);
        Count.Stalled || Count.Documents >= 2) {
      DataPosition At = positionOf(Count.At);
      Error.Line = At.Line;
      Error.Column = At.Column;
      Error.Message = Count.Stalled ? "malformed YAML: the parser cannot get past this point"
                                    : "expected one YAML document, found another one here";
      return std::nullopt;
    }
    return YamlConverter(Error).convert(Graph.root(), 0);
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
