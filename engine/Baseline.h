// Baselines for adoption: a file recording today's findings so that only new ones fail the
// gate. A finding is matched by rule, file (relative to the baseline), message and the text of
// its source line, not its line number, so unrelated edits above it do not resurrect it.
#pragma once

#include "Finding.h"
#include "SourceFiles.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace contractcheck {

class Baseline {
public:
  // Throws InputError naming the file (and line:column for malformed JSON).
  static Baseline load(const std::string &Path);
  // Throws InputError when the file cannot be written.
  static void write(const std::string &Path, const std::vector<Finding> &Findings,
                    SourceFiles &Sources);

  // Removes the findings the baseline records (each entry absorbs one finding) and returns how
  // many were removed.
  size_t filter(std::vector<Finding> &Findings, SourceFiles &Sources) const;
  // How many findings the baseline records.
  size_t size() const;

  // What identifies a finding across unrelated edits: rule, file relative to Dir, message and
  // the trimmed text of its line. Also the basis of SARIF's partialFingerprints.
  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  static Key keyOf(const Finding &F, const std::string &Dir, SourceFiles &Sources);

private:
  std::string Dir;
  std::map<Key, size_t> Counts;
};

} // namespace contractcheck
