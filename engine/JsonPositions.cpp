#include "JsonPositions.h"

namespace contractcheck {

namespace {

class Scanner {
public:
  explicit Scanner(std::string_view Text) : Text(Text) {}

  size_t find(const std::vector<JsonStep> &Path) {
    skipSpace();
    size_t Found = Pos;
    for (const JsonStep &Step : Path) {
      if (!enter(Step))
        return Found;
      skipSpace();
      Found = Pos;
    }
    return Found;
  }

private:
  // Moves from the start of a container to the start of the member Step names.
  bool enter(const JsonStep &Step) {
    if (Pos >= Text.size())
      return false;
    if (const size_t *Index = std::get_if<size_t>(&Step)) {
      if (Text[Pos] != '[')
        return false;
      ++Pos;
      for (size_t I = 0;; ++I) {
        skipSpace();
        if (Pos >= Text.size() || Text[Pos] == ']')
          return false;
        if (I == *Index)
          return true;
        skipValue();
        skipSpace();
        if (Pos < Text.size() && Text[Pos] == ',')
          ++Pos;
      }
    }
    const std::string &Key = std::get<std::string>(Step);
    if (Text[Pos] != '{')
      return false;
    ++Pos;
    while (true) {
      skipSpace();
      if (Pos >= Text.size() || Text[Pos] != '"')
        return false;
      size_t Start = Pos + 1;
      skipString();
      std::string_view Name = Text.substr(Start, Pos - 1 - Start);
      skipSpace();
      if (Pos < Text.size() && Text[Pos] == ':')
        ++Pos;
      skipSpace();
      if (Name == Key)
        return true;
      skipValue();
      skipSpace();
      if (Pos < Text.size() && Text[Pos] == ',')
        ++Pos;
    }
  }

  void skipSpace() {
    while (Pos < Text.size() && (Text[Pos] == ' ' || Text[Pos] == '\t' || Text[Pos] == '\n' ||
                                 Text[Pos] == '\r'))
      ++Pos;
  }

  // From the opening quote to just past the closing one.
  void skipString() {
    for (++Pos; Pos < Text.size(); ++Pos) {
      if (Text[Pos] == '\\')
        ++Pos;
      else if (Text[Pos] == '"') {
        ++Pos;
        return;
      }
    }
  }

  void skipValue() {
    if (Pos >= Text.size())
      return;
    if (Text[Pos] == '"') {
      skipString();
      return;
    }
    if (Text[Pos] == '{' || Text[Pos] == '[') {
      int Depth = 0;
      while (Pos < Text.size()) {
        char C = Text[Pos];
        if (C == '"') {
          skipString();
          continue;
        }
        if (C == '{' || C == '[')
          ++Depth;
        else if ((C == '}' || C == ']') && --Depth == 0) {
          ++Pos;
          return;
        }
        ++Pos;
      }
      return;
    }
    while (Pos < Text.size() && Text[Pos] != ',' && Text[Pos] != '}' && Text[Pos] != ']')
      ++Pos;
  }

  std::string_view Text;
  size_t Pos = 0;
};

} // namespace

size_t jsonValueOffset(std::string_view Text, const std::vector<JsonStep> &Path) {
  return Scanner(Text).find(Path);
}

} // namespace contractcheck
