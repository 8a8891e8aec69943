// Refuses an output path (--output, --write-baseline) that names one of the run's inputs, so a
// typo cannot replace a source file, a header, the compile database or the configuration with
// a report.
#pragma once

#include "FileIdentity.h"

#include <set>
#include <string>
#include <vector>

namespace contractcheck {

class OutputGuard {
public:
  // What: how the error names the input, e.g. "the compilation database". WrittenBy: the one
  // output option that may name it (--write-baseline updates the baseline it read).
  void addInput(const std::string &Path, const std::string &What,
                const std::string &WrittenBy = {});
  void addOutput(const std::string &Path, const std::string &Option);

  // Before analysis: throws InputError when an output is a known input or two outputs are the
  // same file.
  void checkBeforeAnalysis() const;
  // After the parses, before anything is written: throws InputError when an output is a file
  // some translation unit read (a header).
  void checkAgainstRead(const ReadFiles &Read) const;
  // After the global phase, before anything is written: throws InputError when an output is a
  // file a rule read (a schema, a contract, an enum source), named by What.
  void checkAgainstFiles(const std::set<std::string> &Files, const std::string &What) const;

private:
  struct Entry {
    std::string Path;
    std::string What;
    std::string WrittenBy;
  };
  std::vector<Entry> Inputs;
  std::vector<Entry> Outputs;
};

} // namespace contractcheck
