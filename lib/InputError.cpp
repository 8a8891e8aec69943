#include "InputError.h"

#include <llvm/ADT/StringRef.h>

namespace contractcheck {

InputError::InputError(std::string Message, std::string File, unsigned Line, unsigned Column)
    : std::runtime_error(std::move(Message)), File(std::move(File)), Line(Line), Column(Column) {}

std::string InputError::render() const {
  std::string Text;
  if (!File.empty()) {
    Text += File;
    if (Line) {
      Text += ":" + std::to_string(Line);
      if (Column)
        Text += ":" + std::to_string(Column);
    }
    Text += ": ";
  }
  return Text + "error: " + what();
}

std::string didYouMean(const std::string &Word, const std::vector<std::string> &Candidates) {
  const std::string *Best = nullptr;
  unsigned BestDistance = std::max<unsigned>(2, Word.size() / 3) + 1;
  for (const std::string &Candidate : Candidates) {
    unsigned Distance = llvm::StringRef(Word).edit_distance(Candidate, true, BestDistance);
    if (Distance < BestDistance) {
      BestDistance = Distance;
      Best = &Candidate;
    }
  }
  return Best ? " (did you mean '" + *Best + "'?)" : std::string();
}

} // namespace contractcheck
