#include "Formatters.h"

#include <nlohmann/json.hpp>

namespace contractcheck {

// Schema version 2, documented in docs/json-output.md. Add fields freely; never rename or
// remove one without bumping "version".
nlohmann::json toJsonReport(const RunReport &Report) {
  nlohmann::json Failures = nlohmann::json::array();
  for (const TUOutcome &Failure : Report.Failures)
    Failures.push_back(
        {{"file", Failure.File}, {"status", statusName(Failure.State)}, {"errors", Failure.Errors}});
  nlohmann::json Problems = nlohmann::json::array();
  for (const RuleProblem &Problem : Report.Problems) {
    nlohmann::json Location = {{"file", Problem.Where.File}};
    if (Problem.Where.Line)
      Location.update({{"line", Problem.Where.Line}, {"column", Problem.Where.Column}});
    Problems.push_back({{"rule", Problem.RuleId},
                        {"kind", kindName(Problem.What)},
                        {"location", Location},
                        {"message", Problem.Message}});
  }
  return {
      {"version", 2},
      {"tool", {{"name", "contractcheck"}, {"version", CONTRACTCHECK_VERSION}}},
      {"findings", Report.Findings},
      {"failures", Failures},
      {"problems", Problems},
      {"map", toJson(Report.Maps)},
      {"summary",
       {{"translation_units", Report.TranslationUnits},
        {"analyzed", Report.analyzed()},
        {"failed", Report.Failures.size()},
        {"problems", Report.Problems.size()},
        {"findings", Report.Findings.size()},
        {"suppressed", Report.Suppressed},
        {"excluded", Report.Excluded},
        {"repeated_entries", Report.RepeatedEntries},
        {"baselined", Report.Baselined},
        {"in_generated_code", Report.InGeneratedCode},
        {"generated_files", Report.GeneratedFiles},
        {"in_vendored_code", Report.InVendoredCode},
        {"vendored_files", Report.VendoredFiles},
        {"by_rule", Report.findingsByRule()}}},
  };
}

} // namespace contractcheck
