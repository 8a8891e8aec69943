// The source files findings point into, each read once: for NOLINT comments, for the source line
// under a diagnostic, and for applying fixes.
#pragma once

#include "Suppression.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contractcheck {

class SourceFiles {
public:
  // nullptr when the file cannot be read.
  const std::string *text(const std::string &Path);
  // The text of a 1-based line, without its newline; empty when out of range.
  std::string_view line(const std::string &Path, unsigned Line);
  // Where a 1-based line starts in text(Path); nullopt when out of range or unreadable. Lines are
  // indexed once per file: a report of N findings in one file costs N lookups, not N scans.
  std::optional<size_t> lineStart(const std::string &Path, unsigned Line);
  const SuppressionIndex &suppressions(const std::string &Path);
  // The code generator whose banner opens the file (GeneratedCode.h), or empty.
  std::string_view generator(const std::string &Path);
  // The library the file is a vendored copy of (VendoredCode.h), or empty.
  std::string_view vendoredLibrary(const std::string &Path);
  // Text to use for Path instead of reading it (an editor's unsaved buffer); before first use.
  void setText(const std::string &Path, std::string Text);

private:
  struct Entry {
    std::optional<std::string> Text;
    std::unique_ptr<SuppressionIndex> Suppressions;
    std::vector<size_t> LineStarts; // filled on first use
  };
  Entry &entry(const std::string &Path);
  std::map<std::string, Entry> Files;
};

} // namespace contractcheck
