// Strict JSON into positioned nodes. nlohmann/json decides what is valid JSON (its SAX parser,
// iterative, so no nesting depth can overflow the stack) and gives the byte offset of the first
// error; its SAX events carry no positions, so a small lexer of our own then walks the text,
// already known valid, to build the tree with each node's and key's line:col. String tokens are
// decoded by nlohmann as well, so escapes and surrogate pairs mean exactly what they mean there.
// (yaml-cpp is not used for JSON: it is not a strict JSON parser and would accept non-JSON.)
// JSON with comments (a binding's `format: jsonc`) is first made strict JSON of the same length:
// comments and trailing commas become spaces (newlines kept), so every position stays right.
#include "DataDocumentParsers.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <unordered_map>

namespace contractcheck::data_detail {
namespace {

using nlohmann::json;

// Accepts everything and remembers the first error: the validator half.
struct ErrorRecordingSax {
  size_t Offset = 0;
  std::string Message;
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t) { return true; }
  bool number_unsigned(json::number_unsigned_t) { return true; }
  bool number_float(json::number_float_t, const json::string_t &) { return true; }
  bool string(json::string_t &) { return true; }
  bool binary(json::binary_t &) { return true; }
  bool start_object(size_t) { return true; }
  bool key(json::string_t &) { return true; }
  bool end_object() { return true; }
  bool start_array(size_t) { return true; }
  bool end_array() { return true; }
  bool parse_error(size_t Position, const std::string &, const nlohmann::detail::exception &E) {
    Offset = Position;
    Message = E.what();
    return false;
  }
};

// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." keeps
// only what follows the position nlohmann computed (we compute our own, in bytes).
std::string stripNlohmannPrefix(std::string Message) {
  if (size_t Colon = Message.find(": ");
      Colon != std::string::npos && Message.compare(0, 1, "[") == 0)
    return Message.substr(Colon + 2);
  return Message;
}

DataPosition positionOfOffset(std::string_view Text, size_t Offset) {
  DataPosition P{1, 1};
  for (size_t I = 0; I < Offset && I < Text.size(); ++I) {
    if (Text[I] == '\n') {
      ++P.Line;
      P.Column = 1;
    } else {
      ++P.Column;
    }
  }
  return P;
}

class PositionedJsonBuilder {
public:
  PositionedJsonBuilder(std::string_view Text, DataError &Error) : Text(Text), Error(Error) {}

  std::optional<DataNode> build() {
    skipBlanks();
    std::optional<DataNode> Root = value(0);
    if (Root) {
      skipBlanks();
      if (I != Text.size())
        return fail("unexpected text after the JSON value");
    }
    return Root;
  }

private:
  std::optional<DataNode> fail(std::string Message) {
    if (Error.Message.empty()) {
      Error.Line = Line;
      Error.Column = static_cast<unsigned>(I - LineStart + 1);
      Error.Message = std::move(Message);
    }
    return std::nullopt;
  }

  DataPosition here() const { return {Line, static_cast<unsigned>(I - LineStart + 1)}; }

  void skipBlanks() {
    while (I < Text.size()) {
      char C = Text[I];
      if (C == '\n') {
        ++Line;
        LineStart = I + 1;
      } else if (C != ' ' && C != '\t' && C != '\r') {
        break;
      }
      ++I;
    }
  }

  bool consume(char C) {
    skipBlanks();
    if (I < Text.size() && Text[I] == C) {
      ++I;
      return true;
    }
    return false;
  }

  std::optional<std::string> stringToken() {
    size_t Start = I++;
    while (I < Text.size() && Text[I] != '"') {
      if (Text[I] == '\\')
        ++I;
      ++I;
    }
    if (I >= Text.size()) {
      I = Start;
      return std::nullopt;
    }
    ++I;
    json Decoded = json::parse(Text.substr(Start, I - Start), nullptr, /*allow_exceptions=*/false);
    if (!Decoded.is_string()) {
      I = Start;
      return std::nullopt;
    }
    return Decoded.get<std::string>();
  }

  std::optional<DataNode> value(unsigned Depth) {
    if (Depth > MaxDataDepth)
      return fail("nesting deeper than " + std::to_string(MaxDataDepth) + " levels");
    if (++Nodes > MaxDataNodes)
      return fail("more than " + std::to_string(MaxDataNodes) + " values");
    skipBlanks();
    DataPosition At = here();
    if (I >= Text.size())
      return fail("expected a JSON value");
    char C = Text[I];
    if (C == '{')
      return object(At, Depth);
    if (C == '[')
      return array(At, Depth);
    if (C == '"') {
      std::optional<std::string> S = stringToken();
      if (!S)
        return fail("malformed string");
      return DataNode(DataNode::Kind::String, At, std::move(*S));
    }
    for (auto [Word, Kind] : {std::pair{std::string_view("true"), DataNode::Kind::Bool},
                              std::pair{std::string_view("false"), DataNode::Kind::Bool},
                              std::pair{std::string_view("null"), DataNode::Kind::Null}}) {
      if (Text.substr(I, Word.size()) == Word) {
        I += Word.size();
        return DataNode(Kind, At, std::string(Word));
      }
    }
    size_t Start = I;
    while (I < Text.size() &&
           (std::isdigit(static_cast<unsigned char>(Text[I])) || Text[I] == '-' || Text[I] == '+' ||
            Text[I] == '.' || Text[I] == 'e' || Text[I] == 'E'))
      ++I;
    if (I == Start)
      return fail("expected a JSON value");
    return DataNode(DataNode::Kind::Number, At, std::string(Text.substr(Start, I - Start)));
  }

