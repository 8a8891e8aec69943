#include "InputError.h"
#include "Paths.h"

#include <llvm/ADT/StringRef.h>

namespace contractcheck {

InputError::InputError(std::string Message, std::string File, unsigned Line, unsigned Column)
    : std::runtime_error(std::move(Message)), File(std::move(File)), Line(Line), Column(Column) {}

InputError InputError::atOffset(std::string Message, std::string File, std::string_view Text,
                                size_t Offset) {
  unsigned Line = 1, Column = 1;
  for (size_t I = 0; I < Offset && I < Text.size(); ++I) {
    if (Text[I] == '\n') {
      ++Line;
      Column = 1;
    } else {
      ++Column;
    }
  }
  return InputError(std::move(Message), std::move(File), Line, Column);
}

InputError InputError::fromJsonParseError(const std::exception &E, size_t Byte, std::string File,
                                          std::string_view Text) {
  std::string Message = E.what();
  if (size_t Start = Message.find("syntax error"); Start != std::string::npos)
    Message = Message.substr(Start);
  // nlohmann counts bytes from 1 and points just past the offending character.
  return atOffset("malformed JSON: " + Message, std::move(File), Text, Byte == 0 ? 0 : Byte - 1);
}

InputError InputError::fromJsonError(const std::exception &E, std::string File) {
  std::string Message = E.what();
  if (Message.rfind("[json.exception.", 0) == 0 && Message.find("] ") != std::string::npos)
    Message = Message.substr(Message.find("] ") + 2);
  return InputError("malformed JSON: " + Message, std::move(File));
}

std::string InputError::render(std::string_view BaseDir, std::string_view Program) const {
  std::string Text;
  if (!File.empty())
    Text += displayPosition(File, Line, Column, BaseDir) + ": ";
  else if (!Program.empty())
    Text += std::string(Program) + ": ";
  Text += "error: ";
  Text += what();
  for (const InputError &Other : Following)
    Text += "\n" + Other.render(BaseDir, Program);
  return Text;
}

InputError &InputError::alsoFound(std::vector<InputError> More) {
  for (InputError &Other : More)
    Following.push_back(std::move(Other));
  return *this;
}

} // namespace contractcheck
