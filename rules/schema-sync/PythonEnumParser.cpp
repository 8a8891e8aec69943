#include "rules/schema-sync/PythonEnumParser.h"
#include "rules/schema-sync/PythonTokenizer.h"

#include <charconv>
#include <map>
#include <set>
#include <span>

namespace contractcheck {
namespace {

using Tokens = std::span<const PythonToken>;

struct PythonEnumError {
  unsigned Line;
  unsigned Column;
  std::string Message;
};

// The value of a Python integer literal ("0x1F", "1_000", "0o17", "0b101"); nullopt otherwise.
std::optional<std::int64_t> integerLiteral(std::string_view Text) {
  std::string Digits;
  for (char C : Text)
    if (C != '_')
      Digits += C;
  int Base = 10;
  std::string_view D = Digits;
  if (D.size() > 2 && D[0] == '0' &&
      std::string_view("xXoObB").find(D[1]) != std::string_view::npos) {
    Base = (D[1] | 0x20) == 'x' ? 16 : (D[1] | 0x20) == 'o' ? 8 : 2;
    D.remove_prefix(2);
  } else if (D.size() > 1 && D[0] == '0' && D.find_first_not_of('0') != std::string_view::npos) {
    return std::nullopt; // Python forbids leading zeros
  }
  std::int64_t Value = 0;
  auto [End, Ec] = std::from_chars(D.data(), D.data() + D.size(), Value, Base);
  if (D.empty() || Ec != std::errc() || End != D.data() + D.size())
    return std::nullopt;
  return Value;
}

// A constant integer expression of literals and earlier members: what IntFlag combinations
// (`RW = R | W`) and shifts (`1 << 3`) are written with. nullopt for anything else.
class IntExpression {
public:
  IntExpression(Tokens T, const std::map<std::string, std::int64_t, std::less<>> &Names)
      : T(T), Names(Names) {}

  std::optional<std::int64_t> evaluate() {
    std::optional<std::int64_t> V = binary(0);
    return V && I == T.size() ? V : std::nullopt;
  }

private:
  static int precedence(std::string_view Op) {
    if (Op == "|")
      return 1;
    if (Op == "^")
      return 2;
    if (Op == "&")
      return 3;
    if (Op == "<<" || Op == ">>")
      return 4;
    if (Op == "+" || Op == "-")
      return 5;
    if (Op == "*" || Op == "//" || Op == "%")
      return 6;
    return 0;
  }

  std::optional<std::int64_t> binary(int MinPrecedence) {
    std::optional<std::int64_t> L = unary();
    while (L && I < T.size() && T[I].K == PythonToken::Kind::Op) {
      int P = precedence(T[I].Text);
      if (P == 0 || P < MinPrecedence)
        break;
      std::string_view Op = T[I++].Text;
      std::optional<std::int64_t> R = binary(P + 1);
      if (!R)
        return std::nullopt;
      L = apply(Op, *L, *R);
    }
    return L;
  }

  std::optional<std::int64_t> unary() {
    if (++Depth > 100 || I >= T.size())
      return std::nullopt;
    std::optional<std::int64_t> V;
    if (T[I].is("-") || T[I].is("+") || T[I].is("~")) {
      std::string_view Op = T[I++].Text;
      V = unary();
      if (V && Op == "-")
        V = *V == INT64_MIN ? std::nullopt : std::optional<std::int64_t>(-*V);
      else if (V && Op == "~")
        V = ~*V;
    } else {
      V = power();
    }
    --Depth;
    return V;
  }

  std::optional<std::int64_t> power() {
    std::optional<std::int64_t> Base = primary();
    if (Base && I < T.size() && T[I].is("**")) {
      ++I;
      std::optional<std::int64_t> Exponent = unary();
      if (!Exponent || *Exponent < 0 || *Exponent > 63)
        return std::nullopt;
      std::int64_t Result = 1;
      for (std::int64_t E = 0; E < *Exponent; ++E)
        if (__builtin_mul_overflow(Result, *Base, &Result))
          return std::nullopt;
      return Result;
    }
    return Base;
  }

