// .contractcheck.yaml: which rules run, at which severity, with which options, on which paths.
#pragma once

#include "FileWarning.h"
#include "Finding.h"
#include "Glob.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contractcheck {

class RuleOptions;
struct RuleInfo;

struct RuleSettings {
  bool Enabled = true;
  Severity Level = Severity::Error;
  // Validated values of the keys the file sets (OptionParser); RuleOptions fills in defaults.
  nlohmann::json Options = nlohmann::json::object();
  // Where each value under Options was written ("/bindings/0/file" -> line, column), so a rule
  // that finds a setting unusable later (a file that does not exist) can point at it.
  std::map<std::string, std::pair<unsigned, unsigned>> Positions;
};

class Config {
public:
  static constexpr std::string_view FileName = ".contractcheck.yaml";

  // Every rule on, at its defaults: zero configuration. BaseDirectory: where relative paths are
  // taken from (a run passes its project root, so where the tool is started changes nothing).
  static Config defaults(const std::string &BaseDirectory = {});
  // Reads and strictly validates a file; throws InputError naming file:line:col.
  static Config load(const std::string &Path);

  const std::string &path() const { return Path; } // empty for the defaults
  // Where relative paths in the file are taken from: its directory (for the defaults, the
  // project root of the run).
  const std::string &baseDirectory() const { return BaseDir; }
  bool isExcluded(std::string_view AbsolutePath) const;
  // What in the file is valid but surely not what was meant (an absolute pattern that can match
  // nothing under the configuration's directory), each at its line and column.
  const std::vector<FileWarning> &warnings() const { return Warnings; }
  // paths.generated: whether findings in files a code generator wrote (GeneratedCode.h) are
  // reported; off by default.
  bool reportsGeneratedCode() const { return ReportGenerated; }
  // paths.vendored: whether findings in vendored copies of single-file libraries
  // (VendoredCode.h) are reported; off by default.
  bool reportsVendoredCode() const { return ReportVendored; }
  const RuleSettings &rule(std::string_view RuleId) const;
  // The rule's options with their defaults filled in, typed: resolved once when the
  // configuration is built (each TU's rules, the fingerprint and the global rules read the same
  // object; they were built again from JSON at every use, 17 times in a one-file run). A rule
  // this configuration does not name reads its defaults.
  const RuleOptions &options(const RuleInfo &Rule) const;

  // Whether an enabled rule may read the file as data: a path option names it (a glob list or a
  // file that must exist, at any depth of a record list).
  bool namesDataFile(const std::string &AbsolutePath) const;

  // The same settings as a clang-tidy configuration (Checks and CheckOptions), so the plugin
  // runs with exactly the options the CLI uses.
  std::string toClangTidyConfig() const;

  // Everything that changes what a per-TU analysis produces (rule switches, options,
  // exclusions; not severities, which findings take where they are merged), in a canonical form: part of the key of a stored unit result. Of a
  // rule whose per-TU part reads only some of its options (RuleInfo::TUOptionsKey), only those.
  // Computed once, when first asked for (every TU's store key of a run with a result store
  // takes it; a run without one never asks), by whichever thread asks first.
  const std::string &fingerprint() const;

private:
  // Every rule on at its defaults, nothing resolved yet: what defaults() and load() start from.
  static Config bare(const std::string &BaseDirectory);
  // The options resolved and the fingerprint computed: the last step of defaults() and load().
  void finish();
  std::string computeFingerprint() const;

  std::string Path;
  std::string BaseDir; // exclusion globs are relative to the directory holding the file
  std::vector<Glob> Exclude;
  std::vector<FileWarning> Warnings;
  bool ReportGenerated = false;
  bool ReportVendored = false;
  std::map<std::string, RuleSettings, std::less<>> Rules;
  // "rule.option" -> the files a per-TU rule's path-glob option names, listed when loaded.
  std::map<std::string, std::vector<std::string>> NamedFiles;
  // Rule id -> its resolved options; a rule at its defaults shares the process's one copy.
  std::map<std::string, std::shared_ptr<const RuleOptions>, std::less<>> Resolved;
  // Made by finish(); copies of a finished configuration share it (they are the same settings).
  struct LazyFingerprint {
    std::once_flag Once;
    std::string Text;
  };
  std::shared_ptr<LazyFingerprint> Fingerprint = std::make_shared<LazyFingerprint>();
};

// Finds the configuration that governs a file: --config when given, else the nearest
// .contractcheck.yaml upward from the file, like .clang-tidy. Not thread-safe: resolve up front.
class ConfigResolver {
public:
  // DefaultBase: the defaults' base directory (the run's project root); empty: the working
  // directory (a front end with no database).
  explicit ConfigResolver(std::optional<std::string> ExplicitPath,
                          const std::string &DefaultBase = {});
  const Config &forFile(const std::string &AbsolutePath);

private:
  const Config &forDirectory(const std::string &Dir);
  std::unique_ptr<Config> Explicit;
  std::map<std::string, std::shared_ptr<const Config>> ByDirectory;
  std::shared_ptr<const Config> Defaults;
};

} // namespace contractcheck
