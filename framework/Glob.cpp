#include "Glob.h"

#include <llvm/Support/Error.h>

namespace contractcheck {

namespace {

// Whether Pattern is literal characters and '*' only (no '?', class or escape), as nearly every
// name glob is (the default sentinels "*_COUNT", "kMax*"): what llvm::GlobPattern matches it
// against (brace expansion off: '{' is literal), without making one. Making the GlobPattern of
// each of the 31 default sentinel globs the first time an enumerator is checked, and matching
// through it, was 0.07 M instructions of a one-file run over one enum of three. A loop over the
// characters: find_first_of calls memchr over the set for each character.
bool onlyStars(std::string_view Pattern) {
  for (char C : Pattern)
    if (C == '?' || C == '[' || C == '\\')
      return false;
  return true;
}

// Whether every X-Y range of every class of Pattern (parse's shape: each '[' closed by a ']'
// at least two characters on, '\\' escaping the next) has X <= Y as bytes: the only thing
// llvm::GlobPattern::create refuses that parse does not check first. GlobPattern reads a class,
// the text between the brackets less a leading '^' or '!', from the left: X-Y wherever a '-' is
// second of the next three, else one character; a range whose X is after its Y is an "invalid
// glob pattern". Checked here so that a default glob with a class is not compiled only to find
// it valid (the eight default sentinels with a '[': 17 K instructions of every run).
bool rangesInOrder(std::string_view Pattern) {
  for (size_t I = 0; I < Pattern.size(); ++I) {
    if (Pattern[I] == '\\') {
      ++I;
      continue;
    }
    if (Pattern[I] != '[')
      continue;
    size_t Close = Pattern.find(']', I + 2);
    std::string_view Class = Pattern.substr(I + 1, Close - I - 1);
    if (!Class.empty() && (Class[0] == '^' || Class[0] == '!'))
      Class.remove_prefix(1);
    while (Class.size() >= 3) {
      if (Class[1] != '-') {
        Class.remove_prefix(1);
        continue;
      }
      if (static_cast<unsigned char>(Class[0]) > static_cast<unsigned char>(Class[2]))
        return false;
      Class.remove_prefix(3);
    }
    I = Close;
  }
  return true;
}

} // namespace

std::optional<Glob> Glob::parse(std::string_view Pattern, Kind K, std::string *Error) {
  for (size_t I = 0; I < Pattern.size(); ++I) {
    if (Pattern[I] == '\\') {
      if (++I == Pattern.size()) {
        if (Error)
          *Error = "pattern ends with a lone '\\'";
        return std::nullopt;
      }
    } else if (Pattern[I] == '[') {
      size_t Close = Pattern.find(']', I + 2);
      if (Close == std::string_view::npos) {
        if (Error)
          *Error = "unclosed '[' at offset " + std::to_string(I);
        return std::nullopt;
      }
      I = Close;
    }
  }
  if (Pattern.empty()) {
    if (Error)
      *Error = "empty pattern";
    return std::nullopt;
  }
  auto Compiled = std::make_shared<Glob::Pattern>(std::string(Pattern));
  if (K == Kind::Name && !rangesInOrder(Pattern)) {
    // Refused: GlobPattern says why (from the text the Pattern owns, as any GlobPattern).
    llvm::Expected<llvm::GlobPattern> Name = llvm::GlobPattern::create(Compiled->Text);
    if (!Name) {
      std::string Message = llvm::toString(Name.takeError());
      if (Error)
        *Error = Message;
      return std::nullopt;
    }
    std::call_once(Compiled->Created, [&] { Compiled->Name.emplace(std::move(*Name)); });
  }
  return Glob(std::move(Compiled), K);
}

namespace {

llvm::GlobPattern madeGlobPattern(const std::string &Text) {
  // parse checked all that GlobPattern refuses (rangesInOrder).
  llvm::Expected<llvm::GlobPattern> Made = llvm::GlobPattern::create(Text);
  if (!Made)
    llvm::report_fatal_error(Made.takeError());
  return std::move(*Made);
}

} // namespace

// Made once, by the first match (matches) unless the glob is stars-only, or by parse when it
// checked the glob with GlobPattern; asked for only when made.
const llvm::GlobPattern &Glob::Pattern::name() const { return *Name; }

static bool matchClass(std::string_view Class, char C) {
  bool Negate = !Class.empty() && (Class[0] == '!' || Class[0] == '^');
  if (Negate)
    Class.remove_prefix(1);
  bool Found = false;
  for (size_t I = 0; I < Class.size(); ++I) {
    if (I + 2 < Class.size() && Class[I + 1] == '-') {
      Found |= Class[I] <= C && C <= Class[I + 2];
      I += 2;
    } else {
      Found |= Class[I] == C;
    }
  }
  return Found != Negate;
}

bool Glob::matchFrom(size_t P, std::string_view Text) const {
  std::string_view Pat(Compiled->Text);
  size_t T = 0;
  while (P < Pat.size()) {
    char C = Pat[P];
    if (C == '*') {
      bool Double = P + 1 < Pat.size() && Pat[P + 1] == '*';
      bool CrossesSlash = Double;
      size_t Next = P + (Double ? 2 : 1);
      // "**/" also matches zero directories.
      if (Double && Next < Pat.size() && Pat[Next] == '/' && matchFrom(Next + 1, Text.substr(T)))
        return true;
      for (size_t Try = T;; ++Try) {
        if (matchFrom(Next, Text.substr(Try)))
          return true;
        if (Try == Text.size() || (!CrossesSlash && Text[Try] == '/'))
          return false;
      }
    }
    if (T == Text.size())
      return false;
    if (C == '?') {
      if (Text[T] == '/')
        return false;
    } else if (C == '[') {
      size_t Close = Pat.find(']', P + 2);
      if (!matchClass(Pat.substr(P + 1, Close - P - 1), Text[T]))
        return false;
      P = Close;
    } else {
      if (C == '\\')
        C = Pat[++P];
      if (C != Text[T])
        return false;
    }
    ++P;
    ++T;
  }
  return T == Text.size();
}

namespace {

// Text against such a pattern: '*' matches any run of characters, the rest themselves. A star
// that fails to match moves on by one character from where it last matched (linear for one
// star, at worst the product of the lengths).
bool starMatch(std::string_view Pattern, std::string_view Text) {
  size_t P = 0, T = 0, Star = std::string_view::npos, StarAt = 0;
  while (T < Text.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      Star = P++;
      StarAt = T;
    } else if (P < Pattern.size() && Pattern[P] == Text[T]) {
      ++P;
      ++T;
    } else if (Star != std::string_view::npos) {
      P = Star + 1;
      T = ++StarAt;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

} // namespace

// Whether a name glob is stars-only is found once, at its first match, with its GlobPattern
// made then only when it is not (Name stays empty): not at every match (find_first_of over the
// text, 9.6 K instructions of a one-file run over one enum of three), and not at parse, which
// pays it for every glob, path globs and the globs of a TU with no enum too (perf25's
// OnlyStars: 6 K instructions for the 61 globs of production.cc's run, which matches none).
bool Glob::matches(std::string_view Text) const {
  if (K == Kind::Name) {
    const Pattern &P = *Compiled;
    std::call_once(P.Created, [&P] {
      if (!onlyStars(P.Text))
        P.Name.emplace(madeGlobPattern(P.Text));
    });
    if (!P.Name)
      return starMatch(P.Text, Text);
    return P.name().match(llvm::StringRef(Text.data(), Text.size()));
  }
  return matchFrom(0, Text);
}

bool matchesAny(const std::vector<Glob> &Globs, std::string_view Text) {
  for (const Glob &G : Globs)
    if (G.matches(Text))
      return true;
  return false;
}

} // namespace contractcheck
