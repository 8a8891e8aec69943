#include "RuleProblem.h"
#include "Paths.h"

#include <tuple>

namespace contractcheck {

std::string RuleProblem::text(std::string_view BaseDir) const {
  std::string At = displayPath(Where.File, BaseDir);
  if (Where.Line)
    At += ":" + std::to_string(Where.Line) + ":" + std::to_string(Where.Column);
  return At + ": error: " + Message + " [" + RuleId + "]";
}

std::string_view kindName(RuleProblem::Kind K) {
  return K == RuleProblem::Kind::Configuration ? "configuration-error" : "input-error";
}

namespace {

auto orderOf(const RuleProblem &P) {
  return std::tie(P.Where.File, P.Where.Line, P.Where.Column, P.RuleId, P.Message);
}

} // namespace

bool operator<(const RuleProblem &A, const RuleProblem &B) { return orderOf(A) < orderOf(B); }
bool operator==(const RuleProblem &A, const RuleProblem &B) { return orderOf(A) == orderOf(B); }

} // namespace contractcheck
