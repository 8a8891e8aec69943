// Between the engine's plain data (absolute paths, byte offsets, 1-based lines and byte columns)
// and LSP's (file URIs, 0-based lines, columns in the negotiated encoding).
#pragma once

#include "Finding.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace contractcheck::lsp {

// LSP counts columns in UTF-16 code units unless the client agreed to UTF-8 bytes.
enum class OffsetEncoding { Utf16, Utf8 };

std::string pathToUri(std::string_view Path);
// The absolute path of a file:// URI; nullopt for other schemes or a malformed URI.
std::optional<std::string> uriToPath(std::string_view Uri);

// Positions inside one text.
class LineIndex {
public:
  explicit LineIndex(std::string_view Text);
  // 1-based line and byte column, as findings carry them.
  nlohmann::json position(unsigned Line, unsigned ByteColumn, OffsetEncoding Encoding) const;
  nlohmann::json positionOfOffset(unsigned Offset, OffsetEncoding Encoding) const;
  // The range a diagnostic underlines: the identifier or keyword at the position, or one column.
  nlohmann::json tokenRange(unsigned Line, unsigned ByteColumn, OffsetEncoding Encoding) const;
  // Byte offset of an LSP position; clamped to the text.
  unsigned offsetOf(const nlohmann::json &Position, OffsetEncoding Encoding) const;

private:
  std::string_view lineText(unsigned ZeroBasedLine) const;
  std::string_view Text;
  std::vector<unsigned> LineStarts;
};

// The text of a file the findings point into (the unsaved buffer when there is one); nullptr
// when it cannot be read.
using TextOf = std::function<const std::string *(const std::string &Path)>;

// An LSP Diagnostic for F; notes become relatedInformation.
nlohmann::json toDiagnostic(const Finding &F, const TextOf &Text, OffsetEncoding Encoding);

// F's fix-its as a WorkspaceEdit's `changes` (uri -> TextEdit[]); null when F has none or a
// file it edits cannot be read.
// The code action's title: what the fix does ("Add case EventType::Retry"), as the rule says.
std::string quickFixTitle(const Finding &F);

nlohmann::json toWorkspaceChanges(const Finding &F, const TextOf &Text, OffsetEncoding Encoding);

bool rangesIntersect(const nlohmann::json &A, const nlohmann::json &B);

} // namespace contractcheck::lsp
