// What a rule is, independent of Clang: its id, its documentation and its options.
// One table of these (rules/Rules.def) feeds the CLI, the clang-tidy module, docs and tests.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace contractcheck {

class Rule;
class RuleContext;
class GlobalRule;
class RuleOptions;

// A per-TU rule sees one AST at a time and also ships in the clang-tidy plugin; a global rule
// only sees the facts merged from every TU and runs in the CLI. A per-TU rule may also have a
// global step (CreateGlobalRule) that judges what only several TUs together show, from the facts
// its per-TU part emitted; the plugin runs only the per-TU part.
enum class RuleScope { TranslationUnit, Global };

// GlobList: qualified-name globs; Percent: a whole number from 0 to 100; PairList: class pairs,
// written in YAML as {mock: A, real: B} mappings (or "A=B" strings) and stored as "A=B" items.
// All are validated when the configuration is read.
enum class OptionType { Bool, String, StringList, GlobList, Percent, PairList };

struct OptionSpec {
  std::string_view Key; // kebab-case, as written in .contractcheck.yaml
  OptionType Type;
  std::string_view Default; // lists are ';'-separated, as clang-tidy's CheckOptions
  std::string_view Help;
  // For list options: the error for one malformed item, or "" — checked when the configuration
  // is read, so a bad item is reported at its line. TODO(lead): typed record-list options.
  std::string (*ValidateItem)(std::string_view Item) = nullptr;
};

struct RuleInfo {
  std::string_view Id;
  std::string_view Summary;     // one line, for --list-rules and SARIF shortDescription
  std::string_view Description; // a paragraph, for --explain and SARIF fullDescription
  RuleScope Scope;
  std::span<const OptionSpec> Options;
  std::unique_ptr<Rule> (*CreateTURule)(RuleContext &) = nullptr;
  std::unique_ptr<GlobalRule> (*CreateGlobalRule)(const RuleOptions &) = nullptr;

  const OptionSpec *findOption(std::string_view Key) const;
};

// "report-without-default" -> "ReportWithoutDefault": the CheckOptions spelling of a key.
std::string tidyOptionName(std::string_view Key);

std::string docsUrl(std::string_view RuleId);

} // namespace contractcheck
