#include "YamlDocuments.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <vector>

namespace contractcheck {

namespace {

// Sees where documents start, nothing else.
struct DocumentStarts : YAML::EventHandler {
  std::vector<YAML::Mark> Starts;
  void OnDocumentStart(const YAML::Mark &M) override { Starts.push_back(M); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t,
                const std::string &) override {}
  void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

} // namespace

namespace {

bool indentedWithATab(std::string_view Text, int Line) {
  if (Line < 0)
    return false;
  size_t Start = 0;
  for (int L = 0; L < Line; ++L) {
    Start = Text.find('\n', Start);
    if (Start == std::string_view::npos)
      return false;
    ++Start;
  }
  for (size_t I = Start; I < Text.size() && (Text[I] == ' ' || Text[I] == '\t'); ++I)
    if (Text[I] == '\t')
      return true;
  return false;
}

} // namespace

std::string yamlErrorText(const YAML::Exception &E, std::string_view Text) {
  if (dynamic_cast<const YAML::DeepRecursion *>(&E))
    return "nested deeper than " + std::to_string(MaxYamlDepth) +
           " levels, more than contractcheck reads";
  if (indentedWithATab(Text, E.mark.line))
    return E.msg + "; this line is indented with a tab, which YAML does not allow (indent with "
                   "spaces)";
  return E.msg;
}

YamlDocumentCount countYamlDocuments(std::string_view Text) {
  std::istringstream In{std::string(Text)};
  YAML::Parser Parser(In);
  DocumentStarts First;
  if (!Parser.HandleNextDocument(First) || First.Starts.empty())
    return {0, YAML::Mark(), /*Stalled=*/false};
  return countYamlDocumentsAfter(Parser, First.Starts.front());
}

YamlDocumentCount countYamlDocumentsAfter(YAML::Parser &Parser, const YAML::Mark &First) {
  DocumentStarts Next;
  if (!Parser.HandleNextDocument(Next) || Next.Starts.empty())
    return {1, YAML::Mark(), /*Stalled=*/false};
  // A document that starts where the previous one started is the stall.
  const YAML::Mark &Second = Next.Starts.front();
  return {2, Second, /*Stalled=*/Second.pos <= First.pos};
}

} // namespace contractcheck