  std::optional<std::int64_t> primary() {
    if (I >= T.size())
      return std::nullopt;
    const PythonToken &Tok = T[I++];
    if (Tok.K == PythonToken::Kind::Number)
      return integerLiteral(Tok.Text);
    if (Tok.K == PythonToken::Kind::Name) {
      auto It = Names.find(Tok.Text);
      return It == Names.end() ? std::nullopt : std::optional<std::int64_t>(It->second);
    }
    if (Tok.is("(")) {
      std::optional<std::int64_t> V = binary(0);
      if (!V || I >= T.size() || !T[I].is(")"))
        return std::nullopt;
      ++I;
      return V;
    }
    return std::nullopt;
  }

  static std::optional<std::int64_t> apply(std::string_view Op, std::int64_t L, std::int64_t R) {
    std::int64_t Out = 0;
    if (Op == "|")
      return L | R;
    if (Op == "^")
      return L ^ R;
    if (Op == "&")
      return L & R;
    if (Op == "+")
      return __builtin_add_overflow(L, R, &Out) ? std::nullopt : std::optional(Out);
    if (Op == "-")
      return __builtin_sub_overflow(L, R, &Out) ? std::nullopt : std::optional(Out);
    if (Op == "*")
      return __builtin_mul_overflow(L, R, &Out) ? std::nullopt : std::optional(Out);
    if (Op == "<<") {
      if (R < 0 || R > 62 || L < 0 || (L << R) >> R != L)
        return std::nullopt;
      return L << R;
    }
    if (Op == ">>")
      return R < 0 ? std::nullopt : std::optional<std::int64_t>(R > 63 ? (L < 0 ? -1 : 0) : L >> R);
    if (R == 0 || (L == INT64_MIN && R == -1))
      return std::nullopt;
    std::int64_t Q = L / R, M = L % R;
    if (M != 0 && ((M < 0) != (R < 0))) { // Python floors
      --Q;
      M += R;
    }
    return Op == "//" ? Q : M;
  }

