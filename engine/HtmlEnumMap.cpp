// The enum map of the HTML report: for each enum with a consumer, its enumerators (rows) against
// its consumers (columns), each cell handled / left to default: / missing / sentinel; a drifted
// cell stands out and links to its finding. Collapsed by default, with a search box; a table is
// built when its entry is first opened, so a code base with hundreds of enums opens at once.
#include "HtmlWriter.h"

namespace contractcheck::html {

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
    writeMapEntry(Out, P,
                  {"enum-", E.Enum, "Enumerators", "enumerators", "consumers", "Enumerator", E.At,
                   E.Enumerators, "not known"},
                  E.Consumers, [](const EnumConsumer &C) { return C.Consumer; });
  Out += "</div></section>\n";
}

} // namespace contractcheck::html
