// contract-switch-coverage: a switch over an enum whose `default:` swallows enumerators the
// switch never names. See docs/rules/contract-switch-coverage.md.
#pragma once

#include "Glob.h"
#include "Rule.h"

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

private:
  const std::vector<Glob> Enums;
  const std::vector<Glob> Sentinels;
  const bool ReportWithoutDefault;
  const unsigned MinCoveragePercent;
  // A switch in a template is seen once per instantiation; it is judged once per enum.
  std::set<std::pair<unsigned, const void *>> Reported;
  // Switches spelled in source seen by the first matcher, until the second one sees them.
  llvm::SmallPtrSet<const clang::SwitchStmt *, 8> SpelledInSource;
};

} // namespace contractcheck
