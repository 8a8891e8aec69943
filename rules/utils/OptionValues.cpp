#include "OptionValues.h"

#include <algorithm>

namespace contractcheck {

std::vector<Glob> parseNameGlobs(const std::vector<std::string> &Patterns) {
  std::vector<Glob> Globs;
  for (const std::string &Pattern : Patterns)
    if (auto G = Glob::parse(Pattern, Glob::Kind::Name))
      Globs.push_back(std::move(*G));
  return Globs;
}

unsigned parsePercent(const std::string &Text, unsigned Fallback) {
  if (Text.empty())
    return Fallback;
  unsigned Value = 0;
  for (char C : Text) {
    if (C < '0' || C > '9' || Value > 1000)
      return Fallback;
    Value = Value * 10 + (C - '0');
  }
  return std::min(Value, 100u);
}

} // namespace contractcheck
