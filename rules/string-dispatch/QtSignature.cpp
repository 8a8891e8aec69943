#include "QtSignature.h"

#include <cctype>

namespace contractcheck {

namespace {

bool isWordChar(char C) { return std::isalnum(static_cast<unsigned char>(C)) || C == '_'; }

std::string_view trim(std::string_view S) {
  while (!S.empty() && std::isspace(static_cast<unsigned char>(S.front())))
    S.remove_prefix(1);
  while (!S.empty() && std::isspace(static_cast<unsigned char>(S.back())))
    S.remove_suffix(1);
  return S;
}

// Whitespace kept only where it separates two words ("unsigned int", "const char*").
std::string squeezed(std::string_view S) {
  std::string Out;
  bool PendingSpace = false;
  for (char C : S) {
    if (std::isspace(static_cast<unsigned char>(C))) {
      PendingSpace = true;
      continue;
    }
    if (PendingSpace && !Out.empty() && isWordChar(Out.back()) && isWordChar(C))
      Out += ' ';
    PendingSpace = false;
    Out += C;
  }
  return Out;
}

bool startsWithWord(std::string_view S, std::string_view Word) {
  return S.substr(0, Word.size()) == Word &&
         (S.size() == Word.size() || !isWordChar(S[Word.size()]));
}

void replaceWord(std::string &S, std::string_view From, std::string_view To) {
  size_t Pos = 0;
  while ((Pos = S.find(From, Pos)) != std::string::npos) {
    size_t End = Pos + From.size();
    if ((Pos == 0 || !isWordChar(S[Pos - 1])) && (End == S.size() || !isWordChar(S[End]))) {
      S.replace(Pos, From.size(), To);
      Pos += To.size();
    } else {
      ++Pos;
    }
  }
}

// The arguments of "a,b<c,d>,e" split at top-level commas.
std::vector<std::string_view> splitArguments(std::string_view S) {
  std::vector<std::string_view> Parts;
  int Depth = 0;
  size_t Start = 0;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    if (C == '<' || C == '(' || C == '[')
      ++Depth;
    else if (C == '>' || C == ')' || C == ']')
      --Depth;
    else if (C == ',' && Depth == 0) {
      Parts.push_back(S.substr(Start, I - Start));
      Start = I + 1;
    }
  }
  Parts.push_back(S.substr(Start));
  return Parts;
}

} // namespace

std::string normalizedQtType(std::string_view Type) {
  std::string T = squeezed(trim(Type));
  // Spellings of the same built-in type, as Qt's normaliser writes them.
  static constexpr std::pair<std::string_view, std::string_view> Builtins[] = {
      {"unsigned long long int", "qulonglong"},
      {"unsigned long long", "qulonglong"},
      {"long long int", "qlonglong"},
      {"long long", "qlonglong"},
      {"unsigned long int", "ulong"},
      {"unsigned long", "ulong"},
      {"unsigned short int", "ushort"},
      {"unsigned short", "ushort"},
      {"unsigned char", "uchar"},
      {"unsigned int", "uint"},
      {"signed int", "int"},
      {"long int", "long"},
      {"short int", "short"},
      {"signed long", "long"},
      {"signed short", "short"},
  };
  for (const auto &[From, To] : Builtins)
    replaceWord(T, From, To);
  replaceWord(T, "unsigned", "uint");
  replaceWord(T, "quint64", "qulonglong");
  replaceWord(T, "qint64", "qlonglong");
  // "T const&" -> "const T&", "T const" -> "const T".
  for (std::string_view Suffix : {"const&", "const"}) {
    std::string Spaced = " " + std::string(Suffix);
    if (T.size() > Spaced.size() && T.ends_with(Spaced) && T.find('*') == std::string::npos) {
      T = "const " + T.substr(0, T.size() - Spaced.size()) +
          std::string(Suffix.substr(5)); // keep the '&' if there was one
      break;
    }
  }
  // "const T&" passes a copy as far as the meta-object system is concerned: "T".
  if (startsWithWord(T, "const") && T.ends_with('&') && !T.ends_with("&&")) {
    T = std::string(trim(std::string_view(T).substr(5, T.size() - 6)));
  }
  // Templates close with "> >" in C++03 spellings.
  for (size_t Pos = T.find("> >"); Pos != std::string::npos; Pos = T.find("> >"))
    T.erase(Pos + 1, 1);
  return T;
}

std::optional<QtSignature> parseQtSignature(std::string_view Text) {
  Text = trim(Text);
  size_t Open = Text.find('(');
  if (Open == std::string_view::npos || Text.empty() || Text.back() != ')')
    return std::nullopt;
  std::string_view Name = trim(Text.substr(0, Open));
  if (Name.empty() || std::isdigit(static_cast<unsigned char>(Name.front())))
    return std::nullopt;
  for (char C : Name)
    if (!isWordChar(C))
      return std::nullopt;
  std::string_view Inside = Text.substr(Open + 1, Text.size() - Open - 2);
  int Depth = 0;
  for (char C : Inside) {
    Depth += (C == '(' || C == '<') - (C == ')' || C == '>');
    if (Depth < 0)
      return std::nullopt;
  }
  QtSignature Signature{std::string(Name), {}};
  if (!trim(Inside).empty() && trim(Inside) != "void")
    for (std::string_view Argument : splitArguments(Inside))
      Signature.Arguments.push_back(normalizedQtType(Argument));
  return Signature;
}

std::string QtSignature::text() const {
  std::string Out = Name + "(";
  for (size_t I = 0; I < Arguments.size(); ++I)
    Out += (I ? "," : "") + Arguments[I];
  return Out + ")";
}

} // namespace contractcheck
