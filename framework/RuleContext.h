// What a front end gives a rule: its options, a diagnostic sink and a fact sink. The CLI and the
// clang-tidy adapter each implement it once for every rule.
#pragma once

#include "Facts.h"
#include "RuleInfo.h"
#include "RuleOptions.h"
#include "TUAnalysis.h"

#include <clang/Basic/Diagnostic.h>

#include <string>

namespace contractcheck {

class RuleContext {
public:
  virtual ~RuleContext() = default;
  virtual const RuleInfo &rule() const = 0;
  virtual const RuleOptions &options() const = 0;
  // Format is a clang diagnostic format, its source text already escaped (Rule::diag).
  virtual clang::DiagnosticBuilder diag(clang::SourceLocation Loc, llvm::StringRef Format,
                                        clang::DiagnosticIDs::Level Level) = 0;
  // What the fix-its of the next diagnostic do, in the words an editor's quick-fix menu shows
  // ("Add case EventType::Retry"); RuleInfo::FixDescription otherwise. clang-tidy has no
  // place for it.
  virtual void describeNextFix(std::string /*Description*/) {}
  // Facts feed global rules; front ends without a global phase (clang-tidy) drop them.
  virtual void emitFact(Fact F) = 0;
  // True when a global step will read the facts emitted (the CLI): a rule may then leave to it
  // what only it can report well (an input problem, once per run); false in clang-tidy, where the
  // rule must say it itself.
  virtual bool keepsFacts() const = 0;
  // The TU's shared analyses, the same for every rule of the TU (TUAnalysis.h).
  virtual TUAnalyses &analyses() = 0;
  // The directory relative paths in the options are taken from: the configuration file's.
  virtual std::string baseDirectory() const = 0;
};

} // namespace contractcheck
