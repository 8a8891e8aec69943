// libFuzzer target: any bytes as a .proto file, then every lookup of the enums it defines.
// Must never crash or hang; malformed input is a positioned DataError.
#include "rules/schema-sync/ProtoEnumParser.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace contractcheck;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *Data, std::size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  DataError Error;
  std::optional<ProtoFile> File = parseProtoFile(Text, Error);
  if (!File) {
    // A malformed file is always reported with a position inside the text.
    if (Error.Line == 0 || Error.Column == 0 || Error.Message.empty())
      __builtin_trap();
    return 0;
  }
  std::string Message;
  for (const ProtoEnum &E : File->Enums) {
    findProtoEnum(*File, E.Name, Message);
    for (const ExternalMember &M : E.Members)
      if (M.Line == 0 || M.Column == 0 || !M.Value)
        __builtin_trap();
  }
  findProtoEnum(*File, "Missing", Message);
  return 0;
}
