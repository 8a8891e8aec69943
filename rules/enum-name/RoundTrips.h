// Round trips: the name a to-string function writes for an enumerator must be one the
// string-to-enum function of the same enum reads back. `toolTypeToString` writing "text" for
// TOOL_TEXT while `toolTypeFromString` has no "text" branch turns every saved text tool into
// the parser's fallback when it is read again (Xournal++ 5334f1e55, 07264b02a).
#pragma once

#include <optional>
#include <utility>
#include <vector>

namespace clang {
class EnumConstantDecl;
class EnumDecl;
class FunctionDecl;
class StringLiteral;
} // namespace clang

namespace contractcheck {

struct AcceptedNames;

// A function that returns text and whose body is a switch over a parameter of an enum type in
// which every case label is an enumerator and leads straight to `return "literal";`: each
// enumerator with the name written for it.
struct NameWriter {
  const clang::FunctionDecl *Function = nullptr;
  const clang::EnumDecl *Enum = nullptr;
  std::vector<std::pair<const clang::EnumConstantDecl *, const clang::StringLiteral *>> Names;
};
std::optional<NameWriter> nameWriter(const clang::FunctionDecl &Definition);

// The names Writer writes that Parser (of the same enum, accepting Names) does not accept, when
// Parser is Writer's round-trip partner: at least two of the written names parse back to their
// own enumerator and they outnumber the names that do not (a display-name function, "Pen
// Tool", and a configuration parser, "pen", are not partners). Left out: an enumerator the
// parser falls back to (it comes back whatever the name), a name written for two
// enumerators (it can read back as only one of them), and a placeholder with no letter or digit
// ("", "?": a value with no name). A name the parser accepts as another
// enumerator is an alias it chose, not reported.
std::vector<std::pair<const clang::EnumConstantDecl *, const clang::StringLiteral *>>
namesNotReadBack(const NameWriter &Writer, const clang::FunctionDecl &Parser,
                 const AcceptedNames &Names);

} // namespace contractcheck
