#include "LspConversions.h"

#include "RuleInfo.h"

#include <algorithm>
#include <cctype>

namespace contractcheck::lsp {

namespace {

bool isUnreserved(unsigned char C) {
  return std::isalnum(C) || C == '-' || C == '.' || C == '_' || C == '~' || C == '/';
}

int hexValue(char C) {
  if (C >= '0' && C <= '9')
    return C - '0';
  if (C >= 'a' && C <= 'f')
    return C - 'a' + 10;
  if (C >= 'A' && C <= 'F')
    return C - 'A' + 10;
  return -1;
}

// Code units a UTF-8 byte range takes in the encoding.
unsigned columnsOf(std::string_view Bytes, OffsetEncoding Encoding) {
  if (Encoding == OffsetEncoding::Utf8)
    return static_cast<unsigned>(Bytes.size());
  unsigned Units = 0;
  for (size_t I = 0; I < Bytes.size();) {
    unsigned char C = static_cast<unsigned char>(Bytes[I]);
    size_t Length = C < 0x80           ? 1
                    : (C >> 5) == 0x6  ? 2
                    : (C >> 4) == 0xE  ? 3
                    : (C >> 3) == 0x1E ? 4
                                       : 1;
    Units += Length == 4 ? 2 : 1; // astral characters are surrogate pairs
    I += Length;
  }
  return Units;
}

bool isIdentifierChar(char C) { return std::isalnum(static_cast<unsigned char>(C)) || C == '_'; }

} // namespace

std::string pathToUri(std::string_view Path) {
  static const char Hex[] = "0123456789ABCDEF";
  std::string Uri = "file://";
  for (unsigned char C : Path) {
    if (isUnreserved(C)) {
      Uri += static_cast<char>(C);
    } else {
      Uri += '%';
      Uri += Hex[C >> 4];
      Uri += Hex[C & 15];
    }
  }
  return Uri;
}

std::optional<std::string> uriToPath(std::string_view Uri) {
  static constexpr std::string_view Scheme = "file://";
  if (Uri.substr(0, Scheme.size()) != Scheme)
    return std::nullopt;
  Uri.remove_prefix(Scheme.size());
  // file://host/path: only the local host (empty or "localhost") names a file here.
  if (Uri.substr(0, 9) == "localhost")
    Uri.remove_prefix(9);
  if (Uri.empty() || Uri.front() != '/')
    return std::nullopt;
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    if (Uri[I] != '%') {
      Path += Uri[I];
      continue;
    }
    if (I + 2 >= Uri.size())
      return std::nullopt;
    int High = hexValue(Uri[I + 1]), Low = hexValue(Uri[I + 2]);
    if (High < 0 || Low < 0)
      return std::nullopt;
    Path += static_cast<char>(High * 16 + Low);
    I += 2;
  }
  return Path;
}

LineIndex::LineIndex(std::string_view Text) : Text(Text) {
  LineStarts.push_back(0);
  for (size_t I = 0; I < Text.size(); ++I)
    if (Text[I] == '\n')
      LineStarts.push_back(static_cast<unsigned>(I + 1));
}

std::string_view LineIndex::lineText(unsigned Line) const {
  if (Line >= LineStarts.size())
    return {};
  size_t Start = LineStarts[Line];
  size_t End = Line + 1 < LineStarts.size() ? LineStarts[Line + 1] - 1 : Text.size();
  return Text.substr(Start, End - Start);
}

nlohmann::json LineIndex::position(unsigned Line, unsigned ByteColumn,
                                   OffsetEncoding Encoding) const {
  unsigned Zero = Line > 0 ? Line - 1 : 0;
  std::string_view Bytes = lineText(Zero);
  Bytes = Bytes.substr(0, std::min<size_t>(Bytes.size(), ByteColumn > 0 ? ByteColumn - 1 : 0));
  return {{"line", Zero}, {"character", columnsOf(Bytes, Encoding)}};
}

nlohmann::json LineIndex::positionOfOffset(unsigned Offset, OffsetEncoding Encoding) const {
  Offset = std::min<unsigned>(Offset, static_cast<unsigned>(Text.size()));
  auto After = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
  unsigned Line = static_cast<unsigned>(After - LineStarts.begin()) - 1;
  return {
      {"line", Line},
      {"character", columnsOf(Text.substr(LineStarts[Line], Offset - LineStarts[Line]), Encoding)}};
}

