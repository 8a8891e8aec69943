// The service map of the HTML report: for each service class with a stand-in (mock, fake,
// template-injected mock, declared contract), its methods (rows) against its stand-ins (columns),
// each cell matching / differing (how) / absent.
#include "HtmlWriter.h"

namespace contractcheck::html {

namespace {

void writeService(std::string &Out, const Page &P, const ServiceMapEntry &S) {
  size_t Drift = 0;
  for (const ServiceStandIn &C : S.StandIns)
    Drift += drifted(C.Cells);
  Out += "<details id=\"" + anchorOf("service-", S.Service) + "\" data-name=\"" +
         escape(S.Service) + "\"><summary><h3>" + escape(S.Service) +
         "</h3><span class=counts>" + std::to_string(S.Methods.size()) + " methods, " +
         std::to_string(S.StandIns.size()) + " stand-ins" +
         (Drift ? ", " + std::to_string(Drift) + " drifted" : std::string()) +
         "</span></summary>\n<p>Defined at " + P.placeLink(S.At) +
         "</p><div class=scroll><table><caption>Methods of " + escape(S.Service) +
         " against its stand-ins</caption><thead><tr><th scope=col>Method</th>";
  for (const ServiceStandIn &C : S.StandIns)
    Out += columnHeader(P, C.StandIn, C.Label, C.At);
  Out += "</tr></thead><tbody>\n";
  for (const std::string &Row : S.Methods) {
    Out += "<tr><th scope=row>" + escape(Row) + "</th>";
    for (const ServiceStandIn &C : S.StandIns)
      Out += cell(P, cellFor(C.Cells, Row), C.Rule, "absent");
    Out += "</tr>\n";
  }
  Out += "</tbody></table></div></details>\n";
}

} // namespace

void writeServiceMap(std::string &Out, const Page &P) {
  const std::vector<ServiceMapEntry> &Services = P.Report.Maps.Services;
  Out += "<section aria-labelledby=service-map><h2 id=service-map>Service map</h2>\n";
  if (Services.empty()) {
    Out += "<p>No service has a stand-in the rules saw.</p></section>\n";
    return;
  }
  Out += "<p class=legend>Each service class with a stand-in: its methods against every mock, "
         "fake and declared contract. <span class=matching>matching</span><span "
         "class=differing>differing</span><span class=absent>absent</span>; &#9888; marks drift "
         "a rule reported.</p>\n";
  writeSearch(Out, "service-search", "services", "service-list");
  Out += "<div id=service-list>\n";
  for (const ServiceMapEntry &S : Services)
    writeService(Out, P, S);
  Out += "</div></section>\n";
}

} // namespace contractcheck::html
