// Judges the declarations a probe parsed against the service class, in the probe's AST: each
// declared method is offered (some overload has the same signature), missing, or differs; with
// strict, the public methods the contract leaves out. The verdicts are plain data the rule
// reports in the analysed TU.
#pragma once

#include "DiagnosticMessage.h"
#include "Finding.h"
#include "rules/declared-service/ProbeSource.h"

#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
}

namespace contractcheck {

// A message as a diagnostic format ("'%0' ...") with its arguments.
struct VerdictText {
  DiagnosticMessage Format;
  std::vector<std::string> Args;
};

struct MethodVerdict {
  enum class Kind { Offered, Missing, Differs, NotJudged };
  size_t Method = 0;
  Kind Verdict = Kind::NotJudged;
  VerdictText Text;                                           // for Missing and Differs
  std::optional<std::pair<SourcePosition, VerdictText>> Note; // the closest candidate
};

// A public method of the service no declaration of the contract names (strict).
struct UndeclaredMethod {
  VerdictText Text;
  SourcePosition Where;
};

struct ContractVerdicts {
  bool ServiceFound = false;
  std::vector<MethodVerdict> Methods;
  std::vector<UndeclaredMethod> Undeclared;
};

// The verdicts for the Index-th contract of the probe. A method whose probe struct declares no
// valid method is NotJudged (its parse errors say why).
ContractVerdicts judgeContract(clang::ASTContext &Ctx, size_t Index, const ProbedContract &Probed,
                               bool Strict);

} // namespace contractcheck
