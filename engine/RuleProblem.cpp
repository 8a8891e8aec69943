#include "RuleProblem.h"

#include <tuple>

namespace contractcheck {

std::string RuleProblem::text() const {
  std::string At = Where.File;
  if (Where.Line)
    At += ":" + std::to_string(Where.Line) + ":" + std::to_string(Where.Column);
  return At + ": error: " + Message + " [" + RuleId + "]";
}

std::string_view kindName(RuleProblem::Kind K) {
  return K == RuleProblem::Kind::Configuration ? "configuration-error" : "input-error";
}

bool operator<(const RuleProblem &A, const RuleProblem &B) {
  return std::tie(A.Where.File, A.Where.Line, A.Where.Column, A.RuleId, A.Message) <
         std::tie(B.Where.File, B.Where.Line, B.Where.Column, B.RuleId, B.Message);
}

} // namespace contractcheck
