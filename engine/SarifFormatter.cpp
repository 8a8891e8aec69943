#include "Formatters.h"
#include "Paths.h"

#include "Fingerprints.h"
#include "rules/RuleRegistry.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace contractcheck {

namespace {

std::string fileUri(const std::string &Path) {
  std::string Uri = "file://";
  for (char C : Path) {
    if (std::isalnum(static_cast<unsigned char>(C)) || std::string_view("/-._~").find(C) != std::string_view::npos) {
      Uri += C;
    } else {
      static const char Hex[] = "0123456789ABCDEF";
      Uri += '%';
      Uri += Hex[(static_cast<unsigned char>(C) >> 4) & 0xF];
      Uri += Hex[static_cast<unsigned char>(C) & 0xF];
    }
  }
  return Uri;
}

// Files under the source root are written relative to %SRCROOT%, which code-scanning services
// map to the repository; others keep an absolute file:// URI.
class ArtifactLocations {
public:
  explicit ArtifactLocations(std::string Root) : Root(std::move(Root)) {}

  nlohmann::json of(const std::string &Path) const {
    if (std::optional<std::string_view> Relative = relativeUnder(Path, Root))
      return {{"uri", fileUri(std::string(*Relative)).substr(7)}, {"uriBaseId", "%SRCROOT%"}};
    return {{"uri", fileUri(Path)}};
  }

  nlohmann::json physical(const SourcePosition &Pos) const {
    return {{"artifactLocation", of(Pos.File)},
            {"region", {{"startLine", Pos.Line}, {"startColumn", Pos.Column}}}};
  }

