#include "EnumNameGlobal.h"

#include "EnumNameMessages.h"
#include "RuleOptions.h"

#include <nlohmann/json.hpp>

#include <map>

namespace contractcheck {

namespace {

constexpr const char *RuleId = "contract-enum-name";

struct Parser {
  std::string Name;
  std::vector<std::string> Accepts;
  bool CaseInsensitive = false;
  SourcePosition Where;
};

struct Call {
  std::string Callee, Literal;
  SourcePosition Where;
};

// Facts come from this rule's own per-TU part; one written by another version of the rule
// that does not read as expected is left out.
template <typename T> bool read(const nlohmann::json &J, T &Out, void (*Reader)(const nlohmann::json &, T &)) {
  try {
    Reader(J, Out);
    return true;
  } catch (const nlohmann::json::exception &) {
    return false;
  }
}

void readParser(const nlohmann::json &J, Parser &P) {
  J.at("name").get_to(P.Name);
  J.at("accepts").get_to(P.Accepts);
  J.at("case_insensitive").get_to(P.CaseInsensitive);
  J.at("where").get_to(P.Where);
}

void readCall(const nlohmann::json &J, Call &C) {
  J.at("callee").get_to(C.Callee);
  J.at("literal").get_to(C.Literal);
  J.at("where").get_to(C.Where);
}

} // namespace

EnumNameGlobalRule::EnumNameGlobalRule(const RuleOptions &Options)
    : Infer(Options.getBool("infer")) {}

void EnumNameGlobalRule::run(const FactStore &Facts, std::vector<Finding> &Findings) {
  if (!Infer)
    return;
  // One definition per function in a valid program; should two TUs disagree (an ODR violation
  // or a macro-dependent body), the function is not judged.
  std::map<std::string, Parser> Parsers;
  std::map<std::string, bool> Ambiguous;
  for (const Fact *F : Facts.find(RuleId, "parser")) {
    Parser P;
    auto Id = F->Data.find("id");
    if (Id == F->Data.end() || !Id->is_string() || !read(F->Data, P, readParser))
      continue;
    auto [It, Inserted] = Parsers.emplace(Id->get<std::string>(), P);
    if (!Inserted && (It->second.Accepts != P.Accepts || It->second.Where != P.Where))
      Ambiguous[It->first] = true;
  }
  for (const Fact *F : Facts.find(RuleId, "call")) {
    Call C;
    if (!read(F->Data, C, readCall))
      continue;
    auto It = Parsers.find(C.Callee);
    if (It == Parsers.end() || Ambiguous.count(C.Callee))
      continue;
    const Parser &P = It->second;
    if (acceptsName(P.Accepts, C.Literal, P.CaseInsensitive))
      continue;
    Finding Found;
    Found.Position = C.Where;
    Found.Message = notAcceptedMessage(C.Literal, P.Name,
                                       suggestName(P.Accepts, C.Literal, P.CaseInsensitive));
    Found.Notes.push_back({P.Where, acceptedNamesNote(P.Name, P.Accepts, P.CaseInsensitive)});
    Findings.push_back(std::move(Found));
  }
}

} // namespace contractcheck
