#include "rules/schema-sync/ProtoEnumParser.h"
#include "rules/schema-sync/SourceText.h"

#include <charconv>

namespace contractcheck {
namespace {

struct Token {
  enum class Kind { Ident, Int, Float, String, Symbol, End };
  Kind K = Kind::End;
  std::string_view Text;
  unsigned Line = 0;
  unsigned Column = 0;
  bool is(std::string_view S) const { return (K == Kind::Ident || K == Kind::Symbol) && Text == S; }
};

// Thrown inside the parser only, caught by parseProtoFile: a malformed file at a position.
struct ProtoSyntaxError {
  unsigned Line;
  unsigned Column;
  std::string Message;
};

class ProtoLexer {
public:
  explicit ProtoLexer(std::string_view Text) : Cursor(Text) {}

  Token next() {
    skipBlanksAndComments();
    Token T;
    T.Line = Cursor.line();
    T.Column = Cursor.column();
    size_t Start = Cursor.offset();
    char C = Cursor.peek();
    if (Cursor.atEnd()) {
      T.K = Token::Kind::End;
    } else if (isIdentStart(C)) {
      while (isIdentChar(Cursor.peek()))
        Cursor.advance();
      T.K = Token::Kind::Ident;
    } else if ((C >= '0' && C <= '9') ||
               (C == '.' && Cursor.peek(1) >= '0' && Cursor.peek(1) <= '9')) {
      bool Float = false;
      while (isIdentChar(Cursor.peek()) || Cursor.peek() == '.' ||
             ((Cursor.peek() == '+' || Cursor.peek() == '-') &&
              (Cursor.slice(Start).ends_with("e") || Cursor.slice(Start).ends_with("E")) &&
              !Cursor.slice(Start).starts_with("0x") && !Cursor.slice(Start).starts_with("0X"))) {
        Float |= Cursor.peek() == '.' || Cursor.peek() == '+' || Cursor.peek() == '-';
        Cursor.advance();
      }
      std::string_view N = Cursor.slice(Start);
      bool Hex = N.starts_with("0x") || N.starts_with("0X");
      Float |= !Hex && N.find_first_of("eE") != std::string_view::npos;
      T.K = Float ? Token::Kind::Float : Token::Kind::Int;
    } else if (C == '"' || C == '\'') {
      Cursor.advance();
      while (Cursor.peek() != C) {
        if (Cursor.atEnd() || Cursor.peek() == '\n')
          throw ProtoSyntaxError{T.Line, T.Column, "unterminated string"};
        if (Cursor.peek() == '\\')
          Cursor.advance();
        Cursor.advance();
      }
      Cursor.advance();
      T.K = Token::Kind::String;
    } else {
      Cursor.advance();
      T.K = Token::Kind::Symbol;
    }
    T.Text = Cursor.slice(Start);
    return T;
  }

private:
  void skipBlanksAndComments() {
    while (!Cursor.atEnd()) {
      char C = Cursor.peek();
      if (C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\f' || C == '\v') {
        Cursor.advance();
      } else if (Cursor.startsWith("//")) {
        while (!Cursor.atEnd() && Cursor.peek() != '\n')
          Cursor.advance();
      } else if (Cursor.startsWith("/*")) {
        unsigned Line = Cursor.line(), Column = Cursor.column();
        Cursor.advance(2);
        while (!Cursor.startsWith("*/")) {
          if (Cursor.atEnd())
            throw ProtoSyntaxError{Line, Column, "unterminated comment"};
          Cursor.advance();
        }
        Cursor.advance(2);
      } else {
        break;
      }
    }
  }