  nlohmann::json baseIds() const {
    return {{"%SRCROOT%", {{"uri", fileUri(Root + "/")}}}};
  }

private:
  std::string Root;
};

std::string_view sarifLevel(Severity S) { return S == Severity::Error ? "error" : "warning"; }

struct RuleHelp {
  std::string_view Id;
  std::string_view Markdown;
};
constexpr RuleHelp RuleHelps[] = {
#include "RuleHelp.inc"
};

std::string_view helpMarkdown(std::string_view Id) {
  for (const RuleHelp &Help : RuleHelps)
    if (Help.Id == Id)
      return Help.Markdown;
  return {};
}

// A link of a doc page to another page or a section: `../usage.md`, `contract-enum-table.md#x`,
// `#options`. Not a C++ lambda's `[](const T &)`, which has the same brackets.
bool isPageLink(std::string_view Target) {
  if (Target.empty() || Target.find("://") != std::string_view::npos)
    return false;
  if (Target.find_first_not_of(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./#-") !=
      std::string_view::npos)
    return false;
  return Target.front() == '#' || Target.find(".md") != std::string_view::npos;
}

// The rule's help is its doc page, whose links are relative to the page. A code-scanning service
// shows the help beside the analysed project's code, where `../usage.md` or `#options` would
// lead into that project (GitHub resolves them against the alert's page): resolved against the
// page's own URL, they lead where the page means. Fenced code is left as it is.
std::string withAbsoluteLinks(std::string_view Markdown, std::string_view PageUrl) {
  const std::string_view Directory = PageUrl.substr(0, PageUrl.rfind('/') + 1);
  std::string Out;
  bool InFence = false;
  while (!Markdown.empty()) {
    size_t LineEnd = Markdown.find('\n');
    std::string_view Line =
        Markdown.substr(0, LineEnd == std::string_view::npos ? Markdown.size() : LineEnd + 1);
    Markdown.remove_prefix(Line.size());
    if (Line.find_first_not_of(' ') != std::string_view::npos &&
        Line.substr(Line.find_first_not_of(' ')).starts_with("```"))
      InFence = !InFence;
    for (size_t Open; !InFence && (Open = Line.find("](")) != std::string_view::npos;) {
      Out.append(Line.substr(0, Open + 2));
      Line.remove_prefix(Open + 2);
      std::string_view Target = Line.substr(0, Line.find(')'));
      if (Target.size() == Line.size() || !isPageLink(Target))
        continue;
      Line.remove_prefix(Target.size());
      if (Target.front() == '#') {
        Out.append(PageUrl);
      } else {
        std::string_view Base = Directory;
        for (; Target.starts_with("../"); Target.remove_prefix(3))
          Base = Base.substr(0, Base.rfind('/', Base.size() - 2) + 1);
        if (Target.starts_with("./"))
          Target.remove_prefix(2);
        Out.append(Base);
      }
      Out.append(Target);
    }
    Out.append(Line);
  }
  return Out;
}

// "contract-switch-coverage" -> "SwitchCoverage": SARIF wants a name that is not the id.
std::string ruleName(std::string_view Id) { return tidyOptionName(Id.substr(Id.find('-') + 1)); }

nlohmann::json ruleDescriptor(const RuleInfo &Info) {
  std::string Url = docsUrl(Info.Id);
  std::string_view Markdown = helpMarkdown(Info.Id);
  return {{"id", Info.Id},
          {"name", ruleName(Info.Id)},
          {"shortDescription", {{"text", Info.Summary}}},
          {"fullDescription", {{"text", Info.Description}}},
          {"help",
           {{"text", std::string(Info.Description) + " See " + Url},
            {"markdown", Markdown.empty() ? "[" + std::string(Info.Id) + "](" + Url + ")"
                                          : withAbsoluteLinks(Markdown, Url)}}},
          {"helpUri", Url},
          {"defaultConfiguration", {{"level", "error"}}},
          {"properties",
           {{"tags", {"contract", Info.Scope == RuleScope::TranslationUnit ? "per-tu" : "global"}},
            {"precision", "medium"}}}};
}

} // namespace

nlohmann::json toSarif(const RunReport &Report, const std::string &SourceRoot,
                       SourceFiles &Sources) {
  std::vector<std::string> Prints = findingFingerprints(Report.Findings, SourceRoot, Sources);
  size_t Index = 0;
  ArtifactLocations Locations(SourceRoot);
  nlohmann::json Rules = nlohmann::json::array();
  std::map<std::string, size_t> RuleIndex;
  for (const RuleInfo *Info : allRules()) {
    RuleIndex[std::string(Info->Id)] = Rules.size();
    Rules.push_back(ruleDescriptor(*Info));
  }

  nlohmann::json Results = nlohmann::json::array();
  for (const Finding &F : Report.Findings) {
    nlohmann::json Result = {{"ruleId", F.RuleId},
                             {"level", sarifLevel(F.Level)},
                             {"message", {{"text", F.Message}}},
                             {"locations", {{{"physicalLocation", Locations.physical(F.Position)}}}},
                             {"partialFingerprints", {{"contractcheck/v1", Prints[Index++]}}}};
    if (auto It = RuleIndex.find(F.RuleId); It != RuleIndex.end())
      Result["ruleIndex"] = It->second;
    if (!F.Notes.empty()) {
      nlohmann::json Related = nlohmann::json::array();
      for (size_t I = 0; I < F.Notes.size(); ++I)
        Related.push_back({{"id", I + 1},
                           {"message", {{"text", F.Notes[I].Message}}},
                           {"physicalLocation", Locations.physical(F.Notes[I].Position)}});
      Result["relatedLocations"] = Related;
    }
    if (!F.Fixes.empty()) {
      nlohmann::json Changes = nlohmann::json::array();
      for (const FixIt &Fix : F.Fixes)
        Changes.push_back(
            {{"artifactLocation", Locations.of(Fix.File)},
             {"replacements",
              {{{"deletedRegion", {{"byteOffset", Fix.Offset}, {"byteLength", Fix.Length}}},
                {"insertedContent", {{"text", Fix.Replacement}}}}}}});
      std::string Description = F.FixDescription.empty() ? "apply the fix-it" : F.FixDescription;
      Result["fixes"] = {{{"description", {{"text", Description}}},
                          {"artifactChanges", Changes}}};
    }
    Results.push_back(std::move(Result));
  }

  nlohmann::json Notifications = nlohmann::json::array();
  for (const TUOutcome &Failure : Report.Failures) {
    std::string Text = "not analysed (" + std::string(statusName(Failure.State)) + ")";
    for (const std::string &Error : Failure.Errors)
      Text += "\n" + Error;
    Notifications.push_back(
        {{"level", "error"},
         {"message", {{"text", Text}}},
         {"locations", {{{"physicalLocation", {{"artifactLocation", Locations.of(Failure.File)}}}}}}});
  }

  for (const RuleProblem &Problem : Report.Problems) {
    nlohmann::json Physical = {{"artifactLocation", Locations.of(Problem.Where.File)}};
    if (Problem.Where.Line)
      Physical["region"] = {{"startLine", Problem.Where.Line},
                            {"startColumn", std::max(1u, Problem.Where.Column)}};
    Notifications.push_back({{"level", "error"},
                             {"message", {{"text", Problem.Message}}},
                             {"descriptor", {{"id", kindName(Problem.What)}}},
                             {"associatedRule", {{"id", Problem.RuleId}}},
                             {"locations", {{{"physicalLocation", Physical}}}}});
  }

  return {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       {{{"tool",
          {{"driver",
            {{"name", "contractcheck"},
             {"version", CONTRACTCHECK_VERSION},
             {"semanticVersion", CONTRACTCHECK_VERSION},
             {"informationUri", "https://github.com/contractcheck/contractcheck"},
             {"rules", Rules}}}}},
         {"invocations",
          {{{"executionSuccessful", Report.Failures.empty() && Report.Problems.empty()},
            {"toolExecutionNotifications", Notifications}}}},
         {"originalUriBaseIds", Locations.baseIds()},
         {"results", Results}}}},
  };
}

} // namespace contractcheck
