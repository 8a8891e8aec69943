// libFuzzer target: any bytes as a Python file, then every lookup of the enums it defines.
// Must never crash or hang; malformed input is a positioned DataError.
#include "rules/schema-sync/PythonEnumParser.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace contractcheck;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *Data, std::size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  DataError Error;
  std::optional<std::vector<PythonEnum>> Enums = parsePythonEnums(Text, Error);
  if (!Enums) {
    if (Error.Line == 0 || Error.Column == 0 || Error.Message.empty())
      __builtin_trap();
    return 0;
  }
  std::string Message;
  for (const PythonEnum &E : *Enums) {
    findPythonEnum(*Enums, E.Name, Message);
    for (const ExternalMember &M : E.Members)
      if (M.Line == 0 || M.Column == 0 || M.Name.empty())
        __builtin_trap();
  }
  findPythonEnum(*Enums, "Missing", Message);
  return 0;
}
