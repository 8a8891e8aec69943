#include "StoredPathLists.h"

#include "Utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <nlohmann/json.hpp>

namespace contractcheck {

namespace {

// Where the run of characters from Begin that a JSON string holds as they are ends: at a
// quote, a backslash or a raw control character, or at End. Eight bytes at a time: most
// of a stored result's bytes are paths, which have none of them.
const char *plainSpanEnd(const char *Begin, const char *End) {
  constexpr uint64_t Ones = 0x0101010101010101ULL, Highs = 0x8080808080808080ULL;
  auto HasZero = [](uint64_t V) { return (V - Ones) & ~V & Highs; };
  const char *P = Begin;
#if defined(__SSE2__)
  // Sixteen bytes at a time where the machine has SSE2 (every x86-64): a compilation database's
  // commands are a few hundred bytes each.
  const __m128i Quote = _mm_set1_epi8('"'), Backslash = _mm_set1_epi8('\\'),
                Control = _mm_set1_epi8(0x1F);
  for (; End - P >= 16; P += 16) {
    __m128i V = _mm_loadu_si128(reinterpret_cast<const __m128i *>(P));
    // A byte at most 0x1F (unsigned: not one of 0x80 and above), or '"' or '\\'.
    __m128i Stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(V, Quote), _mm_cmpeq_epi8(V, Backslash)),
                                _mm_cmpeq_epi8(_mm_min_epu8(V, Control), V));
    if (int Mask = _mm_movemask_epi8(Stop))
      return P + __builtin_ctz(static_cast<unsigned>(Mask));
  }
#endif
  for (; End - P >= 8; P += 8) {
    uint64_t V;
    std::memcpy(&V, P, 8);
    // A byte below 0x20 (a byte of 0x80 or above is not: its high bit masks it out), or
    // equal to '"' or '\\'.
    if (((V - Ones * 0x20) & ~V & Highs) || HasZero(V ^ (Ones * '"')) ||
        HasZero(V ^ (Ones * '\\')))
      break;
  }
  return std::find_if(P, End, [](char C) {
    return C == '"' || C == '\\' || static_cast<unsigned char>(C) < 0x20;
  });
}

// How many arrays and objects deep a stored value may nest: a stored outcome is a few levels
// deep. The store's reader goes no deeper, and refuses text that does (skipValue), so nothing
// that walks a value read from the store recurses further either.
constexpr size_t MaxDepth = 64;

class Reader {
public:
  explicit Reader(std::string_view Text) : Text(Text) {}

  bool atEnd() {
    skipSpace();
    return At == Text.size();
  }
  bool take(char C) {
    skipSpace();
    if (At < Text.size() && Text[At] == C) {
      ++At;
      return true;
    }
    return false;
  }
  bool peek(char C) {
    skipSpace();
    return At < Text.size() && Text[At] == C;
  }
  size_t position() const { return At; }
  // Open, then items separated by ',' (none at all included), then Close; ReadItem reads one
  // item at the reader's position and says whether it could.
  template <class ReadItem> bool sequence(char Open, char Close, ReadItem &&Item) {
    if (!take(Open))
      return false;
    if (take(Close))
      return true;
    do {
      if (!Item())
        return false;
    } while (take(','));
    return take(Close);
  }

  // A JSON number that is a non-negative integer (digits only, no leading zero but "0").
  bool unsignedNumber(uint64_t &Out) {
    skipSpace();
    size_t Start = At;
    Out = 0;
    while (At < Text.size() && Text[At] >= '0' && Text[At] <= '9') {
      if (At - Start >= 18)
        return false;
      Out = Out * 10 + static_cast<uint64_t>(Text[At++] - '0');
    }
    return At > Start && !(Text[Start] == '0' && At - Start > 1);
  }

  // A JSON string, decoded into Out.
  bool string(std::string &Out) {
    Out.clear();
    if (!take('"'))
      return false;
    while (At < Text.size()) {
      // Up to the next quote, escape or raw control character at once: most paths have
      // neither of the last two.
      const char *Begin = Text.data() + At, *End = Text.data() + Text.size();
      const char *Stop = plainSpanEnd(Begin, End);
      Out.append(Begin, Stop - Begin);
      At += Stop - Begin;
      if (At == Text.size() || static_cast<unsigned char>(Text[At]) < 0x20)
        return false; // unterminated, or a raw control character
      if (Text[At++] == '"')
        return true;
      if (!escape(Out))
        return false;
    }
    return false;
  }

