#include "rules/utils/NameSpelling.h"

#include "DidYouMean.h"

#include <array>
#include <cctype>

namespace contractcheck {

namespace {

bool isUpper(char C) { return std::isupper(static_cast<unsigned char>(C)); }
bool isLower(char C) { return std::islower(static_cast<unsigned char>(C)); }
bool isDigit(char C) { return std::isdigit(static_cast<unsigned char>(C)); }

std::string lower(std::string_view Text) {
  std::string Out(Text);
  for (char &C : Out)
    C = static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
  return Out;
}

std::string upper(std::string_view Text) {
  std::string Out(Text);
  for (char &C : Out)
    C = static_cast<char>(std::toupper(static_cast<unsigned char>(C)));
  return Out;
}

std::string capitalised(std::string_view Word) {
  std::string Out = lower(Word);
  if (!Out.empty())
    Out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(Out[0])));
  return Out;
}

std::string joined(const std::vector<std::string> &Words, std::string_view Separator) {
  std::string Out;
  for (size_t I = 0; I < Words.size(); ++I)
    Out += (I ? std::string(Separator) : std::string()) + Words[I];
  return Out;
}

} // namespace

std::string_view spellingName(NameSpelling Spelling) { return SpellingChoices.name(Spelling); }

const std::vector<std::string> &spellingNames() {
  static const std::vector<std::string> Names(SpellingChoices.names().begin(),
                                              SpellingChoices.names().end());
  return Names;
}

std::string_view withoutPrefix(std::string_view Name, std::string_view Prefix) {
  if (Name.starts_with(Prefix) && Name.size() > Prefix.size())
    Name.remove_prefix(Prefix.size());
  return Name;
}

std::string_view unqualifiedName(std::string_view Qualified) {
  size_t Colon = Qualified.rfind("::");
  return Colon == std::string_view::npos ? Qualified : Qualified.substr(Colon + 2);
}

std::vector<std::string> identifierWords(std::string_view Name) {
  std::vector<std::string> Words;
  std::string Current;
  auto Flush = [&] {
    if (!Current.empty())
      Words.push_back(lower(Current));
    Current.clear();
  };
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (C == '_' || C == '-') {
      Flush();
      continue;
    }
    if (!Current.empty() && isUpper(C)) {
      char Prev = Current.back();
      bool NextIsLower = I + 1 < Name.size() && isLower(Name[I + 1]);
      // fooBar, foo2Bar: a capital after a lower-case letter or digit starts a word;
      // HTTPServer: the capital before a lower-case letter ends an acronym.
      if (isLower(Prev) || isDigit(Prev) || (isUpper(Prev) && NextIsLower))
        Flush();
    }
    Current += C;
  }
  Flush();
  return Words;
}

std::vector<std::string> textWords(std::string_view Text) {
  std::vector<std::string> Words;
  size_t Start = 0;
  for (size_t I = 0; I <= Text.size(); ++I) {
    if (I < Text.size() && !std::isspace(static_cast<unsigned char>(Text[I])))
      continue;
    for (std::string &Word : identifierWords(Text.substr(Start, I - Start)))
      Words.push_back(std::move(Word));
    Start = I + 1;
  }
  return Words;
}

std::vector<std::string> enumeratorWords(std::string_view Name) {
  if (Name.size() > 1 && Name[0] == 'k' && (isUpper(Name[1]) || isDigit(Name[1])))
    Name.remove_prefix(1);
  return identifierWords(Name);
}

std::string renderWords(const std::vector<std::string> &Words, NameSpelling Spelling) {
  switch (Spelling) {
  case NameSpelling::Exact:
  case NameSpelling::SnakeCase:
    return lower(joined(Words, "_"));
  case NameSpelling::ScreamingSnakeCase:
    return upper(joined(Words, "_"));
  case NameSpelling::KebabCase:
    return lower(joined(Words, "-"));
  case NameSpelling::CamelCase:
  case NameSpelling::PascalCase: {
    std::string Out;
    for (size_t I = 0; I < Words.size(); ++I)
      Out += (I == 0 && Spelling == NameSpelling::CamelCase) ? lower(Words[I])
                                                              : capitalised(Words[I]);
    return Out;
  }
  }
  return joined(Words, "_");
}

std::string spellEnumerator(std::string_view Name, NameSpelling Spelling) {
  if (Spelling == NameSpelling::Exact)
    return std::string(Name);
  return renderWords(enumeratorWords(Name), Spelling);
}

std::optional<std::string> closestName(std::string_view Word,
                                       const std::vector<std::string> &Candidates) {
  return closestMatch(std::string(Word), Candidates);
}

} // namespace contractcheck
