#include "rules/string-dispatch/QtSignature.h"

#include <cctype>
#include <utility>

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

bool isSpace(char C) {
  return C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\v' || C == '\f';
}

// qRemoveWhitespace: one space kept only between two identifier characters, or in "< :".
std::string withoutWhitespace(std::string_view S) {
  std::string Out;
  size_t I = 0;
  while (I < S.size() && isSpace(S[I]))
    ++I;
  char Last = 0;
  while (I < S.size()) {
    while (I < S.size() && !isSpace(S[I]))
      Out += Last = S[I++];
    while (I < S.size() && isSpace(S[I]))
      ++I;
    if (I < S.size() && ((isWordChar(S[I]) && isWordChar(Last)) || (S[I] == ':' && Last == '<')))
      Out += Last = ' ';
  }
  return Out;
}

bool startsWith(const char *T, const char *E, std::string_view Prefix) {
  return static_cast<size_t>(E - T) >= Prefix.size() &&
         std::string_view(T, Prefix.size()) == Prefix;
}

// qtbase 5.15's normalizeTypeInternal (qmetaobject_moc_p.h), which moc applies to the types it
// records and QMetaObject::normalizedSignature to a signature written by hand. T..E lies within
// a NUL-terminated buffer: like Qt's, the template case looks at the character just past E.
std::string normalizeTypeInternal(const char *T, const char *E, bool AdjustConst = true) {
  long Len = E - T;
  // "char const *" -> "const char *"; not past a '&', '*' or '<' ("char * const *", "A<const B>").
  std::string ConstBuf;
  for (long I = 1; I < Len; ++I) {
    if (T[I] == 'c' && startsWith(T + I + 1, E, "onst") &&
        (I + 5 >= Len || !isWordChar(T[I + 5])) && !isWordChar(T[I - 1])) {
      ConstBuf.assign(T, Len);
      if (isSpace(T[I - 1]))
        ConstBuf.erase(I - 1, 6);
      else
        ConstBuf.erase(I, 5);
      ConstBuf.insert(0, "const ");
      T = ConstBuf.c_str();
      E = T + ConstBuf.size();
      break;
    }
    if (T[I] == '&' || T[I] == '*' || T[I] == '<')
      break;
  }
  if (AdjustConst && E > T + 6 && startsWith(T, E, "const ")) {
    if (E[-1] == '&') { // a const reference is passed as a value
      T += 6;
      --E;
    } else if (isWordChar(E[-1]) || E[-1] == '>') { // so is a const value
      T += 6;
    }
  }
  std::string Result;
  if (startsWith(T, E, "const ")) {
    T += 6;
    Result += "const ";
  }
  if (startsWith(T, E, "unsigned")) {
    if (T + 8 == E || !isWordChar(T[8])) {
      if (startsWith(T + 8, E, " int")) {
        T += 12;
        Result += "uint";
      } else if (startsWith(T + 8, E, " long")) {
        if (!startsWith(T + 13, E, " int") && !startsWith(T + 13, E, " long")) {
          T += 13;
          Result += "ulong";
        }
      } else if (!startsWith(T + 8, E, " short") && !startsWith(T + 8, E, " char")) {
        T += 8;
        Result += "uint";
      }
    }
  } else {
    // 'struct', 'class' and 'enum' are optional, so not part of the signature.
    for (std::string_view Keyword : {"struct ", "class ", "enum "})
      if (startsWith(T, E, Keyword)) {
        T += Keyword.size();
        break;
      }
  }
  bool Star = false;
  while (T != E) {
    char C = *T++;
    Star = Star || C == '*';
    Result += C;
    if (C == '<') {
      // Each template argument normalised on its own, const kept.
      const char *Argument = T;
      int TemplateDepth = 1;
      int ScopeDepth = 0;
      while (T != E) {
        C = *T++;
        if (C == '{' || C == '(' || C == '[')
          ++ScopeDepth;
        if (C == '}' || C == ')' || C == ']')
          --ScopeDepth;
        if (ScopeDepth != 0)
          continue;
        if (C == '<')
          ++TemplateDepth;
        if (C == '>')
          --TemplateDepth;
        if (TemplateDepth == 0 || (TemplateDepth == 1 && C == ',')) {
          Result += normalizeTypeInternal(Argument, T - 1, false);
          Result += C;
          if (TemplateDepth == 0) {
            if (*T == '>')
              Result += ' '; // Qt 5 writes "> >"
            break;
          }
          Argument = T;
        }
      }
    }
    // cv-qualifiers may follow the type too.
    if (!isWordChar(C) && T != E && E - T >= 5 && std::string_view(T, 5) == "const" &&
        (E - T == 5 || !isWordChar(T[5]))) {
      T += 5;
      while (T != E && isSpace(*T))
        ++T;
      if (AdjustConst && T != E && *T == '&')
        ++T; // a const reference is passed as a value
      else if (AdjustConst && !Star)
        ; // so is a const value
      else if (!Star)
        Result.insert(0, "const ");
      else
        Result += "const"; // a const pointer stays one
    }
  }
  return Result;
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
  // QMetaObject::normalizedType: the type ends at the first ',' or ')' outside a template.
  std::string T = withoutWhitespace(Type);
  const char *D = T.c_str();
  for (int TemplateDepth = 0; *D && (TemplateDepth || (*D != ',' && *D != ')')); ++D)
    TemplateDepth += (*D == '<') - (*D == '>');
  return normalizeTypeInternal(T.c_str(), D);
}

