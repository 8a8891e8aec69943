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

// Where the '[' or '{' opened that a flow collection yaml-cpp reports unclosed began ("end of
// sequence flow not found" is positioned at the end of the file, which says nothing of where the
// bracket is): the last one before End not closed, outside quotes and comments, or the quote
// left open.
std::string unclosedFlowOpening(std::string_view Text, size_t End) {
  struct Open {
    char Bracket;
    int Line, Column;
  };
  std::vector<Open> Opened;
  int Line = 1, Column = 1;
  char Quote = 0;
  Open QuoteOpened{};
  bool Comment = false;
  for (size_t I = 0; I < Text.size() && I < End; ++I, ++Column) {
    char C = Text[I];
    if (C == '\n') {
      Comment = false;
      Line += 1;
      Column = 0;
    } else if (Comment) {
    } else if (Quote) {
      if (C == Quote)
        Quote = 0;
    } else if (C == '"' || C == '\'') {
      Quote = C;
      QuoteOpened = {C, Line, Column};
    } else if (C == '#' && (I == 0 || Text[I - 1] == ' ' || Text[I - 1] == '\t')) {
      Comment = true;
    } else if (C == '[' || C == '{') {
      Opened.push_back({C, Line, Column});
    } else if ((C == ']' || C == '}') && !Opened.empty()) {
      Opened.pop_back();
    }
  }
  // An unclosed quote swallows the bracket that would close the list: the quote is the mistake.
  if (Quote)
    Opened = {QuoteOpened};
  if (Opened.empty())
    return {};
  const Open &Last = Opened.back();
  char Closing = Last.Bracket == '[' ? ']' : Last.Bracket == '{' ? '}' : Last.Bracket;
  return std::string("; the '") + Last.Bracket + "' at line " + std::to_string(Last.Line) +
         ", column " + std::to_string(Last.Column) + " is never closed (a missing '" + Closing +
         "')";
}

} // namespace

std::string yamlErrorText(const YAML::Exception &E, std::string_view Text) {
  if (dynamic_cast<const YAML::DeepRecursion *>(&E))
    return "nested deeper than " + std::to_string(MaxYamlDepth) +
           " levels, more than contractcheck reads";
  if (indentedWithATab(Text, E.mark.line))
    return E.msg + "; this line is indented with a tab, which YAML does not allow (indent with "
                   "spaces)";
  if (E.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW || E.msg == YAML::ErrorMsg::END_OF_MAP_FLOW)
    return E.msg + unclosedFlowOpening(Text, E.mark.pos < 0 ? Text.size() : size_t(E.mark.pos));
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
