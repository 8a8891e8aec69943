#include "JsonPointer.h"

#include <set>

namespace contractcheck {
namespace {

// Bounds the work a hostile document can cause; real schemas use a handful of references.
constexpr size_t MaxRefSteps = 10'000;

int hexDigit(char C) {
  if (C >= '0' && C <= '9')
    return C - '0';
  if (C >= 'a' && C <= 'f')
    return C - 'a' + 10;
  if (C >= 'A' && C <= 'F')
    return C - 'A' + 10;
  return -1;
}

std::optional<std::string> percentDecode(std::string_view Text, std::string &Message) {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] != '%') {
      Out += Text[I];
      continue;
    }
    int Hi = I + 2 < Text.size() ? hexDigit(Text[I + 1]) : -1;
    int Lo = I + 2 < Text.size() ? hexDigit(Text[I + 2]) : -1;
    if (Hi < 0 || Lo < 0) {
      Message = "malformed percent-escape at character " + std::to_string(I + 1);
      return std::nullopt;
    }
    Out += static_cast<char>(Hi * 16 + Lo);
    I += 2;
  }
  return Out;
}

std::optional<size_t> arrayIndex(const std::string &Token) {
  if (Token.empty() || Token.size() > 9 || (Token.size() > 1 && Token[0] == '0'))
    return std::nullopt;
  size_t Index = 0;
  for (char C : Token) {
    if (C < '0' || C > '9')
      return std::nullopt;
    Index = Index * 10 + static_cast<size_t>(C - '0');
  }
  return Index;
}

std::string describe(const DataNode &N) {
  return std::string(N.kindName()) + " at line " + std::to_string(N.position().Line) + ", column " +
         std::to_string(N.position().Column);
}

class Resolver {
public:
  Resolver(const DataDocument &Doc, DataError &Error) : Doc(Doc), Error(Error) {}

  const DataNode *resolve(std::string_view Pointer, const DataNode *Origin) {
    std::string Message;
    std::optional<std::vector<std::string>> Tokens = parseJsonPointer(Pointer, Message);
    if (!Tokens)
      return fail(Origin, "malformed JSON Pointer '" + std::string(Pointer) + "': " + Message);
    const DataNode *Node = &Doc.root();
    for (const std::string &Token : *Tokens) {
      if (Node->kind() == DataNode::Kind::Map && !Node->findEntry(Token))
        if (!(Node = follow(*Node)))
          return nullptr;
      if (Node->kind() == DataNode::Kind::Map) {
        const DataNode *Next = Node->find(Token);
        if (!Next)
          return fail(Node, "'" + std::string(Pointer) + "' names nothing: no key '" + Token +
                                "' in the map here");
        Node = Next;
      } else if (Node->kind() == DataNode::Kind::List) {
        std::optional<size_t> Index = arrayIndex(Token);
        if (!Index)
          return fail(Node, "'" + std::string(Pointer) + "' names nothing: '" + Token +
                                "' is not an index into the list here");
        if (*Index >= Node->items().size())
          return fail(Node, "'" + std::string(Pointer) + "' names nothing: index " + Token +
                                " is past the end of the list here (" +
                                std::to_string(Node->items().size()) + " items)");
        Node = &Node->items()[*Index];
      } else {
        return fail(Node, "'" + std::string(Pointer) + "' names nothing: '" + Token +
                              "' cannot be looked up in " + describe(*Node));
      }
    }
    return follow(*Node);
  }

  const DataNode *follow(const DataNode &Node) {
    const DataNode *Current = &Node;
    while (Current->kind() == DataNode::Kind::Map) {
      const DataNode::Entry *Ref = Current->findEntry("$ref");
      if (!Ref)
        break;
      if (Ref->Value.kind() != DataNode::Kind::String)
        return fail(&Ref->Value, "'$ref' must be a string, found " + describe(Ref->Value));
      const std::string &Target = Ref->Value.text();
      if (Target.empty() || Target[0] != '#')
        return fail(&Ref->Value, "'$ref' '" + Target +
                                     "' points outside this file; only references within the "
                                     "same file ('#/...') are followed");
      if (!Active.insert(Current).second)
        return fail(&Ref->Value, "'$ref' '" + Target + "' is part of a reference cycle");
      if (Active.size() > MaxDataDepth || ++Steps > MaxRefSteps)
        return fail(&Ref->Value, "'$ref' '" + Target + "' is reached through too many references");
      const DataNode *Next = resolve(Target, &Ref->Value);
      Active.erase(Current);
      if (!Next)
        return nullptr;
      Current = Next;
    }
    return Current;
  }

private:
  const DataNode *fail(const DataNode *At, std::string Message) {
    if (Error.Message.empty())
      Error = Doc.errorAt(At ? At->position() : DataPosition{}, std::move(Message));
    return nullptr;
  }

  const DataDocument &Doc;
  DataError &Error;
  std::set<const DataNode *> Active; // $ref holders being followed, innermost last
  size_t Steps = 0;
};

} // namespace

std::optional<std::vector<std::string>> parseJsonPointer(std::string_view Pointer,
                                                         std::string &Message) {
  std::string Text(Pointer);
  if (!Text.empty() && Text[0] == '#') {
    std::optional<std::string> Decoded = percentDecode(Text.substr(1), Message);
    if (!Decoded)
      return std::nullopt;
    Text = std::move(*Decoded);
  }
  std::vector<std::string> Tokens;
  if (Text.empty())
    return Tokens;
  if (Text[0] != '/') {
    Message = "a pointer must be empty or start with '/' (or '#/')";
    return std::nullopt;
  }
  size_t Start = 1;
  while (true) {
    size_t End = Text.find('/', Start);
    std::string_view Raw = std::string_view(Text).substr(
        Start, End == std::string::npos ? std::string::npos : End - Start);
    std::string Token;
    for (size_t I = 0; I < Raw.size(); ++I) {
      if (Raw[I] != '~') {
        Token += Raw[I];
        continue;
      }
      if (I + 1 < Raw.size() && (Raw[I + 1] == '0' || Raw[I + 1] == '1')) {
        Token += Raw[I + 1] == '0' ? '~' : '/';
        ++I;
        continue;
      }
      Message = "'~' must be followed by '0' or '1' in token '" + std::string(Raw) + "'";
      return std::nullopt;
    }
    Tokens.push_back(std::move(Token));
    if (End == std::string::npos)
      break;
    Start = End + 1;
  }
  return Tokens;
}

const DataNode *resolveJsonPointer(const DataDocument &Doc, std::string_view Pointer,
                                   DataError &Error) {
  Error = {};
  return Resolver(Doc, Error).resolve(Pointer, &Doc.root());
}

const DataNode *followRefs(const DataDocument &Doc, const DataNode &Node, DataError &Error) {
  Error = {};
  return Resolver(Doc, Error).follow(Node);
}

} // namespace contractcheck
