// contract-mock-drift's columns of the report's service map: a mock or fake paired with a real
// class, the real class's methods against what the mock has, and what the rule reported.
#pragma once

#include "ContractMap.h"

#include <map>
#include <string>
#include <vector>

namespace clang {
class CXXRecordDecl;
class SourceManager;
} // namespace clang

namespace contractcheck {

// What the rule reported against one mock method name while judging a mock.
struct MockMethodDrift {
  std::string What; // follows "mock method '...' "
  SourcePosition Where;
};

struct MockStandInShape {
  bool Inheritance = false; // else paired by name, configuration or co-instantiation
  bool Injected = false;    // injected into a template this TU instantiates (see injectionsOf)
  bool GMock = false;       // else a hand-written fake
  std::vector<std::string> Names; // the mock's stand-in method names
};

ServiceStandIn standInColumn(const clang::CXXRecordDecl &Mock, const clang::CXXRecordDecl &Real,
                             const MockStandInShape &Shape,
                             const std::map<std::string, MockMethodDrift> &Drifted,
                             const clang::SourceManager &SM);

} // namespace contractcheck
