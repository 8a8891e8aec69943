#include "DidYouMean.h"

#include <llvm/ADT/StringRef.h>

namespace contractcheck {

std::optional<std::string> closestMatch(const std::string &Word,
                                        const std::vector<std::string> &Candidates) {
  const std::string *Best = nullptr;
  unsigned BestDistance = std::max<unsigned>(2, Word.size() / 3) + 1;
  for (const std::string &Candidate : Candidates) {
    unsigned Distance = llvm::StringRef(Word).edit_distance(Candidate, true, BestDistance);
    if (Distance < BestDistance) {
      BestDistance = Distance;
      Best = &Candidate;
    }
  }
  if (!Best)
    return std::nullopt;
  return *Best;
}

std::string didYouMean(const std::string &Word, const std::vector<std::string> &Candidates) {
  std::optional<std::string> Best = closestMatch(Word, Candidates);
  return Best ? " (did you mean '" + *Best + "'?)" : std::string();
}

} // namespace contractcheck
