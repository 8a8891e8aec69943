// A cursor over source text that keeps the 1-based line and byte column of where it stands;
// the lexers of the .proto and Python subsets share it.
#pragma once

#include <cstddef>
#include <string_view>

namespace contractcheck {

class SourceCursor {
public:
  explicit SourceCursor(std::string_view Text) : Text(Text) {}

  bool atEnd() const { return Offset >= Text.size(); }
  // The character N ahead, or '\0' past the end.
  char peek(size_t N = 0) const { return Offset + N < Text.size() ? Text[Offset + N] : '\0'; }
  bool startsWith(std::string_view S) const { return Text.substr(Offset).starts_with(S); }
  void advance(size_t N = 1);

  size_t offset() const { return Offset; }
  unsigned line() const { return Line; }
  unsigned column() const { return static_cast<unsigned>(Offset - LineStart + 1); }
  std::string_view slice(size_t From) const { return Text.substr(From, Offset - From); }

private:
  std::string_view Text;
  size_t Offset = 0;
  size_t LineStart = 0;
  unsigned Line = 1;
};

bool isIdentStart(char C);
bool isIdentChar(char C);

} // namespace contractcheck
