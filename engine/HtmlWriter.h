// What the parts of the HTML report share (engine/HtmlReport.h): escaping, how places are
// shown and linked, and which finding a map cell links to. Internal to the HTML writer.
#pragma once

#include "ContractMaps.h"
#include "HtmlReport.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>
#include <tuple>

namespace contractcheck::html {

std::string escape(std::string_view Text);

class Page {
public:
  Page(const RunReport &Report, SourceFiles &Sources, const HtmlRunInfo &Run);

  const RunReport &Report;
  SourceFiles &Sources;
  const HtmlRunInfo &Run;

  // "src/order.cpp:6": relative to the base directory when under it.
  std::string shown(const SourcePosition &P) const;
  std::string shownPath(const std::string &File) const;
  // <a href="file://...">src/order.cpp:6</a>
  std::string placeLink(const SourcePosition &P) const;
  // The anchor of the finding a rule reported at P ("f12"), or empty.
  std::string findingAnchor(const std::string &Rule, const SourcePosition &P) const;
  // The source line at P, escaped, for a title attribute or an excerpt; empty when unknown.
  std::string lineAt(const SourcePosition &P) const;

private:
  std::map<std::tuple<std::string, std::string, unsigned, unsigned>, size_t> FindingIndex;
};

// What both maps draw with (HtmlMapEntry.cpp).
std::string anchorOf(std::string_view Prefix, std::string_view Name);
std::string columnHeader(const Page &P, std::string_view Kind, const std::string &Label,
                         const SourcePosition &At);
// A cell; Otherwise is what a column that has no cell for the row says.
std::string cell(const Page &P, const MapCell *Cell, const std::string &Rule,
                 std::string_view Otherwise);
const MapCell *cellFor(const std::vector<MapCell> &Cells, const std::string &Row);
size_t drifted(const std::vector<MapCell> &Cells);

// One entry of a map (an enum, a service): collapsed, its rows against its columns (consumers,
// stand-ins). KindOf names a column's kind; Otherwise is what a column without a cell says.
struct MapEntryText {
  std::string_view IdPrefix; // "enum-"
  const std::string &Name;
  std::string_view RowsTitle, RowWord, ColumnWord; // "Enumerators", "enumerators", "consumers"
  std::string_view RowHeader;                      // "Enumerator"
  const SourcePosition &At;
  const std::vector<std::string> &Rows;
  std::string_view Otherwise;
};
void writeMapEntry(std::string &Out, const Page &P, const MapEntryText &Entry, size_t Columns,
                   size_t Drift, const std::string &ColumnHeaders,
                   const std::vector<std::vector<std::string>> &CellsByRow);

template <typename Column, typename KindOf>
void writeMapEntry(std::string &Out, const Page &P, const MapEntryText &Entry,
                   const std::vector<Column> &Columns, KindOf Kind) {
  size_t Drift = 0;
  std::string Headers;
  for (const Column &C : Columns) {
    Drift += drifted(C.Cells);
    Headers += columnHeader(P, Kind(C), C.Label, C.At);
  }
  std::vector<std::vector<std::string>> CellsByRow;
  for (const std::string &Row : Entry.Rows) {
    CellsByRow.emplace_back();
    for (const Column &C : Columns)
      CellsByRow.back().push_back(cell(P, cellFor(C.Cells, Row), C.Rule, Entry.Otherwise));
  }
  writeMapEntry(Out, P, Entry, Columns.size(), Drift, Headers, CellsByRow);
}

void writeSearch(std::string &Out, std::string_view Id, std::string_view What,
                 std::string_view Target);

// The page's parts, each appended to Out.
void writeSummary(std::string &Out, const Page &P);
void writeFindings(std::string &Out, const Page &P);
void writeEnumMap(std::string &Out, const Page &P);
void writeServiceMap(std::string &Out, const Page &P);
void writeConfiguration(std::string &Out, const Page &P);

} // namespace contractcheck::html