  // A JSON string checked as string() checks it (its escapes decoded, then thrown away), not
  // kept: Written is its text with its quotes, Escaped whether it holds an escape.
  bool checkedString(std::string_view &Written, bool &Escaped) {
    if (!take('"'))
      return false;
    size_t Start = At - 1;
    Escaped = false;
    std::string Decoded; // what one escape decodes to
    while (At < Text.size()) {
      At = plainSpanEnd(Text.data() + At, Text.data() + Text.size()) - Text.data();
      if (At == Text.size() || static_cast<unsigned char>(Text[At]) < 0x20)
        return false;
      if (Text[At++] == '"') {
        Written = Text.substr(Start, At - Start);
        return true;
      }
      Escaped = true;
      if (!escape(Decoded))
        return false;
      Decoded.clear();
    }
    return false;
  }

  // Any JSON value, not decoded: where it ends. Iterative, and refused past MaxDepth nested
  // arrays and objects: a stored outcome is a few levels deep, and a store file whose checksum
  // matches may still be anyone's (a shared store, a damaged disk): a million '[' recursed
  // through ran out of stack, here and in whatever walks the value later.
  bool skipValue() {
    std::string Open; // the arrays and objects the reader is in, innermost last
    do {
      skipSpace();
      if (At == Text.size())
        return false;
      char C = Text[At];
      if (C == '[' || C == '{') {
        if (Open.size() == MaxDepth)
          return false;
        ++At;
        if (!take(C == '[' ? ']' : '}')) {
          Open += C;
          if (C == '{' && !key())
            return false;
          continue; // its first element
        }
      } else if (C == '"') {
        if (!skipString())
          return false;
      } else {
        // A number, true, false or null: up to the next delimiter. nlohmann checks it when it
        // parses the rest.
        size_t Start = At;
        while (At < Text.size() && !std::strchr(",]} \t\r\n", Text[At]))
          ++At;
        if (At == Start)
          return false;
      }
      // A value ended: the next element of the innermost container, or its end.
      while (!Open.empty()) {
        if (take(',')) {
          if (Open.back() == '{' && !key())
            return false;
          break;
        }
        if (!take(Open.back() == '[' ? ']' : '}'))
          return false;
        Open.pop_back();
      }
    } while (!Open.empty());
    return true;
  }

private:
  // An object member's name and its colon.
  bool key() {
    std::string Key;
    return string(Key) && take(':');
  }

  // A JSON string, not decoded: escapes are only checked to be escapes. nlohmann checks them
  // when it parses the member.
  bool skipString() {
    ++At; // the opening quote
    while (At < Text.size()) {
      At = plainSpanEnd(Text.data() + At, Text.data() + Text.size()) - Text.data();
      if (At == Text.size())
        return false;
      unsigned char C = static_cast<unsigned char>(Text[At++]);
      if (C == '"')
        return true;
      if (C < 0x20)
        return false;
      if (C == '\\' && At++ == Text.size())
        return false;
    }
    return false;
  }

  void skipSpace() {
    while (At < Text.size() &&
           (Text[At] == ' ' || Text[At] == '\t' || Text[At] == '\n' || Text[At] == '\r'))
      ++At;
  }

  bool hex4(unsigned &Code) {
    if (At + 4 > Text.size())
      return false;
    Code = 0;
    for (int I = 0; I < 4; ++I) {
      char C = Text[At++];
      Code <<= 4;
      if (C >= '0' && C <= '9')
        Code |= C - '0';
      else if (C >= 'a' && C <= 'f')
        Code |= C - 'a' + 10;
      else if (C >= 'A' && C <= 'F')
        Code |= C - 'A' + 10;
      else
        return false;
    }
    return true;
  }

