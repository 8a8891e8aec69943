// A warning about one of the user's files (valid input that is surely not what was meant), kept
// apart from its file until it is printed, so that the file is shown as findings show theirs.
#pragma once

#include <string>
#include <string_view>

namespace contractcheck {

struct FileWarning {
  std::string File; // absolute
  unsigned Line = 0;   // 0: the file as a whole
  unsigned Column = 0; // 0: the whole line
  std::string Message;

  // With a line, "file:line:col: warning: message", as a compiler writes it; about a whole
  // file, "contractcheck: warning: file: message". The file as displayPath() shows it against
  // BaseDir (none: as it is).
  std::string render(std::string_view BaseDir = {}) const;

  friend bool operator==(const FileWarning &, const FileWarning &) = default;
  friend auto operator<=>(const FileWarning &, const FileWarning &) = default;
};

} // namespace contractcheck
