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
// its per-TU part emitted; the plugin runs only the per-TU part. A global rule may have a per-TU
// part too (CreateTURule) that only emits facts: the CLI runs it, the plugin does not.
enum class RuleScope { TranslationUnit, Global };

// The shapes an option can take. Every value is validated in one place (OptionParser) whichever
// front end supplied it, and a rule reads it already typed (RuleOptions).
//   Bool, String, Unsigned (a whole number), Percent (0-100), Choice (one of Choices),
//   StringList, NameGlobList (qualified-name globs), PathGlobList (path globs, relative to the
//   configuration file), Record (a mapping with the keys Fields declares), RecordList (a list of
//   those). A field of a record may itself be a RecordList, with its own Fields.
// In .contractcheck.yaml every option is plain YAML. In clang-tidy's CheckOptions, where every
// value is a string, lists are ';'-separated and records are written in YAML flow style
// ("[{mock: A, real: B}]").
enum class OptionType {
  Bool,
  String,
  Unsigned,
  Percent,
  Choice,
  StringList,
  NameGlobList,
  PathGlobList,
  Record,
  RecordList
};

// One key of a record-shaped option.
struct FieldSpec {
  std::string_view Key;
  OptionType Type; // any type but Record
  bool Required = false;
  std::string_view Help = {};
  std::span<const std::string_view> Choices = {}; // for Choice
  std::string_view Default = {};                  // when not Required; in CheckOptions form
  std::span<const FieldSpec> Fields = {};         // for RecordList: the keys of each item
  // For a String: its own syntax (a key path, a pointer), checked where the value is written so
  // a malformed one is a configuration error at its line, before anything is analysed. Returns
  // false and sets Problem when Value is malformed.
  bool (*Check)(std::string_view Value, std::string &Problem) = nullptr;
  // For a String: a file's path, relative to the configuration file, that must exist. Checked
  // when the configuration is read, so a misspelt or moved data file stops the run at its line
  // before anything is parsed, not after the whole run when the rule reads it.
  bool ExistingFile = false;
};

struct OptionSpec {
  std::string_view Key; // kebab-case, as written in .contractcheck.yaml
  OptionType Type;
  std::string_view Default; // in CheckOptions form: "a;b" for lists, YAML flow for records
  std::string_view Help;
  std::span<const FieldSpec> Fields = {};         // for Record and RecordList
  std::span<const std::string_view> Choices = {}; // for Choice
  // For a RecordList: a string item "A<Shorthand>B" stands for a record of the first two fields
  // (kept because "mock=real" was the first documented spelling of mock pairs).
  char Shorthand = 0;
};

// A kind of fact a rule emits, and its version (see Facts.h): part of what keys cached results.
struct FactKind {
  std::string_view Kind;
  unsigned Version;
};
template <typename T> constexpr FactKind factKindOf() { return {T::Kind, T::Version}; }

// A per-TU analysis several rules share (TUAnalysis.h): its facts are stored once, under Id, and
// read by the global step of each rule that lists it in RuleInfo::Analyses.
struct TUAnalysisInfo {
  std::string_view Id; // "enumerator-uses"; no rule's id
  std::span<const FactKind> FactKinds;

  const FactKind *findFactKind(std::string_view Kind) const;
};

struct RuleInfo {
  std::string_view Id;
  std::string_view Summary;     // one line, for --list-rules and SARIF shortDescription
  std::string_view Description; // a paragraph, for --explain and SARIF fullDescription
  RuleScope Scope;
  std::span<const OptionSpec> Options;
  std::string_view FixDescription = {}; // what the rule's fix-its do, for SARIF and editors
  std::unique_ptr<Rule> (*CreateTURule)(RuleContext &) = nullptr;
  std::unique_ptr<GlobalRule> (*CreateGlobalRule)(const RuleOptions &) = nullptr;
  // Every kind of fact the per-TU part emits, for global steps.
  std::span<const FactKind> FactKinds = {};
  // The shared per-TU analyses whose facts the global step reads (as its own, through
  // GlobalContext::facts()). The per-TU part asks for them itself (Rule::analysis).
  std::span<const TUAnalysisInfo *const> Analyses = {};
  // Whether the rule reports in files a code generator wrote (GeneratedCode.h) even when the
  // configuration leaves them out: true for rules that judge only what the configuration names
  // (a bound enum, a declared service), which may well be generated.
  bool ReportsInGeneratedCode = false;
  // What of its options the per-TU part reads, for a rule whose per-TU part reads less than all
  // of them (a binding's enum, not its file, pointer or spelling): the result store keys a TU's
  // result on this text instead of every option, so an edit of what only the global step reads
  // re-parses no TU. The per-TU part must read nothing of its options that this key leaves out.
  // Default: every option.
  std::string (*TUOptionsKey)(const RuleOptions &) = nullptr;

  const OptionSpec *findOption(std::string_view Key) const;
  const FactKind *findFactKind(std::string_view Kind) const;
};

// "report-without-default" -> "ReportWithoutDefault": the CheckOptions spelling of a key.
std::string tidyOptionName(std::string_view Key);

std::string docsUrl(std::string_view RuleId);

} // namespace contractcheck
