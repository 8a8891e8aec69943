// Python source into tokens with positions, as Python's own tokenizer splits it: logical lines
// (NEWLINE), INDENT/DEDENT, brackets joining lines, strings of every prefix and quoting
// (f-string replacement fields with nested strings included), comments dropped.
#pragma once

#include "DataDocument.h"

#include <string_view>
#include <vector>

namespace contractcheck {

struct PythonToken {
  enum class Kind { Name, Number, String, Op, Newline, Indent, Dedent, End };
  Kind K = Kind::End;
  std::string_view Text; // a string token includes its prefix and quotes
  unsigned Line = 0;
  unsigned Column = 0;
  bool is(std::string_view S) const { return (K == Kind::Name || K == Kind::Op) && Text == S; }
};

// nullopt with Error's line, column and message set (not its file) on malformed input.
std::optional<std::vector<PythonToken>> tokenizePython(std::string_view Text, DataError &Error);

} // namespace contractcheck
