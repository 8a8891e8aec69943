// Refuses an output path (--output, --write-baseline) that names one of the run's inputs, so a
// typo cannot replace a source file, a header, the compile database or the configuration with
// a report.
#pragma once

#include "FileIdentity.h"

#include <string>
#include <vector>

namespace contractcheck {

class OutputGuard {
public:
  // What: how the error names the input, e.g. "the compilation database".
  void addInput(const std::string &Path, const std::string &What);
  void addOutput(const std::string &Path, const std::string &Option);

  // Before analysis: throws InputError when an output is a known input or two outputs are the
  // same file.
  void checkBeforeAnalysis() const;
  // After the parses, before anything is written: throws InputError when an output is a file
  // some translation unit read (a header).
  void checkAgainstRead(const ReadFiles &Read) const;

private:
  struct Entry {
    std::string Path;
    std::string What;
  };
  std::vector<Entry> Inputs;
  std::vector<Entry> Outputs;
};

} // namespace contractcheck