  SourceCursor Cursor;
};

std::optional<std::int64_t> protoInteger(std::string_view Text) {
  int Base = 10;
  if (Text.size() > 1 && Text[0] == '0' && (Text[1] == 'x' || Text[1] == 'X')) {
    Base = 16;
    Text.remove_prefix(2);
  } else if (Text.size() > 1 && Text[0] == '0') {
    Base = 8;
    Text.remove_prefix(1);
  }
  std::uint64_t Value = 0;
  auto [End, Ec] = std::from_chars(Text.data(), Text.data() + Text.size(), Value, Base);
  if (Text.empty() || Ec != std::errc() || End != Text.data() + Text.size() ||
      Value > static_cast<std::uint64_t>(INT64_MAX))
    return std::nullopt;
  return static_cast<std::int64_t>(Value);
}

class ProtoParser {
public:
  explicit ProtoParser(std::string_view Text) : Lexer(Text) { Current = Lexer.next(); }

  ProtoFile parseFile() {
    while (Current.K != Token::Kind::End) {
      if (accept(";"))
        continue;
      if (Current.is("syntax") || Current.is("edition")) {
        take();
        expect("=");
        expectKind(Token::Kind::String, "a string");
        expect(";");
      } else if (Current.is("package")) {
        take();
        File.Package = fullIdent();
        expect(";");
      } else if (Current.is("import")) {
        take();
        // edition 2024 adds `import option "x.proto";`
        if (Current.is("weak") || Current.is("public") || Current.is("option"))
          take();
        expectKind(Token::Kind::String, "a string");
        expect(";");
      } else if (Current.is("option")) {
        skipStatement();
      } else if (!declaration("", 0)) {
        fail(Current, "expected 'syntax', 'package', 'import', 'option', 'message', 'enum', "
                      "'service' or 'extend'");
      }
    }
    return std::move(File);
  }

private:
  // message/enum/service/extend, nested under Scope ("" or "Outer."); false if Current is none.
  bool declaration(const std::string &Scope, unsigned Depth) {
    if (Depth > 100)
      fail(Current, "messages nested more than 100 deep");
    // Edition 2024's symbol visibility, `export enum E {...}`; a field whose message type is
    // named `local` stays a field.
    if ((Current.is("export") || Current.is("local")) &&
        (peek().is("message") || peek().is("enum")))
      take();
    if (Current.is("message")) {
      take();
      Token Name = expectKind(Token::Kind::Ident, "a message name");
      Token Open = expect("{");
      body(Scope + std::string(Name.Text) + ".", Depth + 1, "message", Name, Open);
      return true;
    }
    if (Current.is("enum")) {
      take();
      Token Name = expectKind(Token::Kind::Ident, "an enum name");
      expect("{");
      enumBody(Scope + std::string(Name.Text), Name);
      return true;
    }
    if (Current.is("service") || Current.is("extend")) {
      Token Keyword = take();
      fullIdent();
      Token Open = expect("{");
      // A service's rpcs and an extension's fields hold no enum: skip them, balanced.
      skipBalanced(Open, Keyword.Text);
      return true;
    }
    return false;
  }

  // A message, oneof or group body up to its closing '}'.
  void body(const std::string &Scope, unsigned Depth, std::string_view What, const Token &Name,
            const Token &Open) {
    while (!accept("}")) {
      if (Current.K == Token::Kind::End)
        fail(Open, "expected '}' to close " + std::string(What) + " '" + std::string(Name.Text) +
                       "' opened here");
      if (accept(";"))
        continue;
      if (declaration(Scope, Depth))
        continue;
      if (Current.is("oneof")) {
        take();
        Token OneofName = expectKind(Token::Kind::Ident, "a oneof name");
        Token OneofOpen = expect("{");
        body(Scope, Depth + 1, "oneof", OneofName, OneofOpen);
        continue;
      }
      if (Current.is("option") || Current.is("reserved") || Current.is("extensions")) {
        skipStatement();
        continue;
      }
      field(Scope, Depth);
    }
  }

