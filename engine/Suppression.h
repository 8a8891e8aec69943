// clang-tidy's NOLINT comments, read the same way clang-tidy reads them, so one comment silences
// a finding in both front ends: NOLINT, NOLINTNEXTLINE, NOLINTBEGIN/NOLINTEND, each optionally
// followed by a parenthesised, comma-separated list of rule globs.
#pragma once

#include "Glob.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contractcheck {

class SuppressionIndex {
public:
  explicit SuppressionIndex(std::string_view FileText);

  bool isSuppressed(unsigned Line, std::string_view RuleId) const;

  // NOLINTBEGIN without its NOLINTEND (or the reverse) suppresses nothing, as in clang-tidy;
  // these are the lines where that happened, for a diagnostic.
  const std::vector<unsigned> &unmatchedLines() const { return Unmatched; }

private:
  struct Span {
    unsigned First, Last;
    std::optional<std::vector<Glob>> Rules; // nullopt: every rule
  };
  std::vector<Span> Spans;
  std::vector<unsigned> Unmatched;
};

} // namespace contractcheck
