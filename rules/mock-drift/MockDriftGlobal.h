// contract-mock-drift's global step: co-instantiation, naming convention and substitute headers
// across translation units. One TU instantiates `Toggler<MockTransport>`, another
// `Toggler<TcpTransport>`, or a test includes MockTcpTransport but never tcp_transport.h, or a
// test's include path puts a double of reader.h before the real one (MockSubstitutes.h); no TU
// can pair the two alone, the facts they emitted can.
#pragma once

#include "GlobalRule.h"
#include "rules/mock-drift/MockPairing.h"

#include <vector>

namespace contractcheck {

class RuleOptions;

class MockDriftGlobalRule : public GlobalRule {
public:
  explicit MockDriftGlobalRule(const RuleOptions &Options);
  void run(GlobalContext &Context) override;

private:
  std::vector<NamePattern> Patterns;
};

} // namespace contractcheck
