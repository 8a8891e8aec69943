// The message of a per-TU rule's diagnostic. clang reads a diagnostic's message as a format
// ('%0' takes the next argument, '%%' is a percent sign), so text that came from the code under
// analysis (a string literal, an initializer as written, a signature) must never reach it as
// part of a format: "%d" in a user's string would be read as a placeholder. Rules therefore do
// not escape anything themselves: a literal written in the rule is a format, anything built at
// run time is text and is escaped here.
#pragma once

#include <llvm/ADT/StringRef.h>

#include <cstddef>
#include <string>

namespace contractcheck {

// Text as a clang diagnostic format that prints it unchanged ('%' doubled).
std::string escapedFormat(llvm::StringRef Text);

class DiagnosticMessage {
public:
  DiagnosticMessage() = default;
  // A format written in the rule ("'%0' is not an enumerator of '%1'"); its arguments are
  // streamed into the diagnostic with <<, and clang prints those as given.
  template <std::size_t N>
  DiagnosticMessage(const char (&Format)[N]) : Format(Format) {}
  // Text built at run time ("enum '" + Name + "' is defined here"): printed as written.
  DiagnosticMessage(const std::string &Text) : Format(escapedFormat(Text)) {}
  DiagnosticMessage(llvm::StringRef Text) : Format(escapedFormat(Text)) {}

  // The format clang is given.
  const std::string &format() const { return Format; }

private:
  std::string Format;
};

} // namespace contractcheck
