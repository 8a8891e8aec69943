// The findings part of the HTML report: by rule, then by file, each with its excerpt, its notes
// and theirs, and its fix as a diff; filters by rule, severity and path.
#include "HtmlWriter.h"

#include <algorithm>
#include <map>
#include <set>

namespace contractcheck::html {

namespace {

// The line at P with a caret under its column.
std::string excerpt(const Page &P, const SourcePosition &Pos) {
  if (Pos.File.empty() || !Pos.Line)
    return "";
  std::string_view Line = P.Sources.line(Pos.File, Pos.Line);
  if (Line.empty())
    return "";
  std::string Number = std::to_string(Pos.Line) + " | ";
  std::string Caret(Number.size(), ' ');
  for (unsigned I = 0; I + 1 < Pos.Column && I < Line.size(); ++I)
    Caret += Line[I] == '\t' ? '\t' : ' ';
  return "<pre>" + escape(Number) + escape(Line) + "\n" + Caret + "^</pre>";
}

// The line numbers (1-based) of Text holding [Begin, End), and where those lines start and end.
struct LineSpan {
  unsigned First = 1;
  size_t Begin = 0, End = 0;
};
LineSpan lineSpan(const std::string &Text, size_t Begin, size_t End) {
  LineSpan Span;
  Span.First = 1 + static_cast<unsigned>(std::count(Text.begin(), Text.begin() + Begin, '\n'));
  size_t Start = Text.rfind('\n', Begin == 0 ? 0 : Begin - 1);
  Span.Begin = (Begin == 0 || Start == std::string::npos) ? 0 : Start + 1;
  size_t Stop = Text.find('\n', End);
  Span.End = Stop == std::string::npos ? Text.size() : Stop;
  return Span;
}

void appendLines(std::string &Out, std::string_view Text, char Sign, const char *Class) {
  size_t Start = 0;
  while (Start <= Text.size()) {
    size_t Stop = Text.find('\n', Start);
    std::string_view Line = Text.substr(Start, Stop == std::string_view::npos ? Stop : Stop - Start);
    Out += std::string("<span class=") + Class + ">" + Sign + " " + escape(Line) + "</span>";
    if (Stop == std::string_view::npos)
      break;
    Start = Stop + 1;
  }
}

// Each fix-it as the lines it touches, before and after.
std::string fixDiff(const Page &P, const Finding &F) {
  std::string Out;
  for (const FixIt &Fix : F.Fixes) {
    const std::string *Text = P.Sources.text(Fix.File);
    if (!Text || Fix.Offset + Fix.Length > Text->size())
      continue;
    LineSpan Span = lineSpan(*Text, Fix.Offset, Fix.Offset + Fix.Length);
    std::string Before = Text->substr(Span.Begin, Span.End - Span.Begin);
    std::string After = Before;
    After.replace(Fix.Offset - Span.Begin, Fix.Length, Fix.Replacement);
    Out += "<pre aria-label=\"fix\">" + escape("@@ " + P.shownPath(Fix.File) + ":" +
                                                 std::to_string(Span.First) + " @@") +
           "\n";
    appendLines(Out, Before, '-', "del");
    appendLines(Out, After, '+', "add");
    Out += "</pre>";
  }
  if (Out.empty())
    return Out;
  return "<div class=fix><strong>Fix" +
         (F.FixDescription.empty() ? std::string() : ": " + escape(F.FixDescription)) +
         "</strong>" + Out + "</div>";
}

void writeFinding(std::string &Out, const Page &P, const Finding &F, size_t Index) {
  std::string Severity(severityName(F.Level));
  Out += "<article class=\"finding " + Severity + "\" id=f" + std::to_string(Index) +
         " data-rule=\"" + escape(F.RuleId) + "\" data-severity=" + Severity + " data-path=\"" +
         escape(P.shownPath(F.Position.File)) + "\"><p><span class=\"sev " + Severity + "\">" +
         Severity + "</span> " + P.placeLink(F.Position) + ":" +
         std::to_string(F.Position.Column) + " " + escape(F.Message) + " <span class=rule>[" +
         escape(F.RuleId) + "]</span></p>" + excerpt(P, F.Position);
  for (const RelatedNote &Note : F.Notes)
    Out += "<div class=note><p>note: " + P.placeLink(Note.Position) + " " +
           escape(Note.Message) + "</p>" + excerpt(P, Note.Position) + "</div>";
  Out += fixDiff(P, F) + "</article>\n";
}

void writeFilters(std::string &Out, const Page &P) {
  Out += "<div class=filters role=search><label for=f-rule>Rule</label><select id=f-rule>"
         "<option value=\"\">all rules</option>";
  for (const auto &[Rule, Count] : P.Report.findingsByRule())
    Out += "<option value=\"" + escape(Rule) + "\">" + escape(Rule) + " (" +
           std::to_string(Count) + ")</option>";
  Out += "</select><label for=f-sev>Severity</label><select id=f-sev><option value=\"\">all "
         "severities</option><option value=error>error</option><option value=warning>warning"
         "</option></select><label for=f-path>Path</label><input id=f-path type=search "
         "placeholder=\"part of a path\"><span id=f-count aria-live=polite>" +
         std::to_string(P.Report.Findings.size()) + " shown</span></div>\n";
}

} // namespace

void writeFindings(std::string &Out, const Page &P) {
  Out += "<section aria-labelledby=findings><h2 id=findings>Findings</h2>\n";
  if (P.Report.Findings.empty()) {
    Out += "<p>No findings.</p></section>\n";
    return;
  }
  writeFilters(Out, P);
  // By rule, then by file; within a file in the report's order.
  std::map<std::string, std::map<std::string, std::vector<size_t>>> Groups;
  for (size_t I = 0; I < P.Report.Findings.size(); ++I) {
    const Finding &F = P.Report.Findings[I];
    Groups[F.RuleId][F.Position.File].push_back(I);
  }
  for (const auto &[Rule, Files] : Groups) {
    Out += "<section class=group id=\"rule-" + escape(Rule) + "\"><h3>" + escape(Rule) +
           "</h3>\n";
    for (const auto &[File, Indices] : Files) {
      Out += "<div class=group><h4>" + escape(P.shownPath(File)) + "</h4>\n";
      for (size_t I : Indices)
        writeFinding(Out, P, P.Report.Findings[I], I);
      Out += "</div>\n";
    }
    Out += "</section>\n";
  }
  Out += "</section>\n";
}

} // namespace contractcheck::html
