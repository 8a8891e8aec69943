#include "Config.h"

#include "InputError.h"
#include "InputFile.h"
#include "JsonText.h"
#include "Paths.h"
#include "RuleInfo.h"
#include "RuleOptions.h"
#include "OptionParser.h"
#include "rules/RuleRegistry.h"
#include "YamlDocuments.h"
#include "GlobFiles.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cstring>
#include <mutex>
#include <sstream>

namespace contractcheck {

namespace {

// Validation helpers: every error names the node's position in the file.
class Reader {
public:
  explicit Reader(std::string Path) : Path(std::move(Path)) {}

  [[noreturn]] void fail(const YAML::Node &Node, const std::string &Message) const {
    YAML::Mark Mark = Node.Mark();
    if (Mark.is_null())
      throw InputError(Message, Path);
    throw InputError(Message, Path, Mark.line + 1, Mark.column + 1);
  }

  void expectMap(const YAML::Node &Node, const std::string &What) const {
    if (!Node.IsMap())
      fail(Node, What + " must be a mapping, got " + kindOf(Node));
  }

  std::string scalar(const YAML::Node &Node, const std::string &What) const {
    if (!Node.IsScalar())
      fail(Node, What + " must be a string, got " + kindOfNonString(Node));
    return Node.Scalar();
  }

  [[noreturn]] void unknownKey(const YAML::Node &Key, const std::string &Where,
                               const std::vector<std::string> &Known) const {
    std::string Name = Key.IsScalar() ? Key.Scalar() : "?";
    std::string Expected;
    for (const std::string &K : Known)
      Expected += (Expected.empty() ? "" : ", ") + K;
    fail(Key, "unknown key '" + Name + "' in " + Where + didYouMean(Name, Known) +
                  "; expected one of: " + Expected);
  }

  const std::string &path() const { return Path; }

