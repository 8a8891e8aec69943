#include "Suppression.h"

#include "Glob.h"

#include <algorithm>
#include <cctype>

namespace contractcheck {

namespace {

enum class DirectiveKind { SameLine, NextLine, Begin, End };

struct Directive {
  DirectiveKind Kind;
  unsigned Line;
  std::optional<std::string> RawList; // the text between the parentheses, if any
};

std::string_view trim(std::string_view S) {
  while (!S.empty() && (S.front() == ' ' || S.front() == '\t'))
    S.remove_prefix(1);
  while (!S.empty() && (S.back() == ' ' || S.back() == '\t' || S.back() == '\r'))
    S.remove_suffix(1);
  return S;
}

// Parsed once here, not per finding checked.
std::optional<std::vector<Glob>> parseRuleList(const std::optional<std::string> &Raw) {
  if (!Raw)
    return std::nullopt;
  std::vector<Glob> Rules;
  std::string_view Rest = *Raw;
  while (!Rest.empty()) {
    size_t Comma = Rest.find(',');
    std::string_view Item = trim(Rest.substr(0, Comma));
    if (std::optional<Glob> G = Glob::parse(Item, Glob::Kind::Name))
      Rules.push_back(std::move(*G));
    Rest = Comma == std::string_view::npos ? std::string_view() : Rest.substr(Comma + 1);
  }
  return Rules;
}

void scanLine(std::string_view Line, unsigned LineNo, std::vector<Directive> &Out) {
  static constexpr std::pair<std::string_view, DirectiveKind> Spellings[] = {
      {"NOLINTNEXTLINE", DirectiveKind::NextLine},
      {"NOLINTBEGIN", DirectiveKind::Begin},
      {"NOLINTEND", DirectiveKind::End},
      {"NOLINT", DirectiveKind::SameLine},
  };
  for (size_t Pos = Line.find("NOLINT"); Pos != std::string_view::npos;
       Pos = Line.find("NOLINT", Pos + 1)) {
    std::string_view Rest = Line.substr(Pos);
    for (auto [Spelling, Kind] : Spellings) {
      if (Rest.substr(0, Spelling.size()) != Spelling)
        continue;
      std::string_view After = Rest.substr(Spelling.size());
      Directive D{Kind, LineNo, std::nullopt};
      if (!After.empty() && After.front() == '(') {
        size_t Close = After.find(')');
        if (Close == std::string_view::npos)
          break; // "NOLINT(" without ')' is not a directive
        D.RawList = std::string(After.substr(1, Close - 1));
      } else if (!After.empty() && (std::isalnum(static_cast<unsigned char>(After.front())) ||
                                    After.front() == '_')) {
        break; // NOLINTFOO is a different word
      }
      Out.push_back(std::move(D));
      break;
    }
  }
}

} // namespace

SuppressionIndex::SuppressionIndex(std::string_view Text) {
  std::vector<Directive> Directives;
  unsigned LineNo = 1;
  for (size_t Start = 0; Start <= Text.size(); ++LineNo) {
    size_t End = Text.find('\n', Start);
    std::string_view Line = Text.substr(Start, End == std::string_view::npos ? Text.npos : End - Start);
    if (Line.find("NOLINT") != std::string_view::npos)
      scanLine(Line, LineNo, Directives);
    if (End == std::string_view::npos)
      break;
    Start = End + 1;
  }

  // An END directive closes the innermost open BEGIN directive naming exactly the same rules.
  std::vector<const Directive *> Open;
  for (const Directive &D : Directives) {
    switch (D.Kind) {
    case DirectiveKind::SameLine:
      Spans.push_back({D.Line, D.Line, parseRuleList(D.RawList)});
      break;
    case DirectiveKind::NextLine:
      Spans.push_back({D.Line + 1, D.Line + 1, parseRuleList(D.RawList)});
      break;
    case DirectiveKind::Begin:
      Open.push_back(&D);
      break;
    case DirectiveKind::End: {
      auto Match = std::find_if(Open.rbegin(), Open.rend(),
                                [&](const Directive *B) { return B->RawList == D.RawList; });
      if (Match == Open.rend()) {
        Unmatched.push_back(D.Line);
        break;
      }
      Spans.push_back({(*Match)->Line, D.Line, parseRuleList(D.RawList)});
      Open.erase(std::next(Match).base());
      break;
    }
    }
  }
  for (const Directive *B : Open)
    Unmatched.push_back(B->Line);
}

bool SuppressionIndex::isSuppressed(unsigned Line, std::string_view RuleId) const {
  for (const Span &S : Spans) {
    if (Line < S.First || Line > S.Last)
      continue;
    if (!S.Rules)
      return true;
    if (matchesAny(*S.Rules, RuleId))
      return true;
  }
  return false;
}

} // namespace contractcheck