  Tokens T;
  const std::map<std::string, std::int64_t, std::less<>> &Names;
  size_t I = 0;
  unsigned Depth = 0;
};

// A string literal's value; nullopt for bytes and f-strings, whose value is not a name.
std::optional<std::string> stringLiteral(std::string_view Token) {
  size_t Quote = Token.find_first_of("'\"");
  std::string_view Prefix = Token.substr(0, Quote);
  if (Prefix.find_first_of("bBfF") != std::string_view::npos)
    return std::nullopt;
  bool Raw = Prefix.find_first_of("rR") != std::string_view::npos;
  std::string_view Body = Token.substr(Quote);
  size_t QuoteLength = Body.size() >= 6 && Body[1] == Body[0] && Body[2] == Body[0] ? 3 : 1;
  Body = Body.substr(QuoteLength, Body.size() - 2 * QuoteLength);
  if (Raw)
    return std::string(Body);
  std::string Out;
  for (size_t I = 0; I < Body.size(); ++I) {
    if (Body[I] != '\\' || I + 1 == Body.size()) {
      Out += Body[I];
      continue;
    }
    char E = Body[++I];
    switch (E) {
    case '\n':
      break;
    case 'n':
      Out += '\n';
      break;
    case 't':
      Out += '\t';
      break;
    case 'r':
      Out += '\r';
      break;
    case '\\':
    case '\'':
    case '"':
      Out += E;
      break;
    default: // \x, \u, \N{...} and unknown escapes are kept as written
      Out += '\\';
      Out += E;
    }
  }
  return Out;
}

bool isDunderOrSunder(std::string_view Name) {
  bool Sunder = Name.size() > 2 && Name.front() == '_' && Name.back() == '_';
  bool Private = Name.starts_with("__"); // name-mangled: not a member since Python 3.11
  return Sunder || Private;
}

// Values that make a class attribute a descriptor or an explicit non-member, not a member.
bool isNonMemberValue(Tokens Value) {
  if (Value.empty())
    return true;
  if (Value[0].is("lambda"))
    return true;
  size_t I = 0;
  if (Value.size() > 2 && Value[0].K == PythonToken::Kind::Name && Value[1].is("."))
    I = 2; // enum.nonmember(...), builtins.property(...)
  return I + 1 < Value.size() && Value[I + 1].is("(") &&
         (Value[I].is("property") || Value[I].is("classmethod") || Value[I].is("staticmethod") ||
          Value[I].is("nonmember"));
}

// ("ph" "one") is the string "phone"; (1 << 3) the number 8; (1, 2) stays a tuple.
Tokens withoutEnclosingParentheses(Tokens Value) {
  while (Value.size() >= 2 && Value.front().is("(") && Value.back().is(")")) {
    int Depth = 0;
    for (size_t I = 0; I < Value.size(); ++I) {
      Depth += Value[I].is("(") || Value[I].is("[") || Value[I].is("{");
      Depth -= Value[I].is(")") || Value[I].is("]") || Value[I].is("}");
      bool ClosesEarly = Depth == 0 && I + 1 < Value.size(); // "(a) | (b)"
      bool Tuple = Depth == 1 && Value[I].is(",");
      if (ClosesEarly || Tuple)
        return Value;
    }
    Value = Value.subspan(1, Value.size() - 2);
  }
  return Value;
}

bool isAutoCall(Tokens Value) {
  size_t I = 0;
  if (Value.size() == 5 && Value[0].is("enum") && Value[1].is("."))
    I = 2;
  return Value.size() == I + 3 && Value[I].is("auto") && Value[I + 1].is("(") &&
         Value[I + 2].is(")");
}

// Splits at Separator outside brackets.
std::vector<Tokens> splitTopLevel(Tokens T, std::string_view Separator) {
  std::vector<Tokens> Parts;
  size_t Start = 0;
  int Depth = 0;
  for (size_t I = 0; I < T.size(); ++I) {
    if (T[I].is("(") || T[I].is("[") || T[I].is("{"))
      ++Depth;
    else if (T[I].is(")") || T[I].is("]") || T[I].is("}"))
      --Depth;
    else if (Depth == 0 && T[I].is(Separator)) {
      Parts.push_back(T.subspan(Start, I - Start));
      Start = I + 1;
    }
  }
  Parts.push_back(T.subspan(Start));
  return Parts;
}

struct ClassScope {
  std::string Name;   // nested name
  unsigned BodyLevel; // indentation level of its body
  bool IsEnum = false;
  PythonEnum Enum;
  std::map<std::string, std::int64_t, std::less<>> Numbers; // members with numeric values
  std::optional<std::int64_t> LastNumber, MaxNumber;
  std::set<std::string, std::less<>> Ignored; // _ignore_
  bool HadBody = false;                       // a line of its body has been seen
};

class EnumCollector {
public:
  explicit EnumCollector(const std::vector<PythonToken> &All) : All(All) {}

  std::vector<PythonEnum> run() {
    unsigned Level = 0;
    size_t I = 0;
    while (I < All.size() && All[I].K != PythonToken::Kind::End) {
      if (All[I].K == PythonToken::Kind::Indent) {
        ++Level;
        ++I;
        continue;
      }
      if (All[I].K == PythonToken::Kind::Dedent) {
        --Level;
        ++I;
        continue;
      }
      size_t Start = I;
      while (All[I].K != PythonToken::Kind::Newline && All[I].K != PythonToken::Kind::End)
        ++I;
      Tokens Line(All.data() + Start, I - Start);
      if (All[I].K == PythonToken::Kind::Newline)
        ++I;
      closeScopes(Level, Line.empty() ? nullptr : &Line.front());
      logicalLine(Line, Level);
    }
    closeScopes(0, nullptr);
    return std::move(Found);
  }

private:
  // Ends the classes whose body the line at Level is outside of.
  void closeScopes(unsigned Level, const PythonToken *At) {
    while (!Scopes.empty() && Scopes.back().BodyLevel > Level) {
      if (Scopes.back().BodyLevel == Level + 1 && !Scopes.back().HadBody) {
        // The line right after "class X(...):" must be its indented body.
        const PythonToken &Where = At ? *At : All.back();
        throw PythonEnumError{Where.Line, Where.Column,
                              "expected an indented block after class '" + Scopes.back().Name +
                                  "'"};
      }
      finish(std::move(Scopes.back()));
      Scopes.pop_back();
    }
  }

