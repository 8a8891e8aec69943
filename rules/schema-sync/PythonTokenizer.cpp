#include "rules/schema-sync/PythonTokenizer.h"
#include "rules/schema-sync/SourceText.h"

#include <algorithm>

namespace contractcheck {
namespace {

struct PythonSyntaxError {
  unsigned Line;
  unsigned Column;
  std::string Message;
};

bool isNameChar(char C) { return isIdentChar(C) || static_cast<unsigned char>(C) >= 0x80; }
bool isNameStart(char C) { return isIdentStart(C) || static_cast<unsigned char>(C) >= 0x80; }
bool isDigit(char C) { return C >= '0' && C <= '9'; }

bool isStringPrefix(std::string_view Word) {
  if (Word.size() > 2)
    return false;
  std::string Lower;
  for (char C : Word)
    Lower += static_cast<char>(C | 0x20);
  return Lower == "r" || Lower == "u" || Lower == "b" || Lower == "f" || Lower == "br" ||
         Lower == "rb" || Lower == "fr" || Lower == "rf";
}

class Tokenizer {
public:
  explicit Tokenizer(std::string_view Text) : Cursor(Text) {}

  std::vector<PythonToken> run() {
    while (true) {
      if (AtLineStart && Brackets.empty()) {
        if (!indentation())
          break;
      }
      skipBlanks();
      if (Cursor.atEnd())
        break;
      char C = Cursor.peek();
      if (C == '#') {
        while (!Cursor.atEnd() && Cursor.peek() != '\n')
          Cursor.advance();
        continue;
      }
      if (C == '\\' &&
          (Cursor.peek(1) == '\n' || (Cursor.peek(1) == '\r' && Cursor.peek(2) == '\n'))) {
        Cursor.advance(Cursor.peek(1) == '\r' ? 3 : 2);
        continue;
      }
      if (C == '\n') {
        if (Brackets.empty() && LineHasTokens)
          push(PythonToken::Kind::Newline, Cursor.offset(), Cursor.line(), Cursor.column(), 1);
        else
          Cursor.advance();
        if (Brackets.empty()) {
          AtLineStart = true;
          LineHasTokens = false;
        }
        continue;
      }
      token();
    }
    if (!Brackets.empty())
      throw PythonSyntaxError{Brackets.back().Line, Brackets.back().Column,
                              "'" + std::string(Brackets.back().Text) + "' was never closed"};
    if (LineHasTokens)
      Tokens.push_back({PythonToken::Kind::Newline, {}, Cursor.line(), Cursor.column()});
    for (size_t I = 1; I < Indents.size(); ++I)
      Tokens.push_back({PythonToken::Kind::Dedent, {}, Cursor.line(), Cursor.column()});
    Tokens.push_back({PythonToken::Kind::End, {}, Cursor.line(), Cursor.column()});
    return std::move(Tokens);
  }

private:
  // At the start of a physical line outside brackets: measures its indentation and emits
  // INDENT/DEDENT for a line that holds code. False at the end of the text.
  bool indentation() {
    while (true) {
      unsigned Width = 0;
      while (Cursor.peek() == ' ' || Cursor.peek() == '\t' || Cursor.peek() == '\f') {
        char C = Cursor.peek();
        Width = C == ' ' ? Width + 1 : C == '\t' ? (Width / 8 + 1) * 8 : 0;
        Cursor.advance();
      }
      if (Cursor.atEnd())
        return false;
      char C = Cursor.peek();
      if (C == '\r' && Cursor.peek(1) == '\n')
        Cursor.advance();
      C = Cursor.peek();
      if (C == '\n' || C == '#') { // blank or comment-only: no indentation meaning
        while (!Cursor.atEnd() && Cursor.peek() != '\n')
          Cursor.advance();
        if (Cursor.atEnd())
          return false;
        Cursor.advance();
        continue;
      }
      if (C == '\\' && Cursor.peek(1) == '\n') { // a continuation joins the next line
        AtLineStart = false;
        return true;
      }
      AtLineStart = false;
      if (Width > Indents.back()) {
        Indents.push_back(Width);
        Tokens.push_back({PythonToken::Kind::Indent, {}, Cursor.line(), Cursor.column()});
      } else {
        while (Width < Indents.back()) {
          Indents.pop_back();
          Tokens.push_back({PythonToken::Kind::Dedent, {}, Cursor.line(), Cursor.column()});
        }
        if (Width != Indents.back())
          throw PythonSyntaxError{Cursor.line(), Cursor.column(),
                                  "unindent does not match any outer indentation level"};
      }
      return true;
    }
  }