  // A field: everything up to ';' (its options in '[...]' skipped whole), or a proto2 group,
  // whose '{' body is a message of its own.
  void field(const std::string &Scope, unsigned Depth) {
    Token Start = Current;
    std::optional<Token> GroupName;
    bool AfterGroup = false;
    while (!accept(";")) {
      if (Current.K == Token::Kind::End)
        fail(Start, "expected ';' to end the field that starts here");
      if (Current.is("}"))
        fail(Current, "expected ';' before '}'");
      if (Current.is("[")) {
        skipBalanced(take(), "field options");
        continue;
      }
      if (Current.is("{")) {
        if (!GroupName)
          fail(Current, "unexpected '{' in a field");
        Token Open = take();
        body(Scope + std::string(GroupName->Text) + ".", Depth + 1, "group", *GroupName, Open);
        return;
      }
      if (AfterGroup && Current.K == Token::Kind::Ident)
        GroupName = Current;
      AfterGroup = Current.is("group");
      take();
    }
  }

  void enumBody(std::string Name, const Token &NameToken) {
    ProtoEnum E;
    E.Name = std::move(Name);
    E.Line = NameToken.Line;
    E.Column = NameToken.Column;
    while (!accept("}")) {
      if (Current.K == Token::Kind::End)
        fail(NameToken, "expected '}' to close enum '" + std::string(NameToken.Text) + "'");
      if (accept(";"))
        continue;
      if (Current.is("option")) {
        take();
        bool AllowAlias = Current.is("allow_alias");
        skipStatement();
        E.AllowAlias |= AllowAlias && LastOptionValue == "true";
        continue;
      }
      if (Current.is("reserved")) {
        take();
        reserved(E);
        continue;
      }
      Token Member = expectKind(Token::Kind::Ident, "an enum value name, 'option' or 'reserved'");
      expect("=");
      std::int64_t Value = signedInteger(/*AllowMax=*/false);
      if (Value < INT32_MIN || Value > INT32_MAX)
        fail(Member, "the value of '" + std::string(Member.Text) +
                         "' is outside the 32-bit range of a proto enum");
      if (Current.is("["))
        skipBalanced(take(), "enum value options");
      expect(";");
      E.Members.push_back(
          {std::string(Member.Text), Value, std::nullopt, Member.Line, Member.Column});
    }
    File.Enums.push_back(std::move(E));
  }

  void reserved(ProtoEnum &E) {
    do {
      if (Current.K == Token::Kind::String) {
        E.ReservedNames.push_back(unquote(take().Text));
      } else if (Current.K == Token::Kind::Ident && !Current.is("max")) {
        E.ReservedNames.push_back(std::string(take().Text)); // editions spell names bare
      } else {
        std::int64_t From = signedInteger(false), To = From;
        if (accept("to"))
          To = signedInteger(/*AllowMax=*/true);
        if (To < From)
          fail(Current, "a reserved range must not end before it starts");
        E.ReservedNumbers.push_back({From, To});
      }
    } while (accept(","));
    expect(";");
  }

  std::int64_t signedInteger(bool AllowMax) {
    if (AllowMax && accept("max"))
      return INT32_MAX;
    bool Negative = accept("-");
    Token T = expectKind(Token::Kind::Int, "an integer");
    std::optional<std::int64_t> V = protoInteger(T.Text);
    if (!V)
      fail(T, "malformed integer '" + std::string(T.Text) + "'");
    return Negative ? -*V : *V;
  }

  std::string fullIdent() {
    std::string Name;
    if (accept("."))
      Name = ".";
    do {
      Name += expectKind(Token::Kind::Ident, "a name").Text;
      if (!Current.is("."))
        break;
      take();
      Name += ".";
    } while (true);
    return Name;
  }

  // Up to and including the ';' ending a statement (an option's aggregate value in braces
  // included); remembers the last token before ';' (an option's value).
  void skipStatement() {
    Token Start = Current;
    while (!Current.is(";")) {
      if (Current.K == Token::Kind::End)
        fail(Start, "expected ';' to end the statement that starts here");
      if (Current.is("}"))
        fail(Current, "expected ';' before '}'");
      if (Current.is("{") || Current.is("[") || Current.is("(")) {
        skipBalanced(take(), "value");
        continue;
      }
      LastOptionValue = std::string(take().Text);
    }
    take();
  }