  bool escape(std::string &Out) {
    if (At == Text.size())
      return false;
    switch (char C = Text[At++]) {
    case '"':
    case '\\':
    case '/':
      Out += C;
      return true;
    case 'b':
      Out += '\b';
      return true;
    case 'f':
      Out += '\f';
      return true;
    case 'n':
      Out += '\n';
      return true;
    case 'r':
      Out += '\r';
      return true;
    case 't':
      Out += '\t';
      return true;
    case 'u':
      break;
    default:
      return false;
    }
    unsigned Code;
    if (!hex4(Code))
      return false;
    if (Code >= 0xD800 && Code <= 0xDBFF) { // a surrogate pair
      unsigned Low;
      if (At + 2 > Text.size() || Text[At] != '\\' || Text[At + 1] != 'u')
        return false;
      At += 2;
      if (!hex4(Low) || Low < 0xDC00 || Low > 0xDFFF)
        return false;
      Code = 0x10000 + ((Code - 0xD800) << 10) + (Low - 0xDC00);
    } else if (Code >= 0xDC00 && Code <= 0xDFFF) {
      return false;
    }
    if (Code < 0x80) {
      Out += static_cast<char>(Code);
    } else if (Code < 0x800) {
      Out += static_cast<char>(0xC0 | (Code >> 6));
      Out += static_cast<char>(0x80 | (Code & 0x3F));
    } else if (Code < 0x10000) {
      Out += static_cast<char>(0xE0 | (Code >> 12));
      Out += static_cast<char>(0x80 | ((Code >> 6) & 0x3F));
      Out += static_cast<char>(0x80 | (Code & 0x3F));
    } else {
      Out += static_cast<char>(0xF0 | (Code >> 18));
      Out += static_cast<char>(0x80 | ((Code >> 12) & 0x3F));
      Out += static_cast<char>(0x80 | ((Code >> 6) & 0x3F));
      Out += static_cast<char>(0x80 | (Code & 0x3F));
    }
    return true;
  }

  std::string_view Text;
  size_t At = 0;
};

bool pairs(Reader &R, StringPairs &Out) {
  return R.sequence('[', ']', [&] {
    std::pair<std::string, std::string> Pair;
    if (!R.take('[') || !R.string(Pair.first) || !R.take(',') || !R.string(Pair.second) ||
        !R.take(']'))
      return false;
    Out.push_back(std::move(Pair));
    return true;
  });
}

bool storedValue(Reader &R, std::string_view Text, nlohmann::json &Out, size_t Depth,
                 const std::function<std::string(std::string_view)> &MapTagged) {
  if (Depth > MaxDepth)
    return false;
  // nlohmann refuses a string that is not UTF-8 (jsonText writes none).
  auto Read = [&](std::string &S) {
    if (!R.string(S))
      return false;
    if (std::any_of(S.begin(), S.end(), [](char C) { return static_cast<unsigned char>(C) >= 0x80; }) &&
        validUtf8(S) != S)
      return false;
    if (S.find('$') != std::string::npos)
      S = MapTagged(S);
    return true;
  };
  if (R.peek('"')) {
    std::string S;
    if (!Read(S))
      return false;
    Out = std::move(S);
    return true;
  }
  if (R.take('{')) {
    Out = nlohmann::json::object();
    if (R.take('}'))
      return true;
    do {
      std::string Key;
      if (!Read(Key) || !R.take(':'))
        return false;
      nlohmann::json &Member = Out[Key];
      Member = nullptr; // a repeated name: the last value, as nlohmann keeps it
      if (!storedValue(R, Text, Member, Depth + 1, MapTagged))
        return false;
    } while (R.take(','));
    return R.take('}');
  }
  if (R.take('[')) {
    Out = nlohmann::json::array();
    if (R.take(']'))
      return true;
    do {
      Out.push_back(nullptr);
      if (!storedValue(R, Text, Out.back(), Depth + 1, MapTagged))
        return false;
    } while (R.take(','));
    return R.take(']');
  }
  // A literal or a number, up to the next delimiter.
  size_t Start = R.position();
  if (!R.skipValue())
    return false;
  std::string_view Token = Text.substr(Start, R.position() - Start);
  Token.remove_prefix(std::min(Token.find_first_not_of(" \t\r\n"), Token.size()));
  if (Token == "true" || Token == "false") {
    Out = Token == "true";
    return true;
  }
  if (Token == "null") {
    Out = nullptr;
    return true;
  }
  // An integer of up to 18 digits (which no overflow reaches) as nlohmann types it: unsigned
  // unless negative. Anything else (a fraction, an exponent, more digits) is nlohmann's.
  bool Negative = !Token.empty() && Token.front() == '-';
  std::string_view Digits = Token.substr(Negative);
  if (Digits.empty() || Digits.size() > 18 || (Digits.size() > 1 && Digits.front() == '0') ||
      !std::all_of(Digits.begin(), Digits.end(), [](char C) { return C >= '0' && C <= '9'; })) {
    nlohmann::json Number = nlohmann::json::parse(Token, nullptr, /*allow_exceptions=*/false);
    if (!Number.is_number())
      return false;
    Out = std::move(Number);
    return true;
  }
  uint64_t Value = 0;
  for (char C : Digits)
    Value = Value * 10 + static_cast<uint64_t>(C - '0');
  if (Negative)
    Out = -static_cast<int64_t>(Value);
  else
    Out = Value;
  return true;
}