  void skipBlanks() {
    while (Cursor.peek() == ' ' || Cursor.peek() == '\t' || Cursor.peek() == '\f' ||
           Cursor.peek() == '\r')
      Cursor.advance();
  }

  void push(PythonToken::Kind K, size_t Start, unsigned Line, unsigned Column, size_t Length) {
    Cursor.advance(Length - (Cursor.offset() - Start));
    Tokens.push_back({K, Cursor.slice(Start), Line, Column});
  }

  void token() {
    size_t Start = Cursor.offset();
    unsigned Line = Cursor.line(), Column = Cursor.column();
    LineHasTokens = true;
    char C = Cursor.peek();
    if (isNameStart(C)) {
      while (isNameChar(Cursor.peek()))
        Cursor.advance();
      std::string_view Word = Cursor.slice(Start);
      if ((Cursor.peek() == '"' || Cursor.peek() == '\'') && isStringPrefix(Word)) {
        bool Format = Word.find_first_of("fF") != std::string_view::npos;
        string(Format, 0);
        Tokens.push_back({PythonToken::Kind::String, Cursor.slice(Start), Line, Column});
        return;
      }
      Tokens.push_back({PythonToken::Kind::Name, Word, Line, Column});
      return;
    }
    if (isDigit(C) || (C == '.' && isDigit(Cursor.peek(1)))) {
      bool Hex = C == '0' && (Cursor.peek(1) == 'x' || Cursor.peek(1) == 'X');
      while (true) {
        char N = Cursor.peek();
        std::string_view SoFar = Cursor.slice(Start);
        bool Exponent = !Hex && (N == '+' || N == '-') && !SoFar.empty() &&
                        (SoFar.back() == 'e' || SoFar.back() == 'E');
        if (!isNameChar(N) && N != '.' && !Exponent)
          break;
        Cursor.advance();
      }
      Tokens.push_back({PythonToken::Kind::Number, Cursor.slice(Start), Line, Column});
      return;
    }
    if (C == '"' || C == '\'') {
      string(false, 0);
      Tokens.push_back({PythonToken::Kind::String, Cursor.slice(Start), Line, Column});
      return;
    }
    if (C == '(' || C == '[' || C == '{') {
      push(PythonToken::Kind::Op, Start, Line, Column, 1);
      Brackets.push_back(Tokens.back());
      return;
    }
    if (C == ')' || C == ']' || C == '}') {
      char Open = C == ')' ? '(' : C == ']' ? '[' : '{';
      if (Brackets.empty())
        throw PythonSyntaxError{Line, Column, "unmatched '" + std::string(1, C) + "'"};
      if (Brackets.back().Text[0] != Open)
        throw PythonSyntaxError{Line, Column,
                                "closing '" + std::string(1, C) + "' does not match the '" +
                                    std::string(Brackets.back().Text) + "' at line " +
                                    std::to_string(Brackets.back().Line) + ", column " +
                                    std::to_string(Brackets.back().Column)};
      Brackets.pop_back();
      push(PythonToken::Kind::Op, Start, Line, Column, 1);
      return;
    }
    static constexpr std::string_view Operators[] = {
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=",
        ">=",  "==",  "!=",  "+=",  "-=",  "*=", "/=", "%=", "&=", "|=", "^=", "@="};
    for (std::string_view Op : Operators)
      if (Cursor.startsWith(Op)) {
        push(PythonToken::Kind::Op, Start, Line, Column, Op.size());
        return;
      }
    if (std::string_view("+-*/%@&|^~<>.,:;=!").find(C) != std::string_view::npos) {
      push(PythonToken::Kind::Op, Start, Line, Column, 1);
      return;
    }
    throw PythonSyntaxError{Line, Column, "invalid character '" + std::string(1, C) + "'"};
  }

