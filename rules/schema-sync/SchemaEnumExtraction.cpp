#include "rules/schema-sync/SchemaEnumExtraction.h"
#include "JsonPointer.h"

namespace contractcheck {
namespace {

std::string at(const DataNode &N) {
  return std::string(N.kindName()) + " at line " + std::to_string(N.position().Line) + ", column " +
         std::to_string(N.position().Column);
}

class Extractor {
public:
  Extractor(const DataDocument &Doc, DataError &Error) : Doc(Doc), Error(Error) {}

  std::optional<std::vector<ExternalMember>> fromNode(const DataNode &Start, unsigned Depth = 0) {
    if (Depth > 64)
      return fail(Start, "'allOf' nested more than 64 deep");
    const DataNode *Node = followRefs(Doc, Start, Error);
    if (!Node)
      return std::nullopt;
    if (Node->kind() == DataNode::Kind::List)
      return fromList(*Node, "list");
    if (Node->kind() != DataNode::Kind::Map)
      return fail(*Node, "expected an 'enum' list, a schema with 'enum', 'oneOf', 'anyOf' or "
                         "'allOf', or a list of names; found " +
                             at(*Node));
    if (const DataNode *Enum = Node->find("enum")) {
      if (Enum->kind() != DataNode::Kind::List)
        return fail(*Enum, "expected 'enum' to be a list, found " + at(*Enum));
      return fromList(*Enum, "'enum'");
    }
    for (std::string_view Key : {"oneOf", "anyOf"})
      if (const DataNode *Choices = Node->find(Key))
        return fromChoices(*Choices, Key);
    // OpenAPI 3.0 wraps a reference to add a description: allOf: [{$ref: ...}].
    if (const DataNode *All = Node->find("allOf"); All && All->kind() == DataNode::Kind::List) {
      const DataNode *Defining = nullptr;
      for (const DataNode &Part : All->items()) {
        const DataNode *Resolved = followRefs(Doc, Part, Error);
        if (!Resolved)
          return std::nullopt;
        bool Defines = Resolved->kind() == DataNode::Kind::List || Resolved->find("enum") ||
                       Resolved->find("oneOf") || Resolved->find("anyOf") ||
                       Resolved->find("allOf");
        if (Defines && Defining)
          return fail(*All, "expected one item of 'allOf' to define the members, found several");
        if (Defines)
          Defining = &Part;
      }
      if (Defining)
        return fromNode(*Defining, Depth + 1);
    }
    std::string Keys;
    for (const DataNode::Entry &E : Node->entries())
      Keys += (Keys.empty() ? "" : ", ") + E.Key;
    return fail(*Node,
                "expected a schema with 'enum', 'oneOf', 'anyOf' or 'allOf', or a list of names; "
                "found a map with keys: " +
                    (Keys.empty() ? "(none)" : Keys));
  }

private:
  std::optional<std::vector<ExternalMember>> fromList(const DataNode &List, std::string_view What) {
    std::vector<ExternalMember> Members;
    for (const DataNode &Item : List.items()) {
      std::optional<ExternalMember> M = member(Item, What);
      if (!M && !Error.Message.empty())
        return std::nullopt;
      if (M)
        Members.push_back(std::move(*M));
    }
    return Members;
  }

  // nullopt without an error for a null (a nullable enum's extra value).
  std::optional<ExternalMember> member(const DataNode &Item, std::string_view What) {
    DataPosition P = Item.position();
    switch (Item.kind()) {
    case DataNode::Kind::Null:
      return std::nullopt;
    case DataNode::Kind::String:
      return ExternalMember{Item.text(), std::nullopt, std::nullopt, P.Line, P.Column};
    case DataNode::Kind::Number:
      return ExternalMember{Item.text(), Item.integer(), std::nullopt, P.Line, P.Column};
    default:
      fail(Item, "expected each item of the " + std::string(What) +
                     " to be a string or a number, found " + at(Item));
      return std::nullopt;
    }
  }

  std::optional<std::vector<ExternalMember>> fromChoices(const DataNode &Choices,
                                                         std::string_view Key) {
    if (Choices.kind() != DataNode::Kind::List)
      return fail(Choices,
                  "expected '" + std::string(Key) + "' to be a list, found " + at(Choices));
    std::vector<ExternalMember> Members;
    for (const DataNode &Choice : Choices.items()) {
      const DataNode *Schema = followRefs(Doc, Choice, Error);
      if (!Schema)
        return std::nullopt;
      if (Schema->kind() == DataNode::Kind::Map) {
        const DataNode *Const = Schema->find("const");
        const DataNode *Enum = Schema->find("enum");
        const DataNode *Type = Schema->find("type");
        if (Const) {
          std::optional<ExternalMember> M = member(*Const, "'" + std::string(Key) + "' consts");
          if (!Error.Message.empty())
            return std::nullopt;
          if (M)
            Members.push_back(std::move(*M));
          continue;
        }
        // draft-04 spells a constant as a one-item enum
        if (Enum && Enum->kind() == DataNode::Kind::List && Enum->items().size() == 1) {
          std::optional<ExternalMember> M = member(Enum->items()[0], "'enum'");
          if (!Error.Message.empty())
            return std::nullopt;
          if (M)
            Members.push_back(std::move(*M));
          continue;
        }
        // {type: null}: nullable; {type: string} beside the consts: an open enum (glTF's
        // `anyOf: [{const: "OPAQUE"}, ..., {type: string}]`) that admits other values too.
        // Neither is a member.
        if (Type)
          continue;
      }
      return fail(*Schema, "expected each item of '" + std::string(Key) +
                               "' to be a schema with a 'const' (or only a 'type'), found " +
                               at(*Schema) + " without 'const'");
    }
    if (Members.empty())
      return fail(Choices, "expected an item of '" + std::string(Key) +
                               "' to be a schema with a 'const', found only 'type's");
    return Members;
  }

  std::optional<std::vector<ExternalMember>> fail(const DataNode &N, std::string Message) {
    if (Error.Message.empty())
      Error = Doc.errorAt(N.position(), std::move(Message));
    return std::nullopt;
  }

  const DataDocument &Doc;
  DataError &Error;
};

} // namespace

std::optional<std::vector<ExternalMember>>
extractSchemaMembers(const DataDocument &Doc, const DataNode &Node, DataError &Error) {
  Error = {};
  return Extractor(Doc, Error).fromNode(Node);
}

} // namespace contractcheck
