#include "Fingerprints.h"

#include "Baseline.h"
#include "ContentHash.h"

#include <map>

namespace contractcheck {

std::vector<std::string> findingFingerprints(const std::vector<Finding> &Findings,
                                             const std::string &Root, SourceFiles &Sources) {
  std::map<Baseline::Key, unsigned> Seen;
  std::vector<std::string> Prints;
  for (const Finding &F : Findings) {
    Baseline::Key Key = Baseline::keyOf(F, Root, Sources);
    unsigned Occurrence = Seen[Key]++;
    const auto &[Rule, File, Message, LineText] = Key;
    std::string Text = Rule;
    for (const std::string *Part : {&File, &Message, &LineText})
      Text += '\0' + *Part;
    Prints.push_back(contentHash(Text + '\0' + std::to_string(Occurrence)));
  }
  return Prints;
}

} // namespace contractcheck