  void finish(ClassScope &&S) {
    if (S.IsEnum)
      Found.push_back(std::move(S.Enum));
  }

  void logicalLine(Tokens Line, unsigned Level) {
    if (Line.empty())
      return;
    if (!Scopes.empty() && Scopes.back().BodyLevel == Level)
      Scopes.back().HadBody = true;
    if (Line[0].is("class")) {
      classHeader(Line, Level);
      return;
    }
    if (Scopes.empty() || Scopes.back().BodyLevel != Level || !Scopes.back().IsEnum)
      return;
    for (Tokens Statement : splitTopLevel(Line, ";"))
      statement(Scopes.back(), Statement);
  }

  void classHeader(Tokens Line, unsigned Level) {
    if (Line.size() < 2 || Line[1].K != PythonToken::Kind::Name)
      throw PythonEnumError{Line[0].Line, Line[0].Column, "expected a class name after 'class'"};
    const PythonToken &Name = Line[1];
    size_t I = 2;
    std::vector<Tokens> Bases;
    if (I < Line.size() && Line[I].is("(")) {
      size_t Close = I + 1;
      int Depth = 1;
      for (; Close < Line.size(); ++Close) {
        Depth += Line[Close].is("(") || Line[Close].is("[") || Line[Close].is("{");
        Depth -= Line[Close].is(")") || Line[Close].is("]") || Line[Close].is("}");
        if (Depth == 0)
          break;
      }
      if (Close > I + 1)
        Bases = splitTopLevel(Line.subspan(I + 1, Close - I - 1), ",");
      I = Close + 1;
    }
    if (I >= Line.size() || !Line[I].is(":")) {
      const PythonToken &Where = I < Line.size() ? Line[I] : Line.back();
      throw PythonEnumError{Where.Line, Where.Column,
                            "expected ':' after the header of class '" + std::string(Name.Text) +
                                "'"};
    }
    ClassScope S;
    S.Name = (Scopes.empty() ? std::string() : Scopes.back().Name + ".") + std::string(Name.Text);
    S.BodyLevel = Level + 1;
    classifyBases(S, Bases);
    S.Enum.Name = S.Name;
    S.Enum.Line = Name.Line;
    S.Enum.Column = Name.Column;
    Tokens Inline = Line.subspan(I + 1);
    if (!Inline.empty()) { // "class X(Enum): A = 1; B = 2"
      if (S.IsEnum)
        for (Tokens Statement : splitTopLevel(Inline, ";"))
          statement(S, Statement);
      finish(std::move(S));
      return;
    }
    Scopes.push_back(std::move(S));
  }

  void classifyBases(ClassScope &S, const std::vector<Tokens> &Bases) {
    bool Str = false, Int = false;
    std::optional<PythonEnum::Kind> Kind;
    for (Tokens Base : Bases) {
      if (Base.empty() || Base[Base.size() - 1].K != PythonToken::Kind::Name)
        continue;
      bool KeywordArgument = Base.size() >= 2 && Base[1].is("=");
      if (KeywordArgument)
        continue;
      std::string_view Last = Base.back().Text;
      std::string Dotted;
      for (const PythonToken &T : Base)
        Dotted += T.Text;
      if (Last == "str" && Base.size() == 1)
        Str = true;
      else if (Last == "int" && Base.size() == 1)
        Int = true;
      else if (Last == "Flag" || Last == "IntFlag")
        Kind = PythonEnum::Kind::Flag;
      else if (Last == "StrEnum")
        Kind = PythonEnum::Kind::StrEnum;
      else if (Last == "IntEnum")
        Kind = PythonEnum::Kind::IntEnum;
      else if (Last == "Enum" || Last == "ReprEnum") {
        if (!Kind)
          Kind = PythonEnum::Kind::Enum;
      } else if (auto Known = EnumKinds.find(Dotted); Known != EnumKinds.end()) {
        Kind = Known->second; // a member-less enum of this file, extended
      }
    }
    if (!Kind)
      return;
    if (*Kind == PythonEnum::Kind::Enum && Str)
      Kind = PythonEnum::Kind::StrMixin;
    else if (*Kind == PythonEnum::Kind::Enum && Int)
      Kind = PythonEnum::Kind::IntEnum;
    S.IsEnum = true;
    S.Enum.K = *Kind;
    EnumKinds[S.Name] = *Kind;
    if (size_t Dot = S.Name.rfind('.'); Dot != std::string::npos)
      EnumKinds[S.Name.substr(Dot + 1)] = *Kind;
  }

