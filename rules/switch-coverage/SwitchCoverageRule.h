// contract-switch-coverage: a switch over an enum whose `default:` swallows enumerators the
// switch never names. See docs/rules/contract-switch-coverage.md.
#pragma once

#include "EnclosingBodies.h"
#include "Glob.h"
#include "Rule.h"
#include "Sentinels.h"

#include <llvm/ADT/SmallPtrSet.h>

#include <set>
#include <utility>

namespace clang {
class SwitchStmt;
} // namespace clang

namespace contractcheck {

class SwitchCoverageRule : public Rule {
public:
  explicit SwitchCoverageRule(RuleContext &Context);

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // A switch whose condition or labels depend on a template parameter is judged in each
  // instantiation.
  bool needsInstantiations(const SkippedInstantiations &Skipped) const override;

private:
  const std::vector<Glob> Enums;
  const SentinelPolicy Sentinels;
  const bool ReportWithoutDefault;
  const unsigned MinCoveragePercent;
  EnclosingBodies Bodies;
  // A switch in a template is seen once per instantiation; it is judged once per enum.
  std::set<std::pair<unsigned, const void *>> Reported;
  // Switches spelled in source seen by the first matcher, until the second one sees them.
  llvm::SmallPtrSet<const clang::SwitchStmt *, 8> SpelledInSource;
};

} // namespace contractcheck
