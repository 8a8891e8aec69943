// A rule, or the global half of a per-TU rule, that judges the whole codebase once per run: from
// the facts every TU emitted and from data files (schemas, configs, contracts).
#pragma once

#include "ContractMap.h"
#include "Facts.h"
#include "Finding.h"
#include "Glob.h"

#include <functional>
#include <memory>
#include <string>
#include <typeindex>
#include <vector>

namespace contractcheck {

class RuleOptions;

// A data file a global rule reads, with what went wrong if it could not be read.
struct DataFileText {
  std::string Path; // absolute
  std::string Text;
  std::string Error; // empty when Text was read
};

// What the engine gives a global rule.
class GlobalContext {
public:
  virtual ~GlobalContext() = default;

  // The facts this rule's per-TU half emitted in every TU the run covers.
  virtual RuleFacts facts() const = 0;
  // The directory of the configuration that governs this run of the rule; relative paths in its
  // options are relative to it.
  virtual const std::string &baseDirectory() const = 0;
  // False when the facts cover only part of the codebase (a file subset without a result store):
  // a rule that would report something as missing from the whole codebase must not.
  virtual bool factsAreComplete() const = 0;
  // Why not, in words that end "not judged because ...": a translation unit that did not parse,
  // one `check` has no stored result for, or part of the codebase never analysed.
  virtual std::string whyFactsAreIncomplete() const {
    return "only part of the codebase was analysed and the result store holds no facts for the "
           "rest; run on the whole codebase once";
  }

  // The files under the base directory whose paths relative to it match one of Globs (absolute
  // globs match absolute paths), sorted, without those the configuration excludes; hidden
  // directories (.git, .cache) are entered only when a glob names them.
  virtual std::vector<std::string> filesMatching(const std::vector<Glob> &Globs) const = 0;
  // A data file, read once per run and shared by every rule that reads it.
  virtual const DataFileText &readDataFile(const std::string &Path) = 0;
  // A parsed form of a data file, parsed once per run per Parse type; Parse may throw
  // InputProblem to say the file is malformed.
  template <typename T>
  std::shared_ptr<const T> parsed(const std::string &Path,
                                  const std::function<T(const DataFileText &)> &Parse) {
    return std::static_pointer_cast<const T>(parsedErased(
        Path, std::type_index(typeid(T)),
        [&](const DataFileText &File) -> std::shared_ptr<const void> {
          return std::make_shared<const T>(Parse(File));
        }));
  }

  // A finding; the engine sets its rule and severity.
  virtual void report(Finding F) = 0;
  // The findings this rule's per-TU half reported in the files this configuration governs, as
  // each TU reported them (paths as that TU spelled them, before duplicates merge): Revise may
  // rewrite one with what only the whole codebase shows (contract-switch-coverage takes out the
  // enumerators other TUs only ever compare), and returns false to withdraw it.
  virtual void reviseFindings(const std::function<bool(Finding &)> &Revise) { (void)Revise; }
  // The same for the enum-map columns the per-TU half emitted, as the engine collects them after
  // the global step: a cell linked to a finding that Revise rewrote without its row, or withdrew,
  // is unlinked here.
  virtual void reviseMapColumns(std::function<void(EnumConsumer &)> Revise) { (void)Revise; }
  // What the rule saw while judging, for the report's maps (ContractMap.h); the engine sets the
  // rule. A global rule runs in every run, warm or `check`, so these need no storing.
  virtual void map(EnumConsumer Consumer) { (void)Consumer; }
  virtual void map(ServiceStandIn StandIn) { (void)StandIn; }
  // An input the rule could not judge (a malformed schema, a binding to an enum no TU defines):
  // reported as an error, the run's exit code says the analysis was incomplete, other inputs
  // are still judged.
  virtual void inputProblem(SourcePosition Where, std::string Message) = 0;
  // A setting of the rule that cannot be used as written (a binding to a file that does not
  // exist, a pointer that names nothing): reported as an error, the run exits 2 (bad input) like
  // any other configuration error, other settings are still judged.
  virtual void configurationError(SourcePosition Where, std::string Message) = 0;
  // Where in the configuration file the option value at Pointer ("/bindings/0/file", keys as
  // written) was given; the configuration file alone (line 0) when not known.
  virtual SourcePosition optionPosition(std::string_view Pointer) const = 0;

protected:
  virtual std::shared_ptr<const void>
  parsedErased(const std::string &Path, std::type_index Type,
               const std::function<std::shared_ptr<const void>(const DataFileText &)> &Parse) = 0;
};

// Thrown by a parser given to GlobalContext::parsed: the file is malformed at Where.
struct InputProblem {
  SourcePosition Where;
  std::string Message;
};

class GlobalRule {
public:
  virtual ~GlobalRule() = default;
  virtual void run(GlobalContext &Context) = 0;
};

} // namespace contractcheck