  void statement(ClassScope &S, Tokens T) {
    if (T.empty() || T[0].K != PythonToken::Kind::Name)
      return; // decorators, docstrings, "..."
    // Hard keywords only: `match = 1` is a member, `match x:` has no '=' and is not.
    static const std::set<std::string_view> Keywords = {
        "def",    "async",   "class", "if",    "elif",     "else",   "for",   "while",  "try",
        "except", "finally", "with",  "pass",  "return",   "import", "from",  "global", "nonlocal",
        "del",    "assert",  "raise", "break", "continue", "lambda", "yield", "await"};
    if (Keywords.count(T[0].Text))
      return;
    // NAME = value, NAME: annotation = value, A, B = 1, 2
    size_t Assign = 0;
    int Depth = 0;
    for (size_t I = 0; I < T.size() && !Assign; ++I) {
      Depth += T[I].is("(") || T[I].is("[") || T[I].is("{");
      Depth -= T[I].is(")") || T[I].is("]") || T[I].is("}");
      if (Depth == 0 && T[I].is("="))
        Assign = I;
    }
    if (!Assign)
      return; // an annotation alone, a call: no member
    Tokens Targets = T.subspan(0, Assign);
    Tokens Value = T.subspan(Assign + 1);
    if (Targets.size() >= 2 && Targets[1].is(":"))
      Targets = Targets.subspan(0, 1);
    std::vector<Tokens> Names = splitTopLevel(Targets, ",");
    std::vector<Tokens> Values = Names.size() > 1 ? splitTopLevel(Value, ",") : std::vector{Value};
    for (size_t I = 0; I < Names.size(); ++I) {
      if (Names[I].size() != 1 || Names[I][0].K != PythonToken::Kind::Name)
        return; // attribute or subscript assignment: not a member definition
      member(S, Names[I][0], Names.size() == Values.size() ? Values[I] : Tokens());
    }
  }

  void member(ClassScope &S, const PythonToken &Name, Tokens Value) {
    std::string N(Name.Text);
    if (N == "_ignore_") {
      for (const PythonToken &T : Value)
        if (T.K == PythonToken::Kind::String)
          if (std::optional<std::string> Text = stringLiteral(T.Text)) {
            std::string Word;
            for (char C : *Text + " ")
              if (C == ' ' || C == ',') {
                if (!Word.empty())
                  S.Ignored.insert(Word);
                Word.clear();
              } else {
                Word += C;
              }
          }
      return;
    }
    if (isDunderOrSunder(N) || S.Ignored.count(N) || isNonMemberValue(Value))
      return;
    ExternalMember M{N, std::nullopt, std::nullopt, Name.Line, Name.Column};
    Value = withoutEnclosingParentheses(Value);
    bool AllStrings = !Value.empty();
    for (const PythonToken &T : Value)
      AllStrings &= T.K == PythonToken::Kind::String;
    const ExternalMember *Aliased = nullptr;
    if (Value.size() == 1 && Value[0].K == PythonToken::Kind::Name)
      for (const ExternalMember &Earlier : S.Enum.Members)
        if (Earlier.Name == Value[0].Text)
          Aliased = &Earlier;
    if (Aliased) {
      // `DONE = FILLED`: an alias, with its member's value, whatever the enum's kind.
      M.Value = Aliased->Value;
      M.StringValue = Aliased->StringValue;
    } else if (isAutoCall(Value)) {
      autoValue(S, M);
    } else if (AllStrings) {
      std::string Joined;
      bool Plain = true;
      for (const PythonToken &T : Value) {
        std::optional<std::string> Part = stringLiteral(T.Text);
        Plain &= Part.has_value();
        if (Part)
          Joined += *Part;
      }
      if (Plain)
        M.StringValue = std::move(Joined);
    } else {
      M.Value = IntExpression(Value, S.Numbers).evaluate();
    }
    if (M.Value) {
      S.Numbers[N] = *M.Value;
      S.LastNumber = M.Value;
      S.MaxNumber = S.MaxNumber ? std::max(*S.MaxNumber, *M.Value) : *M.Value;
    }
    S.Enum.Members.push_back(std::move(M));
  }

