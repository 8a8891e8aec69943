// libFuzzer target: any bytes as JSON and as YAML, then pointers and key paths into the result.
// Must never crash, hang or leak; malformed input is a DataError.
#include "DataDocument.h"
#include "DataKeyPath.h"
#include "JsonPointer.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace contractcheck;

namespace {

void exercise(const DataDocument &Doc) {
  DataError Error;
  for (std::string_view Pointer : {"", "#", "#/a", "/a/0", "#/definitions/E", "/0/$ref"})
    resolveJsonPointer(Doc, Pointer, Error);
  // Follow every "$ref" found at the top two levels.
  for (const DataNode::Entry &E : Doc.root().entries()) {
    followRefs(Doc, E.Value, Error);
    for (const DataNode::Entry &Inner : E.Value.entries())
      followRefs(Doc, Inner.Value, Error);
  }
  std::string Message;
  for (std::string_view Path : {"a", "a[*].b", "*.b", "[*]", "[0].a[*]"})
    if (auto KeyPath = DataKeyPath::parse(Path, Message))
      KeyPath->match(Doc.root());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *Data, std::size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  for (auto Format : {DataDocument::Format::Json, DataDocument::Format::Yaml}) {
    DataError Error;
    if (auto Doc = DataDocument::parse("fuzz", Text, Format, Error))
      exercise(*Doc);
    else
      (void)Error.render();
  }
  // The pointer and key-path parsers on the same bytes.
  std::string Message;
  (void)parseJsonPointer(Text, Message);
  (void)DataKeyPath::parse(Text, Message);
  return 0;
}
