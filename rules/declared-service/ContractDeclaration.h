// What a contract declaration may contain. The declaration is pasted into a snippet that Clang
// preprocesses and parses, so it is data that must not be able to do anything but declare one
// member: no preprocessor directive (which would read any file, /etc/passwd or /dev/stdin, into
// the report), no _Pragma (clang's __debug pragmas crash or hang the parse), no comment or
// literal that swallows the snippet around it, no bracket that closes the probe's struct. Free of
// Clang: a lexical check before the parse; the probe then checks that what parsed is one method.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace contractcheck {

struct DeclarationProblem {
  size_t Offset = 0; // of the offending character, in the declaration's text
  std::string Message;
};

// The first thing in Text that a contract declaration may not contain, or nothing.
std::optional<DeclarationProblem> checkContractDeclaration(std::string_view Text);

} // namespace contractcheck