  // What Python's _generate_next_value_ gives for auto().
  void autoValue(ClassScope &S, ExternalMember &M) {
    switch (S.Enum.K) {
    case PythonEnum::Kind::StrEnum: {
      std::string Lower = M.Name;
      for (char &C : Lower)
        if (C >= 'A' && C <= 'Z')
          C = static_cast<char>(C - 'A' + 'a');
      M.StringValue = Lower;
      return;
    }
    case PythonEnum::Kind::Flag: {
      std::int64_t Next = 1;
      if (S.MaxNumber && *S.MaxNumber > 0) {
        int Bits = 64 - __builtin_clzll(static_cast<unsigned long long>(*S.MaxNumber));
        if (Bits >= 63)
          return;
        Next = std::int64_t(1) << Bits;
      }
      M.Value = Next;
      return;
    }
    case PythonEnum::Kind::Enum:
    case PythonEnum::Kind::IntEnum:
    case PythonEnum::Kind::StrMixin:
      if (S.LastNumber && *S.LastNumber == INT64_MAX)
        return;
      // Python up to 3.12 counts on from the last value, 3.13 from the largest: when they
      // differ the value depends on the interpreter, so it is left unknown.
      if (S.LastNumber && S.MaxNumber && *S.LastNumber != *S.MaxNumber)
        return;
      M.Value = S.LastNumber ? *S.LastNumber + 1 : 1;
      if (S.Enum.K == PythonEnum::Kind::StrMixin) // str(1): the mixin converts the number
        M.StringValue = std::to_string(*M.Value);
      return;
    }
  }

  const std::vector<PythonToken> &All;
  std::vector<ClassScope> Scopes;
  std::vector<PythonEnum> Found;
  std::map<std::string, PythonEnum::Kind> EnumKinds;
};

} // namespace

std::optional<std::vector<PythonEnum>> parsePythonEnums(std::string_view Text, DataError &Error) {
  std::optional<std::vector<PythonToken>> Tokens = tokenizePython(Text, Error);
  if (!Tokens)
    return std::nullopt;
  try {
    return EnumCollector(*Tokens).run();
  } catch (const PythonEnumError &E) {
    Error.Line = E.Line;
    Error.Column = E.Column;
    Error.Message = "malformed Python: " + E.Message;
    return std::nullopt;
  }
}

const PythonEnum *findPythonEnum(const std::vector<PythonEnum> &Enums, std::string_view Name,
                                 std::string &Message) {
  for (const PythonEnum &E : Enums)
    if (E.Name == Name)
      return &E;
  const PythonEnum *Found = nullptr;
  std::string Names;
  for (const PythonEnum &E : Enums) {
    Names += " " + E.Name;
    std::string_view Own = E.Name;
    if (size_t Dot = Own.rfind('.'); Dot != std::string_view::npos)
      Own.remove_prefix(Dot + 1);
    if (Own != Name)
      continue;
    if (Found) {
      Message = "class name '" + std::string(Name) + "' is ambiguous: both '" + Found->Name +
                "' and '" + E.Name + "' are enums here; write the nested name";
      return nullptr;
    }
    Found = &E;
  }
  if (!Found)
    Message = "no enum class '" + std::string(Name) + "' in the file" +
              (Names.empty() ? std::string(" (it defines none)") : " (enum classes:" + Names + ")");
  return Found;
}

} // namespace contractcheck
