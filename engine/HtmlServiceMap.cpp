// The service map of the HTML report: for each service class with a stand-in (mock, fake,
// template-injected mock, declared contract), its methods (rows) against its stand-ins (columns),
// each cell matching / differing (how) / absent.
#include "HtmlWriter.h"

namespace contractcheck::html {

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
    writeMapEntry(Out, P,
                  {"service-", S.Service, "Methods", "methods", "stand-ins", "Method", S.At, S.Methods,
                   "absent"},
                  S.StandIns, [](const ServiceStandIn &C) { return C.StandIn; });
  Out += "</div></section>\n";
}

} // namespace contractcheck::html
