// A problem with what the user gave us (config, compile database, command line): reported as
// `file:line:col: error: message`, exit code 2.
#pragma once

#include "DidYouMean.h"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace contractcheck {

class InputError : public std::runtime_error {
public:
  explicit InputError(std::string Message, std::string File = {}, unsigned Line = 0,
                      unsigned Column = 0);

  // A problem at a byte offset of a file's text: the line and column are computed from it.
  static InputError atOffset(std::string Message, std::string File, std::string_view Text,
                             size_t Offset);
  // nlohmann's parse error, positioned, without its "[json.exception...]" prefix.
  static InputError fromJsonParseError(const std::exception &E, size_t Byte, std::string File,
                                       std::string_view Text);
  // Any other nlohmann exception while parsing (a number out of range), without its prefix.
  static InputError fromJsonError(const std::exception &E, std::string File);

  const std::string &file() const { return File; }
  unsigned line() const { return Line; }
  unsigned column() const { return Column; }
  // "file:line:col: error: message", leaving out what is unknown, then the errors found
  // alongside it, one per line. The file is shown as displayPath() shows it against BaseDir
  // (the working directory, for people); with none, as it is (the language server's own base).
  // Program, when given, begins an error that names no file ("contractcheck: error: message",
  // as clang's driver writes `clang: error:`): the CLI's stderr, not an editor's diagnostic.
  std::string render(std::string_view BaseDir = {}, std::string_view Program = {}) const;

  // The other errors of the same input, so that a user fixes them in one go, as a compiler
  // reports every error of a file.
  InputError &alsoFound(std::vector<InputError> More);
  const std::vector<InputError> &following() const { return Following; }

private:
  std::string File;
  unsigned Line;
  unsigned Column;
  std::vector<InputError> Following;
};

} // namespace contractcheck
