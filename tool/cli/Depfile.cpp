#include "Depfile.h"

#include "InputError.h"

namespace contractcheck {

// A path as Make and Ninja read it in a depfile: a space and '#' escaped by a backslash (and the
// backslashes before them doubled, as are those that end the path), '$' doubled; any other
// backslash is a character. False when it cannot be written at all: no escape holds a line break.
bool escapeForDepfile(const std::string &Path, std::string &Out) {
  Out.clear();
  size_t Backslashes = 0;
  for (char C : Path) {
    if (C == '\n' || C == '\r')
      return false;
    if (C == '\\') {
      ++Backslashes;
      continue;
    }
    Out.append(C == ' ' || C == '#' ? 2 * Backslashes + 1 : Backslashes, '\\');
    Backslashes = 0;
    if (C == '$')
      Out += '$';
    Out += C;
  }
  Out.append(2 * Backslashes, '\\');
  return true;
}

std::string depfileOf(const std::string &Target, const std::vector<TUOutcome> &Outcomes,
                      std::vector<std::string> &Untracked) {
  std::string Escaped, Text;
  if (!escapeForDepfile(Target, Escaped))
    throw InputError("a depfile cannot name a file whose name holds a line break", Target);
  Text = Escaped + ":";
  for (const TUOutcome &Outcome : Outcomes)
    for (const auto &[File, Hash] : Outcome.Dependencies) {
      if (escapeForDepfile(File, Escaped))
        Text += " \\\n  " + Escaped;
      else
        Untracked.push_back(File);
    }
  return Text + "\n";
}

} // namespace contractcheck