nlohmann::json LineIndex::tokenRange(unsigned Line, unsigned ByteColumn,
                                     OffsetEncoding Encoding) const {
  nlohmann::json Start = position(Line, ByteColumn, Encoding);
  std::string_view Rest = lineText(Start["line"].get<unsigned>());
  size_t From = std::min<size_t>(Rest.size(), ByteColumn > 0 ? ByteColumn - 1 : 0);
  size_t To = From;
  while (To < Rest.size() && isIdentifierChar(Rest[To]))
    ++To;
  if (To == From && To < Rest.size())
    ++To;
  nlohmann::json End = Start;
  End["character"] =
      Start["character"].get<unsigned>() + columnsOf(Rest.substr(From, To - From), Encoding);
  return {{"start", Start}, {"end", End}};
}

unsigned LineIndex::offsetOf(const nlohmann::json &Position, OffsetEncoding Encoding) const {
  unsigned Line = Position.value("line", 0u);
  unsigned Character = Position.value("character", 0u);
  if (Line >= LineStarts.size())
    return static_cast<unsigned>(Text.size());
  std::string_view Bytes = lineText(Line);
  size_t I = 0;
  while (I < Bytes.size() && columnsOf(Bytes.substr(0, I), Encoding) < Character)
    ++I;
  return LineStarts[Line] + static_cast<unsigned>(I);
}

nlohmann::json toDiagnostic(const Finding &F, const TextOf &Text, OffsetEncoding Encoding) {
  auto RangeOf = [&](const SourcePosition &P) {
    const std::string *Content = Text(P.File);
    LineIndex Index(Content ? std::string_view(*Content) : std::string_view());
    return Index.tokenRange(P.Line, P.Column, Encoding);
  };
  nlohmann::json D = {
      {"range", RangeOf(F.Position)},
      {"severity", F.Level == Severity::Error ? 1 : 2},
      {"code", F.RuleId},
      {"codeDescription", {{"href", docsUrl(F.RuleId)}}},
      {"source", "contractcheck"},
      {"message", F.Message},
  };
  if (!F.Notes.empty()) {
    nlohmann::json Related = nlohmann::json::array();
    for (const RelatedNote &Note : F.Notes)
      if (!Note.Position.File.empty())
        Related.push_back(
            {{"location",
              {{"uri", pathToUri(Note.Position.File)}, {"range", RangeOf(Note.Position)}}},
             {"message", Note.Message}});
    D["relatedInformation"] = std::move(Related);
  }
  return D;
}

std::string quickFixTitle(const Finding &F) {
  std::string Title = F.FixDescription.empty() ? "Apply the fix" : F.FixDescription;
  // A rule's generic description starts lower-case, as clang's notes do; a menu entry does not.
  Title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(Title[0])));
  return Title;
}

nlohmann::json toWorkspaceChanges(const Finding &F, const TextOf &Text, OffsetEncoding Encoding) {
  if (F.Fixes.empty())
    return nullptr;
  nlohmann::json Changes = nlohmann::json::object();
  for (const FixIt &Fix : F.Fixes) {
    const std::string *Content = Text(Fix.File);
    if (!Content || Fix.Offset + Fix.Length > Content->size())
      return nullptr;
    LineIndex Index(*Content);
    Changes[pathToUri(Fix.File)].push_back(
        {{"range",
          {{"start", Index.positionOfOffset(Fix.Offset, Encoding)},
           {"end", Index.positionOfOffset(Fix.Offset + Fix.Length, Encoding)}}},
         {"newText", Fix.Replacement}});
  }
  return Changes;
}

bool rangesIntersect(const nlohmann::json &A, const nlohmann::json &B) {
  auto Before = [](const nlohmann::json &P, const nlohmann::json &Q) { // P < Q
    unsigned PL = P.value("line", 0u), QL = Q.value("line", 0u);
    return PL < QL || (PL == QL && P.value("character", 0u) < Q.value("character", 0u));
  };
  // Touching ranges count: a cursor (empty range) at either end of a diagnostic is on it.
  return !Before(A["end"], B["start"]) && !Before(B["end"], A["start"]);
}

} // namespace contractcheck::lsp
