#include "rules/utils/RenameOnlyChange.h"

#include <llvm/ADT/StringExtras.h>

#include <map>
#include <vector>

namespace contractcheck {

namespace {

struct Token {
  llvm::StringRef Text;
  bool Identifier = false;
};

bool isIdentifierStart(char C) { return llvm::isAlpha(C) || C == '_'; }
bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

// The line's tokens, comments and whitespace left out; nullopt for a line this cannot read (an
// unterminated literal), which is then no rename.
std::optional<std::vector<Token>> tokens(llvm::StringRef Text) {
  std::vector<Token> Out;
  size_t I = 0;
  while (I < Text.size()) {
    char C = Text[I];
    if (llvm::isSpace(C)) {
      ++I;
    } else if (Text.substr(I).starts_with("//")) {
      break;
    } else if (Text.substr(I).starts_with("/*")) {
      size_t End = Text.find("*/", I + 2);
      if (End == llvm::StringRef::npos)
        break;
      I = End + 2;
    } else if (isIdentifierStart(C)) {
      size_t J = I;
      while (J < Text.size() && isIdentifierChar(Text[J]))
        ++J;
      Out.push_back({Text.slice(I, J), true});
      I = J;
    } else if (llvm::isDigit(C)) {
      size_t J = I;
      while (J < Text.size() && (isIdentifierChar(Text[J]) || Text[J] == '.' || Text[J] == '\''))
        ++J;
      Out.push_back({Text.slice(I, J)});
      I = J;
    } else if (C == '"' || C == '\'') {
      size_t J = I + 1;
      while (J < Text.size() && Text[J] != C)
        J += Text[J] == '\\' ? 2 : 1;
      if (J >= Text.size())
        return std::nullopt;
      Out.push_back({Text.slice(I, J + 1)});
      I = J + 1;
    } else {
      size_t Size = Text.substr(I).starts_with("::") ? 2 : 1;
      Out.push_back({Text.substr(I, Size)});
      I += Size;
    }
  }
  return Out;
}

// Tokens without what an `enum` → `enum class` conversion adds: the qualifiers of names
// (`ImageFormat::png` is `png`, `::ns::E::A` is `A`) and `class`/`struct` after `enum`.
std::vector<Token> withoutConversionNoise(const std::vector<Token> &In) {
  std::vector<Token> Out;
  for (size_t I = 0; I < In.size(); ++I) {
    if (In[I].Text == "::")
      continue;
    if (In[I].Identifier && I + 1 < In.size() && In[I + 1].Text == "::")
      continue;
    if ((In[I].Text == "class" || In[I].Text == "struct") && !Out.empty() &&
        Out.back().Text == "enum")
      continue;
    Out.push_back(In[I]);
  }
  return Out;
}

// Name lower-cased without underscores, from its character At.
std::string folded(llvm::StringRef Name, size_t At = 0) {
  std::string Out;
  for (char C : Name.drop_front(At))
    if (C != '_')
      Out.push_back(llvm::toLower(C));
  return Out;
}

// Whether Longer, after dropping whole leading words, is Shorter, case and underscores aside.
// A word starts after `_`, at a capital after a lower-case letter or a digit, or at a capital
// followed by a lower-case letter after capitals (`kFoo`, `RIDE_MODE_X`, `GLFoo`).
bool endsWithWordsOf(llvm::StringRef Longer, llvm::StringRef Shorter) {
  const std::string Wanted = folded(Shorter);
  if (Wanted.empty())
    return false;
  for (size_t At = 0; At < Longer.size(); ++At) {
    bool WordStart = At == 0 || Longer[At - 1] == '_' ||
                     (llvm::isUpper(Longer[At]) && !llvm::isUpper(Longer[At - 1])) ||
                     (llvm::isUpper(Longer[At]) && At + 1 < Longer.size() &&
                      llvm::isLower(Longer[At + 1]));
    if (WordStart && Longer[At] != '_' && folded(Longer, At) == Wanted)
      return true;
  }
  return false;
}

bool sameWords(llvm::StringRef Old, llvm::StringRef New) {
  return endsWithWordsOf(Old, New) || endsWithWordsOf(New, Old);
}

// The index of the token of Line that names Name as Way says.
std::optional<size_t> namedAt(const std::vector<Token> &Line, llvm::StringRef Name,
                              RenamedAs Way) {
  bool Case = false;
  for (size_t I = 0; I < Line.size(); ++I) {
    Case = Case || Line[I].Text == "case";
    if (Line[I].Text != Name)
      continue;
    llvm::StringRef Next = I + 1 < Line.size() ? Line[I + 1].Text : llvm::StringRef();
    if (Way == RenamedAs::Label) {
      if (Next == ":" && (Case || Name == "default"))
        return I;
    } else if (Next.empty() || Next == "," || Next == "=" || Next == "}") {
      return I;
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> renamedFrom(llvm::StringRef OldText, llvm::StringRef NewText,
                                       llvm::StringRef Name, RenamedAs Way) {
  std::optional<std::vector<Token>> OldTokens = tokens(OldText), NewTokens = tokens(NewText);
  if (!OldTokens || !NewTokens)
    return std::nullopt;
  const std::vector<Token> Old = withoutConversionNoise(*OldTokens);
  const std::vector<Token> New = withoutConversionNoise(*NewTokens);
  if (Old.size() != New.size())
    return std::nullopt;
  std::optional<size_t> At = namedAt(New, Name, Way);
  if (!At)
    return std::nullopt;
  // One old name becomes one new name, and two old names do not become one.
  std::map<llvm::StringRef, llvm::StringRef> Renamed, RenamedBack;
  for (size_t I = 0; I < Old.size(); ++I) {
    const bool Same = Old[I].Text == New[I].Text;
    if (Same && !Old[I].Identifier)
      continue;
    if (!Same && (!Old[I].Identifier || !New[I].Identifier || !sameWords(Old[I].Text, New[I].Text)))
      return std::nullopt;
    auto [To, NewTo] = Renamed.try_emplace(Old[I].Text, New[I].Text);
    auto [From, NewFrom] = RenamedBack.try_emplace(New[I].Text, Old[I].Text);
    if (To->second != New[I].Text || From->second != Old[I].Text)
      return std::nullopt;
  }
  return Old[*At].Text.str();
}

} // namespace contractcheck