  // The cursor is on the opening quote; leaves it past the closing one.
  void string(bool Format, unsigned Depth) {
    if (Depth > 20)
      throw PythonSyntaxError{Cursor.line(), Cursor.column(), "f-strings nested too deeply"};
    unsigned Line = Cursor.line(), Column = Cursor.column();
    char Quote = Cursor.peek();
    bool Triple = Cursor.peek(1) == Quote && Cursor.peek(2) == Quote;
    Cursor.advance(Triple ? 3 : 1);
    while (true) {
      if (Cursor.atEnd() || (!Triple && Cursor.peek() == '\n'))
        throw PythonSyntaxError{Line, Column,
                                Triple ? "unterminated triple-quoted string literal"
                                       : "unterminated string literal"};
      char C = Cursor.peek();
      if (C == Quote && (!Triple || (Cursor.peek(1) == Quote && Cursor.peek(2) == Quote))) {
        Cursor.advance(Triple ? 3 : 1);
        return;
      }
      if (C == '\\') { // even raw strings cannot end in an escaped quote
        Cursor.advance(2);
        continue;
      }
      if (Format && C == '{') {
        if (Cursor.peek(1) == '{') {
          Cursor.advance(2);
          continue;
        }
        replacementField(Depth, Line, Column);
        continue;
      }
      Cursor.advance();
    }
  }

  // An f-string's "{expression!r:spec}", nested strings and brackets included.
  void replacementField(unsigned Depth, unsigned StringLine, unsigned StringColumn) {
    Cursor.advance(); // '{'
    unsigned Nesting = 0;
    while (true) {
      if (Cursor.atEnd())
        throw PythonSyntaxError{StringLine, StringColumn, "unterminated f-string"};
      char C = Cursor.peek();
      if (C == '"' || C == '\'') {
        string(false, Depth + 1);
        continue;
      }
      if (isNameStart(C)) {
        size_t Start = Cursor.offset();
        while (isNameChar(Cursor.peek()))
          Cursor.advance();
        std::string_view Word = Cursor.slice(Start);
        if ((Cursor.peek() == '"' || Cursor.peek() == '\'') && isStringPrefix(Word))
          string(Word.find_first_of("fF") != std::string_view::npos, Depth + 1);
        continue;
      }
      if (C == '(' || C == '[' || C == '{')
        ++Nesting;
      else if (C == ')' || C == ']' || C == '}') {
        if (Nesting == 0) {
          if (C != '}')
            throw PythonSyntaxError{Cursor.line(), Cursor.column(),
                                    "unmatched '" + std::string(1, C) + "' in f-string"};
          Cursor.advance();
          return;
        }
        --Nesting;
      }
      Cursor.advance();
    }
  }

  SourceCursor Cursor;
  std::vector<PythonToken> Tokens;
  std::vector<PythonToken> Brackets;
  std::vector<unsigned> Indents{0};
  bool AtLineStart = true;
  bool LineHasTokens = false;
};

} // namespace

std::optional<std::vector<PythonToken>> tokenizePython(std::string_view Text, DataError &Error) {
  try {
    return Tokenizer(Text).run();
  } catch (const PythonSyntaxError &E) {
    Error.Line = E.Line;
    Error.Column = E.Column;
    Error.Message = "malformed Python: " + E.Message;
    return std::nullopt;
  }
}

} // namespace contractcheck