  std::optional<DataNode> object(DataPosition At, unsigned Depth) {
    ++I;
    DataNode Map(DataNode::Kind::Map, At);
    std::unordered_map<std::string, DataPosition> Seen;
    if (consume('}'))
      return Map;
    do {
      skipBlanks();
      DataPosition KeyAt = here();
      if (I >= Text.size() || Text[I] != '"')
        return fail("expected a string key");
      std::optional<std::string> Key = stringToken();
      if (!Key)
        return fail("malformed string");
      if (auto [It, New] = Seen.try_emplace(*Key, KeyAt); !New) {
        Error.Line = KeyAt.Line;
        Error.Column = KeyAt.Column;
        Error.Message = "duplicate key '" + *Key + "' (first at line " +
                        std::to_string(It->second.Line) + ", column " +
                        std::to_string(It->second.Column) + ")";
        return std::nullopt;
      }
      if (!consume(':'))
        return fail("expected ':'");
      std::optional<DataNode> V = value(Depth + 1);
      if (!V)
        return std::nullopt;
      Map.mutableEntries().push_back({std::move(*Key), KeyAt, std::move(*V)});
    } while (consume(','));
    if (!consume('}'))
      return fail("expected ',' or '}'");
    return Map;
  }

  std::optional<DataNode> array(DataPosition At, unsigned Depth) {
    ++I;
    DataNode List(DataNode::Kind::List, At);
    if (consume(']'))
      return List;
    do {
      std::optional<DataNode> V = value(Depth + 1);
      if (!V)
        return std::nullopt;
      List.mutableItems().push_back(std::move(*V));
    } while (consume(','));
    if (!consume(']'))
      return fail("expected ',' or ']'");
    return List;
  }

  std::string_view Text;
  DataError &Error;
  size_t I = 0;
  size_t LineStart = 0;
  unsigned Line = 1;
  size_t Nodes = 0;
};

// jsoncpp's default reader (drogon's config.example.json) and VS Code's settings files accept
// `//` and `/* */` comments and a comma between a value and `}` or `]`: blanked here, outside
// strings (a comma after `[`, `{`, `:` or another comma stays, for the parser to refuse). An
// unterminated `/*` is an error at its start.
std::optional<std::string> blankCommentsAndTrailingCommas(std::string_view Text,
                                                          DataError &Error) {
  std::string Out(Text);
  size_t PendingComma = std::string::npos;
  char Last = '[';
  for (size_t I = 0; I < Out.size(); ++I) {
    char C = Out[I];
    if (C == '"') { // a string: skip to its end, escapes included
      for (++I; I < Out.size() && Out[I] != '"'; ++I)
        if (Out[I] == '\\')
          ++I;
      PendingComma = std::string::npos;
      Last = '"';
      continue;
    }
    if (C == '/' && I + 1 < Out.size() && (Out[I + 1] == '/' || Out[I + 1] == '*')) {
      bool Line = Out[I + 1] == '/';
      size_t End = Line ? Out.find('\n', I) : Out.find("*/", I + 2);
      if (End == std::string::npos && !Line) {
        DataPosition At = positionOfOffset(Text, I);
        Error.Line = At.Line;
        Error.Column = At.Column;
        Error.Message = "malformed JSON: a '/*' comment that is never closed";
        return std::nullopt;
      }
      End = End == std::string::npos ? Out.size() : (Line ? End : End + 2);
      for (; I < End; ++I)
        if (Out[I] != '\n')
          Out[I] = ' ';
      --I;
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\r' || C == '\n')
      continue;
    if ((C == '}' || C == ']') && PendingComma != std::string::npos)
      Out[PendingComma] = ' ';
    bool AfterValue = Last != '[' && Last != '{' && Last != ':' && Last != ',';
    PendingComma = C == ',' && AfterValue ? I : std::string::npos;
    Last = C;
  }
  return Out;
}

} // namespace

std::optional<DataNode> parseJson(std::string_view Text, DataError &Error, bool Jsonc) {
  std::optional<std::string> Blanked;
  if (Jsonc) {
    Blanked = blankCommentsAndTrailingCommas(Text, Error);
    if (!Blanked)
      return std::nullopt;
    Text = *Blanked;
  }
  ErrorRecordingSax Sax;
  bool Valid = false;
  try {
    Valid = json::sax_parse(Text.begin(), Text.end(), &Sax);
  } catch (const std::exception &E) { // SAX reports errors by callback; this is belt and braces
    Sax.Message = E.what();
  }
  if (!Valid) {
    // nlohmann counts bytes from 1 and points just past the offending byte.
    DataPosition At = positionOfOffset(Text, Sax.Offset == 0 ? 0 : Sax.Offset - 1);
    Error.Line = At.Line;
    Error.Column = At.Column;
    Error.Message = "malformed JSON: " + stripNlohmannPrefix(Sax.Message);
    return std::nullopt;
  }
  return PositionedJsonBuilder(Text, Error).build();
}

} // namespace contractcheck::data_detail
