#include "Fingerprints.h"
#include "Formatters.h"
#include "Paths.h"

#include <nlohmann/json.hpp>

namespace contractcheck {

// GitLab's Code Quality report: the Code Climate issue format, paths relative to the repository.
nlohmann::json toCodeClimate(const RunReport &Report, const std::string &SourceRoot,
                             SourceFiles &Sources) {
  std::vector<std::string> Prints = findingFingerprints(Report.Findings, SourceRoot, Sources);
  nlohmann::json Issues = nlohmann::json::array();
  for (size_t I = 0; I < Report.Findings.size(); ++I) {
    const Finding &F = Report.Findings[I];
    std::string Path(relativeUnder(F.Position.File, SourceRoot).value_or(F.Position.File));
    Issues.push_back({{"type", "issue"},
                      {"check_name", F.RuleId},
                      {"description", F.Message},
                      {"categories", {"Bug Risk"}},
                      {"severity", F.Level == Severity::Error ? "major" : "minor"},
                      {"fingerprint", Prints[I]},
                      {"location", {{"path", Path}, {"lines", {{"begin", F.Position.Line}}}}}});
  }
  return Issues;
}

} // namespace contractcheck
