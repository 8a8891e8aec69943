#include "rules/declared-service/ContractDeclaration.h"

#include <vector>

namespace contractcheck {

namespace {

bool isIdentifierChar(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || (C >= '0' && C <= '9') || C == '_' ||
         static_cast<unsigned char>(C) >= 0x80;
}

bool isDigit(char C) { return C >= '0' && C <= '9'; }

bool isLineBreak(char C) { return C == '\n' || C == '\r'; }

// Control characters other than the whitespace C++ allows: the preprocessor treats some of them
// (NUL) specially, and none belongs in a declaration.
bool isForbiddenControl(char C) {
  unsigned char U = static_cast<unsigned char>(C);
  return (U < 0x20 && C != ' ' && C != '\t' && C != '\n' && C != '\r' && C != '\f' &&
          C != '\v') ||
         U == 0x7f;
}

// Identifiers that reach the preprocessor's machinery rather than the parser.
std::optional<std::string> forbiddenIdentifier(std::string_view Name, bool FirstOnLine) {
  if (Name == "_Pragma" || Name == "__pragma")
    return "'" + std::string(Name) + "' (a pragma) is not accepted in a contract declaration";
  if (Name == "__has_include" || Name == "__has_include_next" || Name == "__has_embed")
    return "'" + std::string(Name) + "' is not accepted in a contract declaration";
  // At the start of a line these begin a C++20 module or header-unit import, which reads a file.
  if (FirstOnLine && (Name == "import" || Name == "module" || Name == "export"))
    return "'" + std::string(Name) + "' at the start of a line is a module directive, not a "
                                     "member declaration";
  return std::nullopt;
}

bool isRawStringPrefix(std::string_view Name) {
  return Name == "R" || Name == "u8R" || Name == "uR" || Name == "UR" || Name == "LR";
}

char closerOf(char Open) { return Open == '(' ? ')' : Open == '[' ? ']' : '}'; }

} // namespace

std::optional<DeclarationProblem> checkContractDeclaration(std::string_view Text) {
  struct Open {
    char Bracket;
    size_t Offset;
  };
  std::vector<Open> Brackets;
  bool FirstOnLine = true; // no token yet on the current line
  std::optional<size_t> EndOfDeclaration; // a ';' at depth 0
  auto Problem = [](size_t At, std::string Message) {
    return std::optional<DeclarationProblem>(DeclarationProblem{At, std::move(Message)});
  };

  for (size_t I = 0; I < Text.size();) {
    const char C = Text[I];
    const char Next = I + 1 < Text.size() ? Text[I + 1] : '\0';
    if (isForbiddenControl(C))
      return Problem(I, "a control character is not accepted in a contract declaration");
    if (isLineBreak(C)) {
      FirstOnLine = true;
      ++I;
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\f' || C == '\v') {
      ++I;
      continue;
    }
    if (EndOfDeclaration)
      return Problem(I, "a contract declaration is exactly one declaration; this follows the ';' "
                        "that ends it");
    const bool WasFirstOnLine = FirstOnLine;
    FirstOnLine = false;

    if (C == '#')
      return Problem(I, "'#' (a preprocessor directive) is not accepted in a contract "
                        "declaration");
    if (C == '\\')
      return Problem(I, "a backslash outside a literal (a line splice or a universal character "
                        "name) is not accepted in a contract declaration");
    if (C == '%' && (Next == ':' || Next == '>'))
      return Problem(I, "a digraph ('%:' is '#') is not accepted in a contract declaration");
    if (C == '<' && Next == '%')
      return Problem(I, "a digraph ('<%' is '{') is not accepted in a contract declaration");
    // '<::' is '<' '::' (C++11); any other '<:' is the digraph of '['.
    if (C == '<' && Next == ':' && !(I + 2 < Text.size() && Text[I + 2] == ':'))
      return Problem(I, "a digraph ('<:' is '[') is not accepted in a contract declaration");
    if (C == ':' && Next == '>')
      return Problem(I, "a digraph (':>' is ']') is not accepted in a contract declaration");
    if (C == '?' && Next == '?')
      return Problem(I, "'?" "?' (a trigraph) is not accepted in a contract declaration");
    if (C == '/' && Next == '/')
      return Problem(I, "a '//' comment would hide the end of the declaration; use a YAML comment");
    if (C == '/' && Next == '*') {
      size_t End = Text.find("*/", I + 2);
      if (End == std::string_view::npos)
        return Problem(I, "an unterminated comment");
      I = End + 2;
      continue;
    }
    if (C == '"' || C == '\'') {
      // A literal ends on its line: a splice or a line break inside one would carry what follows
      // (the snippet's own lines) into it.
      size_t J = I + 1;
      for (; J < Text.size() && Text[J] != C; ++J) {
        if (isLineBreak(Text[J]))
          return Problem(I, "a literal that does not end on its line");
        if (isForbiddenControl(Text[J]))
          return Problem(J, "a control character is not accepted in a contract declaration");
        if (Text[J] == '\\') {
          if (J + 1 < Text.size() && isLineBreak(Text[J + 1]))
            return Problem(J, "a line splice inside a literal");
          ++J;
        }
      }
      if (J >= Text.size())
        return Problem(I, "an unterminated literal");
      I = J + 1;
      continue;
    }
    if (isDigit(C) || (C == '.' && isDigit(Next))) {
      // A pp-number, with its digit separators (1'000) and exponent signs (1e+3).
      size_t J = I + 1;
      while (J < Text.size() &&
             (isIdentifierChar(Text[J]) || Text[J] == '.' ||
              (Text[J] == '\'' && J + 1 < Text.size() && isIdentifierChar(Text[J + 1])) ||
              ((Text[J] == '+' || Text[J] == '-') &&
               (Text[J - 1] == 'e' || Text[J - 1] == 'E' || Text[J - 1] == 'p' ||
                Text[J - 1] == 'P'))))
        ++J;
      I = J;
      continue;
    }
    if (isIdentifierChar(C)) {
      size_t J = I;
      while (J < Text.size() && isIdentifierChar(Text[J]))
        ++J;
      std::string_view Name = Text.substr(I, J - I);
      if (std::optional<std::string> Message = forbiddenIdentifier(Name, WasFirstOnLine))
        return Problem(I, *Message);
      if (J < Text.size() && Text[J] == '"' && isRawStringPrefix(Name))
        return Problem(I, "a raw string literal is not accepted in a contract declaration");
      I = J;
      continue;
    }
    if (C == '(' || C == '[' || C == '{') {
      Brackets.push_back({C, I});
    } else if (C == ')' || C == ']' || C == '}') {
      if (Brackets.empty())
        return Problem(I, std::string("an unbalanced '") + C + "': a contract declaration is one "
                                                               "member declaration");
      if (closerOf(Brackets.back().Bracket) != C)
        return Problem(I, std::string("'") + C + "' does not close the '" +
                              Brackets.back().Bracket + "' it meets");
      Brackets.pop_back();
    } else if (C == ';' && Brackets.empty()) {
      EndOfDeclaration = I;
    }
    ++I;
  }
  if (!Brackets.empty())
    return Problem(Brackets.back().Offset,
                   std::string("an unclosed '") + Brackets.back().Bracket + "'");
  return std::nullopt;
}

} // namespace contractcheck
