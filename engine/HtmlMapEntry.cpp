// What the enum map and the service map both draw: an entry per enum or service, collapsed, its
// rows against its columns, each cell's state, drift linked to its finding; and the search box.
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

void writeMapEntry(std::string &Out, const Page &P, const MapEntryText &Entry, size_t Columns,
                   size_t Drift, const std::string &ColumnHeaders,
                   const std::vector<std::vector<std::string>> &CellsByRow) {
  std::string Table = "<div class=scroll><table><caption>" + std::string(Entry.RowsTitle) +
                      " of " + escape(Entry.Name) + " against its " +
                      std::string(Entry.ColumnWord) + "</caption><thead><tr><th scope=col>" +
                      std::string(Entry.RowHeader) + "</th>" + ColumnHeaders +
                      "</tr></thead><tbody>\n";
  for (size_t I = 0; I < Entry.Rows.size(); ++I) {
    Table += "<tr><th scope=row>" + escape(Entry.Rows[I]) + "</th>";
    for (const std::string &Cell : CellsByRow[I])
      Table += Cell;
    Table += "</tr>\n";
  }
  Table += "</tbody></table></div>";
  // Escaped names hold no '<', so only our own markup could end the element early; it has no
  // script end tag.
  Out += "<details id=\"" + anchorOf(Entry.IdPrefix, Entry.Name) + "\" data-name=\"" +
         escape(Entry.Name) + "\"><summary><h3>" + escape(Entry.Name) +
         "</h3><span class=counts>" + std::to_string(Entry.Rows.size()) + " " +
         std::string(Entry.RowWord) + ", " + std::to_string(Columns) +
         " " + std::string(Entry.ColumnWord) +
         (Drift ? ", " + std::to_string(Drift) + " drifted" : std::string()) +
         "</span></summary>\n<p>Defined at " + P.placeLink(Entry.At) +
         // The table is text until the entry is first opened (the page's script lays it out):
         // a script element of an unknown type is neither run nor parsed into the document, so
         // a page with hundreds of entries is ready as soon as their summaries are.
         "</p><script type=text/html class=lazy-table>" + Table + "</script></details>\n";
}

} // namespace contractcheck::html
