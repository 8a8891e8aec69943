// contract-string-dispatch: a name passed as a string literal to a call (an event published, an
// RPC method invoked) that nothing registers, or a registered one nothing calls. See
// docs/rules/contract-string-dispatch.md. Only the whole codebase can judge a configured
// dispatch, so for those this per-TU part emits a fact per literal at a configured endpoint and
// StringDispatchGlobalRule joins them in the CLI. Qt's SIGNAL()/SLOT()/invokeMethod strings name
// methods of a class the TU declares: the Qt preset judges and reports them here, in both front
// ends.
#pragma once

#include "rules/string-dispatch/QtMethodStrings.h"
#include "Rule.h"
#include "rules/string-dispatch/StringDispatchFacts.h"

#include <string>
#include <vector>

namespace contractcheck {

class StringDispatchRule : public Rule {
public:
  explicit StringDispatchRule(RuleContext &Context);

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  // A call to an endpoint that depends on a template parameter (its receiver, its arguments) is
  // judged in the instantiation: yes when the project's templates hold one, or any Qt class.
  bool needsInstantiations(const SkippedInstantiations &Skipped) const override;

private:
  // A configured endpoint, with the dispatch and the side it belongs to.
  struct Endpoint {
    std::string Dispatch;
    DispatchRole Role;
    DispatchEndpoint Where;
  };
  bool forwardsEndpointParameter(const clang::Expr &Arg, const Endpoint &Inner) const;

  // Endpoints grouped by function, in the order their matchers were registered.
  std::vector<std::pair<std::string, std::vector<Endpoint>>> ByFunction;
  // Their unqualified names ("publish", "operator()"), what a call in a template is written with.
  std::vector<std::string> EndpointNames;
  const bool Qt;
  QtMethodStrings QtStrings;
  const clang::SourceManager *SM = nullptr;
};

} // namespace contractcheck
