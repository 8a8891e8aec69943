// The enum map of the HTML report: for each enum with a consumer, its enumerators (rows) against
// its consumers (columns), each cell handled / left to default: / missing / sentinel; a drifted
// cell stands out and links to its finding. Collapsed by default, with a search box: a code base
// with hundreds of enums opens without laying out their tables.
#include "HtmlWriter.h"

#include <algorithm>
#include <cctype>

namespace contractcheck::html {

// An id from a qualified name: letters, digits and '-' only, so it is also a plain selector.
std::string anchorOf(std::string_view Prefix, std::string_view Name) {
  std::string Id(Prefix);
  for (char C : Name)
    Id += std::isalnum(static_cast<unsigned char>(C)) ? C : '-';
  return Id;
}

// A column header: what the consumer is, its label, and a link to its place.
std::string columnHeader(const Page &P, std::string_view Kind, const std::string &Label,
                         const SourcePosition &At) {
  return "<th scope=col><span class=kind>" + escape(Kind) + "</span>" + escape(Label) + "<br>" +
         P.placeLink(At) + "</th>";
}

// One cell; a drifted one links to the finding that reported it.
std::string cell(const Page &P, const MapCell *Cell, const std::string &Rule,
                 std::string_view Otherwise) {
  if (!Cell)
    return "<td class=absent>" + std::string(Otherwise) + "</td>";
  std::string Text = escape(Cell->State == "default" ? "default:" : Cell->State);
  if (!Cell->How.empty())
    Text += " <span class=how>" + escape(Cell->How) + "</span>";
  if (Cell->FindingAt.File.empty())
    return "<td class=" + escape(Cell->State) + ">" + Text + "</td>";
  std::string Anchor = P.findingAnchor(Rule, Cell->FindingAt);
  std::string Drift = "&#9888; " + Text;
  return "<td class=\"" + escape(Cell->State) + " drift\">" +
         (Anchor.empty() ? Drift + " (finding not shown)"
                         : "<a href=\"#" + Anchor + "\">" + Drift + "</a>") +
         "</td>";
}

const MapCell *cellFor(const std::vector<MapCell> &Cells, const std::string &Row) {
  auto It = std::find_if(Cells.begin(), Cells.end(),
                         [&](const MapCell &C) { return C.Row == Row; });
  return It == Cells.end() ? nullptr : &*It;
}

size_t drifted(const std::vector<MapCell> &Cells) {
  return std::count_if(Cells.begin(), Cells.end(),
                       [](const MapCell &C) { return !C.FindingAt.File.empty(); });
}

void writeSearch(std::string &Out, std::string_view Id, std::string_view What,
                 std::string_view Target) {
  Out += "<p><label for=" + std::string(Id) + ">Search " + std::string(What) +
         "</label> <input id=" + std::string(Id) + " class=search type=search data-target=" +
         std::string(Target) + " placeholder=\"part of a name\"></p>\n";
}

namespace {

void writeEnum(std::string &Out, const Page &P, const EnumMapEntry &E) {
  size_t Drift = 0;
  for (const EnumConsumer &C : E.Consumers)
    Drift += drifted(C.Cells);
  Out += "<details id=\"" + anchorOf("enum-", E.Enum) + "\" data-name=\"" + escape(E.Enum) +
         "\"><summary><h3>" + escape(E.Enum) + "</h3><span class=counts>" +
         std::to_string(E.Enumerators.size()) + " enumerators, " +
         std::to_string(E.Consumers.size()) + " consumers" +
         (Drift ? ", " + std::to_string(Drift) + " drifted" : std::string()) +
         "</span></summary>\n<p>Defined at " + P.placeLink(E.At) +
         "</p><div class=scroll><table><caption>Enumerators of " + escape(E.Enum) +
         " against its consumers</caption><thead><tr><th scope=col>Enumerator</th>";
  for (const EnumConsumer &C : E.Consumers)
    Out += columnHeader(P, C.Consumer, C.Label, C.At);
  Out += "</tr></thead><tbody>\n";
  for (const std::string &Row : E.Enumerators) {
    Out += "<tr><th scope=row>" + escape(Row) + "</th>";
    for (const EnumConsumer &C : E.Consumers)
      Out += cell(P, cellFor(C.Cells, Row), C.Rule, "not known");
    Out += "</tr>\n";
  }
  Out += "</tbody></table></div></details>\n";
}

} // namespace

void writeEnumMap(std::string &Out, const Page &P) {
  const std::vector<EnumMapEntry> &Enums = P.Report.Maps.Enums;
  Out += "<section aria-labelledby=enum-map><h2 id=enum-map>Enum map</h2>\n";
  if (Enums.empty()) {
    Out += "<p>No enum has a consumer the rules saw.</p></section>\n";
    return;
  }
  Out += "<p class=legend>Each enum with a consumer: its enumerators against every switch, "
         "table, serialiser, parser, bound schema and data file. <span class=handled>handled"
         "</span><span class=default>default:</span><span class=missing>missing</span><span "
         "class=sentinel>sentinel</span>; &#9888; marks drift a rule reported.</p>\n";
  writeSearch(Out, "enum-search", "enums", "enum-list");
  Out += "<div id=enum-list>\n";
  for (const EnumMapEntry &E : Enums)
    writeEnum(Out, P, E);
  Out += "</div></section>\n";
}

} // namespace contractcheck::html
