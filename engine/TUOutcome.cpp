#include "TUOutcome.h"

namespace contractcheck {

std::string_view statusName(TUOutcome::Status S) {
  switch (S) {
  case TUOutcome::Status::Analyzed:
    return "analyzed";
  case TUOutcome::Status::ParseFailed:
    return "parse-error";
  case TUOutcome::Status::Crashed:
    return "crash";
  case TUOutcome::Status::InputProblem:
    return "input-error";
  case TUOutcome::Status::NotExtracted:
    return "not-extracted";
  case TUOutcome::Status::BadConfiguration:
    return "configuration-error";
  }
  return "unknown";
}

void to_json(nlohmann::json &J, const TUOutcome &O) {
  J = {{"file", O.File},         {"status", statusName(O.State)}, {"errors", O.Errors},
       {"findings", O.Findings}, {"facts", O.Facts}, {"dependencies", O.Dependencies},
       {"kept-template-bodies", O.KeptTemplateBodies}};
}

void from_json(const nlohmann::json &J, TUOutcome &O) {
  J.at("file").get_to(O.File);
  std::string Status = J.at("status").get<std::string>();
  O.State = Status == "analyzed"        ? TUOutcome::Status::Analyzed
            : Status == "parse-error"   ? TUOutcome::Status::ParseFailed
            : Status == "input-error"   ? TUOutcome::Status::InputProblem
            : Status == "not-extracted" ? TUOutcome::Status::NotExtracted
            : Status == "configuration-error" ? TUOutcome::Status::BadConfiguration
                                        : TUOutcome::Status::Crashed;
  J.at("errors").get_to(O.Errors);
  J.at("findings").get_to(O.Findings);
  J.at("facts").get_to(O.Facts);
  J.at("dependencies").get_to(O.Dependencies);
  O.KeptTemplateBodies = J.value("kept-template-bodies", false);
}

} // namespace contractcheck
