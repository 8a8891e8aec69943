// What the parts of the HTML report share (engine/HtmlReport.h): escaping, how places are
// shown and linked, and which finding a map cell links to. Internal to the HTML writer.
#pragma once

#include "ContractMaps.h"
#include "HtmlReport.h"

#include <map>
#include <string>
#include <string_view>
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

// What both maps draw with (HtmlEnumMap.cpp).
std::string anchorOf(std::string_view Prefix, std::string_view Name);
std::string columnHeader(const Page &P, std::string_view Kind, const std::string &Label,
                         const SourcePosition &At);
// A cell; Otherwise is what a column that has no cell for the row says.
std::string cell(const Page &P, const MapCell *Cell, const std::string &Rule,
                 std::string_view Otherwise);
const MapCell *cellFor(const std::vector<MapCell> &Cells, const std::string &Row);
size_t drifted(const std::vector<MapCell> &Cells);
void writeSearch(std::string &Out, std::string_view Id, std::string_view What,
                 std::string_view Target);

// The page's parts, each appended to Out.
void writeSummary(std::string &Out, const Page &P);
void writeFindings(std::string &Out, const Page &P);
void writeEnumMap(std::string &Out, const Page &P);
void writeServiceMap(std::string &Out, const Page &P);
void writeConfiguration(std::string &Out, const Page &P);

} // namespace contractcheck::html
