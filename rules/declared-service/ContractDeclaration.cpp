#include "rules/declared-service/ContractDeclaration.h"

#include <cctype>
#include <vector>

namespace contractcheck {

namespace {

bool isNumberBodyChar(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || (C >= '0' && C <= '9') || C == '_';
}

// Clang takes '$' in identifiers by default, not in numbers.
bool isIdentifierChar(char C) { return isNumberBodyChar(C) || C == '$'; }

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

  // Trigraphs and line splices are replaced before anything else is lexed, inside literals and
  // comments too: '??/' is a backslash that escapes a literal's closing quote, a splice ends a
  // comment early ('*\<line break>/').
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '?' && I + 1 < Text.size() && Text[I + 1] == '?')
      return Problem(I, "'?" "?' (a trigraph) is not accepted in a contract declaration");
    if (Text[I] == '\\') {
      size_t J = Text.find_first_not_of(" \t\f\v", I + 1);
      if (J != std::string_view::npos && isLineBreak(Text[J]))
        return Problem(I, "a line splice (a backslash before a line break) is not accepted in a "
                          "contract declaration");
    }
  }

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
    // Clang splits identifiers at bytes it does not take as identifier characters (invalid
    // UTF-8 among them), so a check on whole words could be walked around: outside literals a
    // declaration is ASCII.
    if (static_cast<unsigned char>(C) >= 0x80)
      return Problem(I, "a non-ASCII character outside a literal is not accepted in a contract "
                        "declaration");
    if (C == '/' && Next == '*') {
      // A comment is whitespace: the token after it is as much at the start of its line.
      size_t End = Text.find("*/", I + 2);
      if (End == std::string_view::npos)
        return Problem(I, "an unterminated comment");
      if (Text.substr(I, End - I).find_first_of("\r\n") != std::string_view::npos)
        FirstOnLine = true;
      I = End + 2;
      continue;
    }
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
    // '<::' is '<' '::' (C++11) unless a ':' or '>' follows it; any other '<:' is the digraph
    // of '['.
    if (C == '<' && Next == ':' &&
        !(I + 2 < Text.size() && Text[I + 2] == ':' &&
          !(I + 3 < Text.size() && (Text[I + 3] == ':' || Text[I + 3] == '>'))))
      return Problem(I, "a digraph ('<:' is '[') is not accepted in a contract declaration");
    if (C == ':' && Next == '>')
      return Problem(I, "a digraph (':>' is ']') is not accepted in a contract declaration");
    if (C == '/' && Next == '/')
      return Problem(I, "a '//' comment would hide the end of the declaration; use a YAML comment");
    if (C == '"' || C == '\'') {
      // A literal ends on its line: a splice or a line break inside one would carry what follows
      // (the snippet's own lines) into it.
      size_t J = I + 1;
      for (; J < Text.size() && Text[J] != C; ++J) {
        if (isLineBreak(Text[J]))
          return Problem(I, "a literal that does not end on its line");
        if (isForbiddenControl(Text[J]))
          return Problem(J, "a control character is not accepted in a contract declaration");
        if (Text[J] == '\\')
          ++J;
      }
      if (J >= Text.size())
        return Problem(I, "an unterminated literal");
      I = J + 1;
      continue;
    }
    if (isDigit(C) || (C == '.' && isDigit(Next))) {
      // A pp-number as Clang lexes it. A digit separator takes the character after it along
      // (1'000), and that character never starts an exponent; a sign after 'e' or 'p' (1e+3,
      // 0x1p-3) must be followed by a digit, so that Clang continuing the number there and
      // Clang starting a new one cover the same characters. A separator is followed by a digit:
      // Clang would take "1'z" as one number where a check could see a literal's quote.
      size_t J = I + 1;
      bool MayTakeSign = C != '.';
      while (J < Text.size()) {
        const char D = Text[J];
        if (isNumberBodyChar(D) || D == '.') {
          MayTakeSign = D == 'e' || D == 'E' || D == 'p' || D == 'P';
          ++J;
        } else if (D == '\'' && J + 1 < Text.size() && isNumberBodyChar(Text[J + 1])) {
          if (!std::isxdigit(static_cast<unsigned char>(Text[J + 1])))
            return Problem(J, "a digit separator that is not followed by a digit");
          MayTakeSign = false;
          J += 2;
        } else if ((D == '+' || D == '-') && MayTakeSign) {
          if (J + 1 >= Text.size() || !isDigit(Text[J + 1]))
            return Problem(J, "a sign after a number's exponent that is not followed by a digit");
          MayTakeSign = false;
          ++J;
        } else {
          break;
        }
      }
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