  // Runs Read, keeping its error and going on with the next part of the file: every error of
  // a configuration is reported at once. Parts are independent entries (a top-level key, a
  // rule, an option), so one bad value does not hide or cause another.
  template <typename Fn> void collect(Fn &&Read) const {
    try {
      Read();
    } catch (const InputError &E) {
      Errors.push_back(E);
    }
  }
  // Throws the first error found with the others attached.
  void throwCollected() const {
    if (Errors.empty())
      return;
    InputError First = Errors.front();
    First.alsoFound(std::vector<InputError>(Errors.begin() + 1, Errors.end()));
    Errors.clear();
    throw First;
  }

private:
  const std::string Path;
  mutable std::vector<InputError> Errors;
};

// OptionParser's validation, its errors positioned in this file.
nlohmann::json parseOptionIn(const Reader &R, const OptionSpec &Spec, const YAML::Node &Node) {
  try {
    return parseOption(Spec, Node);
  } catch (const OptionError &E) {
    if (E.Line)
      throw InputError(E.Message, R.path(), E.Line, E.Column);
    R.fail(Node, E.Message);
  }
}

// paths.exclude is validated as a path-glob option is.
std::vector<Glob> pathGlobs(const Reader &R, const YAML::Node &Node) {
  static constexpr OptionSpec Exclude{"paths.exclude", OptionType::PathGlobList, "", ""};
  nlohmann::json Patterns = parseOptionIn(R, Exclude, Node);
  std::vector<Glob> Globs;
  for (const nlohmann::json &Pattern : Patterns)
    if (std::optional<Glob> G = Glob::parse(Pattern.get<std::string>(), Glob::Kind::Path))
      Globs.push_back(std::move(*G)); // always: parseOption checked every pattern
  return Globs;
}

// An absolute pattern whose fixed leading directories lie outside BaseDir (and do not contain
// it) can match no file under the configuration's directory: a project that moved, a path
// copied from another machine. It is valid (paths outside can be excluded), so a warning.
void warnAboutAbsolutePatterns(const YAML::Node &Node, const std::string &File,
                               const std::string &BaseDir, std::vector<FileWarning> &Warnings) {
  std::vector<YAML::Node> Items;
  if (Node.IsSequence())
    for (const YAML::Node &Item : Node)
      Items.push_back(Item);
  else if (Node.IsScalar())
    Items.push_back(Node);
  for (const YAML::Node &Item : Items) {
    if (!Item.IsScalar())
      continue;
    const std::string &Pattern = Item.Scalar();
    if (Pattern.empty() || Pattern.front() != '/')
      continue;
    std::string Fixed = Pattern.substr(0, Pattern.find_first_of("*?[{\\"));
    Fixed = Fixed.substr(0, Fixed.rfind('/') + 1); // its whole directories
    std::string Base = BaseDir + "/";
    if (Base.rfind(Fixed, 0) == 0 || Fixed.rfind(Base, 0) == 0)
      continue;
    YAML::Mark At = Item.Mark();
    Warnings.push_back({File, unsigned(At.line + 1), unsigned(At.column + 1),
                        "'paths.exclude' pattern '" + Pattern +
                            "' is absolute and outside this configuration's directory (" +
                            BaseDir +
                            "): it can match no file of the project; write it relative to that "
                            "directory"});
  }
}

// paths.generated and paths.vendored: whether findings in such files are reported.
bool parseSkipOrReport(const Reader &R, const YAML::Node &Node, const std::string &Key) {
  std::string Value = R.scalar(Node, Key);
  if (Value == "skip" || Value == "report")
    return Value == "report";
  R.fail(Node, Key + " must be one of skip, report, got '" + Value + "'" +
                   didYouMean(Value, {"skip", "report"}));
}

Severity parseSeverity(const Reader &R, const YAML::Node &Node, bool &Enabled) {
  std::string Value = R.scalar(Node, "'severity'");
  Enabled = Value != "off";
  if (Value == "error" || Value == "off")
    return Severity::Error;
  if (Value == "warning")
    return Severity::Warning;
  R.fail(Node, "'severity' must be one of error, warning, off, got '" + Value + "'" +
                   didYouMean(Value, {"error", "warning", "off"}));
}

// JSON Pointer escaping of one reference token (RFC 6901).
std::string escapePointerToken(const std::string &Token) {
  std::string Out;
  for (char C : Token)
    Out += C == '~' ? std::string("~0") : C == '/' ? std::string("~1") : std::string(1, C);
  return Out;
}

void recordPositions(const YAML::Node &Node, const std::string &Pointer,
                     std::map<std::string, std::pair<unsigned, unsigned>> &Into) {
  if (YAML::Mark Mark = Node.Mark(); !Mark.is_null())
    Into.emplace(Pointer, std::pair<unsigned, unsigned>(Mark.line + 1, Mark.column + 1));
  if (Node.IsSequence()) {
    for (size_t I = 0; I < Node.size(); ++I)
      recordPositions(Node[I], Pointer + "/" + std::to_string(I), Into);
  } else if (Node.IsMap()) {
    for (const auto &Entry : Node)
      if (Entry.first.IsScalar())
        recordPositions(Entry.second, Pointer + "/" + escapePointerToken(Entry.first.Scalar()),
                        Into);
  }
}

// The files a rule's records name (FieldSpec::ExistingFile) must exist, each missing one an error
// at its own line: a data file the run would only fail to read after parsing every TU.
void checkNamedFilesExist(const Reader &R, const OptionSpec &Spec, const YAML::Node &Value) {
  auto CheckRecord = [&](const YAML::Node &Record) {
    if (!Record.IsMap())
      return;
    for (const FieldSpec &Field : Spec.Fields) {
      const YAML::Node Named = Record[std::string(Field.Key)];
      if (!Field.ExistingFile || !Named.IsScalar())
        continue;
      // The path the rule will read: relative to the configuration file, '..' removed as text.
      const std::string Full = absolutePath(Named.Scalar(), parentDirectory(R.path()));
      if (llvm::sys::fs::exists(Full))
        continue;
      R.collect([&] {
        R.fail(Named, "'" + Named.Scalar() + "' does not exist (looked for " + Full +
                          ": '" + std::string(Field.Key) +
                          "' is relative to this configuration file)");
      });
    }
  };
  if (Spec.Type == OptionType::Record)
    CheckRecord(Value);
  if (Spec.Type == OptionType::RecordList && Value.IsSequence())
    for (const YAML::Node &Record : Value)
      CheckRecord(Record);
}

RuleSettings parseRule(const Reader &R, const RuleInfo &Info, const YAML::Node &Node) {
  RuleSettings Settings;
  if (Node.IsNull())
    return Settings;
  std::string Where = "the settings of '" + std::string(Info.Id) + "'";
  // `rule: off`, as ESLint spells it: the severity is one of the settings.
  if (Node.IsScalar() &&
      (Node.Scalar() == "error" || Node.Scalar() == "warning" || Node.Scalar() == "off"))
    R.fail(Node, Where + " must be a mapping, got '" + Node.Scalar() + "'; write '" +
                     std::string(Info.Id) + ": {severity: " + Node.Scalar() + "}'");
  R.expectMap(Node, Where);
  std::vector<std::string> Known{"severity"};
  for (const OptionSpec &Spec : Info.Options)
    Known.emplace_back(Spec.Key);
  for (const auto &Entry : Node)
    R.collect([&] {
      std::string Key = R.scalar(Entry.first, "a key");
      const YAML::Node &Value = Entry.second;
      if (Key == "severity") {
        Settings.Level = parseSeverity(R, Value, Settings.Enabled);
        return;
      }
      const OptionSpec *Spec = Info.findOption(Key);
      if (!Spec)
        R.unknownKey(Entry.first, Where, Known);
      Settings.Options[Key] = parseOptionIn(R, *Spec, Value);
      checkNamedFilesExist(R, *Spec, Value);
      recordPositions(Value, "/" + escapePointerToken(Key), Settings.Positions);
    });
  return Settings;
}

} // namespace

Config Config::bare(const std::string &BaseDirectory) {
  Config C;
  C.BaseDir = absolutePath(BaseDirectory.empty() ? "." : BaseDirectory);
  for (const RuleInfo *Info : allRules())
    C.Rules.emplace(std::string(Info->Id), RuleSettings{});
  return C;
}

namespace {

// Each rule's options at their defaults, built once per process: every configuration shares
// them for the rules it leaves at their defaults (all of them, without a file).
const std::shared_ptr<const RuleOptions> &defaultOptions(const RuleInfo &Rule) {
  static const auto *const Defaults = [] {
    auto *Built = new std::map<const RuleInfo *, std::shared_ptr<const RuleOptions>>;
    for (const RuleInfo *Info : allRules())
      Built->emplace(Info, std::make_shared<const RuleOptions>(*Info));
    return Built;
  }();
  auto It = Defaults->find(&Rule);
  if (It != Defaults->end())
    return It->second;
  // A rule outside the registry (a test's own): its defaults, kept like the others.
  static std::mutex Lock;
  static auto *const Others = new std::map<const RuleInfo *, std::shared_ptr<const RuleOptions>>;
  std::lock_guard<std::mutex> Guard(Lock);
  auto &Made = (*Others)[&Rule];
  if (!Made)
    Made = std::make_shared<const RuleOptions>(Rule);
  return Made;
}

} // namespace

void Config::finish() {
  for (const auto &[Id, Settings] : Rules)
    if (const RuleInfo *Info = findRule(Id))
      Resolved[Id] = Settings.Options.empty()
                         ? defaultOptions(*Info)
                         : std::make_shared<const RuleOptions>(*Info, Settings.Options);
  // Not computed here: 0.19 M instructions of a one-file run without a result store, which
  // never asks for it.
  Fingerprint = std::make_shared<LazyFingerprint>();
}

const std::string &Config::fingerprint() const {
  std::call_once(Fingerprint->Once, [this] { Fingerprint->Text = computeFingerprint(); });
  return Fingerprint->Text;
}

Config Config::defaults(const std::string &BaseDirectory) {
  Config C = bare(BaseDirectory);
  C.finish();
  return C;
}

const RuleOptions &Config::options(const RuleInfo &Rule) const {
  if (auto It = Resolved.find(Rule.Id); It != Resolved.end())
    return *It->second;
  return *defaultOptions(Rule);
}

namespace {

// yaml-cpp keeps the last of two equal keys silently; a strict configuration refuses them. The
// walk is also where an alias that contains itself (`rules: &r {x: {enums: *r}}`) is refused,
// before anything else recurses into the tree forever, and where aliases that expand into an
// absurd number of nodes (a "billion laughs" file) stop.
class ConfigurationWalk {
public:
  explicit ConfigurationWalk(const Reader &R) : R(R) {}

