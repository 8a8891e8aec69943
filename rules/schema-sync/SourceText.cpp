#include "rules/schema-sync/SourceText.h"

namespace contractcheck {

void SourceCursor::advance(size_t N) {
  for (; N && Offset < Text.size(); --N) {
    if (Text[Offset++] == '\n') {
      ++Line;
      LineStart = Offset;
    }
  }
}

bool isIdentStart(char C) { return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || C == '_'; }

bool isIdentChar(char C) { return isIdentStart(C) || (C >= '0' && C <= '9'); }

} // namespace contractcheck