std::string normalizedQtSignature(std::string_view Signature) {
  // qtbase 5.15's QMetaObject::normalizedSignature: each argument at depth one normalised.
  std::string Buffer = withoutWhitespace(Signature);
  const char *D = Buffer.c_str();
  std::string Result;
  int ArgumentDepth = 0;
  int TemplateDepth = 0;
  while (*D) {
    if (ArgumentDepth == 1) {
      const char *T = D;
      while (*D && (TemplateDepth || (*D != ',' && *D != ')'))) {
        if (*D == '<')
          ++TemplateDepth;
        if (*D == '>')
          --TemplateDepth;
        ++D;
      }
      // "f(void)" is "f()".
      if (!(std::string_view(T, D - T) == "void" && *D == ')'))
        Result += normalizeTypeInternal(T, D);
      if (!*D)
        break;
    }
    if (*D == '(')
      ++ArgumentDepth;
    if (*D == ')')
      --ArgumentDepth;
    Result += *D++;
  }
  return Result;
}

std::string qtTypeKey(std::string_view NormalizedType) {
  std::string T(NormalizedType);
  // Names QMetaType registers as aliases of one type, and spellings of one built-in type that
  // the normaliser leaves apart.
  static constexpr std::pair<std::string_view, std::string_view> Aliases[] = {
      {"unsigned long long int", "qulonglong"},
      {"unsigned long long", "qulonglong"},
      {"long long int", "qlonglong"},
      {"long long", "qlonglong"},
      {"unsigned long int", "ulong"},
      {"unsigned short int", "ushort"},
      {"unsigned short", "ushort"},
      {"unsigned char", "uchar"},
      {"signed int", "int"},
      {"long int", "long"},
      {"short int", "short"},
      {"signed long", "long"},
      {"signed short", "short"},
      {"quint64", "qulonglong"},
      {"qint64", "qlonglong"},
      {"quint32", "uint"},
      {"qint32", "int"},
      {"quint16", "ushort"},
      {"qint16", "short"},
      {"quint8", "uchar"},
      {"qint8", "signed char"},
      {"QList<QVariant>", "QVariantList"},
      {"QMap<QString,QVariant>", "QVariantMap"},
      {"QHash<QString,QVariant>", "QVariantHash"},
      {"QList<QByteArray>", "QByteArrayList"},
  };
  for (const auto &[From, To] : Aliases)
    replaceWord(T, From, To);
  // Qt 5 writes "> >", Qt 6 ">>".
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
