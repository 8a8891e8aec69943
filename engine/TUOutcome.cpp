#include "TUOutcome.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace contractcheck {

namespace {

constexpr std::pair<TUOutcome::Status, std::string_view> StatusNames[] = {
    {TUOutcome::Status::Analyzed, "analyzed"},
    {TUOutcome::Status::ParseFailed, "parse-error"},
    {TUOutcome::Status::Crashed, "crash"},
    {TUOutcome::Status::NotExtracted, "not-extracted"},
    {TUOutcome::Status::TimedOut, "timeout"},
};

} // namespace

std::string_view statusName(TUOutcome::Status S) {
  for (const auto &[Status, Name] : StatusNames)
    if (Status == S)
      return Name;
  return "unknown";
}

bool leftAThreadParked(const TUOutcome &O) {
  return O.State == TUOutcome::Status::Crashed || O.State == TUOutcome::Status::TimedOut;
}

void to_json(nlohmann::json &J, const TUOutcome &O) {
  J = {{"file", O.File},         {"status", statusName(O.State)}, {"errors", O.Errors},
       {"findings", O.Findings}, {"facts", O.Facts}, {"dependencies", O.Dependencies},
       {"lookups", O.Lookups}, {"kept-template-bodies", O.KeptTemplateBodies}};
}

void from_json(const nlohmann::json &J, TUOutcome &O) {
  J.at("file").get_to(O.File);
  std::string Status = J.at("status").get<std::string>();
  auto Known = std::find_if(std::begin(StatusNames), std::end(StatusNames),
                            [&](const auto &Entry) { return Entry.second == Status; });
  // An entry this build cannot read is not one it wrote: the store treats it as a miss.
  if (Known == std::end(StatusNames))
    throw nlohmann::json::other_error::create(501, "unknown status '" + Status + "'", &J);
  O.State = Known->first;
  J.at("errors").get_to(O.Errors);
  J.at("findings").get_to(O.Findings);
  J.at("facts").get_to(O.Facts);
  J.at("dependencies").get_to(O.Dependencies);
  J.at("lookups").get_to(O.Lookups);
  O.KeptTemplateBodies = J.value("kept-template-bodies", false);
}

} // namespace contractcheck
