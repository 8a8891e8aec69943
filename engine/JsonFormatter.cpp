#include "Formatters.h"

#include <nlohmann/json.hpp>

namespace contractcheck {

// Schema version 1, documented in docs/json-output.md. Add fields freely; never rename or
// remove one without bumping "version".
nlohmann::json toJsonReport(const RunReport &Report) {
  nlohmann::json Failures = nlohmann::json::array();
  for (const TUOutcome &Failure : Report.Failures)
    Failures.push_back(
        {{"file", Failure.File}, {"status", statusName(Failure.State)}, {"errors", Failure.Errors}});
  return {
      {"version", 1},
      {"tool", {{"name", "contractcheck"}, {"version", CONTRACTCHECK_VERSION}}},
      {"findings", Report.Findings},
      {"failures", Failures},
      {"summary",
       {{"translation_units", Report.TranslationUnits},
        {"analyzed", Report.analyzed()},
        {"failed", Report.Failures.size()},
        {"findings", Report.Findings.size()},
        {"suppressed", Report.Suppressed},
        {"excluded", Report.Excluded},
        {"baselined", Report.Baselined},
        {"in_generated_code", Report.InGeneratedCode},
        {"generated_files", Report.GeneratedFiles},
        {"by_rule", Report.findingsByRule()}}},
  };
}

} // namespace contractcheck