  void check(const YAML::Node &Node) {
    for (const YAML::Node &Ancestor : Path)
      if (Ancestor.is(Node))
        R.fail(Node, "an alias that contains itself (a YAML anchor used inside its own value)");
    if (++Visited > MaxNodes)
      R.fail(Node, "the configuration expands to more than " + std::to_string(MaxNodes) +
                       " values (aliases of aliases); write it out");
    // Aliases nest without the parser's depth guard seeing it: each alias one level deeper.
    if (Path.size() >= MaxYamlDepth)
      R.fail(Node, "nested deeper than " + std::to_string(MaxYamlDepth) +
                       " levels (through aliases), more than contractcheck reads");
    Path.push_back(Node);
    if (Node.IsSequence())
      for (const YAML::Node &Item : Node)
        check(Item);
    if (Node.IsMap())
      checkMap(Node);
    Path.pop_back();
  }

private:
  void checkMap(const YAML::Node &Node) {
    std::map<std::string, YAML::Mark> Seen;
    for (const auto &Entry : Node) {
      if (Entry.first.IsScalar()) {
        auto [It, Inserted] = Seen.emplace(Entry.first.Scalar(), Entry.first.Mark());
        if (!Inserted)
          R.fail(Entry.first, "duplicate key '" + Entry.first.Scalar() + "' (first at line " +
                                  std::to_string(It->second.line + 1) + ")");
      }
      check(Entry.second);
    }
  }

