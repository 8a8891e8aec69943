// The analysis results that cross from the per-TU phase to the global phase and the formatters.
// Plain data, serialisable, free of Clang types: a TU's result can be cached or sharded.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace contractcheck {

enum class Severity { Warning, Error };
std::string_view severityName(Severity S);

struct SourcePosition {
  std::string File; // absolute, normalised
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Offset = 0;
  friend bool operator==(const SourcePosition &, const SourcePosition &) = default;
};

struct FixIt {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Replacement;
  friend bool operator==(const FixIt &, const FixIt &) = default;
};

struct RelatedNote {
  SourcePosition Position;
  std::string Message;
  friend bool operator==(const RelatedNote &, const RelatedNote &) = default;
};

struct Finding {
  std::string RuleId;
  Severity Level = Severity::Error;
  SourcePosition Position;
  std::string Message;
  std::vector<RelatedNote> Notes;
  std::vector<FixIt> Fixes;
  std::string FixDescription; // what the fixes do, e.g. "insert the missing case labels"
  friend bool operator==(const Finding &, const Finding &) = default;
};

// Orders findings by file, line, column, rule, message: the order every output uses.
bool findingLess(const Finding &A, const Finding &B);

void to_json(nlohmann::json &J, const SourcePosition &P);
void from_json(const nlohmann::json &J, SourcePosition &P);
void to_json(nlohmann::json &J, const FixIt &F);
void from_json(const nlohmann::json &J, FixIt &F);
void to_json(nlohmann::json &J, const RelatedNote &N);
void from_json(const nlohmann::json &J, RelatedNote &N);
void to_json(nlohmann::json &J, const Finding &F);
void from_json(const nlohmann::json &J, Finding &F);

} // namespace contractcheck