  // Open has been taken; skips to its matching closer, nesting and strings respected.
  void skipBalanced(const Token &Open, std::string_view What) {
    std::vector<Token> Stack{Open};
    while (!Stack.empty()) {
      if (Current.K == Token::Kind::End)
        fail(Stack.back(), "'" + std::string(Stack.back().Text) + "' of the " + std::string(What) +
                               " is never closed");
      if (Current.is("{") || Current.is("[") || Current.is("(")) {
        Stack.push_back(take());
        continue;
      }
      if (Current.is("}") || Current.is("]") || Current.is(")")) {
        char Expected = Stack.back().Text == "{" ? '}' : Stack.back().Text == "[" ? ']' : ')';
        if (Current.Text[0] != Expected)
          fail(Current, "expected '" + std::string(1, Expected) + "' to close the '" +
                            std::string(Stack.back().Text) + "' at line " +
                            std::to_string(Stack.back().Line) + ", column " +
                            std::to_string(Stack.back().Column));
        Stack.pop_back();
      }
      take();
    }
  }

  static std::string unquote(std::string_view S) { return std::string(S.substr(1, S.size() - 2)); }

  Token take() {
    Token T = Current;
    if (Ahead) {
      Current = *Ahead;
      Ahead.reset();
    } else {
      Current = Lexer.next();
    }
    return T;
  }
  // The token after Current.
  const Token &peek() {
    if (!Ahead)
      Ahead = Lexer.next();
    return *Ahead;
  }
  bool accept(std::string_view S) {
    if (!Current.is(S))
      return false;
    take();
    return true;
  }
  Token expect(std::string_view S) {
    if (!Current.is(S))
      fail(Current, "expected '" + std::string(S) + "'");
    return take();
  }
  Token expectKind(Token::Kind K, std::string_view What) {
    if (Current.K != K)
      fail(Current, "expected " + std::string(What));
    return take();
  }
  [[noreturn]] void fail(const Token &At, std::string Message) {
    std::string Found = At.K == Token::Kind::End ? "end of file" : "'" + std::string(At.Text) + "'";
    throw ProtoSyntaxError{At.Line, At.Column, Message + ", found " + Found};
  }

  ProtoLexer Lexer;
  Token Current;
  std::optional<Token> Ahead;
  ProtoFile File;
  std::string LastOptionValue;
};

} // namespace

std::optional<ProtoFile> parseProtoFile(std::string_view Text, DataError &Error) {
  try {
    return ProtoParser(Text).parseFile();
  } catch (const ProtoSyntaxError &E) {
    Error.Line = E.Line;
    Error.Column = E.Column;
    Error.Message = "malformed .proto: " + E.Message;
    return std::nullopt;
  }
}

const ProtoEnum *findProtoEnum(const ProtoFile &File, std::string_view Name, std::string &Message) {
  std::string_view Wanted = Name;
  if (Wanted.starts_with("."))
    Wanted.remove_prefix(1);
  if (!File.Package.empty() && Wanted.starts_with(File.Package + "."))
    Wanted.remove_prefix(File.Package.size() + 1);
  for (const ProtoEnum &E : File.Enums)
    if (E.Name == Wanted)
      return &E;
  const ProtoEnum *Found = nullptr;
  std::vector<std::string> Names;
  for (const ProtoEnum &E : File.Enums) {
    Names.push_back(E.Name);
    std::string_view Own = E.Name;
    if (size_t Dot = Own.rfind('.'); Dot != std::string_view::npos)
      Own.remove_prefix(Dot + 1);
    if (Own != Wanted)
      continue;
    if (Found) {
      Message = "enum name '" + std::string(Name) + "' is ambiguous: both '" + Found->Name +
                "' and '" + E.Name + "' are defined; write the nested name";
      return nullptr;
    }
    Found = &E;
  }
  if (!Found) {
    Message = "no enum '" + std::string(Name) + "' in the file";
    if (!Names.empty()) {
      Message += " (it defines:";
      for (const std::string &N : Names)
        Message += " " + N;
      Message += ")";
    }
  }
  return Found;
}

} // namespace contractcheck