// [i,j,...] of indices below Size.
bool indices(Reader &R, std::vector<uint32_t> &Out, size_t Size) {
  return R.sequence('[', ']', [&] {
    uint64_t Value;
    if (!R.unsignedNumber(Value) || Value >= Size)
      return false;
    Out.push_back(static_cast<uint32_t>(Value));
    return true;
  });
}

// "Name": at the reader's position.
bool named(Reader &R, std::string_view Name) {
  std::string Key;
  return R.string(Key) && Key == Name && R.take(':');
}

} // namespace

bool parseStoredJson(std::string_view Text, nlohmann::json &Out,
                     const std::function<std::string(std::string_view)> &MapTagged) {
  Reader R(Text);
  return storedValue(R, Text, Out, 0, MapTagged) && R.atEnd();
}

bool shallowJsonValue(std::string_view Text) {
  Reader R(Text);
  return R.skipValue() && R.atEnd();
}

std::optional<std::vector<std::pair<std::string, std::string_view>>>
objectMembers(std::string_view Text) {
  Reader R(Text);
  std::vector<std::pair<std::string, std::string_view>> Members;
  if (!R.take('{'))
    return std::nullopt;
  if (!R.take('}')) {
    do {
      std::string Key;
      if (!R.string(Key) || !R.take(':'))
        return std::nullopt;
      size_t ValueStart = R.position();
      if (!R.skipValue())
        return std::nullopt;
      std::string_view Value = Text.substr(ValueStart, R.position() - ValueStart);
      Value.remove_prefix(std::min(Value.find_first_not_of(" \t\r\n"), Value.size()));
      Members.emplace_back(std::move(Key), Value);
    } while (R.take(','));
    if (!R.take('}'))
      return std::nullopt;
  }
  if (!R.atEnd())
    return std::nullopt;
  return Members;
}

std::optional<FlatObjects> flatObjects(std::string_view Text) {
  Reader R(Text);
  FlatObjects Objects;
  // A compilation database's entry is four members in some 300 bytes: room for them at once.
  Objects.Members.reserve(Text.size() / 64 + 4);
  Objects.Ends.reserve(Text.size() / 256 + 1);
  auto Member = [&](size_t First) {
    FlatMember M;
    bool NameEscaped = false;
    if (!R.checkedString(M.Name, NameEscaped) || NameEscaped || !R.take(':'))
      return false;
    M.Name = M.Name.substr(1, M.Name.size() - 2);
    for (size_t I = First; I < Objects.Members.size(); ++I)
      if (Objects.Members[I].Name == M.Name)
        return false; // nlohmann keeps the last: left to it
    if (R.peek('[')) {
      M.IsList = true;
      M.Empty = true;
      size_t Start = R.position();
      std::string_view Item;
      bool Escaped = false;
      if (!R.sequence('[', ']', [&] {
            M.Empty = false;
            return R.checkedString(Item, Escaped);
          }))
        return false;
      M.Written = Text.substr(Start, R.position() - Start);
    } else if (!R.checkedString(M.Written, M.Escaped)) {
      return false;
    }
    Objects.Members.push_back(M);
    return true;
  };
  auto Object = [&] {
    size_t First = Objects.Members.size();
    if (!R.sequence('{', '}', [&] { return Member(First); }))
      return false;
    Objects.Ends.push_back(Objects.Members.size());
    return true;
  };
  if (!R.sequence('[', ']', Object) || !R.atEnd())
    return std::nullopt;
  return Objects;
}

