// The HTML report (--format html): one self-contained page, no network, inline CSS and a small
// script: summary, findings (by rule and file, with excerpts, notes and fixes as diffs, filters),
// the enum map and the service map (engine/ContractMaps.h), and the run's configuration.
#pragma once

#include "ResultMerger.h"
#include "SourceFiles.h"

#include <string>
#include <utility>
#include <vector>

namespace contractcheck {

// What the page says about the run beyond the report itself.
struct HtmlRunInfo {
  std::string CommandLine;
  double Seconds = 0;
  unsigned Workers = 1;
  std::string BaseDir; // paths under it are shown relative to it
  // The configuration files that governed the run, with their text.
  std::vector<std::pair<std::string, std::string>> Configurations;
};

std::string toHtml(const RunReport &Report, SourceFiles &Sources, const HtmlRunInfo &Run);

} // namespace contractcheck