  static constexpr size_t MaxNodes = 100000;
  const Reader &R;
  std::vector<YAML::Node> Path;
  size_t Visited = 0;
};

YAML::Node loadSingleDocument(const Reader &R, const std::string &Path) {
  ReadProblem Problem;
  std::optional<std::string> Read = readInputFile(Path, InputKind::Configuration, Problem);
  if (!Read)
    throw InputError(Problem.Message, Path, Problem.Line, Problem.Column);
  std::string Text = std::move(*Read);
  YAML::Node Root;
  try {
    Root = YAML::Load(Text);
    if (YamlDocumentCount Count = countYamlDocuments(Text); Count.Stalled || Count.Documents > 1) {
      const YAML::Mark &Mark = Count.At;
      throw InputError(Count.Stalled
                           ? "malformed YAML: the parser cannot get past this point"
                           : "a second YAML document; the configuration must be a single document",
                       Path, Mark.line + 1, Mark.column + 1);
    }
  } catch (const YAML::ParserException &E) {
    throw InputError("malformed YAML: " + yamlErrorText(E, Text), Path, E.mark.line + 1,
                     E.mark.column + 1);
  } catch (const YAML::Exception &E) {
    throw InputError("malformed YAML: " + yamlErrorText(E), Path);
  }
  ConfigurationWalk(R).check(Root);
  return Root;
}

} // namespace

Config Config::load(const std::string &Path) {
  Reader R(Path);
  YAML::Node Root = loadSingleDocument(R, Path);
  if (!Root.IsDefined() || Root.IsNull())
    throw InputError("the configuration is empty; it must at least say 'version: 1'", Path, 1, 1);
  R.expectMap(Root, "the configuration");

  Config C = bare({});
  C.Path = Path;
  C.BaseDir = parentDirectory(Path);
  bool SawVersion = false;
  std::vector<std::string> RuleIds;
  for (const RuleInfo *Info : allRules())
    RuleIds.emplace_back(Info->Id);

  for (const auto &Entry : Root)
    R.collect([&] {
      std::string Key = R.scalar(Entry.first, "a key");
      const YAML::Node &Value = Entry.second;
      if (Key == "version") {
        SawVersion = true;
        if (R.scalar(Value, "'version'") != "1")
          R.fail(Value, "unsupported version '" + Value.Scalar() +
                            "'; this contractcheck reads version 1");
      } else if (Key == "paths") {
        R.expectMap(Value, "'paths'");
        for (const auto &PathEntry : Value)
          R.collect([&] {
            std::string PathKey = R.scalar(PathEntry.first, "a key");
            if (PathKey == "exclude") {
              C.Exclude = pathGlobs(R, PathEntry.second);
              warnAboutAbsolutePatterns(PathEntry.second, Path, C.BaseDir, C.Warnings);
            }
            else if (PathKey == "generated")
              C.ReportGenerated = parseSkipOrReport(R, PathEntry.second, "'paths.generated'");
            else if (PathKey == "vendored")
              C.ReportVendored = parseSkipOrReport(R, PathEntry.second, "'paths.vendored'");
            else
              R.unknownKey(PathEntry.first, "'paths'", {"exclude", "generated", "vendored"});
          });
      } else if (Key == "rules") {
        R.expectMap(Value, "'rules'");
        for (const auto &RuleEntry : Value)
          R.collect([&] {
            std::string Id = R.scalar(RuleEntry.first, "a rule id");
            const RuleInfo *Info = findRule(Id);
            if (!Info)
              R.fail(RuleEntry.first, "unknown rule '" + Id + "'" + didYouMean(Id, RuleIds) +
                                          "; 'contractcheck --list-rules' lists them");
            C.Rules[Id] = parseRule(R, *Info, RuleEntry.second);
          });
      } else {
        R.unknownKey(Entry.first, "the configuration", {"version", "paths", "rules"});
      }
    });
  if (!SawVersion)
    R.collect([&] { R.fail(Root, "missing required key 'version' (write 'version: 1')"); });
  R.throwCollected();
  // Data files a per-TU rule reads by glob (contracts): a file added or removed changes what a
  // TU's analysis produces, so the list is part of the fingerprint. Their contents are read
  // through the TU's source manager and hashed as its dependencies.
  for (const auto &[Id, Settings] : C.Rules)
    for (const auto &[Key, Value] : Settings.Options.items())
      if (findRule(Id)->findOption(Key)->Type == OptionType::PathGlobList) {
        std::vector<Glob> Globs;
        for (const nlohmann::json &Pattern : Value)
          Globs.push_back(*Glob::parse(Pattern.get<std::string>(), Glob::Kind::Path));
        C.NamedFiles[Id + "." + Key] = filesMatching(Globs, C.BaseDir);
      }
  C.finish();
  return C;
}

bool Config::isExcluded(std::string_view AbsolutePath) const {
  if (Exclude.empty())
    return false;
  if (matchesAny(Exclude, AbsolutePath))
    return true;
  std::optional<std::string_view> Relative = relativeUnder(AbsolutePath, BaseDir);
  return Relative && matchesAny(Exclude, *Relative);
}

namespace {

// Whether Value, an option of the shape Type (with Fields for a record list), names File: a glob
// of a PathGlobList matches it (relative to Base or absolute), or an ExistingFile is it.
bool namesFile(OptionType Type, std::span<const FieldSpec> Fields, bool ExistingFile,
               const nlohmann::json &Value, const std::string &File, const std::string &Base) {
  if (Type == OptionType::PathGlobList && Value.is_array()) {
    std::optional<std::string_view> Relative = relativeUnder(File, Base);
    for (const nlohmann::json &Pattern : Value)
      if (std::optional<Glob> G = Glob::parse(Pattern.get<std::string>(), Glob::Kind::Path))
        if (G->matches(File) || (Relative && G->matches(*Relative)))
          return true;
    return false;
  }
  if (Type == OptionType::String && ExistingFile && Value.is_string())
    return absolutePath(Value.get<std::string>(), Base) == File;
  if ((Type == OptionType::RecordList && Value.is_array()) ||
      (Type == OptionType::Record && Value.is_object()))
    for (const nlohmann::json &Item : Value.is_array() ? Value : nlohmann::json::array({Value}))
      for (const FieldSpec &Field : Fields)
        if (Item.is_object() && Item.contains(Field.Key) &&
            namesFile(Field.Type, Field.Fields, Field.ExistingFile, Item[std::string(Field.Key)],
                      File, Base))
          return true;
  return false;
}

} // namespace

bool Config::namesDataFile(const std::string &AbsolutePath) const {
  for (const auto &[Id, Settings] : Rules) {
    const RuleInfo *Info = findRule(Id);
    if (!Info || !Settings.Enabled)
      continue;
    for (const auto &[Key, Value] : Settings.Options.items())
      if (const OptionSpec *Spec = Info->findOption(Key))
        if (namesFile(Spec->Type, Spec->Fields, false, Value, AbsolutePath, BaseDir))
          return true;
  }
  return false;
}

const RuleSettings &Config::rule(std::string_view RuleId) const {
  auto It = Rules.find(RuleId);
  if (It == Rules.end()) {
    static const RuleSettings Default;
    return Default;
  }
  return It->second;
}

std::string Config::toClangTidyConfig() const {
  std::string Checks = "-*";
  std::string CheckOptions;
  for (const RuleInfo *Info : allRules()) {
    if (Info->Scope != RuleScope::TranslationUnit)
      continue;
    const RuleSettings &Settings = rule(Info->Id);
    if (Settings.Enabled)
      Checks += "," + std::string(Info->Id);
    for (const auto &[Key, Given] : Settings.Options.items()) {
      const OptionSpec &Spec = *Info->findOption(Key);
      // clang-tidy takes relative paths from wherever its options came from: written here
      // absolute, they name what they name for the CLI.
      nlohmann::json Value = Given;
      if (Spec.Type == OptionType::PathGlobList)
        for (nlohmann::json &Pattern : Value)
          if (!llvm::sys::path::is_absolute(Pattern.get<std::string>())) {
            std::string Escaped; // the directory's own '*', '?', '[' are not wildcards
            for (char C : BaseDir)
              Escaped += std::string(std::strchr("*?[\\", C) ? "\\" : "") + C;
            Pattern = Escaped + "/" + Pattern.get<std::string>();
          }
      std::string Text = toOptionString(Spec, Value);
      std::string Quoted; // YAML single-quoted: a quote is written twice
      for (char C : Text)
        Quoted += C == '\'' ? std::string("''") : std::string(1, C);
      CheckOptions += "  " + std::string(Info->Id) + "." + tidyOptionName(Key) + ": '" + Quoted + "'\n";
    }
  }
  // One setting for every rule: a global option, which each check reads with getLocalOrGlobal.
  if (ReportGenerated)
    CheckOptions += "  ReportGeneratedCode: 'true'\n";
  if (ReportVendored)
    CheckOptions += "  ReportVendoredCode: 'true'\n";
  return "Checks: '" + Checks + "'\nCheckOptions:\n" + (CheckOptions.empty() ? "  {}\n" : CheckOptions);
}

std::string Config::computeFingerprint() const {
  nlohmann::json Rules = nlohmann::json::object();
  for (const auto &[Id, Settings] : this->Rules) {
    const RuleInfo *Info = findRule(Id);
    nlohmann::json Options = Settings.Options;
    if (Info && Info->TUOptionsKey)
      Options = Info->TUOptionsKey(options(*Info));
    // Not the severity: findings take it where they are merged (ResultMerger::add). Whether the
    // rule is enabled decides what the analysis runs, so it stays.
    Rules[Id] = {{"enabled", Settings.Enabled}, {"options", std::move(Options)}};
  }
  nlohmann::json Excludes = nlohmann::json::array();
  for (const Glob &G : Exclude)
    Excludes.push_back(G.pattern());
  return jsonText(
      {{"base", BaseDir}, {"exclude", Excludes}, {"rules", Rules}, {"files", NamedFiles}});
}

ConfigResolver::ConfigResolver(std::optional<std::string> ExplicitPath,
                               const std::string &DefaultBase)
    : Defaults(std::make_shared<const Config>(Config::defaults(DefaultBase))) {
  if (ExplicitPath)
    Explicit = std::make_unique<Config>(Config::load(*ExplicitPath));
}

const Config &ConfigResolver::forFile(const std::string &AbsolutePath) {
  if (Explicit)
    return *Explicit;
  return forDirectory(std::string(llvm::sys::path::parent_path(AbsolutePath)));
}

const Config &ConfigResolver::forDirectory(const std::string &Dir) {
  auto It = ByDirectory.find(Dir);
  if (It != ByDirectory.end())
    return *It->second;
  std::shared_ptr<const Config> Found;
  llvm::SmallString<256> Candidate(Dir);
  llvm::sys::path::append(Candidate, Config::FileName);
  if (llvm::sys::fs::exists(Candidate))
    Found = std::make_shared<const Config>(Config::load(std::string(Candidate)));
  else if (llvm::StringRef Parent = llvm::sys::path::parent_path(Dir); !Parent.empty() && Parent != Dir)
    Found = std::shared_ptr<const Config>(std::shared_ptr<const Config>{}, &forDirectory(Parent.str()));
  else
    Found = Defaults;
  ByDirectory[Dir] = Found;
  return *Found;
}

} // namespace contractcheck