std::string flatString(std::string_view Written) {
  if (Written.find('\\') == std::string_view::npos)
    return std::string(Written.substr(1, Written.size() - 2));
  Reader R(Written);
  std::string Value;
  R.string(Value);
  return Value;
}

std::vector<std::string> flatList(std::string_view Written) {
  Reader R(Written);
  std::vector<std::string> Items;
  R.sequence('[', ']', [&] { return R.string(Items.emplace_back()); });
  return Items;
}

std::optional<StoredRunText> splitStoredRun(std::string_view Text) {
  Reader R(Text);
  StoredRunText Run;
  if (!R.take('{') || !named(R, "dependencies") || !pairs(R, Run.Dependencies) || !R.take(',') ||
      !named(R, "lookups") || !pairs(R, Run.Lookups) || !R.take(',') || !named(R, "units") ||
      !R.take('['))
    return std::nullopt;
  if (!R.take(']')) {
    do {
      StoredRunText::Unit Unit;
      if (!R.take('{') || !named(R, "key") || !R.string(Unit.Key) || !R.take(',') ||
          !named(R, "reads") || !indices(R, Unit.Reads, Run.Dependencies.size()) ||
          !R.take(',') || !named(R, "asks") || !indices(R, Unit.Asks, Run.Lookups.size()) ||
          !R.take(',') || !named(R, "outcome") || !R.peek('{'))
        return std::nullopt;
      size_t Start = R.position();
      if (!R.skipValue())
        return std::nullopt;
      Unit.Outcome = Text.substr(Start, R.position() - Start);
      if (!R.take('}'))
        return std::nullopt;
      Run.Units.push_back(std::move(Unit));
    } while (R.take(','));
    if (!R.take(']'))
      return std::nullopt;
  }
  if (!R.take('}') || !R.atEnd())
    return std::nullopt;
  return Run;
}

std::optional<std::string_view> SplitOutcome::member(std::string_view Name) const {
  for (const auto &[Member, Value] : Members)
    if (Member == Name)
      return Value;
  return std::nullopt;
}

std::optional<SplitOutcome> splitPathLists(std::string_view Text) {
  Reader R(Text);
  SplitOutcome Split;
  bool Dependencies = false, Lookups = false;
  Split.Rest = "{";
  if (!R.take('{'))
    return std::nullopt;
  if (!R.take('}')) {
    do {
      size_t MemberStart = R.position();
      std::string Key;
      if (!R.string(Key) || !R.take(':'))
        return std::nullopt;
      if (Key == "dependencies" && !Dependencies) {
        if (!pairs(R, Split.Dependencies))
          return std::nullopt;
        Dependencies = true;
        continue;
      }
      if (Key == "lookups" && !Lookups) {
        if (!pairs(R, Split.Lookups))
          return std::nullopt;
        Lookups = true;
        continue;
      }
      size_t ValueStart = R.position();
      if (!R.skipValue())
        return std::nullopt;
      std::string_view Value = Text.substr(ValueStart, R.position() - ValueStart);
      Value.remove_prefix(std::min(Value.find_first_not_of(" \t\r\n"), Value.size()));
      Split.Members.emplace_back(std::move(Key), Value);
      if (Split.Rest.size() > 1)
        Split.Rest += ',';
      Split.Rest.append(Text.substr(MemberStart, R.position() - MemberStart));
    } while (R.take(','));
    if (!R.take('}'))
      return std::nullopt;
  }
  if (!R.atEnd() || !Dependencies || !Lookups)
    return std::nullopt;
  Split.Rest += '}';
  return Split;
}

} // namespace contractcheck
