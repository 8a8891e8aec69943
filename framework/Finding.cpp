#include "Finding.h"

#include <nlohmann/json.hpp>

#include <tuple>

namespace contractcheck {

std::string_view severityName(Severity S) { return S == Severity::Error ? "error" : "warning"; }

bool findingLess(const Finding &A, const Finding &B) {
  return std::tie(A.Position.File, A.Position.Line, A.Position.Column, A.RuleId, A.Message) <
         std::tie(B.Position.File, B.Position.Line, B.Position.Column, B.RuleId, B.Message);
}

void to_json(nlohmann::json &J, const SourcePosition &P) {
  J = {{"file", P.File}, {"line", P.Line}, {"column", P.Column}, {"offset", P.Offset}};
}
void from_json(const nlohmann::json &J, SourcePosition &P) {
  J.at("file").get_to(P.File);
  J.at("line").get_to(P.Line);
  J.at("column").get_to(P.Column);
  J.at("offset").get_to(P.Offset);
}

void to_json(nlohmann::json &J, const FixIt &F) {
  J = {{"file", F.File}, {"offset", F.Offset}, {"length", F.Length}, {"replacement", F.Replacement}};
}
void from_json(const nlohmann::json &J, FixIt &F) {
  J.at("file").get_to(F.File);
  J.at("offset").get_to(F.Offset);
  J.at("length").get_to(F.Length);
  J.at("replacement").get_to(F.Replacement);
}

void to_json(nlohmann::json &J, const RelatedNote &N) {
  J = {{"message", N.Message}, {"location", N.Position}};
}
void from_json(const nlohmann::json &J, RelatedNote &N) {
  J.at("message").get_to(N.Message);
  J.at("location").get_to(N.Position);
}

void to_json(nlohmann::json &J, const Finding &F) {
  J = {{"rule", F.RuleId},     {"severity", severityName(F.Level)}, {"message", F.Message},
       {"location", F.Position}, {"notes", F.Notes},                   {"fixes", F.Fixes}};
  if (!F.FixDescription.empty())
    J["fix_description"] = F.FixDescription;
}
void from_json(const nlohmann::json &J, Finding &F) {
  J.at("rule").get_to(F.RuleId);
  F.Level = J.at("severity").get<std::string>() == "warning" ? Severity::Warning : Severity::Error;
  J.at("message").get_to(F.Message);
  J.at("location").get_to(F.Position);
  J.at("notes").get_to(F.Notes);
  J.at("fixes").get_to(F.Fixes);
  F.FixDescription = J.value("fix_description", std::string());
}

} // namespace contractcheck
